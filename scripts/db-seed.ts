/**
 * `npm run db:seed`: (re-)import the USDA SR28 food database and the curated foods into
 * the database, showing progress and a summary. Idempotent: user data is kept.
 */
import { migrateDatabase, openDatabase, resolveDatabasePath } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { printImportSummary } from "./print-import-summary";

const databasePath = resolveDatabasePath();
const db = openDatabase(databasePath);
const started = performance.now();
migrateDatabase(db);
process.stdout.write(`Seeding ${databasePath}\n`);
const summary = importFoodDatabase(db, {
  force: true,
  onProgress: ({ stage, done, total }) => {
    if (total === 0) return;
    const percent = Math.round((done / total) * 100);
    process.stdout.write(
      `  ${stage.padEnd(9)} ${String(done).padStart(6)}/${total} (${percent}%)\n`,
    );
  },
});
printImportSummary(databasePath, summary, performance.now() - started);
db.$client.close();
