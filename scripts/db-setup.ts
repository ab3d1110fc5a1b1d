/**
 * `npm run db:setup`: create the database file if needed, migrate it, and import the
 * food database when it is missing or out of date; delete what an interrupted backup
 * restore left behind. Run by `npm start` and `npm run dev`.
 *
 * Until the first account exists it also prints a one-time setup code: open /setup and
 * create the first account from the server itself (localhost), or from anywhere with this
 * code. Each start prints a new code (the previous one stops working).
 */
import { openDatabase, resolveDatabasePath } from "../db/client";
import { issueSetupCode } from "../server/services/households";
import { deleteRestoreLeftovers } from "../server/services/restore-staging";
import { runImport } from "./run-import";

runImport({ force: false });

async function main(): Promise<void> {
  const db = openDatabase(resolveDatabasePath());
  // A restore killed midway leaves rows of a hidden owner (invisible): deleted before the
  // server starts.
  const leftovers = await deleteRestoreLeftovers(db);
  if (leftovers > 0) {
    process.stdout.write(`Deleted the rows ${leftovers} interrupted restore(s) left behind.\n`);
  }
  const code = issueSetupCode(db);
  db.$client.close();
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
