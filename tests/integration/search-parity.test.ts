/**
 * Search parity without FTS5 (issue 17; docs/postgresql-design.md, "5. Search parity"),
 * checked on SQLite so it needs no PostgreSQL and stays in the suite: the pure TypeScript
 * pieces a PostgreSQL search is built from reproduce what FTS5 does, on the full imported
 * database, for every query of the relevance set (tests/fixtures/search-relevance.json)
 * and of tests/integration/search-order.test.ts:
 *  1. the tokenizer (server/domain/search-tokens.ts) + the expression evaluator
 *     (search-expression.ts) match exactly the rows `foods_fts MATCH` matches;
 *  2. fts5Bm25() (search-bm25.ts), with corpus figures counted in TypeScript, equals
 *     SQLite's bm25(foods_fts, 10.0, 3.0) for every matched row within 1e-9 relative;
 *  3. filtering, scoring and sorting the matches in TypeScript (sortSearchCandidates(),
 *     search-tsquery.ts) gives the page foods.search returns.
 * Custom foods of the local owner and of another owner take part: they are in FTS5's
 * corpus figures but only the owner's are in the results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bm25Corpus, bm25CorpusOf, fts5Bm25 } from "@/server/domain/search-bm25";
import {
  expressionPhrases,
  type FtsExpression,
  type FtsPhrase,
  matchesFtsExpression,
  parseFtsExpression,
} from "@/server/domain/search-expression";
import { buildSearchPlan, isNdbNumberQuery } from "@/server/domain/search-query";
import { foodSearchTokens, splitFoodSearchTokens } from "@/server/domain/search-tokens";
import { rankSearchCandidates, type TokenizedCandidate } from "@/server/domain/search-tsquery";
import { searchFoodsInput } from "@/server/schemas/foods";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { SEARCH_ORDER_CASES } from "../search-order-cases";
import { readRelevanceCases } from "../search-relevance";

type FoodRow = {
  key: number;
  id: string;
  name: string;
  search_keywords: string;
  search_heads: string;
  search_prior: number;
  b12_per_100g: number | null;
  owner_id: string | null;
  diet: string;
  b12_fortified: number;
  group_code: string | null;
};
type Food = FoodRow & { columns: string[][] };

/** The row's stored tokens as PostgreSQL would hold them. */
const storedTokens = (food: Food) => ({
  searchTokens: food.columns.flat().join(" "),
  searchNameTokens: food.columns[0]?.length ?? 0,
});

/** The cases of tests/integration/search-order.test.ts. */
const ORDER_CASES = SEARCH_ORDER_CASES;

/** Searches whose relaxed form is what foods.search shows (no food matches every word). */
const RELAXED_CASES: Record<string, unknown>[] = [
  { query: "lentil soup", diet: "vegan" },
  { query: "cheese zzzz" },
];

const relevanceCases = readRelevanceCases();
const SEARCH_CASES: Record<string, unknown>[] = [
  ...relevanceCases.flatMap((testCase) =>
    (["relevance", "b12"] as const).map((sort) => ({
      query: testCase.query,
      ...testCase.filters,
      sort,
      limit: 50,
    })),
  ),
  ...ORDER_CASES,
  ...RELAXED_CASES,
];

let testDb: TestDatabase;
let foods: Food[];
let overrides: Map<string, string>;
/** Every distinct token, sorted, and the foods holding it (to visit only rows that can match). */
let vocabulary: string[];
let postings: Map<string, Food[]>;
let totalTokens: number;

