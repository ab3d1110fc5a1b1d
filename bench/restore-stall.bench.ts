/**
 * How long a backup.restore at every cap holds the server (issue 14): while it runs,
 * another household sends a trivial request (plans.list) every 5 ms, and the event loop's
 * delay is sampled (perf_hooks.monitorEventLoopDelay, 1 ms resolution). Reported per
 * restore: the total time, the longest event-loop block, and the slowest and 99th
 * percentile latency of the other household's requests (from when its timer was due to
 * its answer). JSON.parse of the body and the schema check run before the procedure, each
 * one synchronous block: timed apart. Two cases: into another database (every row new)
 * and over the household's own data (its custom foods kept in place). On temporary
 * databases, like bench/limits.bench.ts.
 *
 * `npx tsx bench/restore-stall.bench.ts`
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { backupFileSchema } from "../server/schemas/backup";
import { restoreBackup } from "../server/services/backup";
import { fillToEveryCap } from "../tests/factories/caps";
import { createTestDatabase, type TestDatabase } from "../tests/factories/database";

type Measure = {
  totalMs: number;
  longestBlockMs: number;
  requestMaxMs: number;
  requestP99Ms: number;
  requests: number;
};

/** Runs `work` while probing the event loop and another household's requests. */
async function probe(other: ReturnType<TestDatabase["caller"]>, work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const latencies: number[] = [];
  let running = true;
  let last: Promise<void> = Promise.resolve();
  const tick = () => {
    const due = performance.now() + 5;
    last = new Promise((resolve) => {
      setTimeout(() => {
        void other.plans.list().then(() => {
          latencies.push(performance.now() - due);
          if (running) tick();
          resolve();
        });
      }, 5);
    });
  };
  // The longest gap between two 1 ms interval callbacks: a block the histogram can miss
  // when the whole restore is one (it samples only while the loop turns).
  let previous = performance.now();
  let longestGap = 0;
  const interval = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - previous);
    previous = now;
  }, 1);
  histogram.enable();
  tick();
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  running = false;
  histogram.disable();
  clearInterval(interval);
  longestGap = Math.max(longestGap, performance.now() - previous);
  await last;
  latencies.sort((a, b) => a - b);
  return {
    totalMs,
    longestBlockMs: Math.max(histogram.max / 1e6, longestGap),
    requestMaxMs: latencies.at(-1) ?? 0,
    requestP99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    requests: latencies.length,
  } satisfies Measure;
}

const format = (value: number) => Math.round(value).toLocaleString("en-US");

/** Export and restore as the household's owner (the account fillToEveryCap gives the first person). */
const VIEWER = { accountId: "test-account", role: "owner" as const };

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

async function main() {
  const full = createTestDatabase();
  const target = createTestDatabase();
  try {
    await fillToEveryCap(full);
    const json = JSON.stringify(await full.caller().backup.export());
    console.log(`backup at every cap: ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(1)} MB`);
    const rows: [string, number, number, Measure][] = [];
    const cases: [string, TestDatabase][] = [
      // Every row new (no such custom foods in that database yet).
      ["into another database", target],
      // Over the household's own data: its 1,000 custom foods are kept in place.
      ["over its own data", full],
    ];
    for (const [label, testDb] of cases) {
      // What the route and tRPC do before the procedure, each one synchronous block.
      const [raw, parseMs] = timed(() => JSON.parse(json));
      const [file, schemaMs] = timed(() => backupFileSchema.parse(raw));
      const measure = await probe(testDb.caller("another-household"), () =>
        Promise.resolve(restoreBackup(testDb.db, "local", file, VIEWER)),
      );
      rows.push([label, parseMs, schemaMs, measure]);
    }
    console.log(
      "| restore at every cap | JSON.parse ms | schema ms | restore ms | longest block during the restore ms | another household's request max / p99 ms (n) |",
    );
    console.log("|---|---|---|---|---|---|");
    for (const [label, parseMs, schemaMs, m] of rows) {
      console.log(
        `| ${label} | ${format(parseMs)} | ${format(schemaMs)} | ${format(m.totalMs)} | ${format(m.longestBlockMs)} | ${format(m.requestMaxMs)} / ${format(m.requestP99Ms)} (${m.requests}) |`,
      );
    }
  } finally {
    await full.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
