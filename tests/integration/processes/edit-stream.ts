/**
 * A separate OS process that edits one plan without pause through the tRPC caller, for
 * tests/integration/crash-safety.test.ts to SIGKILL at a random moment. Every edit keeps
 * invariants a half-applied edit would break:
 * - day 1 of the plan always has the same number of entries (updateEntry only);
 * - days 2-7 are always replaced together by a copy of day 1 (copyDay, one transaction),
 *   so they are identical to each other;
 * - a duplicate holds the whole plan (duplicatePlan), an imported plan the whole file
 *   (plans.import, `importEntries` rows in one transaction).
 *
 *   node --import tsx edit-stream.ts <database> <planId> <importEntries> <importName> [pauseIn]
 *
 * With `pauseIn` = "import" or "copy", the 4th plans.import / 5th copyDay stops half-way
 * through its transaction (a TEMP trigger on this connection calls back into this process
 * after a number of rows), prints "inside import" / "inside copy" and waits there, so a
 * kill lands inside the transaction for certain. The database file is not changed by it.
 */
import { openDatabase } from "../../../db/client";
import { createInnerContext } from "../../../server/trpc/init";
import { createCaller } from "../../../server/trpc/root";

async function main() {
  const [databasePath = "", planId = "", importEntries = "", importName = ""] =
    process.argv.slice(2);
  const pauseIn = process.argv[6] ?? "";
  const db = openDatabase(databasePath);
  const api = createCaller(createInnerContext({ db }));
  let pausing: "import" | "copy" | null = null;
  let inserted = 0;
  db.$client.function("edit_stream_row", () => {
    inserted += 1;
    if (pausing && inserted === (pausing === "import" ? 700 : 100)) {
      process.stdout.write(`inside ${pausing}\n`);
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        // hold the transaction open until the test kills this process
      }
    }
    return null;
  });
  db.$client.exec(
    `CREATE TEMP TRIGGER edit_stream_row AFTER INSERT ON main.plan_entries
     BEGIN SELECT edit_stream_row(); END`,
  );
  const dayOne = (await api.plans.get({ planId })).entries.filter((entry) => entry.day === 1);
  const file = {
    format: "b12-planner-plan" as const,
    version: 1 as const,
    plan: { name: importName, dayCount: 28, startDate: null },
    entries: Array.from({ length: Number(importEntries) }, (_, i) => ({
      day: 1 + (i % 28),
      meal: "snack" as const,
      foodId: "sr28-16139",
      grams: 1 + (i % 500),
    })),
  };
  for (let op = 0; ; op += 1) {
    const entry = dayOne[op % dayOne.length];
    if (entry) await api.plans.updateEntry({ entryId: entry.id, grams: 1 + (op % 997) });
    inserted = 0;
    pausing = pauseIn === "copy" && op === 4 ? "copy" : null;
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3, 4, 5, 6, 7], replace: true });
    if (op % 3 === 0) {
      inserted = 0;
      pausing = pauseIn === "import" && op === 9 ? "import" : null;
      await api.plans.import({ file });
    }
    pausing = null;
    if (op % 5 === 0) await api.plans.duplicate({ planId });
    if (op === 0) process.stdout.write("running\n");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
