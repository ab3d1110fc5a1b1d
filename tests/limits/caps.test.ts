/**
 * An owner at every cap (issue 14): 200 plans, 280,000 entries (50 full plans of 5,600),
 * 1,000 custom foods, 5,000 diet corrections, every plan with 20 supplements, 100 shopping
 * extras and a mark on every item, every name and note at its longest. One more of
 * anything is refused with BAD_REQUEST and changes nothing; the owner's export is under
 * the restore body limit and restores whole into a fresh database.
 *
 * Slow (it writes ~300,000 rows): `npm run test:limits`, run by .ci/run, not `npm test`.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEALS } from "@/db/schema";
import { MAX_RESTORE_BODY_BYTES } from "@/server/http/request-guard";
import {
  MAX_BACKUP_CUSTOM_FOODS,
  MAX_BACKUP_ENTRIES,
  MAX_BACKUP_OVERRIDES,
  MAX_BACKUP_PLANS,
} from "@/server/schemas/backup";
import { MAX_PLAN_ENTRIES } from "@/server/schemas/plans";
import { MAX_EXTRAS } from "@/server/schemas/shopping";
import { MAX_SUPPLEMENTS_PER_PLAN } from "@/server/schemas/supplements";
import { createCustomFoodWithId } from "@/server/services/foods";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { expectTrpcError } from "@/tests/helpers";

const OWNER = "local";
const FULL_PLANS = MAX_BACKUP_ENTRIES / MAX_PLAN_ENTRIES;

let source: TestDatabase;
let target: TestDatabase;
let fullPlanId = "";
let emptyPlanId = "";
let sharedFoodIds: string[] = [];

/** Row counts that a refused request must leave as they were. */
function counts(testDb: TestDatabase) {
  const one = (sql: string) => (testDb.db.$client.prepare(sql).get() as { n: number }).n;
  return {
    plans: one("SELECT count(*) AS n FROM plans"),
    entries: one("SELECT count(*) AS n FROM plan_entries"),
    custom: one("SELECT count(*) AS n FROM foods WHERE source = 'custom'"),
    overrides: one("SELECT count(*) AS n FROM diet_overrides"),
  };
}

function fillToEveryCap(testDb: TestDatabase): void {
  const client = testDb.db.$client;
  const shared = client
    .prepare(
      `SELECT f.id AS foodId, p.id AS portionId, p.grams AS grams
         FROM foods f JOIN food_portions p ON p.food_id = f.id AND p.seq = 1
        WHERE f.owner_id IS NULL ORDER BY length(f.id) DESC, f.id`,
    )
    .all() as { foodId: string; portionId: string; grams: number }[];
  sharedFoodIds = (
    client.prepare("SELECT id FROM foods WHERE owner_id IS NULL").all() as { id: string }[]
  ).map((row) => row.id);
  const fill = client.transaction(() => {
    testDb.db.transaction((tx) => {
      for (let index = 0; index < MAX_BACKUP_CUSTOM_FOODS; index++) {
        createCustomFoodWithId(tx, OWNER, `custom-${randomUUID()}`, {
          ...buildCustomFoodInput(),
          b12: { percentDailyValue: 25, labelEdition: "current" },
          name: `${String(index).padStart(4, "0")} ${"Fortified oat drink ".repeat(10)}`.slice(
            0,
            200,
          ),
          portions: Array.from({ length: 20 }, (_, n) => ({
            label: `${n + 1} ${"glass ".repeat(20)}`.slice(0, 100),
            grams: 100 + n,
          })),
        });
      }
    });
    const override = client.prepare(
      "INSERT INTO diet_overrides (owner_id, food_id, diet, note) VALUES (?, ?, 'vegan', ?)",
    );
    for (const foodId of sharedFoodIds.slice(0, MAX_BACKUP_OVERRIDES)) {
      override.run(OWNER, foodId, "n".repeat(500));
    }
    const plan = client.prepare(
      "INSERT INTO plans (id, owner_id, name, day_count, start_date) VALUES (?, ?, ?, 28, '2026-01-05')",
    );
    const entry = client.prepare(
      `INSERT INTO plan_entries (id, plan_id, day, meal, food_id, portion_id, quantity, grams, position)
       VALUES (?, ?, ?, ?, ?, ?, 1.5, ?, ?)`,
    );
    const supplement = client.prepare(
      `INSERT INTO plan_supplements (id, plan_id, dose_micrograms, form, compound, every_n_days, first_day, with_meal, note)
       VALUES (?, ?, 250, 'tablet', 'cyanocobalamin', 1, 1, 'breakfast', ?)`,
    );
    const extra = client.prepare(
      "INSERT INTO shopping_extras (id, plan_id, text, position) VALUES (?, ?, ?, ?)",
    );
    const mark = client.prepare(
      "INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry) VALUES (?, ?, 1, 0)",
    );
    const preferences = client.prepare(
      "INSERT INTO shopping_preferences (plan_id, servings, unit_system, from_day, to_day) VALUES (?, 20, 'imperial', 1, 28)",
    );
    for (let p = 0; p < MAX_BACKUP_PLANS; p++) {
      const planId = randomUUID();
      if (p === 0) fullPlanId = planId;
      if (p === MAX_BACKUP_PLANS - 1) emptyPlanId = planId;
      plan.run(
        planId,
        OWNER,
        `${String(p).padStart(3, "0")} ${"A long plan name ".repeat(12)}`.slice(0, 199),
      );
      preferences.run(planId);
      if (p < FULL_PLANS) {
        const foodsInPlan = new Set<string>();
        for (let i = 0; i < MAX_PLAN_ENTRIES; i++) {
          const food = shared[(p * 97 + i) % shared.length];
          if (!food) throw new Error("no shared foods with portions");
          foodsInPlan.add(food.foodId);
          entry.run(
            randomUUID(),
            planId,
            Math.floor(i / 200) + 1,
            MEALS[Math.floor(i / 50) % 4],
            food.foodId,
            food.portionId,
            Math.min(5000, food.grams * 1.5),
            (i % 50) + 1,
          );
        }
        for (const foodId of foodsInPlan) mark.run(planId, foodId);
      }
      for (let s = 0; s < MAX_SUPPLEMENTS_PER_PLAN; s++) {
        const id = randomUUID();
        supplement.run(id, planId, "s".repeat(200));
        mark.run(planId, `supplement:${id}`);
      }
      for (let x = 0; x < MAX_EXTRAS; x++) {
        const id = randomUUID();
        extra.run(id, planId, `${x} ${"paper towels ".repeat(20)}`.slice(0, 200), x + 1);
        mark.run(planId, `extra:${id}`);
      }
    }
  });
  fill();
}

