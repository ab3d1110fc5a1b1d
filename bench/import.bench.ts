/**
 * The USDA SR28 import: wall time of a first import into an empty database (read,
 * parse, classify, write in one transaction), of the start-up check when nothing
 * changed, and of a forced re-import; peak resident memory of this process.
 * Target (issue 2): first import under 3 s on this machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase, readImportSources } from "../db/import/import-foods";
import { printTable, type Row } from "./stats";

export function benchImport(runs = 3): Row[] {
  const rows: Row[] = [];
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  for (let run = 1; run <= runs; run += 1) {
    const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-import-"));
    const db = openDatabase(path.join(directory, "bench.db"));
    migrateDatabase(db);
    let started = performance.now();
    const summary = importFoodDatabase(db, { sources: readImportSources() });
    const first = performance.now() - started;
    started = performance.now();
    importFoodDatabase(db, { sources: readImportSources() });
    const unchanged = performance.now() - started;
    started = performance.now();
    importFoodDatabase(db, { sources: readImportSources(), force: true });
    const forced = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    rows.push({
      run,
      foods: summary.foods,
      portions: summary.portions,
      "first import ms": first,
      "up-to-date check ms": unchanged,
      "forced re-import ms": forced,
      "peak RSS MiB": peakRss / 1024 / 1024,
    });
    db.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
  clearInterval(sample);
  return rows;
}

if (process.argv[1]?.endsWith("import.bench.ts")) {
  printTable("USDA SR28 import (target: first import < 3000 ms)", benchImport());
}
