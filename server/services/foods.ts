/**
 * Foods: search, look-up, custom foods from labels, and diet corrections.
 *
 * Reads go through raw SQL (db/raw.ts: cached prepared statements on better-sqlite3, the
 * search must answer in a few milliseconds; node-postgres on PostgreSQL, where the search
 * ranks in server/services/food-search-pg.ts); writes go through Drizzle. Every function
 * takes the database and the owner id, so tests pass a temporary database.
 */

import { randomUUID } from "node:crypto";
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { dialectOf, first, write } from "../../db/dialect";
import { rawAll, rawArrays, rawGet, rawRun } from "../../db/raw";
import {
  dietOverrides,
  foodPortions,
  foods,
  planEntries,
  recipeIngredients,
} from "../../db/schema";
import { type AmountUnit, amountUnitsFor } from "../domain/amount-units";
import {
  b12MicrogramsForGrams,
  labelB12Micrograms,
  labelToB12PerHundredGrams,
} from "../domain/b12-amounts";
import { gramsForPortions } from "../domain/portions";
import { buildSearchPlan, isNdbNumberQuery, type SearchPlan } from "../domain/search-query";
import {
  encodeSearchHeads,
  foodSearchHeads,
  foodSearchPrior,
  HEAD_TIER_WEIGHT,
} from "../domain/search-ranking";
import { foodSearchTokens } from "../domain/search-tokens";
import { isDrink } from "../domain/units";
import type { Diet, LabelEdition } from "../domain/vocabulary";
import { AppError, invalid, notFound } from "../errors";
import {
  type CustomFoodFields,
  type GetFoodInput,
  type LabelPreviewInput,
  MAX_SERVING_GRAMS,
  type SearchFoodsInput,
  type SetDietOverrideInput,
  type UpdateCustomFoodInput,
} from "../schemas/foods";
import { headTierSql, searchFiltersPg, searchFoodKeysPg } from "./food-search-pg";
import { checkCustomFoodRoom, checkDietOverrideRoom } from "./limits";

export type FoodPortion = {
  id: string;
  label: string;
  grams: number;
  /** B12 in this portion, µg; null when the food's B12 is unknown. */
  b12Micrograms: number | null;
};

export type Food = {
  id: string;
  name: string;
  source: "usda" | "curated" | "custom";
  ndbNumber: string | null;
  group: { code: string; name: string } | null;
  /** The diet to use: the owner's correction when there is one, else the classification. */
  diet: Diet;
  classifiedDiet: Diet;
  dietReason: string;
  dietCorrected: boolean;
  b12Fortified: boolean;
  fortifiedReason: string | null;
  /** µg per 100 g; null when SR28 has no value (unknown, not zero). */
  b12PerHundredGrams: number | null;
  /** The fortificant part of b12PerHundredGrams, µg per 100 g, when SR28 records it. */
  b12AddedPerHundredGrams: number | null;
  nutrientsPerHundredGrams: {
    energyKcal: number | null;
    proteinGrams: number | null;
    fatGrams: number | null;
    carbohydrateGrams: number | null;
    fibreGrams: number | null;
  };
  manufacturer: string | null;
  sourceNote: string | null;
  typicalLabelValue: boolean;
  portions: FoodPortion[];
  /** Units an amount may also be given in: ml and fl oz for drinks, oz and lb otherwise. */
  amountUnits: AmountUnit[];
  /** Starred by this owner (foods.setFavorite). */
  favorite: boolean;
  /** For custom foods: the label as typed, so it can be edited. */
  label: {
    servingGrams: number;
    b12Micrograms: number | null;
    percentDailyValue: number | null;
    labelEdition: LabelEdition | null;
  } | null;
};

