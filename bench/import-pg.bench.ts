/**
 * The food import on PostgreSQL against SQLite (issue 17), alternating, in one process and
 * one time window: first import into an empty, migrated database, the start-up check when
 * nothing changed, a forced re-import (every row compared, none changed). Each call reads
 * and prepares the sources, as `npm run db:setup` does. PostgreSQL is a throwaway local
 * cluster (fsync and synchronous_commit off, scripts/pg-cluster.ts), reached over TCP on
 * 127.0.0.1; a fresh scratch database per run.
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx tsx bench/import-pg.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase, readImportSources } from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { isPostgresUrl, migratePostgres, openPostgres } from "../db/pg-client";
import { printTable, type Row } from "./stats";

async function timed<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

async function benchSqlite(run: number): Promise<Row> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-import-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  migrateDatabase(db);
  const [summary, first] = await timed(() =>
    importFoodDatabase(db, { sources: readImportSources() }),
  );
  const [, unchanged] = await timed(() => importFoodDatabase(db, { sources: readImportSources() }));
  const [, forced] = await timed(() =>
    importFoodDatabase(db, { sources: readImportSources(), force: true }),
  );
  db.$client.close();
  rmSync(directory, { recursive: true, force: true });
  return {
    run,
    database: "SQLite",
    foods: summary.foods,
    "first import ms": first,
    "up-to-date check ms": unchanged,
    "forced re-import ms": forced,
  };
}

async function benchPostgres(base: string, run: number): Promise<Row> {
  const name = `b12_bench_import_${process.pid}_${run}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 2 });
  try {
    await migratePostgres(db);
    const [summary, first] = await timed(() =>
      importFoodDatabasePg(db, { sources: readImportSources() }),
    );
    const [, unchanged] = await timed(() =>
      importFoodDatabasePg(db, { sources: readImportSources() }),
    );
    const [, forced] = await timed(() =>
      importFoodDatabasePg(db, { sources: readImportSources(), force: true }),
    );
    return {
      run,
      database: "PostgreSQL",
      foods: summary.foods,
      "first import ms": first,
      "up-to-date check ms": unchanged,
      "forced re-import ms": forced,
    };
  } finally {
    await db.$client.end();
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? "";
  if (!isPostgresUrl(base)) {
    console.error("import-pg.bench: DATABASE_URL must be postgres:// (scripts/pg-cluster.ts run)");
    process.exit(1);
  }
  const rows: Row[] = [];
  for (let run = 1; run <= 3; run += 1) {
    rows.push(await benchSqlite(run));
    rows.push(await benchPostgres(base, run));
  }
  printTable("Food import: SQLite vs PostgreSQL (alternating runs)", rows);
}

void main();
