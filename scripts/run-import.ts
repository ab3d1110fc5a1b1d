/**
 * The one way the scripts import: open the configured database, migrate it, import the
 * food database (with progress), print a summary of what it holds, close it.
 *
 * `DATABASE_URL=postgres://…` (or postgresql://) imports into PostgreSQL (check, migrate
 * under the set-up lock, db/import/import-foods-pg.ts); otherwise SQLite at DATABASE_PATH.
 */
import { migrateDatabase, openDatabase, resolveDatabasePath } from "../db/client";
import { configuredPostgresUrl } from "../db/database-url";
import {
  type ImportProgress,
  type ImportSummary,
  importFoodDatabase,
} from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { checkPostgres, describeDatabaseUrl, migratePostgres, openPostgres } from "../db/pg-client";

function printProgress({ stage, done, total }: ImportProgress): void {
  if (total === 0) return;
  const percent = Math.round((done / total) * 100);
  process.stdout.write(`  ${stage.padEnd(9)} ${String(done).padStart(6)}/${total} (${percent}%)\n`);
}

function printSummary(summary: ImportSummary, milliseconds: number): void {
  const count = (n: number) => n.toLocaleString("en-US");
  const lines = [
    summary.changed
      ? `Food database imported in ${milliseconds} ms`
      : `Food database is up to date (checked in ${milliseconds} ms)`,
    `  foods:             ${count(summary.foods)} (${count(summary.curatedFoods)} curated)`,
    `  portions:          ${count(summary.portions)}`,
    `  B12 unknown:       ${count(summary.unknownB12Foods)}`,
    `  vegan:             ${count(summary.veganFoods)}`,
    `  vegetarian:        ${count(summary.vegetarianFoods)}`,
    `  omnivore:          ${count(summary.omnivoreFoods)}`,
    `  B12-fortified:     ${count(summary.fortifiedFoods)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * Checks, migrates and imports on PostgreSQL. Throws PostgresUnavailableError (safe to
 * print: host, port, reason, never the password) when the database cannot be reached.
 */
export { configuredPostgresUrl };

export async function runImportPg(url: string, options: { force: boolean }): Promise<void> {
  const started = performance.now();
  await checkPostgres(url);
  const db = openPostgres(url, { max: 2 });
  try {
    await migratePostgres(db);
    process.stdout.write(`Database ${describeDatabaseUrl(url)}\n`);
    const summary = await importFoodDatabasePg(db, {
      force: options.force,
      onProgress: printProgress,
    });
    printSummary(summary, Math.round(performance.now() - started));
  } finally {
    await db.$client.end();
  }
}

export async function runImport(options: { force: boolean }): Promise<void> {
  const postgresUrl = configuredPostgresUrl();
  if (postgresUrl) return runImportPg(postgresUrl, options);

  const databasePath = resolveDatabasePath();
  const db = openDatabase(databasePath);
  const started = performance.now();
  migrateDatabase(db);
  process.stdout.write(`Database ${databasePath}\n`);
  const summary = importFoodDatabase(db, { force: options.force, onProgress: printProgress });
  db.$client.close();
  printSummary(summary, Math.round(performance.now() - started));
}
