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
import { configuredPostgresUrl } from "./database-url";
import { type AppDatabase, asSqlite } from "./dialect";
import { importFoodDatabase, storedFingerprint } from "./import/import-foods";
import { openPostgres } from "./pg-client";
import * as schema from "./schema.sqlite";

/** The SQLite database with its own (sqlite-core) types: the importer, backup's raw reads. */
export type SqliteDatabase = BetterSQLite3Database<typeof schema> & {
  $client: BetterSqlite3.Database;
};

/**
 * What services accept: the database typed as PostgreSQL's (see db/schema.ts and
 * db/dialect.ts). `openDatabase` gives a SQLite one, still with its `$client`.
 */
export type { AppDatabase } from "./dialect";
export { asSqlite };
export type SqliteAppDatabase = AppDatabase & { $client: BetterSqlite3.Database };

export const DEFAULT_DATABASE_PATH = path.join("data", "b12.db");
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** The database file this process uses: `DATABASE_PATH`, else `data/b12.db`. */
export function resolveDatabasePath(): string {
  const configured = process.env.DATABASE_PATH?.trim();
  return path.resolve(configured ? configured : DEFAULT_DATABASE_PATH);
}

/** Opens (creating if needed) a database file with this project's pragmas. */
export function openDatabase(filePath: string): SqliteAppDatabase {
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
  return db as unknown as SqliteAppDatabase;
}

/** Applies the committed drizzle-kit migrations (idempotent). */
export function migrateDatabase(db: AppDatabase): void {
  migrate(asSqlite(db), { migrationsFolder: MIGRATIONS_FOLDER });
}

type Shared = { db: AppDatabase };
const SHARED_KEY = Symbol.for("b12.database");

/**
 * The process-wide database, opened on first use: PostgreSQL when `DATABASE_URL` is a
 * postgres:// URL (a pool; `npm start` migrated and seeded it under an advisory lock with
 * scripts/db-setup.ts, so nothing is checked here), else the SQLite file. On SQLite
 * `npm start` also runs migrations and the import first; this repeats the cheap checks so
 * a server started any other way still finds a migrated, seeded database.
 *
 * Kept on globalThis: Next.js bundles each route with its own copy of this module, and one
 * process should hold one pool (or one SQLite connection with its write queue).
 */
export function getDatabase(): AppDatabase {
  const holder = globalThis as { [SHARED_KEY]?: Shared };
  let shared = holder[SHARED_KEY];
  if (!shared) {
    const postgresUrl = configuredPostgresUrl();
    if (postgresUrl) {
      shared = { db: openPostgres(postgresUrl) as unknown as AppDatabase };
    } else {
      const db = openDatabase(resolveDatabasePath());
      migrateDatabase(db);
      if (storedFingerprint(db) === null) importFoodDatabase(db);
      shared = { db };
    }
    holder[SHARED_KEY] = shared;
  }
  return shared.db;
}
