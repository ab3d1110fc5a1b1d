/**
 * The owner caps on favourites and aisle choices equal what backup.restore accepts
 * (server/schemas/backup.ts), so every export restores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawGet, rawRun } from "@/db/raw";
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

async function count(table: string, ownerId: string): Promise<number | undefined> {
  return (
    await rawGet<{ n: number }>(
      testDb.db,
      `SELECT count(*) AS n FROM ${table} WHERE owner_id = ?`,
      [ownerId],
    )
  )?.n;
}

describe("favourite and aisle-choice caps", () => {
  it("stars at most 1,000 foods; re-starring or unstarring still works at the cap", async () => {
    const api = testDb.caller("many-stars");
    await api.foods.setFavorite({ foodId: EGG, favorite: true });
    // 999 more shared foods, other than the soy milk starred below.
    await rawRun(
      testDb.db,
      `INSERT INTO favorite_foods (owner_id, food_id)
       SELECT 'many-stars', id FROM foods
        WHERE owner_id IS NULL AND id NOT IN (?, ?) ORDER BY id LIMIT 999`,
      [EGG, SOYMILK],
    );
    expect(await count("favorite_foods", "many-stars")).toBe(1000);
    const error = await expectTrpcError(
      api.foods.setFavorite({ foodId: SOYMILK, favorite: true }),
      "BAD_REQUEST",
      /You have 1000 favourite foods/,
    );
    expect((error.cause as { field?: string }).field).toBe("foodId");
    expect(await count("favorite_foods", "many-stars")).toBe(1000);
    await api.foods.setFavorite({ foodId: EGG, favorite: true });
    await api.foods.setFavorite({ foodId: EGG, favorite: false });
    await api.foods.setFavorite({ foodId: SOYMILK, favorite: true });
    expect(await count("favorite_foods", "many-stars")).toBe(1000);
  });

  it("keeps at most 5,000 aisle choices; changing or clearing one still works at the cap", async () => {
    const api = testDb.caller("many-aisles");
    const planId = await createPlanWith(api, { name: "Aisles" });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: EGG, grams: 50 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 200 });
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: "other" });
    // 4,999 more, of foods that no longer exist, in one statement (both dialects).
    await rawRun(
      testDb.db,
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4998)
       INSERT INTO shopping_aisle_choices (owner_id, food_id, aisle)
       SELECT 'many-aisles', 'gone-food-' || i, 'other' FROM n`,
    );
    expect(await count("shopping_aisle_choices", "many-aisles")).toBe(5000);
    const error = await expectTrpcError(
      api.shopping.setAisle({ planId, foodId: SOYMILK, aisle: "drinks" }),
      "BAD_REQUEST",
      /moved 5000 foods to other aisles/,
    );
    expect((error.cause as { field?: string }).field).toBe("aisle");
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: "produce" });
    await api.shopping.setAisle({ planId, foodId: EGG, aisle: null });
    await api.shopping.setAisle({ planId, foodId: SOYMILK, aisle: "drinks" });
    expect(await count("shopping_aisle_choices", "many-aisles")).toBe(5000);
  });
});
