/**
 * What a shopping list is built from: a plan's entries in range with their foods and
 * portions, each prepared food's raw form (server/domain/raw-forms.ts), fluid measures,
 * and the aisles the owner moved foods to. Reads only; the list is built by the pure
 * `buildShoppingList`.
 */

import type { AppDatabase } from "../../db/client";
import { databaseKey, dialectOf } from "../../db/dialect";
import { type RawSql, rawArrays, rawGet } from "../../db/raw";
import {
  chooseRawForm,
  isPreparedName,
  RAW_FORM_PAIRS,
  rawNameCandidates,
  sr28YieldFactor,
} from "../domain/raw-forms";
import {
  type Aisle,
  isAisle,
  type ShoppingEntryInput,
  type ShoppingPortion,
  type ShoppingRawForm,
  type ShoppingTextInput,
} from "../domain/shopping";
import type { Meal } from "../domain/vocabulary";

/**
 * A list of ids or names as one parameter: SQLite reads JSON text (`json_each(?)`),
 * PostgreSQL a text array (`= ANY(?::text[])`).
 */
export function listParam(db: AppDatabase, values: readonly string[]): unknown {
  return dialectOf(db) === "sqlite" ? JSON.stringify(values) : values;
}

/**
 * Entries, then their foods and portions by id: three small reads are faster than one
 * join repeated on each of a full plan's 896 rows (bench/shopping.bench.ts).
 */
const ENTRIES_SQL = `SELECT day, meal, food_id, grams, portion_id FROM plan_entries
  WHERE plan_id = ? AND day BETWEEN ? AND ?`;

type EntryRow = [number, Meal, string, number, string | null];

const ENTRY_FOODS_SQL = `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g, source
  FROM foods WHERE id IN
  (SELECT DISTINCT food_id FROM plan_entries WHERE plan_id = ? AND day BETWEEN ? AND ?)`;

/** b12_fortified is 0/1 on SQLite, a boolean on PostgreSQL. */
export type FoodRow = [string, string, string | null, number | boolean, number | null, string];

/** The typed row mapper for ENTRY_FOODS_SQL-shaped rows (shopping.ts reads the same columns). */
export function foodFactsFromRow([
  id,
  name,
  groupCode,
  fortified,
  energy,
  source,
]: FoodRow): FoodFacts {
  return {
    id,
    name,
    groupCode,
    b12Fortified: Boolean(fortified),
    energyKcalPerHundredGrams: energy,
    source,
  };
}

const ENTRY_PORTIONS_SQL = `SELECT id, amount, unit, grams FROM food_portions WHERE id IN
  (SELECT DISTINCT portion_id FROM plan_entries WHERE plan_id = ? AND day BETWEEN ? AND ?)`;

/**
 * Fluid measures only (fl oz, ml, and the plain cup, tbsp and tsp a drink without a fluid
 * measure is measured by): all `millilitresPerGram` needs from other portions. SQLite's
 * LIKE ignores ASCII case, PostgreSQL's ILIKE does.
 */
const fluidUnits = (like: string) =>
  `(p.unit ${like} 'fl oz%' OR p.unit ${like} '%ml%' OR p.unit IN ('cup', 'tbsp', 'tsp'))`;
const fluidPortionsSql = (like: string) => `SELECT p.food_id, p.id, p.amount, p.unit, p.grams
  FROM food_portions p
  WHERE p.food_id IN (SELECT DISTINCT food_id FROM plan_entries WHERE plan_id = ?)
    AND ${fluidUnits(like)}
  ORDER BY p.food_id, p.seq`;
const FLUID_PORTIONS_SQL: RawSql = {
  sqlite: fluidPortionsSql("LIKE"),
  pg: fluidPortionsSql("ILIKE"),
};

/**
 * Shared foods that may be the raw form of a prepared one, by exact name or paired id.
 * `+owner_id` keeps SQLite off foods_owner_idx (every shared food) so that it looks the
 * names up in foods_name_idx and the ids in foods_id_unique (bench/results.md);
 * PostgreSQL's planner needs no such hint.
 */
export const RAW_CANDIDATES_SQL = {
  sqlite: `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g
  FROM foods WHERE +owner_id IS NULL AND (name IN (SELECT value FROM json_each(?))
    OR id IN (SELECT value FROM json_each(?)))`,
  pg: `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g
  FROM foods WHERE owner_id IS NULL AND (name = ANY(?::text[]) OR id = ANY(?::text[]))`,
} as const satisfies RawSql;

