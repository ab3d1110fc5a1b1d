/**
 * Many rows into one table, on either dialect.
 *
 * - SQLite: one prepared statement run per row. Drizzle's multi-row insert builds the SQL
 *   text and parameter array of every chunk in JavaScript, which dominated a restore at
 *   the caps (bench/results.md, "Restore at the caps"); a cached statement bound per row is
 *   several times faster on better-sqlite3. This path runs synchronously: it has written
 *   every row before `bulkInsert` returns its promise.
 * - PostgreSQL: one multi-row insert per chunk (a round trip each, not one per row), each
 *   chunk within the protocol's 65,535 bound parameters.
 *
 * Values go through each column's own driver mapping (JSON columns, booleans, dates), and
 * a column missing from a row gets its JavaScript default (`$defaultFn`) or, failing that,
 * the column's SQL default, exactly as Drizzle's insert would.
 */
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type AppDatabase, dialectOf } from "../../db/dialect";
import { sqliteStatement } from "../../db/raw";

/** PostgreSQL binds at most 65,535 parameters per statement (a 16-bit count). */
export const MAX_PG_PARAMETERS = 65_535;

type Column = {
  name: string;
  defaultFn?: () => unknown;
  mapToDriverValue: (value: unknown) => unknown;
};

/** Rows per multi-row insert of a table with `columnCount` columns on PostgreSQL. */
export function pgChunkSize(columnCount: number): number {
  return Math.max(1, Math.floor(MAX_PG_PARAMETERS / Math.max(1, columnCount)));
}

/**
 * Inserts `rows` into `table`; throws as the insert would (constraints, foreign keys).
 * `db` is a database or a `write()` transaction (typed loosely for callers that hold one
 * as `object`).
 */
export async function bulkInsert<T extends PgTable>(
  anyDb: AppDatabase | object,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const db = anyDb as AppDatabase;
  if (dialectOf(db) === "sqlite") {
    sqliteBulkInsert(db, table, rows as readonly Record<string, unknown>[]);
    return;
  }
  const size = pgChunkSize(Object.keys(getTableColumns(table)).length);
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size) as T["$inferInsert"][]);
  }
}

function sqliteBulkInsert(
  db: AppDatabase,
  table: Table,
  rows: readonly Record<string, unknown>[],
): void {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)) as unknown as [string, Column][];
  const statements = new Map<
    string,
    { statement: ReturnType<typeof sqliteStatement>; used: [string, Column][] }
  >();
  for (const values of rows) {
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
        statement: sqliteStatement(db, `INSERT INTO "${name}" (${names}) VALUES (${slots})`),
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
