/**
 * What ranking in TypeScript would cost a search on PostgreSQL (issue 17; docs/
 * postgresql-design.md, "5. Search parity"), next to today's whole search on SQLite.
 *
 * - "SQLite search": searchFoods() as foods.search runs it (FTS5, ranking in SQL, the page's
 *   wide rows and portions), per call.
 * - "TS rank": rankSearchCandidates(), the work PostgreSQL's search adds in TypeScript once
 *   the GIN query has returned the candidates (stored tokens and sort fields): the exact
 *   FTS5 match check, BM25 for every candidate, the sort; then the page. The database round trips are not in it; the
 *   corpus figures (rows, tokens, rows per phrase) are given, as one aggregate query would.
 * - "tokenize all": searchTokens() over every food's name and keywords (what an import or a
 *   migration that fills `search_tokens` spends).
 *
 *   npx tsx bench/search-domain.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { bm25CorpusOf } from "../server/domain/search-bm25";
import { matchesFtsExpression, parseFtsExpression } from "../server/domain/search-expression";
import { buildSearchPlan } from "../server/domain/search-query";
import { foodSearchTokens, splitFoodSearchTokens } from "../server/domain/search-tokens";
import { rankSearchCandidates } from "../server/domain/search-tsquery";
import { searchFoodsInput } from "../server/schemas/foods";
import { searchFoods } from "../server/services/foods";
import { SEARCH_QUERIES } from "./search.bench";
import { printTable, type Row, summarise } from "./stats";

type Food = {
  key: number;
  name: string;
  search_keywords: string;
  search_heads: string;
  search_prior: number;
  b12_per_100g: number | null;
  columns: string[][];
};

function time(run: () => unknown, iterations: number): number[] {
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main() {
  const iterations = Number(process.env.ITERATIONS ?? 100);
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-search-domain-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  migrateDatabase(db);
  importFoodDatabase(db);
  const raw = db.$client
    .prepare(
      "SELECT key, name, search_keywords, search_heads, search_prior, b12_per_100g FROM foods",
    )
    .all() as Omit<Food, "columns">[];
  const tokenizeSamples = time(
    () => raw.map((food) => foodSearchTokens(food.name, food.search_keywords)),
    10,
  );
  const foods: Food[] = raw.map((food) => {
    const columns = splitFoodSearchTokens(foodSearchTokens(food.name, food.search_keywords));
    return { ...food, columns: [columns.name, columns.keywords] };
  });
  const rows: Row[] = [];
  for (const rawInput of SEARCH_QUERIES) {
    const input = searchFoodsInput.parse(rawInput);
    const plan = buildSearchPlan(input.query);
    if (!plan || /^\d{5}$/.test(input.query)) continue;
    const expression = parseFtsExpression(plan.match);
    const corpus = bm25CorpusOf(
      expression,
      foods.map((food) => food.columns),
    );
    // What the GIN query would return (filters are left out: the broadest case).
    const candidates = foods.filter((food) => matchesFtsExpression(expression, food.columns));
    await searchFoods(db, "local", input);
    const sqlite = summarise(time(() => searchFoods(db, "local", input), iterations));
    const stored = candidates.map((food) => ({
      key: food.key,
      name: food.name,
      searchHeads: food.search_heads,
      searchPrior: food.search_prior,
      b12PerHundredGrams: food.b12_per_100g,
      ...foodSearchTokens(food.name, food.search_keywords),
    }));
    const fromDatabase = stored.map(({ tokens, nameTokenCount, ...rest }) => ({
      ...rest,
      searchTokens: tokens,
      searchNameTokens: nameTokenCount,
    }));
    const rank = summarise(
      time(
        () =>
          rankSearchCandidates(fromDatabase, plan, expression, corpus, input.sort).slice(
            0,
            input.limit + 1,
          ),
        iterations,
      ),
    );
    rows.push({
      search: JSON.stringify(rawInput),
      candidates: candidates.length,
      "SQLite search p50 ms": sqlite.p50,
      "SQLite p95": sqlite.p95,
      "TS rank p50 ms": rank.p50,
      "TS rank p95": rank.p95,
    });
  }
  printTable(`Ranking in TypeScript (${iterations} runs each)`, rows);
  const tokenize = summarise(tokenizeSamples);
  console.log(
    `\ntokenize all ${foods.length} foods (name + keywords): p50 ${tokenize.p50.toFixed(1)} ms, max ${tokenize.max.toFixed(1)} ms`,
  );
  db.$client.close();
  rmSync(directory, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
