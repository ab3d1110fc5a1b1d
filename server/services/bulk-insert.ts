/**
 * Many rows into one table with one prepared statement run per row. Drizzle's multi-row
 * insert builds the SQL text and parameter array of every chunk in JavaScript, which
 * dominated a restore at the caps (bench/results.md, "Restore at the caps"); a prepared
 * statement bound per row is several times faster on better-sqlite3.
 *
 * Values go through each column's own driver mapping (JSON columns, booleans, dates), and
 * a column missing from a row gets its JavaScript default (`$defaultFn`) or, failing that,
 * the column's SQL default, exactly as Drizzle's insert would.
 */
import type BetterSqlite3 from "better-sqlite3";
import { getTableColumns, is } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { BaseSQLiteDatabase, getTableConfig } from "drizzle-orm/sqlite-core";
import { type AppDatabase, dialectOf } from "../../db/dialect";

/** A Drizzle database or transaction on better-sqlite3 (its connection is reached below). */
type Db = object;

/** The better-sqlite3 connection under a Drizzle database or transaction, if it is one. */
function connectionOf(db: Db): BetterSqlite3.Database | null {
  if (!is(db, BaseSQLiteDatabase)) return null;
  const direct = (db as { $client?: BetterSqlite3.Database }).$client;
  if (direct) return direct;
  return (db as { session?: { client?: BetterSqlite3.Database } }).session?.client ?? null;
}

type Column = SQLiteColumn & {
  defaultFn?: () => unknown;
  mapToDriverValue: (value: unknown) => unknown;
};

/** Inserts `rows` into `table`; throws as the insert would (constraints, foreign keys). */
export function bulkInsert<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: readonly T["$inferInsert"][],
): void {
  if (rows.length === 0) return;
  const connection = connectionOf(db);
  if (!connection) throw new Error("bulkInsert needs a better-sqlite3 database");
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const statements = new Map<
    string,
    { statement: BetterSqlite3.Statement; used: [string, Column][] }
  >();
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    // Columns the row gives, or that have a JavaScript default; the rest take SQL defaults.
    const used = columns.filter(
      ([key, column]) => values[key] !== undefined || column.defaultFn !== undefined,
    );
    const signature = used.map(([key]) => key).join(",");
    let prepared = statements.get(signature);
    if (!prepared) {
      const names = used.map(([, column]) => `"${column.name}"`).join(", ");
      const slots = used.map(() => "?").join(", ");
      prepared = {
        statement: connection.prepare(`INSERT INTO "${name}" (${names}) VALUES (${slots})`),
        used,
      };
      statements.set(signature, prepared);
    }
    prepared.statement.run(
      prepared.used.map(([key, column]) => {
        const value = values[key] !== undefined ? values[key] : column.defaultFn?.();
        return value === null ? null : column.mapToDriverValue(value);
      }),
    );
  }
}

/** PostgreSQL binds at most 65,535 parameters per statement (a 16-bit count). */
export const MAX_PG_PARAMETERS = 65_535;

/** Rows per multi-row insert of a table with `columnCount` columns on PostgreSQL. */
export function pgChunkSize(columnCount: number): number {
  return Math.max(1, Math.floor(MAX_PG_PARAMETERS / Math.max(1, columnCount)));
}

/**
 * `bulkInsert` on either dialect, awaitable: on SQLite the prepared statement per row
 * above (synchronous: every row is written before the promise is returned), on PostgreSQL
 * Drizzle's multi-row insert, as few statements as the parameter limit allows (one round
 * trip each, where a statement per row would be one round trip per row).
 */
export async function insertRows<T extends PgTable>(
  db: AppDatabase,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(db) === "sqlite") {
    bulkInsert(db, table as unknown as SQLiteTable, rows as never);
    return;
  }
  const size = pgChunkSize(Object.keys(getTableColumns(table)).length);
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size) as T["$inferInsert"][]);
  }
}
