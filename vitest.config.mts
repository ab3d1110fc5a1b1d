import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    // A busy machine (CI, or several builds at once) can take a while to open a database.
    hookTimeout: 60_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
