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
 *   node --import tsx edit-stream.ts <database> <planId> <importEntries> <importName>
 */
import { openDatabase } from "../../../db/client";
import { createInnerContext } from "../../../server/trpc/init";
import { createCaller } from "../../../server/trpc/root";

async function main() {
  const [databasePath = "", planId = "", importEntries = "", importName = ""] =
    process.argv.slice(2);
  const db = openDatabase(databasePath);
  const api = createCaller(createInnerContext({ db }));
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
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3, 4, 5, 6, 7], replace: true });
    if (op % 3 === 0) await api.plans.import({ file });
    if (op % 5 === 0) await api.plans.duplicate({ planId });
    if (op === 0) process.stdout.write("running\n");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
