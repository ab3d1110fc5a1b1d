/**
 * better-sqlite3 statements are cheap to run but not to prepare: keep one per SQL text
 * and connection, for the hot read paths (search, totals). SQLite only; code that runs on
 * both databases uses db/raw.ts (which keeps this same cache).
 */
import type { Statement } from "better-sqlite3";
import type { AppDatabase } from "../../db/client";
import { sqliteStatement } from "../../db/raw";

export function prepared(db: AppDatabase, sqlText: string): Statement {
  return sqliteStatement(db, sqlText);
}