type FoodRow = {
  key: number;
  id: string;
  source: Food["source"];
  ndb_number: string | null;
  name: string;
  group_code: string | null;
  group_name: string | null;
  manufacturer: string | null;
  b12_per_100g: number | null;
  b12_added_per_100g: number | null;
  energy_kcal_per_100g: number | null;
  protein_g_per_100g: number | null;
  fat_g_per_100g: number | null;
  carbohydrate_g_per_100g: number | null;
  fibre_g_per_100g: number | null;
  diet: Diet;
  diet_reason: string;
  override_diet: Diet | null;
  override_note: string | null;
  /** SQLite 0/1, PostgreSQL true/false (read with Boolean()). */
  b12_fortified: number | boolean;
  fortified_reason: string | null;
  source_note: string | null;
  typical_label_value: number | boolean;
  label_serving_grams: number | null;
  label_b12_micrograms: number | null;
  label_percent_daily_value: number | null;
  label_edition: LabelEdition | null;
  favorite: number | boolean;
  /** The food's portions when the statement read them too (the search on PostgreSQL). */
  portions?: PortionRow[];
};

type PortionRow = {
  id: string;
  food_id: string;
  label: string;
  grams: number;
  amount: number;
  unit: string;
};

const FOOD_COLUMNS = `f.key, f.id, f.source, f.ndb_number, f.name, f.group_code, g.name AS group_name,
  f.manufacturer, f.b12_per_100g, f.b12_added_per_100g, f.energy_kcal_per_100g,
  f.protein_g_per_100g, f.fat_g_per_100g, f.carbohydrate_g_per_100g, f.fibre_g_per_100g,
  f.diet, f.diet_reason, o.diet AS override_diet, o.note AS override_note, f.b12_fortified,
  f.fortified_reason, f.source_note, f.typical_label_value, f.label_serving_grams,
  f.label_b12_micrograms, f.label_percent_daily_value, f.label_edition,
  (fav.food_id IS NOT NULL) AS favorite`;

/** Joins a food to its group, this owner's diet correction and star (parameter :owner). */
const FOOD_JOINS = `LEFT JOIN food_groups g ON g.code = f.group_code
  LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = :owner
  LEFT JOIN favorite_foods fav ON fav.food_id = f.id AND fav.owner_id = :owner`;

const VISIBLE_TO_OWNER = `(f.owner_id IS NULL OR f.owner_id = :owner)`;

const PORTIONS_SQL = {
  sqlite: `SELECT p.id, p.food_id, p.label, p.grams, p.amount, p.unit FROM food_portions p
     WHERE p.food_id IN (SELECT value FROM json_each(?)) ORDER BY p.food_id, p.seq`,
  pg: `SELECT p.id, p.food_id, p.label, p.grams, p.amount, p.unit FROM food_portions p
     WHERE p.food_id = ANY(?::text[]) ORDER BY p.food_id, p.seq`,
};

/** A list of ids as one parameter: JSON text for SQLite's json_each, an array for PostgreSQL. */
function idList(db: AppDatabase, ids: readonly string[]): string | readonly string[] {
  return dialectOf(db) === "sqlite" ? JSON.stringify(ids) : ids;
}

async function loadPortions(
  db: AppDatabase,
  foodIds: readonly string[],
): Promise<Map<string, PortionRow[]>> {
  const byFood = new Map<string, PortionRow[]>();
  if (foodIds.length === 0) return byFood;
  const rows = await rawAll<PortionRow>(db, PORTIONS_SQL, [idList(db, foodIds)]);
  for (const row of rows) {
    const list = byFood.get(row.food_id) ?? [];
    list.push(row);
    byFood.set(row.food_id, list);
  }
  return byFood;
}

