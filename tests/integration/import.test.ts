/** The USDA SR28 import on a real temporary database: counts, idempotence, unknowns. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFoodDatabase } from "@/db/import/import-foods";
import { createTestDatabase, importSources, type TestDatabase } from "../factories/database";

let testDb: TestDatabase;

beforeAll(() => {
  testDb = createTestDatabase({ seed: false });
});
afterAll(() => testDb.close());

const count = (sqlText: string) => (testDb.db.$client.prepare(sqlText).get() as { n: number }).n;

describe("importing USDA SR28", () => {
  it("imports all 8,789 foods and 15,438 portions, keeping 1,193 B12 values unknown", () => {
    const summary = importFoodDatabase(testDb.db, { sources: importSources() });
    expect(summary.changed).toBe(true);
    expect(count(`SELECT count(*) AS n FROM foods WHERE source = 'usda'`)).toBe(8789);
    expect(
      count(
        `SELECT count(*) AS n FROM food_portions p JOIN foods f ON f.id = p.food_id WHERE f.source = 'usda'`,
      ),
    ).toBe(15438);
    expect(
      count(`SELECT count(*) AS n FROM foods WHERE source = 'usda' AND b12_per_100g IS NULL`),
    ).toBe(1193);
    expect(summary.curatedFoods).toBeGreaterThanOrEqual(2);
    expect(summary.unknownB12Foods).toBe(1193);
    expect(summary.veganFoods + summary.vegetarianFoods + summary.omnivoreFoods).toBe(
      summary.foods,
    );
    expect(summary.fortifiedFoods).toBeGreaterThan(100);
  });

  it("stores B12, added B12, energy and macronutrients per 100 g", () => {
    const row = testDb.db.$client
      .prepare(`SELECT * FROM foods WHERE ndb_number = '16139'`)
      .get() as Record<string, number | string | null>;
    expect(row).toMatchObject({
      b12_per_100g: 0.85,
      b12_added_per_100g: 0.85,
      energy_kcal_per_100g: 43,
      protein_g_per_100g: 2.6,
      fat_g_per_100g: 1.47,
      carbohydrate_g_per_100g: 4.92,
      fibre_g_per_100g: 0.2,
      diet: "vegan",
      b12_fortified: 1,
    });
  });

  it("is idempotent: a second import writes nothing and a forced one changes no row", () => {
    const snapshot = () =>
      testDb.db.$client
        .prepare(`SELECT key, id, updated_at, b12_per_100g, diet FROM foods ORDER BY key`)
        .all();
    const before = snapshot();
    const portionsBefore = testDb.db.$client
      .prepare(`SELECT * FROM food_portions ORDER BY id`)
      .all();
    const again = importFoodDatabase(testDb.db, { sources: importSources() });
    expect(again.changed).toBe(false);
    importFoodDatabase(testDb.db, { sources: importSources(), force: true });
    expect(snapshot()).toEqual(before);
    expect(testDb.db.$client.prepare(`SELECT * FROM food_portions ORDER BY id`).all()).toEqual(
      portionsBefore,
    );
  });

  it("keeps the search index in step with the foods table", () => {
    const integrity = testDb.db.$client
      .prepare(`INSERT INTO foods_fts(foods_fts, rank) VALUES ('integrity-check', 1)`)
      .run();
    expect(integrity.changes).toBeGreaterThanOrEqual(0);
    expect(
      count(`SELECT count(*) AS n FROM foods_fts WHERE foods_fts MATCH '"soymilk"*'`),
    ).toBeGreaterThan(5);
  });
});
