/**
 * `npm run db:setup`: create the database file if needed, migrate it, and import the
 * food database when it is missing or out of date. Run by `npm start` and `npm run dev`.
 *
 * Until the first account exists it also prints a one-time setup code: open /setup and
 * create the first account from the server itself (localhost), or from anywhere with this
 * code. Each start prints a new code (the previous one stops working).
 */
import { openDatabase, resolveDatabasePath } from "../db/client";
import { issueSetupCode } from "../server/services/households";
import { runImport } from "./run-import";

runImport({ force: false });

async function main(): Promise<void> {
  const db = openDatabase(resolveDatabasePath());
  const code = await issueSetupCode(db);
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

void main();
