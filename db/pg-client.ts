/**
 * The PostgreSQL connection (issue 17; docs/postgresql-design.md, sections 4 and 6):
 * `DATABASE_URL=postgres://…` (or postgresql://) selects it, SQLite stays the default.
 *
 * - `openPostgres(url)`: a node-postgres Pool and drizzle's node-postgres dialect over the
 *   PostgreSQL tables (db/schema.pg.ts).
 * - `describeDatabaseUrl(url)`: what may be printed about a URL. The password is never
 *   shown: not here, not in the errors `checkPostgres` throws, not in their stacks.
 * - `checkPostgres(url)`: one connection with a short timeout, so a start-up against an
 *   unreachable database fails at once with the host, port and reason.
 * - `migratePostgres(db)`: drizzle's migrator on db/migrations-pg, on one dedicated client
 *   holding `pg_advisory_lock(POSTGRES_SETUP_LOCK)`, so instances starting together apply
 *   each migration once (the migrator itself is not safe to run concurrently: its
 *   `CREATE SCHEMA IF NOT EXISTS` and the migrations race). The food import takes the same
 *   lock (db/import/import-foods-pg.ts).
 */
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as pgSchema from "./schema.pg";

export type PostgresDatabase = NodePgDatabase<typeof pgSchema> & { $client: pg.Pool };

export const POSTGRES_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-pg");

/**
 * The advisory lock key every set-up step (migrations, food import) holds: any constant
 * the app uses for nothing else. 0x42_31_32 is "B12" in ASCII.
 */
export const POSTGRES_SETUP_LOCK = 0x423132;

const CONNECT_TIMEOUT_MS = 5000;

export { isPostgresUrl } from "./database-url";

/** "postgres://user@host:port/database", never with the password (nor the query string). */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "postgres://(an unreadable URL)";
  }
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
  const socketHost = parsed.searchParams.get("host");
  const host = parsed.hostname || (socketHost ? socketHost : "localhost");
  const port = parsed.port || "5432";
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default database)";
  return `postgres://${user}${host}:${port}/${database}`;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Bigint (count(*), sum of integers) and numeric come back as numbers, as SQLite gives
 * them, not as node-postgres' strings: every such value here is a count or a sum far below
 * 2^53, and raw SQL and Drizzle's `sql<number>` then read the same on both databases.
 * Set on node-postgres' global parsers because Drizzle's queries use those (its per-query
 * `types` falls back to them); this process talks to no other PostgreSQL.
 */
const toNumber = (value: string) => Number(value);
pg.types.setTypeParser(INT8_OID, toNumber);
pg.types.setTypeParser(NUMERIC_OID, toNumber);

/** Opens a pool (no connection is made until the first query). */
export function openPostgres(url: string, options: { max?: number } = {}): PostgresDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would
  // end the process. The pool drops the client and the next query connects anew.
  pool.on("error", () => {});
  // A checked-out client (a transaction, a query in flight) that loses its connection also
  // emits 'error', and the pool listens only to idle ones: unhandled, PostgreSQL stopping
  // mid-request ended the process (tests/integration/pg-faults.test.ts). The query in
  // flight rejects with the same error (a 503, server/trpc/init.ts) and the pool drops the
  // broken client when it is released.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return drizzle(pool, { schema: pgSchema }) as PostgresDatabase;
}

/** Why a connection failed, in words, from node-postgres' or the server's error. */
function connectionFailureReason(error: unknown, url: string): string {
  const code = (error as { code?: string } | null)?.code;
  const parsed = safeUrl(url);
  const database = parsed ? decodeURIComponent(parsed.pathname.replace(/^\//, "")) : "";
  const user = parsed ? decodeURIComponent(parsed.username) : "";
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (ECONNREFUSED): is PostgreSQL running and listening there?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host not found (${code})`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `host unreachable (${code})`;
    case "ECONNRESET":
      return "the connection was reset (ECONNRESET)";
    case "28P01":
      return `password authentication failed for user "${user}" (28P01)`;
    case "28000":
      return `the server refused user "${user}" (28000: no pg_hba.conf entry or no such role)`;
    case "3D000":
      return `database "${database}" does not exist (3D000)`;
    case "57P03":
      return "the server is starting up or shutting down (57P03)";
    case "53300":
      return "too many connections (53300)";
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return `no answer within ${CONNECT_TIMEOUT_MS} ms (timeout)`;
  return redactPassword(message, url);
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Removes the URL's password (raw and decoded) from a text, should a library quote it. */
export function redactPassword(text: string, url: string): string {
  const parsed = safeUrl(url);
  let result = text.split(url).join(describeDatabaseUrl(url));
  if (parsed?.password) {
    for (const secret of new Set([parsed.password, decodeURIComponent(parsed.password)])) {
      if (secret) result = result.split(secret).join("***");
    }
  }
  return result;
}

/** A start-up failure that is safe to print: host, port and reason, never the password. */
export class PostgresUnavailableError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`cannot connect to PostgreSQL at ${target}: ${reason}`);
    this.name = "PostgresUnavailableError";
  }
}

/**
 * Connects once with a short timeout and runs `SELECT 1`. Throws PostgresUnavailableError
 * (no `cause`: the driver's error may carry the connection settings) when that fails.
 */
export async function checkPostgres(url: string): Promise<void> {
  const target = describeDatabaseUrl(url);
  let reason: string | null = null;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    reason = connectionFailureReason(error, url);
  } finally {
    await client.end().catch(() => {});
  }
  // Thrown outside the catch block, so no engine links it to the driver's error.
  if (reason !== null) throw new PostgresUnavailableError(target, reason);
}

/**
 * Runs `run` on one pooled client that holds the set-up advisory lock for the whole call
 * (a session lock: released explicitly, and by the server if the connection dies).
 */
export async function withSetupLock<T>(
  db: PostgresDatabase,
  run: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await db.$client.connect();
  let broken = false;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_SETUP_LOCK]);
    try {
      return await run(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_SETUP_LOCK]).catch(() => {
        broken = true;
      });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A client whose state is unknown (failed mid-way) is not handed back to the pool.
    client.release(broken);
  }
}

/** Applies db/migrations-pg (idempotent; concurrent callers apply each migration once). */
export async function migratePostgres(
  db: PostgresDatabase,
  migrationsFolder: string = POSTGRES_MIGRATIONS_FOLDER,
): Promise<void> {
  await withSetupLock(db, async (client) => {
    await migrate(drizzle(client), { migrationsFolder });
  });
}
