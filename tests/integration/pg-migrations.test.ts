/**
 * The PostgreSQL migrations (db/migrations-pg) apply to a fresh database and build what
 * db/schema.pg.ts declares, plus the hand-written search columns and the first household
 * (scripts/pg-migrate-check.ts does the work on a scratch database beside B12_PG_TEST_URL's).
 * Runs only against PostgreSQL:
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx vitest run tests/integration/pg-migrations.test.ts
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const url = process.env.B12_PG_TEST_URL ?? "";
const onPostgres = /^postgres(ql)?:\/\//.test(url);
const title = onPostgres
  ? "PostgreSQL migrations"
  : "PostgreSQL migrations (skipped: B12_PG_TEST_URL is not a postgres:// URL)";

describe.skipIf(!onPostgres)(title, () => {
  it("apply twice without change and build every table, column, search column and index", () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts", "pg-migrate-check.ts")],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 },
    );
    const line = result.stdout.split("\n").find((text) => text.startsWith("RESULT "));
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 0,
      stderr: "",
    });
    const summary = JSON.parse(line?.slice("RESULT ".length) ?? "{}") as {
      migrations: number;
      tables: number;
      declaredTables: number;
      problems: string[];
    };
    expect(summary.problems).toEqual([]);
    // Every migration of the journal (each helper's new one counts without an edit here).
    const journal = JSON.parse(
      readFileSync(path.join(root, "db", "migrations-pg", "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    expect(journal.entries.length).toBeGreaterThanOrEqual(3);
    expect(summary.migrations).toBe(journal.entries.length);
    // The 29 tables of db/schema.pg.ts and the hand-written search_corpus (0002), which
    // scripts/pg-migrate-check.ts counts among the declared ones.
    expect(summary.tables).toBe(30);
    expect(summary.declaredTables).toBe(30);
  }, 120_000);
});
