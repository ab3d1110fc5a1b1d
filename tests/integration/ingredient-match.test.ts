/**
 * Pasted ingredient lines matched with the food search on a real imported database:
 * the share of the fixture's lines (tests/fixtures/ingredient-lines.csv) whose match is
 * one of the hand-picked expected foods, grams from the foods' portions, and lines that
 * cannot be matched kept and flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIngredientLine } from "@/server/domain/ingredient-parser";
import { matchIngredient, parseIngredients } from "@/server/services/ingredients";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { loadIngredientLines } from "../fixtures/ingredient-lines";

let testDb: TestDatabase;

beforeAll(() => {
  testDb = createTestDatabase();
});
afterAll(() => testDb.close());

describe("matching the fixture's lines", () => {
  it("matches the expected food for at least 90% of the lines", async () => {
    const cases = loadIngredientLines();
    const misses: string[] = [];
    for (const item of cases) {
      const match = await matchIngredient(testDb.db, "local", parseIngredientLine(item.line));
      if (!match.food || !item.expectedFoodIds.includes(match.food.id)) {
        misses.push(`${item.line} → ${match.food?.id ?? "none"} ${match.food?.name ?? ""}`);
      }
    }
    const rate = (cases.length - misses.length) / cases.length;
    console.log(
      `ingredient matching: ${cases.length - misses.length}/${cases.length} = ${(rate * 100).toFixed(1)}%\n  ${misses.join("\n  ")}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});

describe("parseIngredients", () => {
  it("gives grams from weights and from the matched food's portions", async () => {
    const { lines } = await parseIngredients(
      testDb.db,
      "local",
      "200 g firm tofu\n2 large eggs\n1 cup whole milk\n1 lb ground beef",
    );
    expect(lines.map((line) => line.food?.id)).toEqual([
      expect.stringMatching(/^sr28-16(126|426)$/),
      "sr28-01123",
      expect.stringMatching(/^sr28-01(077|211)$/),
      "sr28-23567",
    ]);
    expect(lines[0]?.grams).toBe(200);
    // SR28 WEIGHT.txt: 1 large egg = 50 g; 1 cup whole milk = 244 g.
    expect(lines[1]?.grams).toBe(100);
    expect(lines[2]?.grams).toBe(244);
    expect(lines[3]?.grams).toBeCloseTo(453.59237, 6);
    expect(lines.every((line) => line.flag === null)).toBe(true);
    expect(lines[0]?.candidates.length).toBeGreaterThan(1);
  });

  it("keeps a line it cannot match as text, flagged, and flags lines without an amount", async () => {
    const { lines } = await parseIngredients(
      testDb.db,
      "local",
      "2 tbsp zqxwv\nsalt and pepper to taste\n1 tbsp olive oil",
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      text: "2 tbsp zqxwv",
      quantity: 2,
      unit: "tbsp",
      food: null,
      grams: null,
      candidates: [],
      flag: "no-food",
    });
    expect(lines[1]?.flag).toBe("no-amount");
    expect(lines[1]?.food?.id).toBe("sr28-02047");
    // SR28: 1 tbsp olive oil = 13.5 g.
    expect(lines[2]?.grams).toBe(13.5);
  });
});