const PORTIONS_OF_SQL: RawSql = {
  sqlite: `SELECT food_id, id, amount, unit, grams FROM food_portions
  WHERE food_id IN (SELECT value FROM json_each(?)) ORDER BY food_id, seq`,
  pg: `SELECT food_id, id, amount, unit, grams FROM food_portions
  WHERE food_id = ANY(?::text[]) ORDER BY food_id, seq`,
};

/** Portions recording an SR28 cooking yield ("package (10 oz) yields", "oz, dry, yields"). */
const YIELD_PORTIONS_SQL: RawSql = {
  sqlite: `SELECT food_id, id, amount, unit, grams FROM food_portions
  WHERE food_id IN (SELECT value FROM json_each(?)) AND unit LIKE '%yield%'`,
  pg: `SELECT food_id, id, amount, unit, grams FROM food_portions
  WHERE food_id = ANY(?::text[]) AND unit ILIKE '%yield%'`,
};

const AISLE_CHOICES_SQL = `SELECT food_id, aisle FROM shopping_aisle_choices WHERE owner_id = ?`;

export type FoodFacts = {
  id: string;
  name: string;
  groupCode: string | null;
  b12Fortified: boolean;
  energyKcalPerHundredGrams: number | null;
  source: string;
};

type PortionRow = [string, string, number, string, number];

function groupPortions(rows: unknown[][]) {
  const byFood: Record<string, ShoppingPortion[]> = {};
  for (const [foodId, id, amount, unit, grams] of rows as PortionRow[]) {
    const list = byFood[foodId] ?? [];
    list.push({ id, amount, unit, grams });
    byFood[foodId] = list;
  }
  return byFood;
}

/**
 * The raw form of every prepared shared food among `foods` (custom foods are taken as
 * the person entered them), with its grams per prepared gram and its portions.
 */
export async function resolveRawForms(
  db: AppDatabase,
  foods: readonly FoodFacts[],
  /** The cache, when the caller started reading it already (`rawFormCache`). */
  cached?: Promise<Map<string, ShoppingRawForm | null>>,
): Promise<Map<string, ShoppingRawForm>> {
  const result = new Map<string, ShoppingRawForm>();
  const cache = await (cached ?? rawFormCache(db));
  const preparedFoods: FoodFacts[] = [];
  for (const food of foods) {
    if (food.source === "custom" || !(RAW_FORM_PAIRS[food.id] || isPreparedName(food.name))) {
      continue;
    }
    const known = cache.get(food.id);
    if (known === undefined) preparedFoods.push(food);
    else if (known !== null) result.set(food.id, known);
  }
  if (preparedFoods.length === 0) return result;
  for (const food of preparedFoods) cache.set(food.id, null);
  const names = preparedFoods.flatMap((food) => rawNameCandidates(food.name));
  const ids = preparedFoods.flatMap((food) => RAW_FORM_PAIRS[food.id] ?? []);
  const [rows, yieldRows] = await Promise.all([
    rawArrays(db, RAW_CANDIDATES_SQL, [listParam(db, names), listParam(db, ids)]) as Promise<
      [string, string, string | null, number | boolean, number | null][]
    >,
    rawArrays(db, YIELD_PORTIONS_SQL, [
      listParam(
        db,
        preparedFoods.map((food) => food.id),
      ),
    ]),
  ]);
  const candidates = rows.map(([id, name, groupCode, fortified, energy]) => ({
    id,
    name,
    groupCode,
    b12Fortified: Boolean(fortified),
    energyKcalPerHundredGrams: energy,
  }));
  const yields = groupPortions(yieldRows);
  const chosen = new Map<string, { food: (typeof candidates)[number]; factor: number }>();
  for (const food of preparedFoods) {
    const raw = chooseRawForm(food, candidates, sr28YieldFactor(yields[food.id] ?? []));
    if (raw) chosen.set(food.id, raw);
  }
  if (chosen.size === 0) return result;
  const rawIds = [...new Set([...chosen.values()].map((raw) => raw.food.id))];
  const portions = groupPortions(await rawArrays(db, PORTIONS_OF_SQL, [listParam(db, rawIds)]));
  for (const [foodId, { food, factor }] of chosen) {
    const form = {
      foodId: food.id,
      foodName: food.name,
      groupCode: food.groupCode,
      b12Fortified: food.b12Fortified,
      factor,
      portions: portions[food.id] ?? [],
    };
    cache.set(foodId, form);
    result.set(foodId, form);
  }
  return result;
}

