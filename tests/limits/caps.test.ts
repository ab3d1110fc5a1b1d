/**
 * An owner at every cap (issue 14; tests/factories/caps.ts): 200 plans, 44,800 entries,
 * 1,000 custom foods, 5,000 diet corrections, every plan with 20 supplements, 100 shopping
 * extras and a mark on every item, names and notes at their longest. One more of anything
 * is refused with BAD_REQUEST and changes nothing; the owner's export is under the restore
 * body limit and restores whole into a fresh database.
 *
 * Slow (it writes ~300,000 rows): `npm run test:limits`, run by .ci/run, not `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RESTORE_BODY_BYTES } from "@/server/http/request-guard";
import { MAX_BACKUP_OVERRIDES } from "@/server/schemas/backup";
import { fillToEveryCap } from "@/tests/factories/caps";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { expectTrpcError } from "@/tests/helpers";

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
    recipes: one("SELECT count(*) AS n FROM recipes"),
    recipeLines: one("SELECT count(*) AS n FROM recipe_ingredients"),
  };
}

beforeAll(async () => {
  source = createTestDatabase();
  target = createTestDatabase();
  ({ fullPlanId, emptyPlanId, sharedFoodIds } = await fillToEveryCap(source));
}, 300_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe("an owner at every cap", () => {
  it("holds exactly the caps backup.restore accepts", () => {
    expect(counts(source)).toEqual({
      plans: 200,
      entries: 44_800,
      custom: 1000,
      overrides: 5000,
      recipes: 500,
      recipeLines: 50_000,
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
    // One more recipe, or a dish in the full plan (dishes count with its entries).
    await expectTrpcError(
      api.recipes.create({ name: "One too many", servings: 1, ingredients: [] }),
      "BAD_REQUEST",
      /at most 500/,
    );
    const [someRecipe] = (await api.recipes.list()).items;
    await expectTrpcError(
      api.recipes.duplicate({ recipeId: someRecipe?.id ?? "" }),
      "BAD_REQUEST",
      /at most 500/,
    );
    await expectTrpcError(
      api.plans.addRecipe({
        planId: fullPlanId,
        day: 1,
        meal: "lunch",
        recipeId: someRecipe?.id ?? "",
        servings: 1,
      }),
      "BAD_REQUEST",
      /5600/,
    );
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
      /44800/,
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
    // "Just above the largest valid backup": a limit far above it would let a request
    // buffer and parse much more than any backup needs.
    expect(bytes).toBeGreaterThan(MAX_RESTORE_BODY_BYTES * 0.85);
    const summary = await target.caller().backup.restore({ file: JSON.parse(json) });
    expect(summary).toMatchObject({
      people: 50,
      customFoods: 1000,
      dietOverrides: 5000,
      plans: 200,
      entries: 44_800,
      supplements: 200 * 20,
      favoriteFoods: 1000,
      aisleChoices: 5000,
      recipes: 500,
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
          file: {
            ...plan.file,
            entries: plan.file.entries.map((entry) => JSON.stringify(entry)).sort(),
          },
          preferences: plan.shopping.preferences,
          eaters: plan.eaters?.map((eater) => eater.portionFactor),
          marks: plan.shopping.marks.length,
          extras: plan.shopping.extras.map((extra) => extra.text),
        }))
        .sort((a, b) => a.file.plan.name.localeCompare(b.file.plan.name));
    expect(strip(again)).toEqual(strip(file));
    expect(again.people.map(({ id: _id, ...person }) => person)).toEqual(
      file.people.map(({ id: _id, ...person }) => person),
    );
    expect(again.household).toEqual(file.household);
    expect(again.favoriteFoods).toEqual(file.favoriteFoods);
    expect(again.aisleChoices).toEqual(file.aisleChoices);
    const recipesOf = (backup: typeof file) =>
      backup.recipes.map(({ key: _key, ...recipe }) => JSON.stringify(recipe)).sort();
    expect(recipesOf(again)).toEqual(recipesOf(file));
  });
});
