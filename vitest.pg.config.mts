/**
 * The integration suite on PostgreSQL (issue 17): `npm run test:pg` starts a throwaway
 * cluster (scripts/pg-cluster.ts) and runs this with DATABASE_URL set, so db/schema.ts
 * gives the PostgreSQL tables and every createTestDatabase() is a PostgreSQL database
 * cloned from the templates tests/global-setup.ts migrated and seeded.
 *
 * Left out: what is about SQLite itself (its importer, FTS5 parity, the SQLite write
 * queue, crash safety of the file), the pure unit tests (they touch no database) and the
 * pg-* tests of the SQLite → PostgreSQL tooling, which run in the SQLite process.
 */
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    exclude: [
      "tests/integration/pg-*.test.ts",
      "tests/integration/dialect.test.ts",
      "tests/integration/crash-safety.test.ts",
      "tests/integration/import.test.ts",
      "tests/integration/schema-parity.test.ts",
      "tests/integration/search-parity.test.ts",
      "tests/integration/search-tokens.test.ts",
    ],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
