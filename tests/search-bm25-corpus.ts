/**
 * A six-row corpus for BM25 worked by hand (tests/unit/search-bm25.test.ts) and checked
 * against SQLite's own bm25() (tests/integration/search-tokens.test.ts). Columns: name
 * (weight 10), keywords (weight 3).
 */
export const TINY_CORPUS: [name: string, keywords: string][] = [
  ["Egg white", "x"],
  ["Milk", "egg"],
  ["Cheese egg", "y"],
  ["White egg", "egg white"],
  ["Soymilk", ""],
  ["Soy sauce", "milk"],
];

/** Queries with their scores per row, worked by hand in the unit test. */
export const TINY_QUERIES = [
  '"egg"*',
  '"milk"*',
  '("soy"* AND "milk"*) OR ("soymilk"*)',
  '"egg white"*',
  '^"w"*',
] as const;
