/**
 * Imports the shared food database: every USDA SR28 food with its portions and nutrients,
 * classified by diet and B12 fortification, plus the curated fortified foods SR28 lacks.
 *
 * - Idempotent: foods and portions are upserted by stable ids (`sr28-01001`,
 *   `sr28-01001:1`), so a re-import changes nothing that did not change, and user rows
 *   (custom foods, diet corrections, plans) that point at them stay valid.
 * - One transaction: a crash mid-import leaves the previous state; the next start redoes it.
 * - A fingerprint of the rows it would write is stored in `app_meta`; `seedIfNeeded`
 *   skips the writes when nothing changed, so start-up stays fast.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { formatPortionLabel } from "../../server/domain/portions";
import {
  encodeSearchHeads,
  foodFamilyKey,
  foodSearchHeads,
  foodSearchPrior,
} from "../../server/domain/search-ranking";
import { DIETS } from "../../server/domain/vocabulary";
import type { SqliteDatabase } from "../client";
import { type AppDatabase, sqliteClient } from "../dialect";

/** The SQLite importer takes either view of a SQLite database. */
type SqliteDb = AppDatabase | SqliteDatabase;

import {
  type ClassificationOverride,
  classifyFood,
  parseClassificationOverrides,
} from "./classify-diet";
import { parseSr28Dataset, readSr28Files, type Sr28Files } from "./sr28-format";

const DATA_DIRECTORY = path.join(process.cwd(), "db", "data");

export type ImportSources = {
  sr28: Sr28Files;
  classificationOverridesCsv: string;
  curatedFoodsJson: string;
  searchSynonymsJson: string;
};

/** Reads the committed source data (db/data). */
export function readImportSources(dataDirectory: string = DATA_DIRECTORY): ImportSources {
  // The data directory is read at run time, not bundled: tell Turbopack not to trace it.
  const readText = (name: string) =>
    readFileSync(
      /*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dataDirectory, name),
      "utf8",
    );
  return {
    sr28: readSr28Files(path.join(/*turbopackIgnore: true*/ dataDirectory, "usda-sr28")),
    classificationOverridesCsv: readText("classification-overrides.csv"),
    curatedFoodsJson: readText("curated-foods.json"),
    searchSynonymsJson: readText("search-synonyms.json"),
  };
}

const curatedFoodsSchema = z.object({
  foods: z
    .array(
      z.object({
        id: z.string().regex(/^curated-[a-z0-9-]+$/),
        name: z.string().min(1),
        groupCode: z.string().regex(/^\d{4}$/),
        searchKeywords: z.string().default(""),
        b12PerHundredGrams: z.number().nonnegative(),
        b12AddedPerHundredGrams: z.number().nonnegative().nullable(),
        diet: z.enum(DIETS),
        b12Fortified: z.boolean(),
        portions: z.array(z.object({ label: z.string().min(1), grams: z.number().positive() })),
        sourceNote: z.string().min(1),
      }),
    )
    .min(1),
});

const searchSynonymsSchema = z.object({ synonyms: z.record(z.string(), z.string()) });

/** One row of `foods` as the importer writes it. */
export type FoodRow = {
  id: string;
  source: "usda" | "curated";
  ndbNumber: string | null;
  name: string;
  searchKeywords: string;
  /** Search ranking facts (server/domain/search-ranking.ts). */
  searchHeads: string;
  searchPrior: number;
  survey: boolean;
  groupCode: string;
  manufacturer: string | null;
  commonName: string | null;
  scientificName: string | null;
  b12PerHundredGrams: number | null;
  b12AddedPerHundredGrams: number | null;
  energyKcalPerHundredGrams: number | null;
  proteinGramsPerHundredGrams: number | null;
  fatGramsPerHundredGrams: number | null;
  carbohydrateGramsPerHundredGrams: number | null;
  fibreGramsPerHundredGrams: number | null;
  diet: (typeof DIETS)[number];
  dietReason: string;
  b12Fortified: boolean;
  fortifiedReason: string | null;
  sourceNote: string | null;
  typicalLabelValue: boolean;
};

export type PortionRow = {
  id: string;
  foodId: string;
  seq: number;
  amount: number;
  unit: string;
  label: string;
  grams: number;
};

export type PreparedImport = {
  groups: { code: string; name: string }[];
  foods: FoodRow[];
  portions: PortionRow[];
  fingerprint: string;
};

export const sr28FoodId = (ndbNumber: string) => `sr28-${ndbNumber}`;
const portionId = (foodId: string, seq: number) => `${foodId}:${seq}`;

