/**
 * Scratch PostgreSQL databases for the pg-* integration tests: each test gets a fresh
 * database beside the one DATABASE_URL names (scripts/pg-cluster.ts run sets it), dropped
 * afterwards, so tests never see each other's rows.
 */
import pg from "pg";

export const postgresUrl = process.env.DATABASE_URL ?? "";
export const onPostgres = /^postgres(ql)?:\/\//.test(postgresUrl);

/** The title of a PostgreSQL-only suite, saying why it is skipped when it is. */
export function postgresTitle(title: string): string {
  return onPostgres ? title : `${title} (skipped: DATABASE_URL is not a postgres:// URL)`;
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