/**
 * Raw forms found so far, per connection: they depend only on shared foods, which change
 * only when the food data is re-imported, so the cache is keyed by the import's
 * fingerprint (app_meta). Finding candidates by name scans the shared foods (~15 ms); a
 * cached answer costs one primary-key read (bench/shopping.bench.ts).
 */
const RAW_FORM_CACHES = new WeakMap<
  object,
  { fingerprint: string | null; forms: Map<string, ShoppingRawForm | null> }
>();
/** The key db/import/import-foods.ts stores the import fingerprint under. */
const FINGERPRINT_SQL = `SELECT value FROM app_meta WHERE key = 'food_import_fingerprint'`;

async function rawFormCache(db: AppDatabase): Promise<Map<string, ShoppingRawForm | null>> {
  const row = await rawGet<{ value: string }>(db, FINGERPRINT_SQL);
  const fingerprint = row?.value ?? null;
  const holder = databaseKey(db);
  let entry = RAW_FORM_CACHES.get(holder);
  if (!entry || entry.fingerprint !== fingerprint) {
    entry = { fingerprint, forms: new Map() };
    RAW_FORM_CACHES.set(holder, entry);
  }
  return entry.forms;
}

export type ShoppingSources = {
  entries: ShoppingEntryInput[];
  portionsByFood: Record<string, ShoppingPortion[]>;
  /** Recipe lines without a weight, listed as written. */
  textItems: ShoppingTextInput[];
};

/*
 * Dishes (recipes in the plan): each weighed ingredient becomes an entry-like record
 * scaled by the dish's servings / the recipe's yield, so it adds up on the same line as
 * the same food from plain entries; lines without food or grams become text items.
 */
const DISH_INGREDIENTS_SQL = `SELECT d.day, d.meal, d.servings, r.servings, r.name, i.id, i.text,
    i.food_id, i.grams, i.portion_id
  FROM plan_recipes d
  JOIN recipes r ON r.id = d.recipe_id
  JOIN recipe_ingredients i ON i.recipe_id = d.recipe_id
  WHERE d.plan_id = ? AND d.day BETWEEN ? AND ?
  ORDER BY d.day, d.position, i.position`;

type DishIngredientRow = [
  number,
  Meal,
  number,
  number,
  string,
  string,
  string,
  string | null,
  number | null,
  string | null,
];

const FOODS_BY_ID_SQL: RawSql = {
  sqlite: `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g, source
  FROM foods WHERE id IN (SELECT value FROM json_each(?))`,
  pg: `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g, source
  FROM foods WHERE id = ANY(?::text[])`,
};

const PORTIONS_BY_ID_SQL: RawSql = {
  sqlite: `SELECT id, amount, unit, grams FROM food_portions
  WHERE id IN (SELECT value FROM json_each(?))`,
  pg: `SELECT id, amount, unit, grams FROM food_portions WHERE id = ANY(?::text[])`,
};

const FLUID_PORTIONS_OF_SQL: RawSql = {
  sqlite: `SELECT p.food_id, p.id, p.amount, p.unit, p.grams FROM food_portions p
  WHERE p.food_id IN (SELECT value FROM json_each(?)) AND ${fluidUnits("LIKE")}
  ORDER BY p.food_id, p.seq`,
  pg: `SELECT p.food_id, p.id, p.amount, p.unit, p.grams FROM food_portions p
  WHERE p.food_id = ANY(?::text[]) AND ${fluidUnits("ILIKE")}
  ORDER BY p.food_id, p.seq`,
};

async function loadDishIngredients(
  db: AppDatabase,
  planId: string,
  fromDay: number,
  toDay: number,
): Promise<DishIngredientRow[]> {
  return (await rawArrays(db, DISH_INGREDIENTS_SQL, [
    planId,
    fromDay,
    toDay,
  ])) as DishIngredientRow[];
}

