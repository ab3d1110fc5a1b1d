/**
 * A backup is the household as it was at one moment, also while others edit it (issue 17:
 * several instances on one PostgreSQL). The export reads custom foods before plans; here a
 * custom food and a plan that uses it are committed by another request exactly between
 * those reads (the first query of the plans list waits for that write). The file must
 * hold neither (the snapshot of its start) rather than the plan without its food, which
 * would not restore. A second export holds both, and restores.
 *
 * PostgreSQL only: on SQLite an export's reads are synchronous calls on the one connection
 * with no I/O between them, so no write can land in between (server/services/backup-export.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { createPlanWith } from "@/tests/factories/plans";
import { suiteOnPostgres } from "@/tests/pg-scratch";

let t: TestDatabase;
beforeAll(() => {
  if (suiteOnPostgres) t = createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

type Query = (...args: unknown[]) => unknown;

describe.skipIf(!suiteOnPostgres)(
  suiteOnPostgres
    ? "backup export on PostgreSQL: one snapshot"
    : "backup export on PostgreSQL: one snapshot (skipped: this run is on SQLite, where no write can land between an export's reads)",
  () => {
    it("a food and a plan committed between the export's reads are wholly left out", async () => {
      const api = t.caller();
      await createPlanWith(api, { name: "Before", dayCount: 2 });
      await api.plans.list(); // the own person and everything lazily made exist already

      const prototype = pg.Client.prototype as unknown as { query: Query };
      const original = prototype.query;
      let armed = true;
      let injected = false;
      const concurrentEdit = async () => {
        const food = await api.foods.createCustom(
          buildCustomFoodInput({ name: "Made during the export" }),
        );
        const planId = await createPlanWith(api, { name: "During", dayCount: 2 });
        await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: food.id, grams: 100 });
        injected = true;
      };
      prototype.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0] as string | { text?: string } | undefined;
        const text = typeof first === "string" ? first : (first?.text ?? "");
        if (armed && /from "plans"/i.test(text)) {
          armed = false;
          return concurrentEdit().then(() => original.apply(this, args));
        }
        return original.apply(this, args);
      };
      let backup: Awaited<ReturnType<typeof api.backup.export>>;
      try {
        backup = await api.backup.export();
      } finally {
        prototype.query = original;
      }
      expect(injected).toBe(true);
      expect(backup.plans.map((plan) => plan.file.plan.name)).toEqual(["Before"]);
      expect(backup.customFoods.map((food) => food.fields.name)).toEqual([]);

      // Exported again: both are there, consistent, and the file restores.
      const after = await api.backup.export();
      expect(after.plans.map((plan) => plan.file.plan.name).sort()).toEqual(["Before", "During"]);
      expect(after.customFoods.map((food) => food.fields.name)).toEqual(["Made during the export"]);
      const during = after.plans.find((plan) => plan.file.plan.name === "During");
      expect(during?.file.entries.map((entry) => entry.foodId)).toEqual([after.customFoods[0]?.id]);
      const target = createTestDatabase();
      try {
        const summary = await target.caller().backup.restore({ file: after });
        expect([summary.plans, summary.customFoods, summary.entries]).toEqual([2, 1, 1]);
      } finally {
        await target.close();
      }
    }, 60_000);
  },
);
