/** Prints what the food database holds after an import, for db:setup and db:seed. */
import type { ImportSummary } from "../db/import/import-foods";

export function printImportSummary(
  databasePath: string,
  summary: ImportSummary,
  milliseconds: number,
): void {
  const count = (n: number) => n.toLocaleString("en-US");
  const lines = [
    summary.changed
      ? `Food database imported into ${databasePath} in ${Math.round(milliseconds)} ms`
      : `Food database in ${databasePath} is up to date (checked in ${Math.round(milliseconds)} ms)`,
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
