/**
 * `npm run db:setup` (scripts/db-setup.ts) with DATABASE_URL=postgres://…: against a closed
 * port it prints one line naming host and port (never the password) and exits 1 (runs
 * everywhere); on PostgreSQL it migrates, imports and stores the setup code's hash
 * (only on PostgreSQL: npx tsx scripts/pg-cluster.ts run -- npx vitest run
 * tests/integration/pg-setup.test.ts).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/pg-cluster";
import { createScratchDatabase, onPostgres, postgresTitle } from "../pg-scratch";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PASSWORD = "n0t-To-Be-Sh0wn";

function dbSetup(databaseUrl: string) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "scripts", "db-setup.ts")],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 170_000,
    },
  );
}

describe("db:setup with PostgreSQL unreachable", () => {
  it("exits 1 with one line naming host and port, never the password", async () => {
    const port = await findFreePort();
    const result = dbSetup(`postgres://planner:${PASSWORD}@127.0.0.1:${port}/b12`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `db:setup: cannot connect to PostgreSQL at postgres://planner@127.0.0.1:${port}/b12: connection refused (ECONNREFUSED): is PostgreSQL running and listening there?\n`,
    );
    expect(result.stdout).toBe("");
  }, 60_000);
});

describe.skipIf(!onPostgres)(postgresTitle("db:setup on PostgreSQL"), () => {
  it("migrates, imports and stores the hash of the setup code it prints", async () => {
    const scratch = await createScratchDatabase("setup");
    const client = new pg.Client({ connectionString: scratch.url });
    try {
      const first = dbSetup(scratch.url);
      expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: "" });
      expect(first.stdout).toContain("Food database imported");
      const code = /one-time setup code: (\S+)/.exec(first.stdout)?.[1];
      expect(code).toBeDefined();
      await client.connect();
      const stored = async () =>
        (
          await client.query<{ value: string }>(
            `SELECT value FROM app_meta WHERE key = 'auth.setup_code_hash'`,
          )
        ).rows[0]?.value;
      expect(await stored()).toBe(
        createHash("sha256")
          .update(code as string)
          .digest("hex"),
      );

      // A second start: nothing to import, a new code replaces the old one.
      const second = dbSetup(scratch.url);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain("Food database is up to date");
      const secondCode = /one-time setup code: (\S+)/.exec(second.stdout)?.[1];
      expect(secondCode).not.toBe(code);
      expect(await stored()).toBe(
        createHash("sha256")
          .update(secondCode as string)
          .digest("hex"),
      );

      // Once an account exists, no code is printed and the stored hash goes.
      await client.query(
        `INSERT INTO auth_users (id, name, email, email_verified, created_at, updated_at)
         VALUES ('u1', 'Admin', 'admin@example.org', true, now(), now())`,
      );
      const third = dbSetup(scratch.url);
      expect(third.status).toBe(0);
      expect(third.stdout).not.toContain("setup code");
      expect(await stored()).toBeUndefined();
    } finally {
      await client.end();
      await scratch.drop();
    }
  }, 300_000);
});
