/**
 * `npm run db:setup`: create the database file if needed, migrate it, and import the
 * food database when it is missing or out of date. Run by `npm start` and `npm run dev`.
 */
import { migrateDatabase, openDatabase, resolveDatabasePath } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { printImportSummary } from "./print-import-summary";

const databasePath = resolveDatabasePath();
const db = openDatabase(databasePath);
const started = performance.now();
migrateDatabase(db);
const summary = importFoodDatabase(db, {
  onProgress: ({ stage, done, total }) => {
    if (total > 0) process.stdout.write(`  importing ${stage}: ${done}/${total}\n`);
  },
});
printImportSummary(databasePath, summary, performance.now() - started);
db.$client.close();
