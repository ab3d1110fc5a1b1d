/**
 * Opens the SQLite database: WAL journal, foreign keys on, a busy timeout so concurrent
 * writers wait instead of failing with "database is locked".
 *
 * Nothing here runs at import time: `getDatabase()` opens the file on first use, so
 * `next build` never touches it. Migrations and the first import are an explicit step
 * (`npm run db:setup`, see scripts/db-setup.ts).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { importFoodDatabase, storedFingerprint } from "./import/import-foods";
import * as schema from "./schema";

export type AppDatabase = BetterSQLite3Database<typeof schema> & {
  $client: BetterSqlite3.Database;
};

export const DEFAULT_DATABASE_PATH = path.join("data", "b12.db");
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** The database file this process uses: `DATABASE_PATH`, else `data/b12.db`. */
export function resolveDatabasePath(): string {
  const configured = process.env.DATABASE_PATH?.trim();
  return path.resolve(configured ? configured : DEFAULT_DATABASE_PATH);
}

/** Opens (creating if needed) a database file with this project's pragmas. */
export function openDatabase(filePath: string): AppDatabase {
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new BetterSqlite3(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** Applies the committed drizzle-kit migrations (idempotent). */
export function migrateDatabase(db: AppDatabase): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

let shared: AppDatabase | undefined;

/**
 * The process-wide database, opened on first use. `npm start` runs migrations and the
 * import first (scripts/db-setup.ts); this repeats the cheap checks so a server started
 * any other way still finds a migrated, seeded database.
 */
export function getDatabase(): AppDatabase {
  if (!shared) {
    const db = openDatabase(resolveDatabasePath());
    migrateDatabase(db);
    if (storedFingerprint(db) === null) importFoodDatabase(db);
    shared = db;
  }
  return shared;
}
