import path from "node:path";
import { defineConfig } from "vitest/config";

/** `npm run test:limits`: the slow suite that fills an owner to every cap (tests/limits). */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/limits/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