function toFood(row: FoodRow, portions: readonly PortionRow[]): Food {
  const b12 = row.b12_per_100g;
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    ndbNumber: row.ndb_number,
    group: row.group_code && row.group_name ? { code: row.group_code, name: row.group_name } : null,
    diet: row.override_diet ?? row.diet,
    classifiedDiet: row.diet,
    dietReason: row.override_diet
      ? `corrected by you${row.override_note ? `: ${row.override_note}` : ""}`
      : row.diet_reason,
    dietCorrected: row.override_diet !== null,
    b12Fortified: Boolean(row.b12_fortified),
    fortifiedReason: row.fortified_reason,
    b12PerHundredGrams: b12,
    b12AddedPerHundredGrams: row.b12_added_per_100g,
    nutrientsPerHundredGrams: {
      energyKcal: row.energy_kcal_per_100g,
      proteinGrams: row.protein_g_per_100g,
      fatGrams: row.fat_g_per_100g,
      carbohydrateGrams: row.carbohydrate_g_per_100g,
      fibreGrams: row.fibre_g_per_100g,
    },
    manufacturer: row.manufacturer,
    sourceNote: row.source_note,
    typicalLabelValue: Boolean(row.typical_label_value),
    favorite: Boolean(row.favorite),
    portions: portions.map((portion) => ({
      id: portion.id,
      label: portion.label,
      grams: portion.grams,
      b12Micrograms: b12MicrogramsForGrams(b12, portion.grams),
    })),
    amountUnits: amountUnitsFor(portions, { drink: isDrink(row.name) }),
    label:
      row.source === "custom" && row.label_serving_grams !== null
        ? {
            servingGrams: row.label_serving_grams,
            b12Micrograms: row.label_b12_micrograms,
            percentDailyValue: row.label_percent_daily_value,
            labelEdition: row.label_edition,
          }
        : null,
  };
}

async function toFoods(db: AppDatabase, rows: readonly FoodRow[]): Promise<Food[]> {
  const portions = await loadPortions(
    db,
    rows.filter((row) => row.portions === undefined).map((row) => row.id),
  );
  return rows.map((row) => toFood(row, row.portions ?? portions.get(row.id) ?? []));
}

export type SearchFoodsResult = {
  items: Food[];
  nextCursor: number | null;
  /**
   * True when no food matches every word, so these foods match some of them ("lentil
   * soup" with the vegan filter: lentils and vegan soups); the UI says so.
   */
  relaxed: boolean;
};

/**
 * Full-text search (FTS5, prefix words in any order, plurals, spellings and everyday
 * synonyms) with diet, fortified and group filters, sorted by relevance (everyday foods
 * first, see server/domain/search-ranking.ts) or by B12 per 100 g, paged by an offset
 * cursor. When no food matches every word, foods matching some words are returned,
 * flagged `relaxed`.
 */
export async function searchFoods(
  db: AppDatabase,
  ownerId: string,
  input: SearchFoodsInput,
): Promise<SearchFoodsResult> {
  if (dialectOf(db) === "pg") return await searchFoodsPg(db, ownerId, input);
  const query = buildSearchQuery(ownerId, input);
  if (query === null) return { items: [], nextCursor: null, relaxed: false };
  let rows = await rawAll<FoodRow>(db, query.sqlText, query.params);
  let relaxed = false;
  if (rows.length === 0 && !(await hasStrictMatch(db, ownerId, input))) {
    const fallback = buildSearchQuery(ownerId, input, { relaxed: true });
    if (fallback) {
      rows = await rawAll<FoodRow>(db, fallback.sqlText, fallback.params);
      relaxed = true;
    }
  }
  return await searchPage(db, input, rows, relaxed);
}

async function searchPage(
  db: AppDatabase,
  input: SearchFoodsInput,
  rows: readonly FoodRow[],
  relaxed: boolean,
): Promise<SearchFoodsResult> {
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const offset = input.cursor ?? 0;
  return {
    items: await toFoods(db, page),
    nextCursor: hasMore ? offset + input.limit : null,
    relaxed: relaxed && page.length > 0,
  };
}

/** Whether any food matches every word (a later page can be empty while page 1 is not). */
async function hasStrictMatch(
  db: AppDatabase,
  ownerId: string,
  input: SearchFoodsInput,
): Promise<boolean> {
  if (!input.cursor) return false;
  const first = buildSearchQuery(ownerId, { ...input, cursor: 0, limit: 1 });
  return first !== null && (await rawAll(db, first.sqlText, first.params)).length > 0;
}

