/** Small helpers for benchmarks: percentiles and a printed table. */
export function percentile(sortedMilliseconds: readonly number[], p: number): number {
  if (sortedMilliseconds.length === 0) return Number.NaN;
  const index = Math.min(
    sortedMilliseconds.length - 1,
    Math.ceil((p / 100) * sortedMilliseconds.length) - 1,
  );
  return sortedMilliseconds[Math.max(0, index)] ?? Number.NaN;
}

export function summarise(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export type Row = Record<string, string | number>;

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const cell = (value: string | number) => {
    if (typeof value !== "number") return value;
    return Number.isInteger(value) ? String(value) : value.toFixed(value >= 100 ? 0 : 3);
  };
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(cell(row[column] ?? "")).length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(columns));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows)
    console.log(line(columns.map((column) => String(cell(row[column] ?? "")))));
}

/**
 * Times `run` `iterations` times after `warmUp` untimed calls; summarised in ms.
 * `before`, if given, runs untimed before every call (e.g. to make a cache stale).
 * `run` may return a promise (the services are asynchronous): each call is awaited
 * inside its timing.
 */
export async function timeRuns(
  iterations: number,
  run: () => unknown,
  warmUp = 1,
  before?: () => void,
) {
  for (let i = 0; i < warmUp; i += 1) {
    before?.();
    await run();
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    before?.();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
