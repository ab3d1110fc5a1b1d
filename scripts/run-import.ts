/**
 * The one way the scripts import: open the configured database, migrate it, import the
 * food database (with progress), print a summary of what it holds, close it.
 */
import { migrateDatabase, openDatabase, resolveDatabasePath } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";

export function runImport(options: { force: boolean }): void {
  const databasePath = resolveDatabasePath();
  const db = openDatabase(databasePath);
  const started = performance.now();
  migrateDatabase(db);
  process.stdout.write(`Database ${databasePath}\n`);
  const summary = importFoodDatabase(db, {
    force: options.force,
    onProgress: ({ stage, done, total }) => {
      if (total === 0) return;
      const percent = Math.round((done / total) * 100);
      process.stdout.write(
        `  ${stage.padEnd(9)} ${String(done).padStart(6)}/${total} (${percent}%)\n`,
      );
    },
  });
  db.$client.close();

  const milliseconds = Math.round(performance.now() - started);
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
