/**
 * Raw SQL on either dialect (issue 17, docs/postgresql-design.md section 3): the hot read
 * paths (search, totals, shopping) and a few statements Drizzle's builders cannot say.
 *
 * One SQL text serves both databases when it is portable; `{ sqlite, pg }` gives each its
 * own. Parameters are written SQLite's way, positional `?` or named `:name` / `@name` /
 * `$name` (an object of values), and translated once per text to PostgreSQL's `$1, $2…`
 * (quoted strings, quoted names, comments and `::type` casts are left alone).
 *
 * - SQLite: better-sqlite3 statements, prepared once per text and connection (preparing
 *   costs more than running, and these are the hot paths), run synchronously.
 * - PostgreSQL: node-postgres on the pool, or on the transaction's own client inside
 *   `write()`. Bigint (count(*)) and numeric come back as numbers, not strings (the pool's
 *   type parsers, db/pg-client.ts), so a row means the same on both.
 *
 * What still differs, and is the caller's to map (typed row mappers next to the SQL):
 * booleans (SQLite 0/1, PostgreSQL true/false: read them with `Boolean(value)`) and JSON
 * columns (SQLite text, PostgreSQL jsonb: `jsonValue(value)`).
 */
import type { Statement } from "better-sqlite3";
import type pg from "pg";
import type { SqliteDatabase } from "./client";
import { type AppDatabase, dialectOf, sqliteClient } from "./dialect";

export type RawSql = string | { readonly sqlite: string; readonly pg: string };
export type RawParams = readonly unknown[] | Readonly<Record<string, unknown>>;
type AnyDb = AppDatabase | SqliteDatabase;

const statementCache = new WeakMap<object, Map<string, Statement>>();

/** The cached better-sqlite3 statement for a text (SQLite only). */
export function sqliteStatement(db: AnyDb, text: string): Statement {
  const client = sqliteClient(db);
  let cache = statementCache.get(client);
  if (!cache) {
    cache = new Map();
    statementCache.set(client, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = client.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

type Translated = { text: string; names: readonly string[] | null };
const translations = new Map<string, Translated>();

/**
 * SQLite's parameters to PostgreSQL's: `?` → `$1, $2…` in order; `:name`, `@name`, `$name`
 * → one `$n` per distinct name (`names` gives their order). Exported for its tests.
 */
export function translateParameters(text: string): Translated {
  const cached = translations.get(text);
  if (cached) return cached;
  let out = "";
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const end = closingQuote(text, i, c);
      out += text.slice(i, end);
      i = end;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (c === ":" && text[i + 1] === ":") {
      out += "::";
      i += 2;
    } else if (c === "?") {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if ((c === ":" || c === "@" || c === "$") && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      let end = i + 1;
      while (end < text.length && /\w/.test(text[end] as string)) end += 1;
      const name = text.slice(i + 1, end);
      let index = names.indexOf(name);
      if (index === -1) {
        names.push(name);
        index = names.length - 1;
      }
      out += `$${index + 1}`;
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) {
    throw new Error(`raw SQL mixes ? and named parameters: ${text.slice(0, 80)}`);
  }
  const translated = { text: out, names: names.length > 0 ? names : null };
  translations.set(text, translated);
  return translated;
}

function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

function textFor(query: RawSql, dialect: "sqlite" | "pg"): string {
  return typeof query === "string" ? query : query[dialect];
}

/** The node-postgres pool, or inside `write()` the transaction's client, of a database. */
function pgQueryable(db: AnyDb): pg.Pool | pg.PoolClient {
  const session = (db as unknown as { session?: { client?: pg.Pool | pg.PoolClient } }).session;
  if (!session?.client) throw new Error("raw SQL: not a node-postgres database");
  return session.client;
}

function pgValues(translated: Translated, params: RawParams): unknown[] {
  if (Array.isArray(params)) return params as unknown[];
  const named = params as Readonly<Record<string, unknown>>;
  return (translated.names ?? []).map((name) => {
    if (!(name in named)) throw new Error(`raw SQL: no value for parameter :${name}`);
    return named[name];
  });
}

async function runPg(
  db: AnyDb,
  query: RawSql,
  params: RawParams,
  rowMode?: "array",
): Promise<pg.QueryResult> {
  const translated = translateParameters(textFor(query, "pg"));
  return await pgQueryable(db).query({
    text: translated.text,
    values: pgValues(translated, params),
    ...(rowMode ? { rowMode } : {}),
  });
}

/** Every row, as objects keyed by column name. */
export async function rawAll<R>(db: AnyDb, query: RawSql, params: RawParams = []): Promise<R[]> {
  if (dialectOf(db) === "sqlite") {
    return sqliteStatement(db, textFor(query, "sqlite"))
      .raw(false)
      .all(params as unknown[]) as R[];
  }
  return (await runPg(db, query, params)).rows as R[];
}

/** The first row, or undefined. */
export async function rawGet<R>(
  db: AnyDb,
  query: RawSql,
  params: RawParams = [],
): Promise<R | undefined> {
  if (dialectOf(db) === "sqlite") {
    return sqliteStatement(db, textFor(query, "sqlite"))
      .raw(false)
      .get(params as unknown[]) as R | undefined;
  }
  return (await runPg(db, query, params)).rows[0] as R | undefined;
}

/** Every row as an array of values in column order (better-sqlite3's `.raw(true)`). */
export async function rawArrays(
  db: AnyDb,
  query: RawSql,
  params: RawParams = [],
): Promise<unknown[][]> {
  if (dialectOf(db) === "sqlite") {
    return sqliteStatement(db, textFor(query, "sqlite"))
      .raw(true)
      .all(params as unknown[]) as unknown[][];
  }
  return (await runPg(db, query, params, "array")).rows as unknown[][];
}

/** Runs a statement; resolves to the number of rows it changed. */
export async function rawRun(db: AnyDb, query: RawSql, params: RawParams = []): Promise<number> {
  if (dialectOf(db) === "sqlite") {
    return sqliteStatement(db, textFor(query, "sqlite")).run(params as unknown[]).changes;
  }
  return (await runPg(db, query, params)).rowCount ?? 0;
}

/** A JSON column read by raw SQL: SQLite gives its text, PostgreSQL the parsed jsonb. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
