/**
 * The owner caps on favourites and aisle choices equal what backup.restore accepts
 * (server/schemas/backup.ts), so every export restores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { createPlanWith } from "@/tests/factories/plans";
import { expectTrpcError } from "@/tests/helpers";

const SOYMILK = "sr28-16139";
const EGG = "sr28-01123";

let testDb: TestDatabase;
beforeAll(() => {
  testDb = createTestDatabase();
});
afterAll(() => testDb.close());

function count(table: string, ownerId: string): number {
  return (
    testDb.db.$client
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE owner_id = ?`)
      .get(ownerId) as { n: number }
  ).n;
}

describe("favourite and aisle-choice caps", () => {
  it("stars at most 1,000 foods; re-starring or unstarring still works at the cap", async () => {
    const api = testDb.caller("many-stars");
    await api.foods.setFavorite({ foodId: EGG, favorite: true });
    // 999 more shared foods, other than the soy milk starred below.
    testDb.db.$client
      .prepare(
        `INSERT INTO favorite_foods (owner_id, food_id)
         SELECT 'many-stars', id FROM foods
          WHERE owner_id IS NULL AND id NOT IN (?, ?) ORDER BY id LIMIT 999`,
      )
      .run(EGG, SOYMILK);
    expect(count("favorite_foods", "many-stars")).toBe(1000);
    const error = await expectTrpcError(
      api.foods.setFavorite({ foodId: SOYMILK, favorite: true }),
      "BAD_REQUEST",
      /You have 1000 favourite foods/,
    );
    expect((error.cause as { field?: string }).field).toBe("foodId");
    expect(count("favorite_foods", "many-stars")).toBe(1000);
    await api.foods.setFavorite({ foodId: EGG, favorite: true });
    await api.foods.setFavorite({ foodId: EGG, favorite: false });
    await api.foods.setFavorite({ foodId: SOYMILK, favorite: true });
    expect(count("favorite_foods", "many-stars")).toBe(1000);
  });

  it("keeps at most 5,000 aisle choices; changing or clearing one still works at the cap", async () => {
    const api = testDb.caller("many-aisles");
    const planId = await createPlanWith(api, { name: "Aisles" });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: EGG, grams: 50 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 200 });
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: "other" });
    const insert = testDb.db.$client.prepare(
      "INSERT INTO shopping_aisle_choices (owner_id, food_id, aisle) VALUES ('many-aisles', ?, 'other')",
    );
    for (let index = 0; index < 4999; index++) insert.run(`gone-food-${index}`);
    expect(count("shopping_aisle_choices", "many-aisles")).toBe(5000);
    const error = await expectTrpcError(
      api.shopping.setAisle({ planId, foodId: SOYMILK, aisle: "drinks" }),
      "BAD_REQUEST",
      /moved 5000 foods to other aisles/,
    );
    expect((error.cause as { field?: string }).field).toBe("aisle");
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: "produce" });
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: null });
    await api.shopping.setAisle({ planId, foodId: SOYMILK, aisle: "drinks" });
    expect(count("shopping_aisle_choices", "many-aisles")).toBe(5000);
  });
});
