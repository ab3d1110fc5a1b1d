/**
 * Opens the SQLite database: WAL journal, foreign keys on, a busy timeout so concurrent
 * writers wait instead of failing with "database is locked", and write transactions that
 * take the write lock when they begin (see `openDatabase`).
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
  const db = drizzle(sqlite, { schema });
  // Every transaction the app opens writes, so each begins IMMEDIATE, not DEFERRED (the
  // default). A deferred transaction reads first and asks for the write lock at its first
  // write; if another connection holds that lock, or committed since the read, SQLite
  // fails at once with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT, without waiting out the busy
  // timeout (waiting could deadlock, since this connection holds a read snapshot). Taken
  // at BEGIN, the lock is waited for like any other. Found by
  // tests/integration/concurrency.test.ts: 4 writer processes on one plan saw dozens of
  // "database is locked" errors. A caller may still pass { behavior: "deferred" }.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    transaction(run, { behavior: "immediate", ...config })) as typeof db.transaction;
  return db;
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
