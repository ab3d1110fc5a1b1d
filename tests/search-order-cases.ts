/**
 * The searches whose whole order tests/integration/search-order.test.ts pins down, and
 * that tests/integration/search-parity.test.ts ranks again without FTS5.
 */
export const SEARCH_ORDER_CASES: Record<string, unknown>[] = [
  { query: "cheese", limit: 100 },
  { query: "cheese", cursor: 100, limit: 50 },
  { query: "c" },
  { query: "c", cursor: 40 },
  { query: "c", sort: "b12", diet: "vegan" },
  { query: "soy milk", diet: "vegan", fortifiedOnly: true },
  { query: "milk", diet: "vegetarian", sort: "b12", limit: 50 },
  { query: "cereal", fortifiedOnly: true, group: "0800" },
  { query: "beef ground cooked" },
  { query: "liver", sort: "b12", limit: 100 },
  { query: "a b" },
  { query: "yogurt plain", diet: "vegetarian" },
  { query: "eggs" },
  { query: "porridge", limit: 50 },
  { query: "strawberry" },
  { query: "chicken breast", cursor: 20 },
];
