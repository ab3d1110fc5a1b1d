/**
 * Column helpers for PostgreSQL: the type every table in tables.ts is written against
 * (docs/postgresql-design.md, section 1). kit-sqlite.ts exports the same names with the
 * same TypeScript data types, so the SQLite tables can be built from the same description.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

export const table = pgTable;
export { index, text };
export const int = (name: string) => integer(name);
/** SQLite REAL is an 8-byte float: double precision, never PostgreSQL's 4-byte real. */
export const float = (name: string) => doublePrecision(name);
export const bool = (name: string) => boolean(name);
export const json = <T>(name: string) => jsonb(name).$type<T>();
export const serialKey = (name: string) =>
  integer(name).primaryKey().generatedByDefaultAsIdentity();
export const enumText = <const V extends readonly [string, ...string[]]>(name: string, values: V) =>
  text(name, { enum: values as unknown as [V[number], ...V[number][]] });
/** ISO-8601 text, as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') gives. */
export const isoNow = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`);
export const timestampMs = (name: string) =>
  timestamp(name, { mode: "date", precision: 3, withTimezone: true });