function buildKeywords(
  name: string,
  commonName: string | null,
  synonyms: Record<string, string>,
): string {
  const words = new Set(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const extra = Object.entries(synonyms)
    .filter(([word]) => words.has(word))
    .map(([, added]) => added);
  return [commonName ?? "", ...extra].filter(Boolean).join(" ");
}

/** Parses, classifies and shapes everything to write; pure apart from the inputs given. */
export function prepareImport(sources: ImportSources): PreparedImport {
  const dataset = parseSr28Dataset(sources.sr28);
  const overrides: ReadonlyMap<string, ClassificationOverride> = parseClassificationOverrides(
    sources.classificationOverridesCsv,
  );
  const curated = curatedFoodsSchema.parse(JSON.parse(sources.curatedFoodsJson));
  const { synonyms } = searchSynonymsSchema.parse(JSON.parse(sources.searchSynonymsJson));

  const foods: FoodRow[] = [];
  const portions: PortionRow[] = [];
  const familySizes = new Map<string, number>();
  for (const food of dataset.foods) {
    const key = foodFamilyKey(food.name);
    familySizes.set(key, (familySizes.get(key) ?? 0) + 1);
  }
  for (const food of dataset.foods) {
    const id = sr28FoodId(food.ndbNumber);
    const classification = classifyFood(
      {
        ndbNumber: food.ndbNumber,
        groupCode: food.groupCode,
        name: food.name,
        b12PerHundredGrams: food.nutrients.b12,
        b12AddedPerHundredGrams: food.nutrients.b12Added,
      },
      overrides,
    );
    foods.push({
      id,
      source: "usda",
      ndbNumber: food.ndbNumber,
      name: food.name,
      searchKeywords: buildKeywords(food.name, food.commonName, synonyms),
      searchHeads: encodeSearchHeads(foodSearchHeads(food.name)),
      searchPrior: foodSearchPrior({
        ...food,
        source: "usda",
        familySize: familySizes.get(foodFamilyKey(food.name)),
      }),
      survey: food.survey,
      groupCode: food.groupCode,
      manufacturer: food.manufacturer,
      commonName: food.commonName,
      scientificName: food.scientificName,
      b12PerHundredGrams: food.nutrients.b12,
      b12AddedPerHundredGrams: food.nutrients.b12Added,
      energyKcalPerHundredGrams: food.nutrients.energyKcal,
      proteinGramsPerHundredGrams: food.nutrients.protein,
      fatGramsPerHundredGrams: food.nutrients.fat,
      carbohydrateGramsPerHundredGrams: food.nutrients.carbohydrate,
      fibreGramsPerHundredGrams: food.nutrients.fibre,
      diet: classification.diet,
      dietReason: classification.dietReason,
      b12Fortified: classification.b12Fortified,
      fortifiedReason: classification.fortifiedReason,
      sourceNote: null,
      typicalLabelValue: false,
    });
    for (const portion of food.portions) {
      portions.push({
        id: portionId(id, portion.seq),
        foodId: id,
        seq: portion.seq,
        amount: portion.amount,
        unit: portion.unit,
        label: formatPortionLabel(portion.amount, portion.unit),
        grams: portion.grams,
      });
    }
  }

  for (const food of curated.foods) {
    foods.push({
      id: food.id,
      source: "curated",
      ndbNumber: null,
      name: food.name,
      searchKeywords: food.searchKeywords,
      searchHeads: encodeSearchHeads(foodSearchHeads(food.name)),
      searchPrior: foodSearchPrior({
        ...food,
        manufacturer: null,
        survey: false,
        source: "curated",
      }),
      survey: false,
      groupCode: food.groupCode,
      manufacturer: null,
      commonName: null,
      scientificName: null,
      b12PerHundredGrams: food.b12PerHundredGrams,
      b12AddedPerHundredGrams: food.b12AddedPerHundredGrams,
      energyKcalPerHundredGrams: null,
      proteinGramsPerHundredGrams: null,
      fatGramsPerHundredGrams: null,
      carbohydrateGramsPerHundredGrams: null,
      fibreGramsPerHundredGrams: null,
      diet: food.diet,
      dietReason: "curated entry, checked by hand",
      b12Fortified: food.b12Fortified,
      fortifiedReason: food.b12Fortified ? "curated entry: B12 added by the maker" : null,
      sourceNote: food.sourceNote,
      typicalLabelValue: true,
    });
    food.portions.forEach((portion, index) => {
      portions.push({
        id: portionId(food.id, index + 1),
        foodId: food.id,
        seq: index + 1,
        amount: 1,
        unit: portion.label,
        label: portion.label,
        grams: portion.grams,
      });
    });
  }

  const groups = dataset.groups;
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ groups, foods, portions }))
    .digest("hex");
  return { groups, foods, portions, fingerprint };
}

