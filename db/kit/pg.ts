/**
 * Column helpers for PostgreSQL. db/tables.ts writes every table once against this kit's
 * TypeScript type; db/kit/sqlite.ts exports the same names, with the same call shapes and
 * the same TypeScript data types, built from sqlite-core (docs/postgresql-design.md,
 * section 1). Only what differs between the dialects is a helper here; text, index,
 * uniqueIndex and primaryKey have the same call shapes in both cores.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const table = pgTable;
export { index, primaryKey, text, uniqueIndex };
export const int = <N extends string>(name: N) => integer(name);
/** A 64-bit integer read as a JS number (exact up to 2^53): epoch milliseconds. */
export const int64 = <N extends string>(name: N) => bigint(name, { mode: "number" });
/** SQLite REAL is an 8-byte float: double precision, never PostgreSQL's 4-byte real. */
export const float = <N extends string>(name: N) => doublePrecision(name);
export const bool = <N extends string>(name: N) => boolean(name);
/** JSON (PostgreSQL jsonb, SQLite text); give the data type with `.$type<T>()`. */
export const json = <N extends string>(name: N) => jsonb(name);
/** The integer primary key that numbers itself (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT). */
export const serialKey = <N extends string>(name: N) =>
  integer(name).primaryKey().generatedByDefaultAsIdentity();
/**
 * ISO-8601 UTC text with milliseconds, as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 * gives. statement_timestamp(), not now(): SQLite's 'now' is the statement's time, while
 * now() would give every row of a transaction its start time.
 */
export const isoNow = <N extends string>(name: N) =>
  text(name)
    .notNull()
    .default(
      sql`(to_char(statement_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
    );
/** A JavaScript Date stored to the millisecond (better-auth's timestamps). */
export const timestampMs = <N extends string>(name: N) =>
  timestamp(name, { mode: "date", precision: 3, withTimezone: true });
