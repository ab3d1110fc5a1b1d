/**
 * foods.search on SQLite and on PostgreSQL, side by side (issue 17): the relevance set's
 * queries (tests/fixtures/search-relevance.json, both sort orders, limit 20 as the add-food
 * panel asks) through the tRPC caller, as the procedure runs them (input validation, the
 * search, the page's rows and portions). The two databases are timed in alternation, round
 * by round, so a busy machine weighs on both alike.
 *
 * Needs a PostgreSQL server (a scratch database is created and dropped beside it):
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx tsx bench/search-pg.bench.ts
 *
 * ROUNDS (default 5) sets how many times each query runs on each database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AppDatabase, migrateDatabase, openDatabase } from "../db/client";
import { configuredPostgresUrl } from "../db/database-url";
import { importFoodDatabase } from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { migratePostgres, openPostgres } from "../db/pg-client";
import { searchFoodsInput } from "../server/schemas/foods";
import { createInnerContext } from "../server/trpc/init";
import { createCaller } from "../server/trpc/root";
import { readRelevanceCases } from "../tests/search-relevance";
import { printTable, type Row, summarise } from "./stats";

export const PG_SEARCH_TITLE =
  "foods.search via the tRPC caller, relevance queries × both sorts, SQLite vs PostgreSQL (ms)";

export async function benchSearchPg(rounds = 5): Promise<Row[]> {
  const serverUrl = configuredPostgresUrl();
  if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server");
  // tests/pg-scratch.ts reads the server's URL from B12_PG_TEST_URL when it loads.
  process.env.B12_PG_TEST_URL ||= serverUrl;
  const { createScratchDatabase } = await import("../tests/pg-scratch");
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-search-pg-"));
  const sqlite = openDatabase(path.join(directory, "bench.db"));
  migrateDatabase(sqlite);
  importFoodDatabase(sqlite);
  const scratch = await createScratchDatabase("bench_search");
  const pg = openPostgres(scratch.url, { max: 4 });
  try {
    await migratePostgres(pg);
    await importFoodDatabasePg(pg);
    await pg.$client.query("ANALYZE foods");
    const callers = {
      SQLite: createCaller(createInnerContext({ db: sqlite })),
      PostgreSQL: createCaller(createInnerContext({ db: pg as unknown as AppDatabase })),
    };
    const inputs = readRelevanceCases().flatMap((testCase) =>
      (["relevance", "b12"] as const).map((sort) =>
        searchFoodsInput.parse({ query: testCase.query, ...testCase.filters, sort }),
      ),
    );
    const samples: Record<keyof typeof callers, number[]> = { SQLite: [], PostgreSQL: [] };
    const perQuery = new Map<string, number[]>();
    // One warm-up round (statement caches, PostgreSQL's buffers and plans).
    for (const input of inputs) {
      for (const caller of Object.values(callers)) await caller.foods.search(input);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const input of inputs) {
        for (const [name, caller] of Object.entries(callers) as [
          keyof typeof callers,
          (typeof callers)[keyof typeof callers],
        ][]) {
          const started = performance.now();
          await caller.foods.search(input);
          const elapsed = performance.now() - started;
          samples[name].push(elapsed);
          if (name === "PostgreSQL") {
            const key = `${input.query} (${input.sort})`;
            perQuery.set(key, [...(perQuery.get(key) ?? []), elapsed]);
          }
        }
      }
    }
    const slowest = [...perQuery.entries()]
      .map(([query, times]) => ({ query, p50: summarise(times).p50 }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5);
    return [
      ...(Object.keys(samples) as (keyof typeof callers)[]).map((name) => {
        const stats = summarise(samples[name]);
        return {
          database: name,
          searches: stats.n,
          "p50 ms": stats.p50,
          "p95 ms": stats.p95,
          "max ms": stats.max,
        };
      }),
      ...slowest.map((entry) => ({
        database: `PostgreSQL slowest: ${entry.query}`,
        searches: rounds,
        "p50 ms": entry.p50,
        "p95 ms": "",
        "max ms": "",
      })),
    ];
  } finally {
    await pg.$client.end();
    await scratch.drop();
    sqlite.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (path.basename(process.argv[1] ?? "") === "search-pg.bench.ts") {
  benchSearchPg(Number(process.env.ROUNDS ?? 5)).then(
    (rows) => printTable(PG_SEARCH_TITLE, rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
