/**
 * db/pg-client.ts: what may be printed about a database URL, the start-up check's errors
 * (never the password), and migrations applied once when two instances start together.
 * The URL and closed-port checks run everywhere; the rest only on PostgreSQL:
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx vitest run tests/integration/pg-client.test.ts
 */
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkPostgres,
  describeDatabaseUrl,
  isPostgresUrl,
  migratePostgres,
  openPostgres,
  PostgresUnavailableError,
} from "../../db/pg-client";
import { findFreePort } from "../../scripts/pg-cluster";
import { createScratchDatabase, onPostgres, postgresTitle, postgresUrl } from "../pg-scratch";

const PASSWORD = "Sup3r-Secr3t%21pw";
const DECODED_PASSWORD = "Sup3r-Secr3t!pw";

/** Everything about an error a log or a crash report could show. */
function everythingShown(error: unknown): string {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? "", inspect(e, { depth: 5, showHidden: true })].join(
    "\n",
  );
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("describeDatabaseUrl", () => {
  it("names user, host, port and database, never the password", () => {
    expect(describeDatabaseUrl(`postgres://app:${PASSWORD}@db.example.org:6543/b12`)).toBe(
      "postgres://app@db.example.org:6543/b12",
    );
    expect(
      describeDatabaseUrl(`postgresql://app:${PASSWORD}@db.example.org/b12?sslmode=require`),
    ).toBe("postgres://app@db.example.org:5432/b12");
    expect(describeDatabaseUrl("postgres://127.0.0.1:5433/")).toBe(
      "postgres://127.0.0.1:5433/(default database)",
    );
    expect(describeDatabaseUrl(`not a url ${PASSWORD}`)).toBe("postgres://(an unreadable URL)");
  });

  it("tells PostgreSQL URLs from anything else", () => {
    expect(isPostgresUrl("postgres://x/y")).toBe(true);
    expect(isPostgresUrl("PostgreSQL://x/y")).toBe(true);
    expect(isPostgresUrl("data/b12.db")).toBe(false);
    expect(isPostgresUrl("")).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });
});

describe("checkPostgres on a closed port", () => {
  it("fails with host, port and ECONNREFUSED, and shows the password nowhere", async () => {
    const port = await findFreePort();
    const url = `postgres://app:${PASSWORD}@127.0.0.1:${port}/b12`;
    const error = await failure(checkPostgres(url));
    expect(error).toBeInstanceOf(PostgresUnavailableError);
    expect((error as Error).message).toBe(
      `cannot connect to PostgreSQL at postgres://app@127.0.0.1:${port}/b12: connection refused (ECONNREFUSED): is PostgreSQL running and listening there?`,
    );
    const shown = everythingShown(error);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(DECODED_PASSWORD);
  });

  it("a pool's failed query through openPostgres does not leak the password in its message", async () => {
    const port = await findFreePort();
    const db = openPostgres(`postgres://app:${PASSWORD}@127.0.0.1:${port}/b12`, { max: 1 });
    try {
      const error = await failure(db.$client.query("SELECT 1"));
      expect((error as { code?: string }).code).toBe("ECONNREFUSED");
      expect(String((error as Error).message)).not.toContain(DECODED_PASSWORD);
    } finally {
      await db.$client.end();
    }
  });
});

describe.skipIf(!onPostgres)(postgresTitle("PostgreSQL connection and migrations"), () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it("checkPostgres passes on the cluster and names a missing database", async () => {
    await checkPostgres(postgresUrl);
    const url = new URL(postgresUrl);
    url.password = PASSWORD;
    url.pathname = "/no_such_database_here";
    const error = await failure(checkPostgres(url.toString()));
    expect(error).toBeInstanceOf(PostgresUnavailableError);
    expect((error as Error).message).toContain(
      `${url.hostname}:${url.port}/no_such_database_here: database "no_such_database_here" does not exist (3D000)`,
    );
    expect(everythingShown(error)).not.toContain(DECODED_PASSWORD);
  });

  it("two instances migrating a fresh database together both succeed, each migration once", async () => {
    const scratch = await createScratchDatabase("migrate_race");
    drops.push(scratch.drop);
    const first = openPostgres(scratch.url, { max: 2 });
    const second = openPostgres(scratch.url, { max: 2 });
    try {
      const results = await Promise.allSettled([
        migratePostgres(first),
        migratePostgres(second),
        migratePostgres(first),
      ]);
      expect(results.map((result) => result.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);
      const applied = await first.$client.query<{ hash: string; n: number }>(
        "SELECT hash, count(*)::int AS n FROM drizzle.__drizzle_migrations GROUP BY hash",
      );
      // Each migration of the journal once (4: baseline, search, search corpus, rate limits).
      expect(applied.rows.map((row) => row.n)).toEqual([1, 1, 1, 1]);
      const owners = await first.$client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM owners WHERE id = 'local'",
      );
      expect(owners.rows[0]?.n).toBe(1);
      // The lock is free again: a later start migrates (nothing to do) without waiting.
      await migratePostgres(second);
      const locks = await first.$client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(locks.rows[0]?.n).toBe(0);
    } finally {
      await first.$client.end();
      await second.$client.end();
    }
  }, 60_000);
});
