/**
 * `npm run db:copy -- --from data/b12.db --to postgres://… [--replace]`: copies a SQLite
 * installation into a migrated PostgreSQL database (db/copy-to-postgres.ts), verifies
 * every table's row count and content checksum before committing, prints a table, and
 * exits 1 on any difference (nothing is committed then) or when it refuses.
 */
import { parseArgs } from "node:util";
import { CopyRefusedError, copySqliteToPostgres } from "../db/copy-to-postgres";
import {
  checkPostgres,
  describeDatabaseUrl,
  isPostgresUrl,
  openPostgres,
  PostgresUnavailableError,
  redactPassword,
} from "../db/pg-client";

function fail(message: string): never {
  process.stderr.write(`db:copy: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: "string" },
      to: { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  if (!values.from || !values.to)
    fail("usage: npm run db:copy -- --from data/b12.db --to postgres://… [--replace]");
  if (!isPostgresUrl(values.to)) fail("--to must be a postgres:// (or postgresql://) URL");
  const url = values.to;
  const started = performance.now();
  try {
    await checkPostgres(url);
  } catch (error) {
    if (error instanceof PostgresUnavailableError) fail(error.message);
    throw error;
  }
  const db = openPostgres(url, { max: 1 });
  try {
    process.stdout.write(`Copying ${values.from} to ${describeDatabaseUrl(url)}\n`);
    const result = await copySqliteToPostgres(values.from, db, { replace: values.replace });
    process.stdout.write(
      `\n| table | SQLite rows | PostgreSQL rows | content |\n|---|---|---|---|\n`,
    );
    for (const row of result.tables) {
      const same = row.sqliteRows === row.postgresRows && row.checksumsEqual;
      process.stdout.write(
        `| ${row.table} | ${row.sqliteRows} | ${row.postgresRows} | ${row.checksumsEqual ? "same" : "DIFFERENT"}${same ? "" : "  <--"} |\n`,
      );
    }
    process.stdout.write(
      "\nNot verified yet: plan totals and searches through the services on both databases (the services run on SQLite only so far).\n",
    );
    if (!result.ok) fail("differences found: nothing was committed");
    process.stdout.write(
      `Copied and verified in ${Math.round(performance.now() - started)} ms${result.fingerprintKept ? "" : " (the next db:setup re-imports the food database)"}.\n`,
    );
  } catch (error) {
    if (error instanceof CopyRefusedError) fail(`refused: ${error.message}`);
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fail(redactPassword(text, url));
  } finally {
    await db.$client.end();
  }
}

void main();