beforeAll(() => {
  source = createTestDatabase();
  target = createTestDatabase();
  fillToEveryCap(source);
}, 300_000);
afterAll(() => {
  source?.close();
  target?.close();
});

describe("an owner at every cap", () => {
  it("holds exactly the caps backup.restore accepts", () => {
    expect(counts(source)).toEqual({
      plans: 200,
      entries: 280_000,
      custom: 1000,
      overrides: 5000,
    });
  });

  it("is refused one more plan, entry, custom food or diet correction, and nothing changes", async () => {
    const api = source.caller();
    const before = counts(source);
    await expectTrpcError(
      api.plans.create({ name: "One too many", dayCount: 1 }),
      "BAD_REQUEST",
      /200 plans/,
    );
    await expectTrpcError(api.plans.duplicate({ planId: emptyPlanId }), "BAD_REQUEST", /200 plans/);
    await expectTrpcError(
      api.plans.import({
        file: {
          format: "b12-planner-plan",
          version: 1,
          plan: { name: "Imported", dayCount: 1, startDate: null },
          entries: [],
        },
      }),
      "BAD_REQUEST",
      /200 plans/,
    );
    // The empty plan has room of its own, but all plans together are full.
    await expectTrpcError(
      api.plans.addEntry({
        planId: emptyPlanId,
        day: 1,
        meal: "lunch",
        foodId: "sr28-01123",
        grams: 50,
      }),
      "BAD_REQUEST",
      /280000/,
    );
    await expectTrpcError(
      api.plans.addEntry({
        planId: fullPlanId,
        day: 1,
        meal: "lunch",
        foodId: "sr28-01123",
        grams: 50,
      }),
      "BAD_REQUEST",
      /at most 5600/,
    );
    await expectTrpcError(
      api.foods.createCustom(buildCustomFoodInput()),
      "BAD_REQUEST",
      /1000 custom foods/,
    );
    const uncorrected = sharedFoodIds[MAX_BACKUP_OVERRIDES];
    if (!uncorrected) throw new Error("not enough shared foods");
    const refused = await expectTrpcError(
      api.foods.setDietOverride({ foodId: uncorrected, diet: "vegan" }),
      "BAD_REQUEST",
      /5000 foods/,
    );
    expect(refused.cause).toMatchObject({ field: "diet" });
    expect(counts(source)).toEqual(before);
    // Changing an existing correction is not one more.
    const corrected = sharedFoodIds[0] ?? "";
    await api.foods.setDietOverride({ foodId: corrected, diet: "vegetarian" });
    await api.foods.setDietOverride({ foodId: corrected, diet: "vegan", note: "n".repeat(500) });
    expect(counts(source)).toEqual(before);
  });

  it("exports a backup under the restore body limit that restores whole", async () => {
    const file = await source.caller().backup.export();
    const json = JSON.stringify(file);
    const bytes = Buffer.byteLength(json);
    console.log(
      `backup at every cap: ${(bytes / 1024 / 1024).toFixed(1)} MB (limit ${MAX_RESTORE_BODY_BYTES / 1024 / 1024} MB)`,
    );
    expect(bytes).toBeLessThan(MAX_RESTORE_BODY_BYTES);
    const summary = await target.caller().backup.restore({ file: JSON.parse(json) });
    expect(summary).toMatchObject({
      customFoods: 1000,
      dietOverrides: 5000,
      plans: 200,
      entries: 280_000,
      supplements: 200 * 20,
    });
    expect(counts(target)).toEqual(counts(source));
    const marks = (testDb: TestDatabase) =>
      (testDb.db.$client.prepare("SELECT count(*) AS n FROM shopping_marks").get() as { n: number })
        .n;
    expect(marks(target)).toBe(marks(source));
    // And the restored owner exports the same document (ids of plans aside).
    const again = await target.caller().backup.export();
    const strip = (backup: typeof file) =>
      backup.plans
        .map((plan) => ({
          file: plan.file,
          preferences: plan.shopping.preferences,
          marks: plan.shopping.marks.length,
          extras: plan.shopping.extras.map((extra) => extra.text),
        }))
        .sort((a, b) => a.file.plan.name.localeCompare(b.file.plan.name));
    expect(strip(again)).toEqual(strip(file));
  });
});