/**
 * The search on PostgreSQL (server/services/food-search-pg.ts ranks; this fetches the
 * page's rows): the same foods, order, paging and relaxing as on SQLite.
 */
async function searchFoodsPg(
  db: AppDatabase,
  ownerId: string,
  input: SearchFoodsInput,
): Promise<SearchFoodsResult> {
  if (isNdbNumberQuery(input.query)) {
    const params: Record<string, unknown> = {
      ndb: input.query.trim(),
      limit: input.limit + 1,
      offset: input.cursor ?? 0,
    };
    const { filters } = searchFiltersPg(ownerId, input, params);
    const rows = await rawAll<FoodRow>(
      db,
      `SELECT ${FOOD_COLUMNS} FROM foods f ${FOOD_JOINS}
      WHERE f.ndb_number = :ndb AND ${filters.join(" AND ")}
      LIMIT :limit OFFSET :offset`,
      params,
    );
    return await searchPage(db, input, rows, false);
  }
  const strict = await searchFoodKeysPg(db, ownerId, input);
  if (strict === null) return { items: [], nextCursor: null, relaxed: false };
  let keys = strict.keys;
  let relaxed = false;
  if (keys.length === 0 && !strict.anyMatch) {
    const fallback = await searchFoodKeysPg(db, ownerId, input, { relaxed: true });
    if (fallback) {
      keys = fallback.keys;
      relaxed = true;
    }
  }
  return await searchPage(db, input, await foodRowsByKey(db, ownerId, keys), relaxed);
}

/**
 * The wide rows of foods by key, in the order of `keys`, with their portions (PostgreSQL:
 * one statement, as every round trip to the server counts).
 */
