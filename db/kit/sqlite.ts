/**
 * Column helpers for SQLite: the names, call shapes and TypeScript data types of
 * db/kit/pg.ts, with SQLite's storage. db/schema.ts passes this kit to defineTables()
 * (db/tables.ts) under the PostgreSQL kit's type; at run time each kit builds its own
 * dialect's tables. The SQL these produce is exactly what db/migrations already holds.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const table = sqliteTable;
export { index, primaryKey, text, uniqueIndex };
export const int = <N extends string>(name: N) => integer(name);
/** SQLite INTEGER is already 64-bit. */
export const int64 = <N extends string>(name: N) => integer(name);
export const float = <N extends string>(name: N) => real(name);
export const bool = <N extends string>(name: N) => integer(name, { mode: "boolean" });
/** JSON (PostgreSQL jsonb, SQLite text); give the data type with `.$type<T>()`. */
export const json = <N extends string>(name: N) => text(name, { mode: "json" });
export const serialKey = <N extends string>(name: N) =>
  integer(name).primaryKey({ autoIncrement: true });
export const isoNow = <N extends string>(name: N) =>
  text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
export const timestampMs = <N extends string>(name: N) => integer(name, { mode: "timestamp_ms" });
