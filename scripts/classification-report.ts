/**
 * Accuracy and coverage report for the diet / B12-fortification classifier
 * (db/import/classify-diet.ts). Run with:
 *
 *   npx tsx scripts/classification-report.ts            accuracy, counts, mismatches
 *   npx tsx scripts/classification-report.ts --details  also list every fortified food and
 *                                                       every vegan food that reports B12
 *
 * It reads the committed SR28 copy, db/data/classification-overrides.csv and the
 * hand-checked test set tests/fixtures/hand-checked-foods.csv; it writes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type ClassifiableFood,
  type Classification,
  type ClassificationAccuracy,
  classifyFood,
  type Diet,
  describeMismatch,
  measureClassificationAccuracy,
  parseClassificationOverrides,
  parseHandCheckedFoods,
} from "../db/import/classify-diet";
import { parseSr28Dataset, readSr28Files } from "../db/import/sr28-format";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
const showDetails = process.argv.includes("--details");

const dataset = parseSr28Dataset(readSr28Files(path.join(REPOSITORY, "db/data/usda-sr28")));
const overrides = parseClassificationOverrides(
  readFileSync(path.join(REPOSITORY, "db/data/classification-overrides.csv"), "utf8"),
);
const handChecked = parseHandCheckedFoods(
  readFileSync(path.join(REPOSITORY, "tests/fixtures/hand-checked-foods.csv"), "utf8"),
);

const foods = new Map<string, ClassifiableFood>(
  dataset.foods.map((food) => [
    food.ndbNumber,
    {
      ndbNumber: food.ndbNumber,
      groupCode: food.groupCode,
      name: food.name,
      b12PerHundredGrams: food.nutrients.b12,
      b12AddedPerHundredGrams: food.nutrients.b12Added,
    },
  ]),
);

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString("en-US");
const pad = (text: string | number, width: number) => String(text).padStart(width);

function printAccuracy(label: string, accuracy: ClassificationAccuracy): void {
  console.log(
    `  ${label.padEnd(16)} vegan-or-not ${pad(percent(accuracy.veganOrNot), 6)}   exact diet ${pad(percent(accuracy.exactDiet), 6)}   fortified ${pad(percent(accuracy.fortified), 6)}`,
  );
}

// --- accuracy -----------------------------------------------------------------------------
const withOverrides = measureClassificationAccuracy(handChecked, foods, overrides);
const rulesOnly = measureClassificationAccuracy(handChecked, foods);
const overriddenInTestSet = handChecked.filter((checked) =>
  overrides.has(checked.ndbNumber),
).length;

console.log(
  `Accuracy on ${handChecked.length} hand-checked foods (tests/fixtures/hand-checked-foods.csv)`,
);
printAccuracy("with overrides", withOverrides);
printAccuracy("rules only", rulesOnly);
console.log(
  `  ${overriddenInTestSet} of the hand-checked foods (${percent(overriddenInTestSet / handChecked.length)}) have an override; ${overrides.size} overrides in all`,
);

// --- counts over all foods ----------------------------------------------------------------
const results = new Map<string, Classification>();
for (const [ndb, food] of foods) results.set(ndb, classifyFood(food, overrides));

const diets: Diet[] = ["vegan", "vegetarian", "omnivore"];
const totals = { vegan: 0, vegetarian: 0, omnivore: 0, fortified: 0, fortifiedVegan: 0 };
const perGroup = new Map<
  string,
  { vegan: number; vegetarian: number; omnivore: number; fortified: number }
>();
for (const food of dataset.foods) {
  const result = results.get(food.ndbNumber);
  if (!result) continue;
  totals[result.diet]++;
  const group = perGroup.get(food.groupCode) ?? {
    vegan: 0,
    vegetarian: 0,
    omnivore: 0,
    fortified: 0,
  };
  group[result.diet]++;
  if (result.b12Fortified) {
    totals.fortified++;
    group.fortified++;
    if (result.diet === "vegan") totals.fortifiedVegan++;
  }
  perGroup.set(food.groupCode, group);
}

console.log(`\nAll ${count(dataset.foods.length)} SR28 foods (with overrides)`);
for (const diet of diets) console.log(`  ${diet.padEnd(11)} ${pad(count(totals[diet]), 6)}`);
console.log(
  `  ${"fortified".padEnd(11)} ${pad(count(totals.fortified), 6)}  (${count(totals.fortifiedVegan)} of them vegan)`,
);

console.log("\nPer food group             vegan  vegetarian  omnivore  fortified");
for (const group of dataset.groups) {
  const g = perGroup.get(group.code) ?? { vegan: 0, vegetarian: 0, omnivore: 0, fortified: 0 };
  console.log(
    `  ${group.code} ${group.name.slice(0, 20).padEnd(20)} ${pad(g.vegan, 6)} ${pad(g.vegetarian, 11)} ${pad(g.omnivore, 9)} ${pad(g.fortified, 10)}`,
  );
}

// --- mismatches ---------------------------------------------------------------------------
console.log(`\nMismatches with overrides (${withOverrides.mismatches.length})`);
for (const mismatch of withOverrides.mismatches) console.log(`  ${describeMismatch(mismatch)}`);
const fixedByOverrides = rulesOnly.mismatches.filter(
  (m) => !withOverrides.mismatches.some((w) => w.ndbNumber === m.ndbNumber),
);
console.log(`\nRules-only mismatches that an override corrects (${fixedByOverrides.length})`);
for (const mismatch of fixedByOverrides) console.log(`  ${describeMismatch(mismatch)}`);

// --- optional sanity lists ----------------------------------------------------------------
if (showDetails) {
  const line = (ndb: string) => {
    const food = foods.get(ndb);
    const result = results.get(ndb);
    if (!food || !result) return "";
    const b12 = food.b12PerHundredGrams ?? "?";
    const added = food.b12AddedPerHundredGrams ?? "-";
    return `  ${ndb} [${food.groupCode}] B12 ${b12}/${added} ${result.diet.padEnd(10)} ${food.name} — ${result.b12Fortified ? result.fortifiedReason : result.dietReason}`;
  };
  const veganWithB12 = [...foods.keys()].filter((ndb) => {
    const result = results.get(ndb);
    return (
      result?.diet === "vegan" &&
      !result.b12Fortified &&
      (foods.get(ndb)?.b12PerHundredGrams ?? 0) > 0
    );
  });
  console.log(
    `\nVegan foods that report B12 but are not flagged fortified (${veganWithB12.length})`,
  );
  for (const ndb of veganWithB12) console.log(line(ndb));
  const fortified = [...foods.keys()].filter((ndb) => results.get(ndb)?.b12Fortified);
  console.log(`\nFortified foods (${fortified.length})`);
  for (const ndb of fortified) console.log(line(ndb));
}