/** Entries of days `fromDay`-`toDay`, each with its food, portion and raw form. */
export async function loadShoppingSources(
  db: AppDatabase,
  planId: string,
  fromDay: number,
  toDay: number,
): Promise<ShoppingSources> {
  const range = [planId, fromDay, toDay] as const;
  // Reads that need only the plan, together: on PostgreSQL each is a round trip (on
  // SQLite each statement has run by the time its promise exists).
  const cache = rawFormCache(db);
  const [foodRows, dishRows, portionRows, rows, fluidRows] = await Promise.all([
    rawArrays(db, ENTRY_FOODS_SQL, range),
    loadDishIngredients(db, planId, fromDay, toDay),
    rawArrays(db, ENTRY_PORTIONS_SQL, range),
    rawArrays(db, ENTRIES_SQL, range) as Promise<EntryRow[]>,
    rawArrays(db, FLUID_PORTIONS_SQL, [planId]),
    cache,
  ]);
  const foods = new Map<string, FoodFacts>();
  for (const row of foodRows as FoodRow[]) foods.set(row[0], foodFactsFromRow(row));
  const portions = new Map<string, ShoppingPortion>();
  for (const [id, amount, unit, grams] of portionRows as [string, number, string, number][]) {
    portions.set(id, { id, amount, unit, grams });
  }
  const portionsByFood = groupPortions(fluidRows);
  // Then what the dishes add: their foods, portions and fluid measures not read above.
  const dishFoodIds = [
    ...new Set(dishRows.flatMap((row) => (row[7] !== null && row[8] !== null ? [row[7]] : []))),
  ];
  const missingFoodIds = dishFoodIds.filter((id) => !foods.has(id));
  const dishPortionIds = [
    ...new Set(
      dishRows.flatMap((row) => (row[9] !== null && !portions.has(row[9]) ? [row[9]] : [])),
    ),
  ];
  const fluidMissing = dishFoodIds.filter((id) => !(id in portionsByFood));
  const none = Promise.resolve([] as unknown[][]);
  const [moreFoodRows, morePortionRows, moreFluidRows] = await Promise.all([
    missingFoodIds.length > 0
      ? rawArrays(db, FOODS_BY_ID_SQL, [listParam(db, missingFoodIds)])
      : none,
    dishPortionIds.length > 0
      ? rawArrays(db, PORTIONS_BY_ID_SQL, [listParam(db, dishPortionIds)])
      : none,
    fluidMissing.length > 0
      ? rawArrays(db, FLUID_PORTIONS_OF_SQL, [listParam(db, fluidMissing)])
      : none,
  ]);
  for (const row of moreFoodRows as FoodRow[]) foods.set(row[0], foodFactsFromRow(row));
  for (const [id, amount, unit, grams] of morePortionRows as [string, number, string, number][]) {
    portions.set(id, { id, amount, unit, grams });
  }
  Object.assign(portionsByFood, groupPortions(moreFluidRows));
  const rawForms = await resolveRawForms(db, [...foods.values()], cache);
  const entries: ShoppingEntryInput[] = rows.map(([day, meal, foodId, grams, portionId]) => {
    const food = foods.get(foodId);
    return {
      day,
      meal,
      foodId,
      foodName: food?.name ?? foodId,
      groupCode: food?.groupCode ?? null,
      b12Fortified: food?.b12Fortified ?? false,
      grams,
      portion: portionId === null ? null : (portions.get(portionId) ?? null),
      rawForm: rawForms.get(foodId) ?? null,
    };
  });
  const textItems: ShoppingTextInput[] = [];
  for (const [
    day,
    meal,
    dishServings,
    recipeServings,
    recipeName,
    ingredientId,
    text,
    foodId,
    grams,
    portionId,
  ] of dishRows) {
    const food = foodId === null ? undefined : foods.get(foodId);
    if (foodId === null || grams === null || !food || !(grams > 0)) {
      textItems.push({
        itemKey: `recipe-line:${ingredientId}`,
        day,
        meal,
        text,
        recipeName,
        foodId,
        foodName: food?.name ?? null,
        groupCode: food?.groupCode ?? null,
      });
      continue;
    }
    entries.push({
      day,
      meal,
      foodId,
      foodName: food.name,
      groupCode: food.groupCode,
      b12Fortified: food.b12Fortified,
      grams: (grams * dishServings) / recipeServings,
      portion: portionId === null ? null : (portions.get(portionId) ?? null),
      rawForm: rawForms.get(foodId) ?? null,
      dishName: recipeName,
    });
  }
  for (const raw of rawForms.values()) portionsByFood[raw.foodId] = [...raw.portions];
  return { entries, portionsByFood, textItems };
}

/** Aisles the owner moved foods to, by food id (unknown aisle names are ignored). */
export async function loadAisleChoices(
  db: AppDatabase,
  ownerId: string,
): Promise<Record<string, Aisle>> {
  const choices: Record<string, Aisle> = {};
  for (const [foodId, aisle] of (await rawArrays(db, AISLE_CHOICES_SQL, [ownerId])) as [
    string,
    string,
  ][]) {
    if (isAisle(aisle)) choices[foodId] = aisle;
  }
  return choices;
}
