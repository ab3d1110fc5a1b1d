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
import { importFoodDatabase, readImportSources } from "../db/import/import-foods";

export default function setup(): () => void {
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
