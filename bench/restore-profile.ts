/**
 * Where the time of a restore at the caps goes (issue 14b): builds an owner at every cap
 * (tests/factories/caps.ts), exports it, then times each phase of backup.restore on a
 * second database: JSON.parse of the body, the zod schema, the reference checks and the
 * write transaction. `npx tsx bench/restore-profile.ts` (add `--cpu-prof` to node for a
 * profile of the write).
 */
import { backupFileSchema } from "../server/schemas/backup";
import { restoreBackup } from "../server/services/backup";
import { exportBackup } from "../server/services/backup-export";
import { fillToEveryCap } from "../tests/factories/caps";
import { createTestDatabase } from "../tests/factories/database";

async function timed<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  console.log(`${label.padEnd(40)} ${(performance.now() - started).toFixed(0).padStart(8)} ms`);
  return value;
}

/** Export and restore as the household's owner: the account fillToEveryCap gives the first person. */
const VIEWER = { accountId: "test-account", role: "owner" as const };

const full = createTestDatabase();
const target = createTestDatabase();
async function main() {
  await timed("fill to every cap", () => fillToEveryCap(full));
  const backup = await timed("export", () => exportBackup(full.db, "local", VIEWER));
  const json = await timed("JSON.stringify", () => JSON.stringify(backup));
  console.log(`file: ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(1)} MB`);
  for (let run = 1; run <= 2; run++) {
    const raw = await timed(`run ${run}: JSON.parse`, () => JSON.parse(json));
    const file = await timed(`run ${run}: zod backupFileSchema`, () => backupFileSchema.parse(raw));
    // Staged (short transactions with breaks): the total, not one block; the longest
    // block is bench/restore-stall.bench.ts's.
    const started = performance.now();
    await restoreBackup(target.db, "local", file, VIEWER);
    const label = `run ${run}: restoreBackup (checks + staged write)`;
    console.log(`${label.padEnd(40)} ${(performance.now() - started).toFixed(0).padStart(8)} ms`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await full.close();
    await target.close();
  });
