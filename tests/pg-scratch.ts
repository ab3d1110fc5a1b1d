/**
 * PostgreSQL in tests, two ways (`npm run test:pg`, scripts/test-pg.ts, runs both):
 *
 * - The pg-* tests of the SQLite → PostgreSQL tooling (import, db:copy, set-up) run in a
 *   SQLite process (they fill SQLite databases through the services) and get scratch
 *   PostgreSQL databases beside the one `B12_PG_TEST_URL` names: `postgresUrl`,
 *   `onPostgres`, `createScratchDatabase`.
 * - The integration suite on PostgreSQL (vitest.pg.config.mts) runs with `DATABASE_URL`
 *   set, so every service runs on PostgreSQL: `suiteOnPostgres`, and `sqliteOnly(title)`
 *   for a test that is about SQLite itself and skips there.
 */
import pg from "pg";
import { configuredDialect, isPostgresUrl } from "@/db/database-url";

export const postgresUrl = process.env.B12_PG_TEST_URL ?? "";
export const onPostgres = isPostgresUrl(postgresUrl);

/** The title of a PostgreSQL-only suite, saying why it is skipped when it is. */
export function postgresTitle(title: string): string {
  return onPostgres ? title : `${title} (skipped: B12_PG_TEST_URL is not a postgres:// URL)`;
}

/** True in the integration suite's PostgreSQL run (DATABASE_URL is a postgres:// URL). */
export const suiteOnPostgres = configuredDialect() === "pg";

/** The title of a test about SQLite itself, saying why it is skipped on PostgreSQL. */
export function sqliteOnly(title: string): string {
  return suiteOnPostgres
    ? `${title} (skipped: about SQLite, and this run is on PostgreSQL)`
    : title;
}

export function urlForDatabase(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

let counter = 0;

/** Creates an empty database; `drop()` removes it (closing whatever still uses it). */
export async function createScratchDatabase(
  label: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  counter += 1;
  const name = `b12_${label}_${process.pid}_${Date.now()}_${counter}`.toLowerCase();
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: urlForDatabase(postgresUrl, name),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
