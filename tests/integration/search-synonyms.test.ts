/**
 * db/data/search-synonyms.json ("queries"): every everyday or British word finds the food
 * SR28 names differently, on the real imported database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import synonymData from "@/db/data/search-synonyms.json";
import { createTestDatabase, type TestDatabase } from "../factories/database";

let testDb: TestDatabase;
beforeAll(() => {
  testDb = createTestDatabase();
});
afterAll(() => testDb.close());

/** The issue's list: what a person types → a word the first results' names must hold. */
const EVERYDAY_WORDS: [string, RegExp][] = [
  ["porridge", /oats/i],
  ["aubergine", /eggplant/i],
  ["courgette", /zucchini/i],
  ["prawns", /shrimp/i],
  ["mince", /beef, ground/i],
  ["rocket", /arugula/i],
  ["coriander", /coriander|cilantro/i],
  ["chips", /french fried/i],
  ["crisps", /potato chips/i],
  ["jacket potato", /potatoes, baked/i],
  ["swede", /rutabaga/i],
  ["beetroot", /beets/i],
  ["yoghurt", /yogurt/i],
  ["soya milk", /soymilk|soya drink/i],
];

describe("everyday and British words", () => {
  for (const [typed, expected] of EVERYDAY_WORDS) {
    it(`"${typed}" finds ${expected.source} first`, async () => {
      const { items } = await testDb.caller().foods.search({ query: typed, limit: 1 });
      expect(items[0]?.name ?? "(nothing)").toMatch(expected);
    });
  }

  it("every rewrite in the data file finds at least one food", async () => {
    const api = testDb.caller();
    const empty: string[] = [];
    for (const typed of Object.keys(synonymData.queries)) {
      const { items } = await api.foods.search({ query: typed, limit: 1 });
      if (items.length === 0) empty.push(typed);
    }
    expect(empty).toEqual([]);
  });
});
