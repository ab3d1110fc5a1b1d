/**
 * Vitest global set-up: migrates and seeds ONE database with the real importer and keeps
 * it as a template; each test file's `createTestDatabase()` copies that file instead of
 * importing 8,789 foods again (about 2-4 s a file, much more on a busy machine). The copy
 * is byte for byte what the importer wrote, so the tests still run on the real data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { configuredPostgresUrl } from "../db/database-url";
import { importFoodDatabase, readImportSources } from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { migratePostgres, openPostgres } from "../db/pg-client";
import { findPostgresBin } from "../scripts/pg-cluster";
import { psqlAdmin } from "./factories/database";
import { urlForDatabase } from "./pg-scratch";

export default async function setup(): Promise<() => Promise<void> | void> {
  const postgresUrl = configuredPostgresUrl();
  if (postgresUrl) return await setupPostgres(postgresUrl);
  const directory = mkdtempSync(path.join(tmpdir(), "b12-template-"));
  const filePath = path.join(directory, "template.db");
  const db = openDatabase(filePath);
  migrateDatabase(db);
  const summary = importFoodDatabase(db, { sources: readImportSources() });
  // Fold the WAL into the main file so a plain file copy holds everything.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  writeFileSync(path.join(directory, "summary.json"), JSON.stringify(summary));
  process.env.B12_TEST_TEMPLATE_DB = filePath;
  return () => rmSync(directory, { recursive: true, force: true });
}

/**
 * The PostgreSQL run: two template databases, one migrated and one migrated and seeded by
 * the real importer; tests/factories/database.ts clones them per test database.
 */
async function setupPostgres(postgresUrl: string): Promise<() => Promise<void>> {
  process.env.PG_BIN_DIR ??= findPostgresBin();
  const suffix = `${process.pid}_${Date.now() % 1_000_000}`;
  const empty = `b12_template_empty_${suffix}`;
  const seeded = `b12_template_seeded_${suffix}`;
  const urlOf = (name: string) => urlForDatabase(postgresUrl, name);
  psqlAdmin(postgresUrl, `CREATE DATABASE ${empty}`);
  const emptyDb = openPostgres(urlOf(empty), { max: 2 });
  await migratePostgres(emptyDb);
  await emptyDb.$client.end();
  psqlAdmin(postgresUrl, `CREATE DATABASE ${seeded} TEMPLATE ${empty}`);
  const seededDb = openPostgres(urlOf(seeded), { max: 2 });
  const summary = await importFoodDatabasePg(seededDb, { sources: readImportSources() });
  await seededDb.$client.end();
  process.env.B12_TEST_PG_EMPTY = empty;
  process.env.B12_TEST_PG_TEMPLATE = seeded;
  process.env.B12_TEST_PG_SUMMARY = JSON.stringify(summary);
  return async () => {
    for (const name of [seeded, empty]) {
      try {
        psqlAdmin(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // The cluster is thrown away after the run anyway.
      }
    }
  };
}