beforeAll(async () => {
  testDb = createTestDatabase();
  const api = testDb.caller();
  await api.foods.createCustom(buildCustomFoodInput({ name: "Cheese sauce, my own vegan" }));
  await api.foods.createCustom(buildCustomFoodInput({ name: "Crème fraîche, oat, homemade" }));
  // Characters FTS5 folds differently from NFKD, in the corpus and in a matched row.
  await api.foods.createCustom(
    buildCustomFoodInput({ name: "Fish cakes, Ǆemal ﬁsh-style, Φέτα ½ 寿司 ª²" }),
  );
  await api.foods.setDietOverride({ foodId: "sr28-01009", diet: "vegan", note: "test" });
  await testDb
    .caller("someone-else")
    .foods.createCustom(buildCustomFoodInput({ name: "Milk cheese soup, not yours" }));
  const sqlite = testDb.db.$client;
  foods = (
    sqlite
      .prepare(
        `SELECT key, id, name, search_keywords, search_heads, search_prior, b12_per_100g,
                owner_id, diet, b12_fortified, group_code FROM foods`,
      )
      .all() as FoodRow[]
  ).map((row) => {
    const stored = foodSearchTokens(row.name, row.search_keywords);
    const { name, keywords } = splitFoodSearchTokens(stored);
    return { ...row, columns: [name, keywords] };
  });
  postings = new Map();
  for (const food of foods) {
    for (const token of new Set(food.columns.flat())) {
      const list = postings.get(token) ?? [];
      list.push(food);
      postings.set(token, list);
    }
  }
  vocabulary = [...postings.keys()].sort();
  totalTokens = foods.reduce((sum, food) => sum + food.columns.flat().length, 0);
  overrides = new Map(
    (
      sqlite.prepare("SELECT food_id, diet FROM diet_overrides WHERE owner_id = 'local'").all() as {
        food_id: string;
        diet: string;
      }[]
    ).map((row) => [row.food_id, row.diet]),
  );
});
afterAll(() => testDb.close());

function ftsRows(match: string): Map<number, number> {
  const rows = testDb.db.$client
    .prepare(
      "SELECT rowid AS key, bm25(foods_fts, 10.0, 3.0) AS score FROM foods_fts WHERE foods_fts MATCH ?",
    )
    .all(match) as { key: number; score: number }[];
  return new Map(rows.map((row) => [row.key, row.score]));
}

/**
 * The rows an expression matches, evaluated in TypeScript on the rows holding one of its
 * phrases' first tokens (no other row can match), plus the corpus figures; cached per
 * expression.
 */
const evaluated = new Map<
  string,
  { expression: FtsExpression; matched: Food[]; corpus: Bm25Corpus }
>();
/** The rows holding a phrase's first token (a prefix of it when that is the whole phrase). */
function holdingFirstToken(phrase: FtsPhrase): Food[] {
  const first = phrase.tokens[0];
  if (first === undefined) return [];
  const exact = !phrase.prefix || phrase.tokens.length > 1;
  const holding = new Set<Food>();
  for (let index = lowerBound(vocabulary, first); index < vocabulary.length; index += 1) {
    const token = vocabulary[index] as string;
    if (exact ? token !== first : !token.startsWith(first)) break;
    for (const food of postings.get(token) ?? []) holding.add(food);
  }
  return [...holding];
}