export type ImportStage = "groups" | "foods" | "portions" | "cleanup";
export type ImportProgress = { stage: ImportStage; done: number; total: number };

export type ImportSummary = {
  foods: number;
  portions: number;
  unknownB12Foods: number;
  veganFoods: number;
  vegetarianFoods: number;
  omnivoreFoods: number;
  fortifiedFoods: number;
  curatedFoods: number;
  changed: boolean;
  fingerprint: string;
};

/** The app_meta key of the last import's fingerprint (also on PostgreSQL, import-foods-pg.ts). */
export const FINGERPRINT_KEY = "food_import_fingerprint";
/** Foods between two progress reports (portions: twice as many). */
export const PROGRESS_EVERY = 2000;

/** Writes a prepared import in one transaction and returns what the database now holds. */
export function writeImport(
  db: SqliteDb,
  prepared: PreparedImport,
  onProgress?: (progress: ImportProgress) => void,
): ImportSummary {
  const sqlite = sqliteClient(db);
  const upsertGroup = sqlite.prepare(
    `INSERT INTO food_groups (code, name) VALUES (?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name`,
  );
  const foodColumns = [
    "id",
    "source",
    "ndb_number",
    "name",
    "search_keywords",
    "search_heads",
    "search_prior",
    "survey",
    "group_code",
    "manufacturer",
    "common_name",
    "scientific_name",
    "b12_per_100g",
    "b12_added_per_100g",
    "energy_kcal_per_100g",
    "protein_g_per_100g",
    "fat_g_per_100g",
    "carbohydrate_g_per_100g",
    "fibre_g_per_100g",
    "diet",
    "diet_reason",
    "b12_fortified",
    "fortified_reason",
    "source_note",
    "typical_label_value",
  ];
  const updatable = foodColumns.filter((column) => column !== "id");
  const upsertFood = sqlite.prepare(
    `INSERT INTO foods (${foodColumns.join(", ")}) VALUES (${foodColumns.map(() => "?").join(", ")})
     ON CONFLICT(id) DO UPDATE SET ${updatable.map((c) => `${c} = excluded.${c}`).join(", ")},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE ${updatable.map((c) => `foods.${c} IS NOT excluded.${c}`).join(" OR ")}`,
  );
  const upsertPortion = sqlite.prepare(
    `INSERT INTO food_portions (id, food_id, seq, amount, unit, label, grams) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET amount = excluded.amount, unit = excluded.unit,
       label = excluded.label, grams = excluded.grams
     WHERE food_portions.amount IS NOT excluded.amount OR food_portions.unit IS NOT excluded.unit
       OR food_portions.label IS NOT excluded.label OR food_portions.grams IS NOT excluded.grams`,
  );

  const run = sqlite.transaction(() => {
    for (const group of prepared.groups) upsertGroup.run(group.code, group.name);
    onProgress?.({ stage: "groups", done: prepared.groups.length, total: prepared.groups.length });

    prepared.foods.forEach((food, index) => {
      upsertFood.run(
        food.id,
        food.source,
        food.ndbNumber,
        food.name,
        food.searchKeywords,
        food.searchHeads,
        food.searchPrior,
        food.survey ? 1 : 0,
        food.groupCode,
        food.manufacturer,
        food.commonName,
        food.scientificName,
        food.b12PerHundredGrams,
        food.b12AddedPerHundredGrams,
        food.energyKcalPerHundredGrams,
        food.proteinGramsPerHundredGrams,
        food.fatGramsPerHundredGrams,
        food.carbohydrateGramsPerHundredGrams,
        food.fibreGramsPerHundredGrams,
        food.diet,
        food.dietReason,
        food.b12Fortified ? 1 : 0,
        food.fortifiedReason,
        food.sourceNote,
        food.typicalLabelValue ? 1 : 0,
      );
      const done = index + 1;
      if (done % PROGRESS_EVERY === 0 || done === prepared.foods.length) {
        onProgress?.({ stage: "foods", done, total: prepared.foods.length });
      }
    });

    prepared.portions.forEach((portion, index) => {
      upsertPortion.run(
        portion.id,
        portion.foodId,
        portion.seq,
        portion.amount,
        portion.unit,
        portion.label,
        portion.grams,
      );
      const done = index + 1;
      if (done % (PROGRESS_EVERY * 2) === 0 || done === prepared.portions.length) {
        onProgress?.({ stage: "portions", done, total: prepared.portions.length });
      }
    });

    // Shared rows that left the source data go; user-owned rows are never touched here.
    const foodIds = new Set(prepared.foods.map((food) => food.id));
    const portionIds = new Set(prepared.portions.map((portion) => portion.id));
    const staleFoods = (
      sqlite.prepare(`SELECT id FROM foods WHERE source IN ('usda', 'curated')`).all() as {
        id: string;
      }[]
    ).filter((row) => !foodIds.has(row.id));
    const deleteFood = sqlite.prepare(`DELETE FROM foods WHERE id = ?`);
    for (const row of staleFoods) deleteFood.run(row.id);
    const stalePortions = (
      sqlite
        .prepare(
          `SELECT p.id FROM food_portions p JOIN foods f ON f.id = p.food_id
           WHERE f.source IN ('usda', 'curated')`,
        )
        .all() as { id: string }[]
    ).filter((row) => !portionIds.has(row.id));
    const deletePortion = sqlite.prepare(`DELETE FROM food_portions WHERE id = ?`);
    for (const row of stalePortions) deletePortion.run(row.id);
    onProgress?.({ stage: "cleanup", done: staleFoods.length + stalePortions.length, total: 0 });

    // Custom foods written before the ranking columns existed (or under older rules) get
    // their heads and prior from the current rules too.
    const updateRanking = sqlite.prepare(
      `UPDATE foods SET search_heads = ?, search_prior = ? WHERE key = ?
       AND (search_heads IS NOT ? OR search_prior IS NOT ?)`,
    );
    const customFoods = sqlite
      .prepare(`SELECT key, name, group_code FROM foods WHERE source = 'custom'`)
      .all() as { key: number; name: string; group_code: string | null }[];
    for (const food of customFoods) {
      const heads = encodeSearchHeads(foodSearchHeads(food.name));
      const prior = foodSearchPrior({
        name: food.name,
        groupCode: food.group_code,
        manufacturer: null,
        survey: false,
        source: "custom",
      });
      updateRanking.run(heads, prior, food.key, heads, prior);
    }

    sqlite
      .prepare(
        `INSERT INTO app_meta (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(FINGERPRINT_KEY, prepared.fingerprint);
  });
  run.immediate();

  return { ...summariseFoodDatabase(db), changed: true, fingerprint: prepared.fingerprint };
}

/** Counts of what the shared food database holds. */
export function summariseFoodDatabase(
  db: SqliteDb,
): Omit<ImportSummary, "changed" | "fingerprint"> {
  const row = sqliteClient(db)
    .prepare(
      `SELECT
         count(*) AS foods,
         coalesce(sum(b12_per_100g IS NULL), 0) AS unknownB12Foods,
         coalesce(sum(diet = 'vegan'), 0) AS veganFoods,
         coalesce(sum(diet = 'vegetarian'), 0) AS vegetarianFoods,
         coalesce(sum(diet = 'omnivore'), 0) AS omnivoreFoods,
         coalesce(sum(b12_fortified), 0) AS fortifiedFoods,
         coalesce(sum(source = 'curated'), 0) AS curatedFoods,
         (SELECT count(*) FROM food_portions p JOIN foods f2 ON f2.id = p.food_id
            WHERE f2.source IN ('usda', 'curated')) AS portions
       FROM foods WHERE source IN ('usda', 'curated')`,
    )
    .get() as Omit<ImportSummary, "changed" | "fingerprint">;
  return row;
}

/** The fingerprint of the last import, or null when the food database was never imported. */
export function storedFingerprint(db: SqliteDb): string | null {
  const row = sqliteClient(db)
    .prepare(`SELECT value FROM app_meta WHERE key = ?`)
    .get(FINGERPRINT_KEY) as { value: string } | undefined;
  return row?.value ?? null;
}

export type ImportOptions = {
  sources?: ImportSources;
  onProgress?: (progress: ImportProgress) => void;
  /** Write even when the stored fingerprint says nothing changed. */
  force?: boolean;
};

/** Imports the food database unless the database already holds exactly this data. */
export function importFoodDatabase(db: SqliteDb, options: ImportOptions = {}): ImportSummary {
  const prepared = prepareImport(options.sources ?? readImportSources());
  if (!options.force && storedFingerprint(db) === prepared.fingerprint) {
    return { ...summariseFoodDatabase(db), changed: false, fingerprint: prepared.fingerprint };
  }
  return writeImport(db, prepared, options.onProgress);
}