async function foodRowsByKey(
  db: AppDatabase,
  ownerId: string,
  keys: readonly number[],
): Promise<FoodRow[]> {
  if (keys.length === 0) return [];
  const rows = await rawAll<FoodRow>(
    db,
    `SELECT ${FOOD_COLUMNS},
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'food_id', p.food_id,
                  'label', p.label, 'grams', p.grams, 'amount', p.amount, 'unit', p.unit)
                ORDER BY p.seq), '[]'::json)
           FROM food_portions p WHERE p.food_id = f.id) AS portions
       FROM foods f ${FOOD_JOINS} WHERE f.key = ANY(:keys::int[])`,
    { owner: ownerId, keys },
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return keys.flatMap((key) => byKey.get(key) ?? []);
}

/**
 * The relevance order, most relevant first (docs/architecture.md, "Search"):
 * 1. a score: the head tier (0 when the food's head is the whole query, "milk" →
 *    "Milk, whole", "brown rice" → "Rice, brown"; 1 when a head is one of the query's
 *    words; else 2) times HEAD_TIER_WEIGHT, plus the food's prior (SR28 Survey foods,
 *    generic over branded, plain names first), so a much plainer food can outrank a
 *    closer name ("chicken breast": roasted breast before sliced deli breast);
 * 2. BM25 (name weighted above extra keywords), skipped for single letters;
 * 3. shorter names, then the key (a stable order for paging).
 */
function relevanceSortKeys(plan: SearchPlan, params: Record<string, string | number>): string[] {
  const tier = headTierSql(plan, params, (name) => `instr(f.search_heads, :${name})`);
  return [
    `${tier} * ${HEAD_TIER_WEIGHT} + f.search_prior`,
    ...(plan.lettersOnly ? [] : ["bm25(foods_fts, 10.0, 3.0)"]),
    "length(f.name)",
    "f.key",
  ];
}

/**
 * The one SQL statement a search runs (FTS5 MATCH, or an NDB-number look-up) and its
 * named parameters; null when the query has no searchable word. `relaxed` matches any
 * word instead of every word. Exported so the HTTP benchmark can time exactly this
 * statement on bare better-sqlite3 as its baseline.
 */
export function buildSearchQuery(
  ownerId: string,
  input: SearchFoodsInput,
  options: { relaxed?: boolean } = {},
): { sqlText: string; params: Record<string, string | number> } | null {
  const offset = input.cursor ?? 0;
  const filters: string[] = [VISIBLE_TO_OWNER];
  if (input.diet === "vegan") filters.push(`coalesce(o.diet, f.diet) = 'vegan'`);
  if (input.diet === "vegetarian")
    filters.push(`coalesce(o.diet, f.diet) IN ('vegan', 'vegetarian')`);
  if (input.fortifiedOnly) filters.push(`f.b12_fortified = 1`);
  if (input.group) filters.push(`f.group_code = :group`);

  const params: Record<string, string | number> = {
    owner: ownerId,
    limit: input.limit + 1,
    offset,
  };
  if (input.group) params.group = input.group;

  if (isNdbNumberQuery(input.query)) {
    if (options.relaxed) return null;
    params.ndb = input.query.trim();
    return {
      sqlText: `SELECT ${FOOD_COLUMNS} FROM foods f ${FOOD_JOINS}
      WHERE f.ndb_number = :ndb AND ${filters.join(" AND ")}
      LIMIT :limit OFFSET :offset`,
      params,
    };
  }
  const plan = buildSearchPlan(input.query);
  if (plan === null) return null;
  const match = options.relaxed ? plan.relaxedMatch : plan.match;
  if (match === null) return null;
  params.match = match;
  const sortKeys = [
    ...(input.sort === "b12" ? ["f.b12_per_100g IS NULL", "-f.b12_per_100g"] : []),
    ...relevanceSortKeys(plan, params),
  ];
  const keyColumns = sortKeys.map((expression, index) => `${expression} AS k${index}`);
  const keyOrder = sortKeys.map((_, index) => `hit.k${index}`).join(", ");
  // Two steps: rank the matches on a narrow row (key + sort keys) and keep one page,
  // then fetch the wide columns for that page only. Sorting the wide rows of every
  // match was most of the time for broad words ("cheese": 2.9 → 1.5 ms).
  const dietJoin =
    input.diet === "vegan" || input.diet === "vegetarian"
      ? "LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = :owner"
      : "";
  const sqlText = `SELECT ${FOOD_COLUMNS} FROM (
        SELECT ${keyColumns.join(", ")} FROM foods_fts
        JOIN foods f ON f.key = foods_fts.rowid ${dietJoin}
        WHERE foods_fts MATCH :match AND ${filters.join(" AND ")}
        ORDER BY ${sortKeys.map((_, index) => `k${index}`).join(", ")}
        LIMIT :limit OFFSET :offset
      ) hit
      JOIN foods f ON f.key = hit.k${sortKeys.length - 1} ${FOOD_JOINS}
      ORDER BY ${keyOrder}`;
  return { sqlText, params };
}

async function findFoodRow(
  db: AppDatabase,
  ownerId: string,
  input: GetFoodInput,
): Promise<FoodRow | undefined> {
  const byId = "id" in input;
  return await rawGet<FoodRow>(
    db,
    `SELECT ${FOOD_COLUMNS} FROM foods f ${FOOD_JOINS}
     WHERE ${byId ? "f.id = :value" : "f.ndb_number = :value"} AND ${VISIBLE_TO_OWNER}`,
    { owner: ownerId, value: byId ? input.id : input.ndbNumber },
  );
}

/** One food by id or NDB number; NOT_FOUND when it does not exist for this owner. */
export async function getFood(
  db: AppDatabase,
  ownerId: string,
  input: GetFoodInput,
): Promise<Food> {
  const row = await findFoodRow(db, ownerId, input);
  if (!row) {
    throw "id" in input
      ? notFound(`No food with id "${input.id}"`, "id")
      : notFound(`No food with NDB number ${input.ndbNumber}`, "ndbNumber");
  }
  return (await toFoods(db, [row]))[0] as Food;
}

/**
 * Foods by id in the order given, as this owner sees them; ids that are gone or not
 * visible to the owner are left out.
 */
export async function getFoodsByIds(
  db: AppDatabase,
  ownerId: string,
  ids: readonly string[],
): Promise<Food[]> {
  if (ids.length === 0) return [];
  const rows = await rawAll<FoodRow>(
    db,
    {
      sqlite: `SELECT ${FOOD_COLUMNS} FROM foods f ${FOOD_JOINS}
     WHERE f.id IN (SELECT value FROM json_each(:ids)) AND ${VISIBLE_TO_OWNER}`,
      pg: `SELECT ${FOOD_COLUMNS} FROM foods f ${FOOD_JOINS}
     WHERE f.id = ANY(:ids::text[]) AND ${VISIBLE_TO_OWNER}`,
    },
    { owner: ownerId, ids: idList(db, ids) },
  );
  const byId = new Map((await toFoods(db, rows)).map((food) => [food.id, food]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type FoodGroupSummary = { code: string; name: string; foodCount: number };

/** Food groups with how many foods each holds, for the search filter. */
export async function listFoodGroups(db: AppDatabase): Promise<FoodGroupSummary[]> {
  return await rawAll<FoodGroupSummary>(
    db,
    `SELECT g.code, g.name, count(f.key) AS "foodCount" FROM food_groups g
     LEFT JOIN foods f ON f.group_code = g.code AND f.owner_id IS NULL
     GROUP BY g.code ORDER BY g.name`,
  );
}

async function assertGroupExists(db: AppDatabase, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const row = await rawGet(db, `SELECT 1 AS found FROM food_groups WHERE code = ?`, [code]);
  if (!row) throw notFound(`No food group with code ${code}`, "group");
}

export function customFoodValues(fields: CustomFoodFields) {
  const labelMicrograms = labelB12Micrograms(fields.b12);
  const b12PerHundredGrams = labelToB12PerHundredGrams(fields.servingGrams, fields.b12);
  return {
    name: fields.name,
    searchHeads: encodeSearchHeads(foodSearchHeads(fields.name)),
    searchPrior: foodSearchPrior({
      name: fields.name,
      groupCode: fields.group ?? null,
      manufacturer: null,
      survey: false,
      source: "custom",
    }),
    groupCode: fields.group ?? null,
    b12PerHundredGrams,
    // A fortified custom food's B12 is all added B12 (the label cannot tell the parts apart).
    b12AddedPerHundredGrams: fields.fortified ? b12PerHundredGrams : null,
    diet: fields.diet,
    dietReason: "set by you when you entered this food",
    b12Fortified: fields.fortified,
    fortifiedReason: fields.fortified ? "marked fortified by you" : null,
    labelServingGrams: fields.servingGrams,
    labelB12Micrograms: "micrograms" in fields.b12 ? fields.b12.micrograms : labelMicrograms,
    labelPercentDailyValue: "percentDailyValue" in fields.b12 ? fields.b12.percentDailyValue : null,
    labelEdition: "labelEdition" in fields.b12 ? fields.b12.labelEdition : null,
  };
}

export function customPortions(foodId: string, fields: CustomFoodFields) {
  const serving = { label: "1 serving", grams: fields.servingGrams };
  return [serving, ...(fields.portions ?? [])].map((portion, index) => ({
    id: `${foodId}:${index + 1}`,
    foodId,
    seq: index + 1,
    amount: 1,
    unit: portion.label,
    label: portion.label,
    grams: portion.grams,
  }));
}

/** What a label's figures come to, before saving: µg per serving and per 100 g. */
export function previewLabel(input: LabelPreviewInput): {
  b12MicrogramsPerServing: number;
  b12PerHundredGrams: number;
} {
  return {
    b12MicrogramsPerServing: labelB12Micrograms(input.b12),
    b12PerHundredGrams: labelToB12PerHundredGrams(input.servingGrams, input.b12),
  };
}

/** Creates a food from a product label; its first portion is the label's serving. */
export async function createCustomFood(
  db: AppDatabase,
  ownerId: string,
  fields: CustomFoodFields,
): Promise<Food> {
  await assertGroupExists(db, fields.group);
  const id = `custom-${randomUUID()}`;
  // The cap check inside the write: exact with several app instances too.
  await write(db, ownerId, async (tx) => {
    await checkCustomFoodRoom(tx, ownerId);
    await createCustomFoodWithId(tx, ownerId, id, fields);
  });
  return await getFood(db, ownerId, { id });
}

/** Writes a custom food under a given id (a new one, or a restored backup's). */
export async function createCustomFoodWithId(
  tx: AppDatabase,
  ownerId: string,
  id: string,
  fields: CustomFoodFields,
): Promise<void> {
  await tx
    .insert(foods)
    .values({ id, source: "custom", ownerId, searchKeywords: "", ...customFoodValues(fields) });
  await tx.insert(foodPortions).values(customPortions(id, fields));
  await storeFoodSearchTokens(tx, [id]);
}

/**
 * PostgreSQL's search columns for foods just written or renamed: `search_tokens` and
 * `search_name_tokens` from foodSearchTokens() of the stored name and keywords (the
 * generated `search_document` follows). SQLite's FTS5 triggers do this there, so on
 * SQLite it does nothing. Call it inside the write that changed the foods (backup restore
 * too, after inserting or updating custom foods).
 */
export async function storeFoodSearchTokens(
  tx: AppDatabase,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0 || dialectOf(tx) === "sqlite") return;
  const rows = await rawAll<{ id: string; name: string; search_keywords: string }>(
    tx,
    `SELECT id, name, search_keywords FROM foods WHERE id = ANY(?::text[])`,
    [ids],
  );
  const tokens = rows.map((row) => foodSearchTokens(row.name, row.search_keywords));
  await rawRun(
    tx,
    `UPDATE foods AS f SET search_tokens = v.tokens, search_name_tokens = v.name_tokens
       FROM unnest(?::text[], ?::text[], ?::int[]) AS v(id, tokens, name_tokens)
      WHERE f.id = v.id AND (f.search_tokens IS DISTINCT FROM v.tokens
        OR f.search_name_tokens IS DISTINCT FROM v.name_tokens)`,
    [
      rows.map((row) => row.id),
      tokens.map((token) => token.tokens),
      tokens.map((token) => token.nameTokenCount),
    ],
  );
}

async function requireOwnCustomFood(db: AppDatabase, ownerId: string, id: string): Promise<void> {
  const row = await first(
    db.select({ source: foods.source, ownerId: foods.ownerId }).from(foods).where(eq(foods.id, id)),
  );
  if (!row || (row.ownerId !== null && row.ownerId !== ownerId)) {
    throw notFound(`No food with id "${id}"`, "id");
  }
  if (row.source !== "custom") {
    throw invalid(
      `id: "${id}" is a shared ${row.source === "usda" ? "USDA" : "curated"} food; only your own custom foods can be edited or deleted`,
      "id",
    );
  }
}

/** Replaces a custom food's label data and portions. */
export async function updateCustomFood(
  db: AppDatabase,
  ownerId: string,
  input: UpdateCustomFoodInput,
): Promise<Food> {
  const { id, ...fields } = input;
  await requireOwnCustomFood(db, ownerId, id);
  await assertGroupExists(db, fields.group);
  await write(db, ownerId, async (tx) => {
    await tx
      .update(foods)
      .set({ ...customFoodValues(fields), updatedAt: new Date().toISOString() })
      .where(eq(foods.id, id));
    await storeFoodSearchTokens(tx, [id]);
    // Upsert by the stable ids `${id}:${seq}` so plan entries keep their portion; drop the rest.
    const portions = customPortions(id, fields);
    for (const portion of portions) {
      await tx
        .insert(foodPortions)
        .values(portion)
        .onConflictDoUpdate({
          target: foodPortions.id,
          set: { label: portion.label, unit: portion.unit, grams: portion.grams },
        });
    }
    await tx
      .delete(foodPortions)
      .where(and(eq(foodPortions.foodId, id), gt(foodPortions.seq, portions.length)));
    // Plan entries counted in one of these portions follow its new weight.
    for (const portion of portions) {
      const entries = await tx
        .select({ id: planEntries.id, quantity: planEntries.quantity })
        .from(planEntries)
        .where(eq(planEntries.portionId, portion.id));
      for (const entry of entries) {
        if (entry.quantity === null) continue;
        const grams = gramsForPortions(entry.quantity, portion.grams);
        if (grams > MAX_SERVING_GRAMS) {
          throw invalid(
            `portions: a plan has ${entry.quantity} × ${portion.label}, which would weigh ${Math.round(grams)} g, over ${MAX_SERVING_GRAMS} g; change that entry first`,
            "portions",
          );
        }
        await tx.update(planEntries).set({ grams }).where(eq(planEntries.id, entry.id));
      }
      // Recipe lines in this portion too (no cap to break: a recipe line may weigh more).
      await tx
        .update(recipeIngredients)
        .set({ grams: sql`${recipeIngredients.quantity} * ${portion.grams}` })
        .where(
          and(eq(recipeIngredients.portionId, portion.id), isNotNull(recipeIngredients.quantity)),
        );
    }
  });
  return await getFood(db, ownerId, { id });
}

export async function deleteCustomFood(
  db: AppDatabase,
  ownerId: string,
  id: string,
): Promise<{ id: string }> {
  await requireOwnCustomFood(db, ownerId, id);
  const uses = (await rawGet<{ entries: number; plans: number }>(
    db,
    `SELECT count(*) AS entries, count(DISTINCT plan_id) AS plans FROM plan_entries WHERE food_id = ?`,
    [id],
  )) ?? { entries: 0, plans: 0 };
  if (uses.entries > 0) {
    throw new AppError(
      "CONFLICT",
      `id: this food is used ${uses.entries} time${uses.entries === 1 ? "" : "s"} in ${uses.plans} plan${uses.plans === 1 ? "" : "s"}; remove it from ${uses.plans === 1 ? "that plan" : "those plans"} first`,
      "id",
    );
  }
  const inRecipes = (
    await rawArrays(
      db,
      `SELECT r.name FROM recipe_ingredients i JOIN recipes r ON r.id = i.recipe_id
      WHERE i.food_id = ? GROUP BY r.id ORDER BY r.name`,
      [id],
    )
  ).map((row) => row[0] as string);
  if (inRecipes.length > 0) {
    throw new AppError(
      "CONFLICT",
      `id: this food is in ${inRecipes.length} recipe${inRecipes.length === 1 ? "" : "s"} (${inRecipes.slice(0, 3).join("; ")}${inRecipes.length > 3 ? " …" : ""}); remove it from ${inRecipes.length === 1 ? "that recipe" : "those recipes"} first`,
      "id",
    );
  }
  await write(db, ownerId, async (tx) => {
    await tx.delete(foods).where(and(eq(foods.id, id), eq(foods.ownerId, ownerId)));
  });
  return { id };
}

/** Records (or with `diet: null` removes) this owner's correction of a food's diet. */
export async function setDietOverride(
  db: AppDatabase,
  ownerId: string,
  input: SetDietOverrideInput,
): Promise<Food> {
  await getFood(db, ownerId, { id: input.foodId });
  // In a write: the cap check stays exact, and on PostgreSQL the household's data version
  // moves, so no instance serves totals cached under the old diet.
  await write(db, ownerId, async (tx) => {
    if (input.diet === null) {
      await tx
        .delete(dietOverrides)
        .where(and(eq(dietOverrides.ownerId, ownerId), eq(dietOverrides.foodId, input.foodId)));
    } else {
      await checkDietOverrideRoom(tx, ownerId, input.foodId);
      const note = input.note ? input.note : null;
      await tx
        .insert(dietOverrides)
        .values({ ownerId, foodId: input.foodId, diet: input.diet, note })
        .onConflictDoUpdate({
          target: [dietOverrides.ownerId, dietOverrides.foodId],
          set: { diet: input.diet, note, updatedAt: new Date().toISOString() },
        });
    }
  });
  return await getFood(db, ownerId, { id: input.foodId });
}
