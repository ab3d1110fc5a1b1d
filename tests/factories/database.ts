/**
 * Real, temporary SQLite databases for integration tests: migrated by the committed
 * migrations and (optionally) seeded by the real importer. Never a mock.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type SqliteAppDatabase } from "@/db/client";
import {
  type ImportSources,
  type ImportSummary,
  importFoodDatabase,
  readImportSources,
} from "@/db/import/import-foods";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export type TestDatabase = {
  db: SqliteAppDatabase;
  filePath: string;
  importSummary: ImportSummary | null;
  /** A tRPC caller acting as `ownerId` (the local owner by default). */
  caller: (ownerId?: string) => ReturnType<typeof createCaller>;
  close: () => void;
};

let cachedSources: ImportSources | undefined;

/** The committed source data, read once per test file. */
export function importSources(): ImportSources {
  cachedSources ??= readImportSources();
  return cachedSources;
}

/**
 * A fresh database: a copy of the seeded template that tests/global-setup.ts made with the
 * real importer (or, outside Vitest's global set-up, a new import), or migrated only.
 */
export function createTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-test-"));
  const filePath = path.join(directory, "test.db");
  const template = process.env.B12_TEST_TEMPLATE_DB;
  const seed = options.seed !== false;
  if (seed && template) copyFileSync(template, filePath);
  const db = openDatabase(filePath);
  migrateDatabase(db);
  const importSummary = !seed
    ? null
    : template
      ? (JSON.parse(
          readFileSync(path.join(path.dirname(template), "summary.json"), "utf8"),
        ) as ImportSummary)
      : importFoodDatabase(db, { sources: importSources() });
  return {
    db,
    filePath,
    importSummary,
    caller: (ownerId) => {
      if (ownerId && ownerId !== "local") {
        db.$client
          .prepare(`INSERT OR IGNORE INTO owners (id, name) VALUES (?, ?)`)
          .run(ownerId, ownerId);
      }
      return createCaller(createInnerContext({ db, ownerId }));
    },
    close: () => {
      db.$client.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
