/**
 * Real, temporary databases for integration tests: migrated by the committed migrations
 * and (optionally) seeded by the real importer. Never a mock.
 *
 * SQLite by default. With `DATABASE_URL=postgres://…` (the PostgreSQL run, `npm run
 * test:pg`), each database is a PostgreSQL database cloned from the templates that
 * tests/global-setup.ts migrated and seeded (`CREATE DATABASE … TEMPLATE …`, run with psql
 * so that this function stays synchronous for its many callers). `db` is then typed as the
 * SQLite database it is not: a test that reaches for `db.$client` is SQLite-only by nature
 * and skips on PostgreSQL (`onPostgres`, tests/pg-scratch.ts).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type SqliteAppDatabase } from "@/db/client";
import { configuredPostgresUrl } from "@/db/database-url";
import {
  type ImportSources,
  type ImportSummary,
  importFoodDatabase,
  readImportSources,
} from "@/db/import/import-foods";
import { openPostgres } from "@/db/pg-client";
import { rawRun } from "@/db/raw";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { urlForDatabase } from "@/tests/pg-scratch";

export type TestDatabase = {
  db: SqliteAppDatabase;
  /** The SQLite file, or on PostgreSQL the database's URL. */
  filePath: string;
  importSummary: ImportSummary | null;
  /** A tRPC caller acting as `ownerId` (the local owner by default). */
  caller: (ownerId?: string) => ReturnType<typeof createCaller>;
  /** Closes the database and removes it (await it where it matters). */
  close: () => Promise<void>;
};

const ENSURE_OWNER_SQL = `INSERT INTO owners (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`;

function callerFactory(db: SqliteAppDatabase) {
  return (ownerId?: string) =>
    createCaller(async () => {
      if (ownerId && ownerId !== "local") await rawRun(db, ENSURE_OWNER_SQL, [ownerId, ownerId]);
      return createInnerContext({ db, ownerId });
    });
}

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
  const postgresUrl = configuredPostgresUrl();
  if (postgresUrl) return createPostgresTestDatabase(postgresUrl, options.seed !== false);
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
    caller: callerFactory(db),
    close: async () => {
      db.$client.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

let clones = 0;

/** Runs SQL on the cluster's maintenance database with psql (synchronously). */
export function psqlAdmin(postgresUrl: string, sqlText: string): string {
  const bin = process.env.PG_BIN_DIR ? `${process.env.PG_BIN_DIR}/psql` : "psql";
  return execFileSync(bin, [postgresUrl, "-XAtqc", sqlText], { encoding: "utf8" });
}

function createPostgresTestDatabase(postgresUrl: string, seed: boolean): TestDatabase {
  const template = seed ? process.env.B12_TEST_PG_TEMPLATE : process.env.B12_TEST_PG_EMPTY;
  if (!template) {
    throw new Error(
      "the PostgreSQL templates are made by tests/global-setup.ts (vitest.pg.config.mts)",
    );
  }
  clones += 1;
  const name = `b12_test_${process.pid}_${clones}_${Date.now() % 1_000_000}`;
  psqlAdmin(postgresUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(urlForDatabase(postgresUrl, name));
  const db = openPostgres(url.toString(), { max: 4 }) as unknown as SqliteAppDatabase;
  const summary = process.env.B12_TEST_PG_SUMMARY;
  return {
    db,
    filePath: url.toString(),
    importSummary: seed && summary ? (JSON.parse(summary) as ImportSummary) : null,
    caller: callerFactory(db),
    close: async () => {
      await (db.$client as unknown as { end: () => Promise<void> }).end().catch(() => {});
      try {
        psqlAdmin(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // The cluster is thrown away after the run anyway.
      }
    },
  };
}
