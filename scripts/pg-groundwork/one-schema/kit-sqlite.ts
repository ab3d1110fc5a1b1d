/** Column helpers for SQLite: the names and data types of kit-pg.ts, SQLite's storage. */
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const table = sqliteTable;
export { index, text };
export const int = (name: string) => integer(name);
export const float = (name: string) => real(name);
export const bool = (name: string) => integer(name, { mode: "boolean" });
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
export const serialKey = (name: string) => integer(name).primaryKey({ autoIncrement: true });
export const enumText = <const V extends readonly [string, ...string[]]>(name: string, values: V) =>
  text(name, { enum: values as unknown as [V[number], ...V[number][]] });
export const isoNow = (name: string) =>
  text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
export const timestampMs = (name: string) => integer(name, { mode: "timestamp_ms" });
