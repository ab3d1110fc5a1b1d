/**
 * `npm run db:setup`: create the database file if needed, migrate it, and import the
 * food database when it is missing or out of date; delete what an interrupted backup
 * restore left behind. Run by `npm start` and `npm run dev`.
 *
 * Until the first account exists it also prints a one-time setup code: open /setup and
 * create the first account from the server itself (localhost), or from anywhere with this
 * code. Each start prints a new code (the previous one stops working). It also deletes what
 * an interrupted backup restore left behind (SQLite).
 *
 * With `DATABASE_URL=postgres://…` (or postgresql://) all of this happens on PostgreSQL
 * (issue 17): unreachable, it prints one line naming host, port and reason (never the
 * password) and exits with code 1.
 */
import { openDatabase, resolveDatabasePath } from "../db/client";
import type { AppDatabase } from "../db/dialect";
import {
  describeDatabaseUrl,
  openPostgres,
  PostgresUnavailableError,
  redactPassword,
} from "../db/pg-client";
import { issueSetupCode } from "../server/services/households";
import { deleteRestoreLeftovers } from "../server/services/restore-staging";
import { configuredPostgresUrl, runImport, runImportPg } from "./run-import";

async function setUp(): Promise<string | null> {
  const postgresUrl = configuredPostgresUrl();
  if (postgresUrl) {
    await runImportPg(postgresUrl, { force: false });
    const db = openPostgres(postgresUrl, { max: 1 });
    try {
      return await issueSetupCode(db as unknown as AppDatabase);
    } finally {
      await db.$client.end();
    }
  }
  await runImport({ force: false });
  const db = openDatabase(resolveDatabasePath());
  // A restore killed midway leaves rows of a hidden owner (invisible): deleted before the
  // server starts.
  const leftovers = await deleteRestoreLeftovers(db);
  if (leftovers > 0) {
    process.stdout.write(`Deleted the rows ${leftovers} interrupted restore(s) left behind.\n`);
  }
  const code = await issueSetupCode(db);
  db.$client.close();
  return code;
}

setUp().then(
  (code) => {
    if (code) {
      process.stdout.write(
        [
          "",
          "No account yet. Open /setup to create the first account (it becomes the admin).",
          "From the server itself (http://localhost:…) no code is needed; from anywhere else use",
          `the one-time setup code: ${code}`,
          "",
        ].join("\n"),
      );
    }
  },
  (error: unknown) => {
    if (error instanceof PostgresUnavailableError) {
      process.stderr.write(`db:setup: ${error.message}\n`);
    } else {
      const url = configuredPostgresUrl();
      const where = url ? ` (${describeDatabaseUrl(url)})` : "";
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`db:setup failed${where}:\n${url ? redactPassword(text, url) : text}\n`);
    }
    process.exit(1);
  },
);