function evaluate(match: string) {
  const cached = evaluated.get(match);
  if (cached) return cached;
  const expression = parseFtsExpression(match);
  const phrases = expressionPhrases(expression);
  const holdings = phrases.map(holdingFirstToken);
  const matched = [...new Set(holdings.flat())].filter((food) =>
    matchesFtsExpression(expression, food.columns),
  );
  const corpus = {
    rowCount: foods.length,
    tokenCount: totalTokens,
    phraseRowCounts: phrases.map(
      (phrase, index) =>
        bm25CorpusOf(
          phrase,
          (holdings[index] as Food[]).map((food) => food.columns),
        ).phraseRowCounts[0] as number,
    ),
  };
  const result = { expression, matched, corpus };
  evaluated.set(match, result);
  return result;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const queries = [
  ...new Set(
    [
      ...SEARCH_CASES.map((c) => String(c.query)),
      "crème fraîche",
      "jalapeño",
      "2% milk",
      "fish cakes",
    ].filter((query) => !isNdbNumberQuery(query)),
  ),
];

describe("FTS5 in TypeScript", () => {
  it("matches the same rows and scores them as bm25() does, for every query", () => {
    let rows = 0;
    let identical = 0;
    let worst = 0;
    for (const query of queries) {
      const plan = buildSearchPlan(query);
      if (!plan) throw new Error(`no plan for ${query}`);
      for (const match of [plan.match, plan.relaxedMatch]) {
        if (match === null) continue;
        const fromSqlite = ftsRows(match);
        const { expression, matched, corpus } = evaluate(match);
        expect(
          matched.map((food) => food.key).sort((a, b) => a - b),
          match,
        ).toEqual([...fromSqlite.keys()].sort((a, b) => a - b));
        for (const food of matched) {
          const expected = fromSqlite.get(food.key) as number;
          const score = fts5Bm25(expression, food.columns, corpus);
          const relative = Math.abs(score - expected) / Math.abs(expected);
          if (!(relative <= 1e-9)) {
            throw new Error(`${match}: ${food.name}: ${score} vs bm25() ${expected}`);
          }
          rows += 1;
          if (score === expected) identical += 1;
          worst = Math.max(worst, relative);
        }
      }
    }
    // Hundreds of queries, thousands of rows: a vacuous pass (no rows) would show here.
    expect(queries.length).toBeGreaterThan(100);
    expect(rows).toBeGreaterThan(5_000);
    console.info(
      `search parity: ${queries.length} queries, ${rows} matched rows, ${identical} bit-identical, largest relative difference ${worst.toExponential(2)}`,
    );
  });
});

describe("ranking in TypeScript", () => {
  it("gives foods.search's page for every relevance-set and search-order case", async () => {
    const api = testDb.caller();
    let pages = 0;
    let relaxedPages = 0;
    for (const raw of SEARCH_CASES) {
      const input = searchFoodsInput.parse(raw);
      const result = await api.foods.search(input);
      const plan = buildSearchPlan(input.query);
      if (!plan) throw new Error(`no plan for ${input.query}`);
      const match = result.relaxed ? plan.relaxedMatch : plan.match;
      if (match === null) throw new Error(`no expression for ${input.query}`);
      if (RELAXED_CASES.includes(raw)) expect(result.relaxed, JSON.stringify(raw)).toBe(true);
      if (result.relaxed) relaxedPages += 1;
      // The matches and the corpus (every row of the index, whoever owns it), as checked above.
      const { expression, matched, corpus } = evaluate(match);
      // The candidates a PostgreSQL query would return: visible, filtered (here: the rows
      // FTS5 matches; rankSearchCandidates checks the match again on the tokens).
      const candidates: (TokenizedCandidate & { id: string })[] = matched
        .filter((food) => {
          if (food.owner_id !== null && food.owner_id !== "local") return false;
          const diet = overrides.get(food.id) ?? food.diet;
          if (input.diet === "vegan" && diet !== "vegan") return false;
          if (input.diet === "vegetarian" && diet !== "vegan" && diet !== "vegetarian") {
            return false;
          }
          if (input.fortifiedOnly && food.b12_fortified !== 1) return false;
          if (input.group && food.group_code !== input.group) return false;
          return true;
        })
        .map((food) => ({
          id: food.id,
          key: food.key,
          name: food.name,
          searchHeads: food.search_heads,
          searchPrior: food.search_prior,
          b12PerHundredGrams: food.b12_per_100g,
          ...storedTokens(food),
        }));
      const offset = input.cursor ?? 0;
      const page = rankSearchCandidates(candidates, plan, expression, corpus, input.sort)
        .slice(offset, offset + input.limit)
        .map((candidate) => candidate.id);
      expect(page, JSON.stringify(raw)).toEqual(result.items.map((item) => item.id));
      if (page.length > 0) pages += 1;
    }
    expect(pages).toBeGreaterThan(200);
    expect(relaxedPages).toBeGreaterThanOrEqual(RELAXED_CASES.length);
  });
});
