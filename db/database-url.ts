/**
 * Which database this process runs on (issue 17): PostgreSQL when `DATABASE_URL` is a
 * postgres:// (or postgresql://) URL, else SQLite at `DATABASE_PATH`. Decided once per
 * process, from the environment, because the tables the services import (db/schema.ts)
 * are those of one dialect.
 */
export type Dialect = "sqlite" | "pg";

/** True when the URL selects PostgreSQL rather than SQLite. */
export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** The PostgreSQL URL this process is configured with, or undefined for SQLite. */
export function configuredPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.DATABASE_URL?.trim();
  return isPostgresUrl(url) ? url : undefined;
}

/** The dialect of this process's database. */
export function configuredDialect(env: NodeJS.ProcessEnv = process.env): Dialect {
  return configuredPostgresUrl(env) ? "pg" : "sqlite";
}
