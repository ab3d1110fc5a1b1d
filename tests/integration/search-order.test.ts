/**
 * The search statement ranks matches on narrow rows and fetches the wide columns for one
 * page only (`buildSearchQuery`, server/services/foods.ts). This checks it against the
 * plain way to write the same search, one statement that sorts every whole row, on the
 * full imported database: the same foods in the same order, page by page, for every
 * filter and both sort orders. The plain statement is written out here, from the rules
 * in docs/architecture.md ("Search"), so a change to either is caught. SQLite only (FTS5).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchPlan } from "@/server/domain/search-query";
import { searchFoodsInput } from "@/server/schemas/foods";
import { buildSearchQuery } from "@/server/services/foods";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { sqliteOnly, suiteOnPostgres } from "../pg-scratch";
import { SEARCH_ORDER_CASES } from "../search-order-cases";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = createTestDatabase();
  // A custom food and a diet correction, so owner filtering and overrides take part.
  const api = testDb.caller();
  await api.foods.createCustom(buildCustomFoodInput({ name: "Cheese sauce, my own vegan" }));
  await api.foods.setDietOverride({ foodId: "sr28-01009", diet: "vegan", note: "test" });
});
afterAll(() => testDb.close());

/**
 * The one-statement search: every match, whole rows, sorted, then the page. The order is
 * the documented rule written another way: a food's head tier is 0 when one of its heads
 * (`|a|b|` in search_heads) is one of the query's phrases, 1 when one is a query word,
 * else 2; 25 points a tier plus the food's prior, then BM25 (not for single letters),
 * then name length, then key.
 */
function plainSearch(input: ReturnType<typeof searchFoodsInput.parse>, params: object) {
  const filters = ["(f.owner_id IS NULL OR f.owner_id = :owner)"];
  if (input.diet === "vegan") filters.push(`coalesce(o.diet, f.diet) = 'vegan'`);
  if (input.diet === "vegetarian")
    filters.push(`coalesce(o.diet, f.diet) IN ('vegan', 'vegetarian')`);
  if (input.fortifiedOnly) filters.push("f.b12_fortified = 1");
  if (input.group) filters.push("f.group_code = :group");
  const plan = buildSearchPlan(input.query);
  if (!plan) throw new Error("no plan");
  const headIn = (list: string[]) =>
    `EXISTS (SELECT 1 FROM json_each('${JSON.stringify(list).replace(/'/g, "''")}') q
       WHERE f.search_heads LIKE '%|' || q.value || '|%')`;
  const tier = `(CASE WHEN ${headIn(plan.phrases)} THEN 0 WHEN ${headIn(plan.words)} THEN 1 ELSE 2 END)`;
  const scored = !plan.lettersOnly;
  const relevance = `${plan.phrases.length + plan.words.length > 0 ? tier : "0"} * 25 + f.search_prior, ${scored ? "bm25(foods_fts, 10.0, 3.0), " : ""}length(f.name), f.key`;
  const order =
    input.sort === "b12" ? `f.b12_per_100g IS NULL, f.b12_per_100g DESC, ${relevance}` : relevance;
  return testDb.db.$client
    .prepare(
      `SELECT f.id FROM foods_fts JOIN foods f ON f.key = foods_fts.rowid
       LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = :owner
       WHERE foods_fts MATCH :match AND ${filters.join(" AND ")}
       ORDER BY ${order} LIMIT :limit OFFSET :offset`,
    )
    .pluck()
    .all(params) as string[];
}

const CASES = SEARCH_ORDER_CASES;

// The statements compared are FTS5's; on PostgreSQL the same cases are checked against
// FTS5's recorded pages (search-dialect-parity.test.ts).
describe.skipIf(suiteOnPostgres)(sqliteOnly("the two-step search statement"), () => {
  for (const raw of CASES) {
    it(`matches the one-statement search for ${JSON.stringify(raw)}`, () => {
      const input = searchFoodsInput.parse(raw);
      const built = buildSearchQuery("local", input);
      if (!built) throw new Error("no statement built");
      const fast = testDb.db.$client.prepare(built.sqlText).all(built.params) as { id: string }[];
      const plain = plainSearch(input, built.params);
      expect(plain.length).toBeGreaterThan(0);
      expect(fast.map((row) => row.id)).toEqual(plain);
    });
  }
});
