/**
 * Food search through the whole stack against the bare query, one client, same run:
 * - "bare": the one SQL statement the search service runs (FTS5 MATCH + filters + order,
 *   built by `buildSearchQuery`, server/services/foods.ts) on better-sqlite3 directly, on
 *   the same database file the server uses;
 * - "service": input validation + `searchFoods` in this process (query, portions, objects);
 * - "HTTP": GET /api/trpc/foods.search?input=… to the production build (`next start`):
 *   HTTP, Next.js routing, tRPC, zod, the service, JSON, over one kept-alive connection,
 *   until the whole body has arrived.
 * The three are interleaved per iteration, so drift on a shared machine hits all alike.
 * Target (issue 6): HTTP p95 under 5 ms; HTTP under 3× the bare query. Target (issue 13):
 * HTTP p50 within 2× of `plans.list` over HTTP in the same run (timed in the same
 * iterations, last row), HTTP p95 under 10 ms.
 * Needs `npm run build` first.
 */
import type { Statement } from "better-sqlite3";
import { openDatabase } from "../db/client";
import { searchFoodsInput } from "../server/schemas/foods";
import { buildSearchQuery, searchFoods } from "../server/services/foods";
import { createFirstAccount, startApp } from "../tests/e2e/harness";
import { closeClient, get, queryUrl } from "./http";
import { SEARCH_QUERIES } from "./search.bench";
import { printTable, type Row, summarise } from "./stats";

export const HTTP_SEARCH_TITLE =
  "foods.search over HTTP vs the bare FTS5 query, one client (target: HTTP p95 < 5 ms, < 3× bare)";

export async function benchHttpSearch(iterations = 100): Promise<Row[]> {
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  const db = openDatabase(app.databasePath);
  try {
    const cases = SEARCH_QUERIES.map((query) => {
      const input = searchFoodsInput.parse(query);
      const built = buildSearchQuery("local", input);
      if (!built) throw new Error(`no SQL for ${JSON.stringify(query)}`);
      return {
        query,
        input,
        statement: db.$client.prepare(built.sqlText) as Statement,
        params: built.params,
        url: queryUrl(app.baseUrl, "foods.search", query),
      };
    });
    // Warm up both sides: statement caches, the page cache, Next.js's route, the JIT.
    for (let round = 0; round < 5; round += 1) {
      for (const c of cases) {
        c.statement.all(c.params);
        const response = await get(c.url);
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body}`);
      }
    }
    // The trivial procedure of issue 13's target, timed in the same iterations.
    const listUrl = `${app.baseUrl}/api/trpc/plans.list`;
    for (let round = 0; round < 5; round += 1) await get(listUrl);
    const list: number[] = [];
    const all = { bare: [] as number[], service: [] as number[], http: [] as number[] };
    const rows: Row[] = [];
    for (const c of cases) {
      const bare: number[] = [];
      const service: number[] = [];
      const web: number[] = [];
      let results = 0;
      for (let i = 0; i < iterations; i += 1) {
        let started = performance.now();
        c.statement.all(c.params);
        bare.push(performance.now() - started);
        started = performance.now();
        await searchFoods(db, "local", searchFoodsInput.parse(c.query));
        service.push(performance.now() - started);
        started = performance.now();
        const response = await get(c.url);
        web.push(performance.now() - started);
        started = performance.now();
        await get(listUrl);
        list.push(performance.now() - started);
        if (i === 0) {
          results = (JSON.parse(response.body) as { result: { data: { items: unknown[] } } }).result
            .data.items.length;
        }
      }
      all.bare.push(...bare);
      all.service.push(...service);
      all.http.push(...web);
      rows.push(row(JSON.stringify(c.query), results, bare, service, web));
    }
    rows.push(row("ALL", "", all.bare, all.service, all.http));
    const searchAll = summarise(all.http);
    const listAll = summarise(list);
    rows.push({
      query: "plans.list over HTTP (same run)",
      results: "",
      "bare p50": "",
      "bare p95": "",
      "service p50": "",
      "HTTP p50": listAll.p50,
      "HTTP p95": listAll.p95,
      "HTTP/bare p50": `search/list ${(searchAll.p50 / listAll.p50).toFixed(2)}×`,
      "HTTP/bare p95": `search/list ${(searchAll.p95 / listAll.p95).toFixed(2)}×`,
    });
    return rows;
  } finally {
    closeClient();
    db.$client.close();
    await app.stop();
  }
}

function row(
  query: string,
  results: number | string,
  bare: number[],
  service: number[],
  web: number[],
): Row {
  const b = summarise(bare);
  const s = summarise(service);
  const h = summarise(web);
  return {
    query,
    results,
    "bare p50": b.p50,
    "bare p95": b.p95,
    "service p50": s.p50,
    "HTTP p50": h.p50,
    "HTTP p95": h.p95,
    "HTTP/bare p50": h.p50 / b.p50,
    "HTTP/bare p95": h.p95 / b.p95,
  };
}

if (process.argv[1]?.endsWith("http-search.bench.ts")) {
  benchHttpSearch().then(
    (rows) => printTable(`${HTTP_SEARCH_TITLE} (ms)`, rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
