/**
 * better-sqlite3 statements are cheap to run but not to prepare: keep one per SQL text
 * and connection, for the hot read paths (search, totals).
 */
import type { Statement } from "better-sqlite3";
import type { AppDatabase } from "../../db/client";

const statementCache = new WeakMap<object, Map<string, Statement>>();

export function prepared(db: AppDatabase, sqlText: string): Statement {
  let cache = statementCache.get(db.$client);
  if (!cache) {
    cache = new Map();
    statementCache.set(db.$client, cache);
  }
  let statement = cache.get(sqlText);
  if (!statement) {
    statement = db.$client.prepare(sqlText);
    cache.set(sqlText, statement);
  }
  return statement;
}
