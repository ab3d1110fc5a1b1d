/**
 * Throughput under load: autocannon, 50 connections, 20 s per target, against the
 * production build (`next start`, as `npm start` runs it) on `foods.search` and on
 * `plans.totals` of a realistic 28-day plan (4 meals × 8 entries a day, 896 entries),
 * and against a bare Node `http` server (its own process, like the app) answering the
 * same paths with the same JSON bodies, captured from the app's responses. The ratio of
 * requests per second is the cost of the whole stack (Next.js, tRPC, zod, SQLite, the
 * totals, JSON) over sending the bytes. Errors, timeouts and non-2xx answers must all be 0.
 * `BENCH_LOAD_SECONDS` shortens a run. Needs `npm run build` first.
 */
import autocannon from "autocannon";
import { createFirstAccount, startApp } from "../tests/e2e/harness";
import { closeClient, createFullMonthPlan, get, queryUrl, startBareServer } from "./http";
import { printTable, type Row } from "./stats";

export const LOAD_TITLE =
  "Throughput, autocannon 50 connections (target: 0 errors, 0 timeouts; ratio app / bare server)";

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: 50, duration: seconds, timeout: 10 });
}

export async function benchLoad(
  seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20),
): Promise<Row[]> {
  const app = await startApp();
  await createFirstAccount(app.baseUrl);
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    const planId = await createFullMonthPlan(app.baseUrl, (i) => 50 + 10 * i);
    const targets = [
      { name: "foods.search soy milk", procedure: "foods.search", input: { query: "soy milk" } },
      { name: "plans.totals 28 days", procedure: "plans.totals", input: { planId } },
    ].map((target) => ({ ...target, url: queryUrl(app.baseUrl, target.procedure, target.input) }));

    // The bare server answers with exactly the app's bytes and content type.
    const bodies: Record<string, { body: string; contentType: string }> = {};
    for (const target of targets) {
      const response = await get(target.url);
      if (response.status !== 200) throw new Error(`${target.name}: HTTP ${response.status}`);
      bodies[`/${target.procedure}`] = {
        body: response.body,
        contentType: response.contentType ?? "application/json",
      };
    }
    closeClient();
    bare = await startBareServer(bodies);

    const rows: Row[] = [];
    for (const target of targets) {
      const size = bodies[`/${target.procedure}`]?.body.length ?? 0;
      const results: { server: string; result: autocannon.Result }[] = [];
      for (const [server, url] of [
        ["bare node:http", `${bare.baseUrl}/${target.procedure}`],
        ["app (npm start)", target.url],
      ] as const) {
        await load(url, 2); // warm-up: JIT, caches, connections
        results.push({ server, result: await load(url, seconds) });
      }
      const bareRate = results[0]?.result.requests.average ?? Number.NaN;
      for (const { server, result } of results) {
        rows.push({
          endpoint: target.name,
          "body KiB": size / 1024,
          server,
          "req/s": result.requests.average,
          "p50 ms": result.latency.p50,
          "p99 ms": result.latency.p99,
          errors: result.errors,
          timeouts: result.timeouts,
          "non-2xx": result.non2xx,
          "app / bare": result.requests.average / bareRate,
        });
      }
    }
    return rows;
  } finally {
    await bare?.stop();
    await app.stop();
  }
}

/** Errors, timeouts or non-2xx answers under load fail the benchmark run. */
export function loadFailures(rows: Row[]): string[] {
  return rows
    .filter((row) => row.errors !== 0 || row.timeouts !== 0 || row["non-2xx"] !== 0)
    .map(
      (row) =>
        `${row.endpoint} on ${row.server}: ${row.errors} errors, ${row.timeouts} timeouts, ${row["non-2xx"]} non-2xx`,
    );
}

if (process.argv[1]?.endsWith("load.bench.ts")) {
  benchLoad().then(
    (rows) => {
      printTable(LOAD_TITLE, rows);
      const failures = loadFailures(rows);
      if (failures.length > 0) {
        console.error(`\nFAILED under load:\n  ${failures.join("\n  ")}`);
        process.exitCode = 1;
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
