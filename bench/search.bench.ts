/**
 * Server-side food search on the full database: the service function (FTS5 query,
 * filters, portions) that foods.search calls, timed per call over typical queries.
 * Target (issue 2): p95 under 5 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { searchFoodsInput } from "../server/schemas/foods";
import { searchFoods } from "../server/services/foods";
import { printTable, type Row, summarise } from "./stats";

/** Typical searches; the HTTP benchmark uses the same set. */
export const SEARCH_QUERIES: Record<string, unknown>[] = [
  { query: "soy milk" },
  { query: "soy milk", diet: "vegan", fortifiedOnly: true },
  { query: "liver" },
  { query: "liver", sort: "b12" },
  { query: "cheerios" },
  { query: "cheese", limit: 100 },
  { query: "c" },
  { query: "c", sort: "b12", diet: "vegan" },
  { query: "beef ground cooked" },
  { query: "chicken breast roasted" },
  { query: "milk", diet: "vegetarian", sort: "b12", limit: 50 },
  { query: "cereal", fortifiedOnly: true, group: "0800" },
  { query: "16139" },
  { query: "egg whole cooked" },
  { query: "salmon atlantic" },
  { query: "yogurt plain" },
];

export async function benchSearch(iterations = 200): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-search-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  migrateDatabase(db);
  importFoodDatabase(db);
  // Warm the statement cache and the page cache, as a running server would be.
  for (const query of SEARCH_QUERIES) await searchFoods(db, "local", searchFoodsInput.parse(query));
  const all: number[] = [];
  const rows: Row[] = [];
  for (const [index, query] of SEARCH_QUERIES.entries()) {
    const samples: number[] = [];
    let results = 0;
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      // Timed as the procedure runs it: input validation, then the service.
      results = (await searchFoods(db, "local", searchFoodsInput.parse(query))).items.length;
      samples.push(performance.now() - started);
    }
    all.push(...samples);
    const stats = summarise(samples);
    rows.push({
      query: JSON.stringify(SEARCH_QUERIES[index]),
      results,
      "p50 ms": stats.p50,
      "p95 ms": stats.p95,
      "max ms": stats.max,
    });
  }
  const overall = summarise(all);
  rows.push({
    query: "ALL",
    results: "",
    "p50 ms": overall.p50,
    "p95 ms": overall.p95,
    "max ms": overall.max,
  });
  db.$client.close();
  rmSync(directory, { recursive: true, force: true });
  return rows;
}

// Exact name: "http-search.bench.ts" also ends with "search.bench.ts".
if (path.basename(process.argv[1] ?? "") === "search.bench.ts") {
  benchSearch().then(
    (rows) => printTable("foods.search server-side (target: p95 < 5 ms)", rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
