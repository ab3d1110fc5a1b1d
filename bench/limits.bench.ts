/**
 * Worst-case work of one request at the caps (issue 14): how long the heaviest writes
 * hold the (single-threaded, synchronous) server. Through the tRPC caller on a temporary
 * database, so it is the procedure's own time without HTTP and JSON transfer:
 * - plans.duplicate of a full plan (5,600 entries, 20 supplements);
 * - plans.import of a full plan file;
 * - plans.copyDay of a full day (200 entries) onto the 27 other days, replacing them;
 * - backup.export and backup.restore of an owner at every cap (44,800 entries).
 * A batch may hold at most one of these (server/http/request-guard.ts), so one request
 * costs at most one row of this table.
 *
 * `npx tsx bench/limits.bench.ts` (also in `npm run bench`).
 */

import { fillToEveryCap } from "../tests/factories/caps";
import { createTestDatabase } from "../tests/factories/database";
import { printTable, type Row, summarise } from "./stats";

function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  return Promise.resolve(run()).then((value) => ({ ms: performance.now() - started, value }));
}

export async function benchLimits(runs = 5): Promise<Row[]> {
  const rows: Row[] = [];
  // One owner with one full plan (room left for copies).
  const small = createTestDatabase();
  try {
    const { fullPlanId } = await fillToEveryCap(small, "local", 1);
    const api = small.caller();
    const duplicate: number[] = [];
    const imports: number[] = [];
    const copies: number[] = [];
    const file = await api.plans.export({ planId: fullPlanId });
    for (let run = 0; run < runs; run++) {
      const copy = await time(() => api.plans.duplicate({ planId: fullPlanId }));
      duplicate.push(copy.ms);
      const imported = await time(() => api.plans.import({ file }));
      imports.push(imported.ms);
      const copied = await time(() =>
        api.plans.copyDay({
          planId: copy.value.id,
          fromDay: 1,
          toDays: Array.from({ length: 27 }, (_, index) => index + 2),
          replace: true,
        }),
      );
      copies.push(copied.ms);
      await api.plans.delete({ planId: copy.value.id });
      await api.plans.delete({ planId: imported.value.id });
    }
    rows.push({ request: "plans.duplicate (5,600 entries)", ...summarise(duplicate) });
    rows.push({ request: "plans.import (5,600 entries)", ...summarise(imports) });
    rows.push({ request: "plans.copyDay (200 × 27 days, replace)", ...summarise(copies) });
  } finally {
    await small.close();
  }

  const full = createTestDatabase();
  const target = createTestDatabase();
  try {
    await fillToEveryCap(full);
    const exports: number[] = [];
    const restores: number[] = [];
    let backup: Awaited<ReturnType<ReturnType<typeof full.caller>["backup"]["export"]>> | null =
      null;
    for (let run = 0; run < 2; run++) {
      const exported = await time(() => full.caller().backup.export());
      exports.push(exported.ms);
      backup = exported.value;
    }
    if (!backup) throw new Error("no backup");
    const json = JSON.stringify(backup);
    for (let run = 0; run < 2; run++) {
      // What the route does with the body: parse, validate, write in one transaction.
      const restored = await time(() => target.caller().backup.restore({ file: JSON.parse(json) }));
      restores.push(restored.ms);
    }
    rows.push({ request: "backup.export (every cap)", ...summarise(exports) });
    rows.push({
      request: `backup.restore (every cap, ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(1)} MB)`,
      ...summarise(restores),
    });
  } finally {
    await full.close();
    await target.close();
  }
  return rows;
}

export const LIMITS_TITLE = "Heaviest single requests at the caps (ms, server-side, tRPC caller)";

if (process.argv[1]?.endsWith("limits.bench.ts")) {
  benchLimits()
    .then((rows) => printTable(LIMITS_TITLE, rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
