/**
 * Quick food entry through the tRPC caller on a real, imported temporary database:
 * recent foods, favourites, copying a meal and undoing a removal (issue 13).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawGet } from "@/db/raw";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { createPlanWith } from "../factories/plans";
import { expectTrpcError, malformed } from "../helpers";

let testDb: TestDatabase;
beforeAll(() => {
  testDb = createTestDatabase();
});
afterAll(() => testDb.close());

const EGG = "sr28-01123";
const SOYMILK = "sr28-16139"; // 1 cup = 243 g (portion sr28-16139:1)
const OATS = "sr28-08121";

const count = async (table: string) =>
  (await rawGet<{ n: number }>(testDb.db, `SELECT count(*) AS n FROM ${table}`))?.n;

describe("foods.recent", () => {
  it("lists the foods of this owner's plans, most recently added first, each once", async () => {
    const api = testDb.caller("recent-owner");
    const planId = await createPlanWith(api);
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: EGG, grams: 50 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: OATS, grams: 200 });
    await api.plans.addEntry({ planId, day: 2, meal: "dinner", foodId: SOYMILK, grams: 243 });
    await api.plans.addEntry({ planId, day: 3, meal: "breakfast", foodId: EGG, grams: 50 });
    const { items } = await api.foods.recent();
    expect(items.map((item) => item.id)).toEqual([EGG, SOYMILK, OATS]);
    expect(items[0]?.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await api.foods.recent({ limit: 2 })).items.map((item) => item.id)).toEqual([
      EGG,
      SOYMILK,
    ]);
  });

  it("shows nothing of another owner's plans", async () => {
    expect((await testDb.caller("recent-stranger").foods.recent()).items).toEqual([]);
  });

  it.each([[{ limit: 0 }], [{ limit: 51 }], [{ limit: 2.5 }], [{ other: 1 }]])(
    "rejects %j with BAD_REQUEST",
    async (input) => {
      await expectTrpcError(testDb.caller().foods.recent(malformed(input)), "BAD_REQUEST");
    },
  );
});

describe("favourites", () => {
  it("stars and unstars a food; the star shows in search results and on the food", async () => {
    const api = testDb.caller("favorite-owner");
    expect(await api.foods.setFavorite({ foodId: EGG, favorite: true })).toEqual({
      foodId: EGG,
      favorite: true,
    });
    await api.foods.setFavorite({ foodId: SOYMILK, favorite: true });
    await api.foods.setFavorite({ foodId: SOYMILK, favorite: true }); // twice is fine
    expect((await api.foods.favorites()).items.map((item) => item.id).sort()).toEqual(
      [EGG, SOYMILK].sort(),
    );
    expect((await api.foods.get({ id: EGG })).favorite).toBe(true);
    const found = await api.foods.search({ query: "egg", limit: 5 });
    expect(found.items.find((item) => item.id === EGG)?.favorite).toBe(true);
    await api.foods.setFavorite({ foodId: EGG, favorite: false });
    expect((await api.foods.favorites()).items.map((item) => item.id)).toEqual([SOYMILK]);
    expect((await api.foods.get({ id: EGG })).favorite).toBe(false);
  });

  it("keeps each owner's stars apart", async () => {
    await testDb.caller("favorite-a").foods.setFavorite({ foodId: OATS, favorite: true });
    expect((await testDb.caller("favorite-b").foods.favorites()).items).toEqual([]);
    expect((await testDb.caller("favorite-b").foods.get({ id: OATS })).favorite).toBe(false);
  });

  it("answers NOT_FOUND for an unknown food or another owner's custom food, changing nothing", async () => {
    const before = await count("favorite_foods");
    await expectTrpcError(
      testDb.caller().foods.setFavorite({ foodId: "sr28-99999", favorite: true }),
      "NOT_FOUND",
      /sr28-99999/,
    );
    const mine = await testDb.caller("custom-owner").foods.createCustom(buildCustomFoodInput());
    await expectTrpcError(
      testDb.caller("someone-else").foods.setFavorite({ foodId: mine.id, favorite: true }),
      "NOT_FOUND",
    );
    expect(await count("favorite_foods")).toBe(before);
  });

  it.each([
    [{ foodId: EGG }],
    [{ foodId: "", favorite: true }],
    [{ foodId: EGG, favorite: "yes" }],
  ])("rejects %j with BAD_REQUEST", async (input) => {
    await expectTrpcError(testDb.caller().foods.setFavorite(malformed(input)), "BAD_REQUEST");
  });
});

describe("plans.copyMeal", () => {
  it("copies one meal to other days, after what is there, in the same order", async () => {
    const api = testDb.caller("copy-owner");
    const planId = await createPlanWith(api, { dayCount: 4 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: OATS, grams: 200 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      portionId: `${SOYMILK}:1`,
      quantity: 1,
    });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: EGG, grams: 50 });
    await api.plans.addEntry({ planId, day: 3, meal: "breakfast", foodId: EGG, grams: 100 });
    const result = await api.plans.copyMeal({
      planId,
      fromDay: 1,
      meal: "breakfast",
      toDays: [3, 2, 3],
    });
    expect(result.copiedEntries).toBe(4);
    const meal = (day: number, name: string) =>
      result.plan.entries
        .filter((entry) => entry.day === day && entry.meal === name)
        .map((entry) => `${entry.foodId}:${entry.grams}`);
    expect(meal(2, "breakfast")).toEqual([`${OATS}:200`, `${SOYMILK}:243`]);
    expect(meal(3, "breakfast")).toEqual([`${EGG}:100`, `${OATS}:200`, `${SOYMILK}:243`]);
    expect(meal(2, "lunch")).toEqual([]);
    const copiedSoy = result.plan.entries.find(
      (entry) => entry.day === 2 && entry.foodId === SOYMILK,
    );
    expect(copiedSoy?.portionId).toBe(`${SOYMILK}:1`);
    expect(copiedSoy?.quantity).toBe(1);
  });

  it("copies into another meal of the same or other days with toMeal", async () => {
    const api = testDb.caller("copy-owner");
    const planId = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: EGG, grams: 50 });
    const result = await api.plans.copyMeal({
      planId,
      fromDay: 1,
      meal: "lunch",
      toDays: [1, 2],
      toMeal: "dinner",
    });
    const dinners = result.plan.entries.filter((entry) => entry.meal === "dinner");
    expect(dinners.map((entry) => entry.day)).toEqual([1, 2]);
  });

  it("refuses, changing nothing: an empty meal, a day outside the plan, a meal onto itself", async () => {
    const api = testDb.caller("copy-owner");
    const planId = await createPlanWith(api, { dayCount: 3 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: EGG, grams: 50 });
    const before = await count("plan_entries");
    await expectTrpcError(
      api.plans.copyMeal({ planId, fromDay: 2, meal: "lunch", toDays: [3] }),
      "BAD_REQUEST",
      /day 2 has no lunch to copy/,
    );
    await expectTrpcError(
      api.plans.copyMeal({ planId, fromDay: 1, meal: "lunch", toDays: [2, 9] }),
      "BAD_REQUEST",
      /toDays must be between 1 and 3/,
    );
    await expectTrpcError(
      api.plans.copyMeal({ planId, fromDay: 1, meal: "lunch", toDays: [1] }),
      "BAD_REQUEST",
      /toDays must not include fromDay when copying into the same meal/,
    );
    await expectTrpcError(
      api.plans.copyMeal(malformed({ planId, fromDay: 1, meal: "brunch", toDays: [2] })),
      "BAD_REQUEST",
      /meal must be one of/,
    );
    await expectTrpcError(
      api.plans.copyMeal({ planId, fromDay: 1, meal: "lunch", toDays: [] }),
      "BAD_REQUEST",
      /toDays must name at least one day/,
    );
    await expectTrpcError(
      testDb
        .caller("copy-stranger")
        .plans.copyMeal({ planId, fromDay: 1, meal: "lunch", toDays: [2] }),
      "NOT_FOUND",
    );
    expect(await count("plan_entries")).toBe(before);
  });
});

describe("undo of a removal (plans.restoreEntry)", () => {
  it("puts the entry back as it was: same id, meal, amount and place", async () => {
    const api = testDb.caller("undo-owner");
    const planId = await createPlanWith(api, { dayCount: 2 });
    const first = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      portionId: `${SOYMILK}:1`,
      quantity: 2,
    });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: OATS, grams: 200 });
    const order = (entries: { foodId: string; day: number; meal: string }[]) =>
      entries.filter((e) => e.day === 1 && e.meal === "breakfast").map((e) => e.foodId);
    const removed = await api.plans.removeEntry({ entryId: first.id });
    expect(order(removed.plan.entries)).toEqual([OATS]);
    const restored = await api.plans.restoreEntry({ entryId: first.id });
    expect(restored.id).toBe(first.id);
    expect(order(restored.plan.entries)).toEqual([SOYMILK, OATS]);
    const entry = restored.plan.entries.find((e) => e.id === first.id);
    expect(entry?.quantity).toBe(2);
    expect(entry?.grams).toBe(486);
    expect(restored.totals).toEqual(await api.plans.totals({ planId }));
  });

  it("says clearly that an entry already put back cannot be restored again, changing nothing", async () => {
    const api = testDb.caller("undo-owner");
    const planId = await createPlanWith(api);
    const added = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: EGG,
      grams: 50,
    });
    await api.plans.removeEntry({ entryId: added.id });
    await api.plans.restoreEntry({ entryId: added.id });
    const before = await count("plan_entries");
    await expectTrpcError(
      api.plans.restoreEntry({ entryId: added.id }),
      "NOT_FOUND",
      /can no longer be put back: it was already restored/,
    );
    await expectTrpcError(
      api.plans.restoreEntry({ entryId: "never-existed" }),
      "NOT_FOUND",
      /can no longer be put back/,
    );
    expect(await count("plan_entries")).toBe(before);
  });

  it("does not let another owner restore an entry, and forgets removals of deleted plans", async () => {
    const api = testDb.caller("undo-owner");
    const planId = await createPlanWith(api);
    const added = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: EGG,
      grams: 50,
    });
    await api.plans.removeEntry({ entryId: added.id });
    await expectTrpcError(
      testDb.caller("undo-stranger").plans.restoreEntry({ entryId: added.id }),
      "NOT_FOUND",
    );
    await api.plans.delete({ planId });
    await expectTrpcError(api.plans.restoreEntry({ entryId: added.id }), "NOT_FOUND");
  });

  it("rejects malformed input with BAD_REQUEST", async () => {
    await expectTrpcError(
      testDb.caller().plans.restoreEntry(malformed({ entryId: 5 })),
      "BAD_REQUEST",
    );
  });
});

describe("foods.amountPreview (B12 of the chosen amount, before Add)", () => {
  // Soymilk 16139: 0.85 µg B12 per 100 g (SR28); 1 cup = 243 g; 1 fl oz = 30.6 g.
  it("gives grams and B12 for grams, a portion, or a unit", async () => {
    const api = testDb.caller();
    expect(await api.foods.amountPreview({ foodId: SOYMILK, grams: 200 })).toEqual({
      grams: 200,
      b12Micrograms: 1.7,
    });
    const cups = await api.foods.amountPreview({
      foodId: SOYMILK,
      portionId: `${SOYMILK}:1`,
      quantity: 2,
    });
    expect(cups.grams).toBe(486);
    expect(cups.b12Micrograms).toBeCloseTo(4.131, 9);
    const fluid = await api.foods.amountPreview({ foodId: SOYMILK, unit: "fl oz", quantity: 8 });
    expect(fluid.grams).toBeCloseTo(244.8, 9);
    const pound = await api.foods.amountPreview({ foodId: EGG, unit: "lb", quantity: 1 });
    expect(pound.grams).toBe(453.59237);
  });

  it("offers ml and fl oz for a drink, oz and lb for a solid", async () => {
    const api = testDb.caller();
    expect((await api.foods.get({ id: SOYMILK })).amountUnits).toEqual(["ml", "fl oz"]);
    expect((await api.foods.get({ id: EGG })).amountUnits).toEqual(["oz", "lb"]);
  });

  it("rejects what it cannot measure", async () => {
    const api = testDb.caller();
    await expectTrpcError(
      api.foods.amountPreview({ foodId: EGG, unit: "ml", quantity: 100 }),
      "BAD_REQUEST",
      /unit: ml needs a drink/,
    );
    await expectTrpcError(
      api.foods.amountPreview({ foodId: "sr28-99999", grams: 10 }),
      "NOT_FOUND",
    );
    await expectTrpcError(
      api.foods.amountPreview(malformed({ foodId: EGG, grams: 10, unit: "oz", quantity: 1 })),
      "BAD_REQUEST",
      /give the amount as grams/,
    );
    await expectTrpcError(
      api.foods.amountPreview({ foodId: EGG, unit: "lb", quantity: 20 }),
      "BAD_REQUEST",
      /more than 5,000 g/,
    );
  });
});
