/**
 * The PostgreSQL tests (issue 17), run by `npm run test:pg` inside a throwaway cluster
 * (scripts/pg-cluster.ts run sets DATABASE_URL to its `postgres` database):
 *
 *  1. the pg-* tests of the SQLite → PostgreSQL tooling, in a SQLite process, with the
 *     cluster as B12_PG_TEST_URL (tests/pg-scratch.ts);
 *  2. the integration suite with DATABASE_URL set: every service on PostgreSQL
 *     (vitest.pg.config.mts).
 *
 * Extra arguments go to the second run (e.g. one test file).
 */
import { spawnSync } from "node:child_process";
import { isPostgresUrl } from "../db/database-url";

const url = process.env.DATABASE_URL ?? "";
if (!isPostgresUrl(url)) {
  process.stderr.write(
    "test-pg: DATABASE_URL must be a postgres:// URL; run it as `npm run test:pg`\n",
  );
  process.exit(2);
}
const files = process.argv.slice(2);

function run(args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync("npx", ["vitest", "run", ...args], { stdio: "inherit", env });
  return result.status ?? 1;
}

const { DATABASE_URL: _unset, ...sqliteEnv } = process.env;
const tooling =
  files.length > 0 ? 0 : run(["tests/integration/pg-"], { ...sqliteEnv, B12_PG_TEST_URL: url });
const suite = run(["-c", "vitest.pg.config.mts", ...files], process.env);
process.exit(tooling !== 0 ? tooling : suite);
