/**
 * A separate OS process that restores a backup file into the local household, for
 * tests/integration/crash-safety.test.ts to SIGKILL mid-restore.
 *
 *   node --import tsx restore-stream.ts <database> <backup.json> <pauseIn>
 *
 * With `pauseIn` = "staging", the restore stops inside one of its staging transactions
 * (the first plan entry written under the staging owner); with "trash", inside one of the
 * transactions that delete the old data after the swap. A TEMP trigger on this connection
 * calls back into this process, which prints "inside <pauseIn>" and holds the transaction
 * open, so the kill lands inside it for certain. The database file is not changed by it.
 */
import { readFileSync } from "node:fs";
import { openDatabase } from "../../../db/client";
import type { BackupFile } from "../../../server/schemas/backup";
import { createInnerContext } from "../../../server/trpc/init";
import { createCaller } from "../../../server/trpc/root";

async function main() {
  const [databasePath = "", backupPath = "", pauseIn = ""] = process.argv.slice(2);
  const db = openDatabase(databasePath);
  const api = createCaller(createInnerContext({ db }));
  const file = JSON.parse(readFileSync(backupPath, "utf8")) as BackupFile;
  db.$client.function("restore_stream_hold", () => {
    process.stdout.write(`inside ${pauseIn}\n`);
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      // hold the transaction open until the test kills this process
    }
    return null;
  });
  if (pauseIn === "staging") {
    db.$client.exec(`CREATE TEMP TRIGGER restore_stream AFTER INSERT ON plan_entries
      WHEN (SELECT value FROM app_meta WHERE key = 'restore-hidden:' ||
        (SELECT owner_id FROM plans WHERE id = NEW.plan_id)) = 'staging'
      BEGIN SELECT restore_stream_hold(); END`);
  } else if (pauseIn === "trash") {
    db.$client.exec(`CREATE TEMP TRIGGER restore_stream AFTER DELETE ON plan_entries
      WHEN (SELECT value FROM app_meta WHERE key = 'restore-hidden:' ||
        (SELECT owner_id FROM plans WHERE id = OLD.plan_id)) = 'trash'
      BEGIN SELECT restore_stream_hold(); END`);
  }
  process.stdout.write("restoring\n");
  await api.backup.restore({ file });
  process.stdout.write("restored\n");
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
