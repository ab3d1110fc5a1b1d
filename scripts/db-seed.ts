/**
 * `npm run db:seed`: (re-)import the USDA SR28 food database and the curated foods,
 * showing progress and a summary. Idempotent: user data is kept. On PostgreSQL when
 * DATABASE_URL is a postgres:// URL (scripts/run-import.ts).
 */
import { PostgresUnavailableError } from "../db/pg-client";
import { runImport } from "./run-import";

runImport({ force: true }).catch((error: unknown) => {
  if (error instanceof PostgresUnavailableError) {
    process.stderr.write(`db:seed: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
