/**
 * `npm run db:copy -- --from data/b12.db --to postgres://… [--replace]`: copies a SQLite
 * installation into a migrated PostgreSQL database (db/copy-to-postgres.ts), verifies
 * every table's row count and content checksum before committing, prints a table, and
 * exits 1 on any difference (nothing is committed then) or when it refuses.
 *
 * Afterwards it checks what people see: every plan's totals and the relevance set's
 * searches, computed by the app's own services on both databases (scripts/app-digest.ts,
 * run once per database in a child process, since a process runs on one dialect), must
 * be equal; exit 1 with the differences if not (the copy stays: fix, then --replace).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { CopyRefusedError, copySqliteToPostgres } from "../db/copy-to-postgres";
import {
  checkPostgres,
  describeDatabaseUrl,
  isPostgresUrl,
  openPostgres,
  PostgresUnavailableError,
  redactPassword,
} from "../db/pg-client";
import type { AppDigest } from "./app-digest";

function fail(message: string): never {
  process.stderr.write(`db:copy: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: "string" },
      to: { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  if (!values.from || !values.to)
    fail("usage: npm run db:copy -- --from data/b12.db --to postgres://… [--replace]");
  if (!isPostgresUrl(values.to)) fail("--to must be a postgres:// (or postgresql://) URL");
  const url = values.to;
  const started = performance.now();
  try {
    await checkPostgres(url);
  } catch (error) {
    if (error instanceof PostgresUnavailableError) fail(error.message);
    throw error;
  }
  const db = openPostgres(url, { max: 1 });
  try {
    process.stdout.write(`Copying ${values.from} to ${describeDatabaseUrl(url)}\n`);
    const result = await copySqliteToPostgres(values.from, db, { replace: values.replace });
    process.stdout.write(
      `\n| table | SQLite rows | PostgreSQL rows | content |\n|---|---|---|---|\n`,
    );
    for (const row of result.tables) {
      const same = row.sqliteRows === row.postgresRows && row.checksumsEqual;
      process.stdout.write(
        `| ${row.table} | ${row.sqliteRows} | ${row.postgresRows} | ${row.checksumsEqual ? "same" : "DIFFERENT"}${same ? "" : "  <--"} |\n`,
      );
    }
    if (!result.ok) fail("differences found: nothing was committed");
    const differences = compareDigests(values.from, url);
    if (differences.length > 0) {
      for (const line of differences.slice(0, 20)) process.stdout.write(`  ${line}\n`);
      fail(
        `copied, but ${differences.length} plan totals or searches differ between the databases (listed above)`,
      );
    }
    process.stdout.write(
      `Copied and verified in ${Math.round(performance.now() - started)} ms${result.fingerprintKept ? "" : " (the next db:setup re-imports the food database)"}.\n`,
    );
  } catch (error) {
    if (error instanceof CopyRefusedError) fail(`refused: ${error.message}`);
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fail(redactPassword(text, url));
  } finally {
    await db.$client.end();
  }
}

/** What the services compute on one database (a child process configured for it). */
function digestOf(env: NodeJS.ProcessEnv, label: string): AppDigest {
  const script = path.join(import.meta.dirname, "app-digest.ts");
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`computing the ${label} totals failed: ${result.stderr.trim()}`);
  }
  return JSON.parse(result.stdout) as AppDigest;
}

/** The plans and searches whose results differ between the two databases. */
function compareDigests(fromPath: string, url: string): string[] {
  const { DATABASE_URL: _unset, ...sqliteEnv } = process.env;
  const sqlite = digestOf({ ...sqliteEnv, DATABASE_PATH: path.resolve(fromPath) }, "SQLite");
  const postgres = digestOf({ ...process.env, DATABASE_URL: url }, "PostgreSQL");
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(sqlite.plans), ...Object.keys(postgres.plans)])) {
    if (JSON.stringify(sqlite.plans[key]) !== JSON.stringify(postgres.plans[key])) {
      differences.push(`plan ${key}: totals differ`);
    }
  }
  for (const key of Object.keys(sqlite.searches)) {
    if (JSON.stringify(sqlite.searches[key]) !== JSON.stringify(postgres.searches[key])) {
      differences.push(`search ${key}: results differ`);
    }
  }
  process.stdout.write(
    `\nPlan totals: ${Object.keys(sqlite.plans).length} plans; searches: ${Object.keys(sqlite.searches).length} queries; ${differences.length === 0 ? "the same on both databases" : `${differences.length} differ`}.\n`,
  );
  return differences;
}

void main();
