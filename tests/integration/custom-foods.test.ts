/**
 * Custom foods from labels, diet corrections and the owner boundary, through the tRPC
 * caller on a real temporary database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFoodDatabase } from "@/db/import/import-foods";
import { importFoodDatabasePg } from "@/db/import/import-foods-pg";
import type { PostgresDatabase } from "@/db/pg-client";
import { rawGet } from "@/db/raw";
import { createTestDatabase, importSources, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { expectTrpcError, malformed } from "../helpers";
import { suiteOnPostgres } from "../pg-scratch";

let testDb: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

beforeAll(() => {
  testDb = createTestDatabase();
  api = testDb.caller();
});
afterAll(() => testDb.close());

const countCustomFoods = async () =>
  (
    await rawGet<{ n: number }>(
      testDb.db,
      `SELECT count(*) AS n FROM foods WHERE source = 'custom'`,
    )
  )?.n;

describe("foods.createCustom", () => {
  it("converts a current-label %DV with the 2.4 µg Daily Value", async () => {
    const food = await api.foods.createCustom(
      buildCustomFoodInput({
        servingGrams: 240,
        b12: { percentDailyValue: 25, labelEdition: "current" },
      }),
    );
    // 25% × 2.4 µg = 0.6 µg per 240 g serving = 0.25 µg per 100 g.
    expect(food.b12PerHundredGrams).toBeCloseTo(0.25, 12);
    expect(food.portions[0]).toMatchObject({ label: "1 serving", grams: 240 });
    expect(food.portions[0]?.b12Micrograms).toBeCloseTo(0.6, 12);
    expect(food).toMatchObject({
      source: "custom",
      ndbNumber: null,
      diet: "vegan",
      b12Fortified: true,
    });
    expect(food.id).toMatch(/^custom-/);
  });

  it("converts a pre-2016 label %DV with the 6 µg Daily Value", async () => {
    const food = await api.foods.createCustom(
      buildCustomFoodInput({
        servingGrams: 30,
        b12: { percentDailyValue: 25, labelEdition: "pre-2016" },
      }),
    );
    // 25% × 6 µg = 1.5 µg per 30 g = 5 µg per 100 g.
    expect(food.b12PerHundredGrams).toBeCloseTo(5, 12);
    expect(food.label).toMatchObject({ percentDailyValue: 25, labelEdition: "pre-2016" });
  });

  it("accepts B12 in µg and extra household portions", async () => {
    const food = await api.foods.createCustom(
      buildCustomFoodInput({
        name: "Nooch flakes (my brand)",
        servingGrams: 5,
        b12: { micrograms: 2.4 },
        portions: [
          { label: "1 tbsp", grams: 5 },
          { label: "1 cup", grams: 60 },
        ],
      }),
    );
    expect(food.b12PerHundredGrams).toBeCloseTo(48, 12);
    expect(food.portions.map((portion) => portion.label)).toEqual(["1 serving", "1 tbsp", "1 cup"]);
    expect(food.portions[2]?.b12Micrograms).toBeCloseTo(28.8, 12);
  });

  it("is found by search like any other food", async () => {
    const food = await api.foods.createCustom(
      buildCustomFoodInput({ name: "Zebrafruit oat drink" }),
    );
    const { items } = await api.foods.search({
      query: "zebrafruit",
      diet: "vegan",
      fortifiedOnly: true,
    });
    expect(items.map((item) => item.id)).toEqual([food.id]);
  });

  it.each([
    [{ servingGrams: -5 }, /servingGrams must be greater than 0/],
    [{ servingGrams: 0 }, /servingGrams must be greater than 0/],
    [{ servingGrams: 6000 }, /servingGrams must be at most 5000/],
    [{ name: "" }, /name must not be empty/],
    [{ name: "x".repeat(201) }, /name is too long/],
    [
      { b12: { percentDailyValue: -5, labelEdition: "current" } },
      /b12\.percentDailyValue must not be negative/,
    ],
    [
      { b12: { percentDailyValue: 10000, labelEdition: "current" } },
      /b12\.percentDailyValue must be at most/,
    ],
    [{ b12: { percentDailyValue: 20 } }, /b12\.labelEdition is required/],
    [{ b12: { micrograms: -1 } }, /b12\.micrograms must not be negative/],
    [{ b12: { micrograms: 1, percentDailyValue: 10, labelEdition: "current" } }, /exactly one/],
    [{ b12: {} }, /exactly one/],
    [{ diet: "pescatarian" }, /diet must be one of/],
    [{ group: "9999" }, /No food group with code 9999/],
    [{ portions: [{ label: "", grams: 10 }] }, /portion label must not be empty/],
    [{ portions: [{ label: "1 cup", grams: Number.NaN }] }, /portion grams/],
  ])("rejects %j and saves nothing", async (override, message) => {
    const before = await countCustomFoods();
    const code = "group" in override ? "NOT_FOUND" : "BAD_REQUEST";
    await expectTrpcError(
      api.foods.createCustom(buildCustomFoodInput(malformed(override))),
      code,
      message,
    );
    expect(await countCustomFoods()).toBe(before);
  });
});

describe("foods.updateCustom and foods.deleteCustom", () => {
  it("edits a custom food, replacing its label values and portions", async () => {
    const food = await api.foods.createCustom(
      buildCustomFoodInput({ portions: [{ label: "1 glass", grams: 250 }] }),
    );
    const updated = await api.foods.updateCustom({
      id: food.id,
      ...buildCustomFoodInput({
        name: "Renamed drink",
        servingGrams: 200,
        b12: { micrograms: 1 },
        diet: "vegetarian",
      }),
    });
    expect(updated).toMatchObject({ id: food.id, name: "Renamed drink", diet: "vegetarian" });
    expect(updated.b12PerHundredGrams).toBeCloseTo(0.5, 12);
    expect(updated.portions.map((portion) => portion.label)).toEqual(["1 serving"]);
  });

  it("keeps the food unchanged when an edit is invalid", async () => {
    const food = await api.foods.createCustom(buildCustomFoodInput({ name: "Stable drink" }));
    await expectTrpcError(
      api.foods.updateCustom({ id: food.id, ...buildCustomFoodInput({ servingGrams: -1 }) }),
      "BAD_REQUEST",
      /servingGrams/,
    );
    expect(await api.foods.get({ id: food.id })).toEqual(food);
  });

  it("deletes a custom food; it is then NOT_FOUND", async () => {
    const food = await api.foods.createCustom(buildCustomFoodInput());
    await expect(api.foods.deleteCustom({ id: food.id })).resolves.toEqual({ id: food.id });
    await expectTrpcError(api.foods.get({ id: food.id }), "NOT_FOUND");
    await expectTrpcError(api.foods.deleteCustom({ id: food.id }), "NOT_FOUND", /No food with id/);
  });

  it("refuses to edit or delete a USDA food", async () => {
    await expectTrpcError(
      api.foods.deleteCustom({ id: "sr28-16139" }),
      "BAD_REQUEST",
      /only your own custom foods/,
    );
    await expectTrpcError(
      api.foods.updateCustom({ id: "sr28-16139", ...buildCustomFoodInput() }),
      "BAD_REQUEST",
      /USDA/,
    );
    expect((await api.foods.get({ id: "sr28-16139" })).name).toMatch(/^Soymilk/);
  });

  it("keeps each owner's foods to that owner", async () => {
    const mine = await api.foods.createCustom(
      buildCustomFoodInput({ name: "Quokka private drink" }),
    );
    const other = testDb.caller("someone-else");
    expect((await other.foods.search({ query: "quokka" })).items).toEqual([]);
    await expectTrpcError(other.foods.get({ id: mine.id }), "NOT_FOUND");
    await expectTrpcError(other.foods.deleteCustom({ id: mine.id }), "NOT_FOUND");
    expect((await api.foods.get({ id: mine.id })).name).toBe("Quokka private drink");
  });
});

describe("foods.setDietOverride", () => {
  it("corrects a food's diet, used by the diet filter, and can be undone", async () => {
    const original = await api.foods.get({ id: "sr28-16139" });
    expect(original.diet).toBe("vegan");
    const corrected = await api.foods.setDietOverride({
      foodId: "sr28-16139",
      diet: "vegetarian",
      note: "my brand adds honey",
    });
    expect(corrected).toMatchObject({
      diet: "vegetarian",
      classifiedDiet: "vegan",
      dietCorrected: true,
    });
    expect(corrected.dietReason).toMatch(/my brand adds honey/);
    const vegan = await api.foods.search({ query: "16139", diet: "vegan" });
    expect(vegan.items).toEqual([]);
    const undone = await api.foods.setDietOverride({ foodId: "sr28-16139", diet: null });
    expect(undone).toMatchObject({ diet: "vegan", dietCorrected: false });
  });

  it("survives a re-import of the USDA data", async () => {
    await api.foods.setDietOverride({ foodId: "sr28-01001", diet: "vegan" });
    const custom = await api.foods.createCustom(
      buildCustomFoodInput({ name: "Kept through reimport" }),
    );
    const options = { sources: importSources(), force: true };
    const summary = suiteOnPostgres
      ? await importFoodDatabasePg(testDb.db as unknown as PostgresDatabase, options)
      : importFoodDatabase(testDb.db, options);
    expect(summary.foods).toBe(8789 + summary.curatedFoods);
    expect((await api.foods.get({ id: "sr28-01001" })).diet).toBe("vegan");
    expect((await api.foods.get({ id: custom.id })).name).toBe("Kept through reimport");
    await api.foods.setDietOverride({ foodId: "sr28-01001", diet: null });
    expect((await api.foods.get({ id: "sr28-01001" })).diet).toBe("vegetarian");
  });

  it("rejects an unknown food or diet", async () => {
    await expectTrpcError(
      api.foods.setDietOverride({ foodId: "sr28-99999", diet: "vegan" }),
      "NOT_FOUND",
    );
    await expectTrpcError(
      api.foods.setDietOverride(malformed({ foodId: "sr28-01001", diet: "keto" })),
      "BAD_REQUEST",
      /diet must be one of/,
    );
  });
});

describe("foods.labelPreview", () => {
  it("shows what a label comes to before saving", async () => {
    const preview = await api.foods.labelPreview({
      servingGrams: 30,
      b12: { percentDailyValue: 50, labelEdition: "current" },
    });
    expect(preview.b12MicrogramsPerServing).toBeCloseTo(1.2, 12);
    expect(preview.b12PerHundredGrams).toBeCloseTo(4, 12);
  });
});
