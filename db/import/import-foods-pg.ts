/**
 * The food import on PostgreSQL (issue 17): the rows prepared by import-foods.ts
 * (`prepareImport`: the same parsing, classification, ids, order and fingerprint rule),
 * written with the same guarantees as on SQLite:
 *
 * - One transaction, on the one client that holds the set-up advisory lock
 *   (`withSetupLock`, the lock migrations take), so two instances starting together import
 *   once: the second finds the first's fingerprint. A crash (or SIGKILL) mid-way rolls back
 *   on the server; the previous state stays, and the lock goes with the connection.
 * - The fingerprint is read inside the lock and written last, in the same transaction.
 * - Batches through `unnest` of typed arrays (a fixed number of parameters, whatever the
 *   batch size), the same progress reports as SQLite (groups; foods every 2,000; portions
 *   every 4,000; cleanup).
 * - Foods get SQLite's `key` values, also after re-imports: foods are upserted with
 *   `INSERT … SELECT … ORDER BY <source order> ON CONFLICT (id) DO UPDATE … WHERE … IS
 *   DISTINCT FROM …`, the statement SQLite runs with `IS NOT`. Both databases take a new
 *   key for every proposed row, conflicting or not (SQLite's AUTOINCREMENT records the
 *   rowid it chose before the conflict; PostgreSQL evaluates the identity default first):
 *   measured, a forced re-import on SQLite moves the next key from 8,794 to 17,587, and
 *   so does this one. Existing foods keep their keys on both; new ones are numbered alike.
 *   Groups and portions (no generated keys) are upserted the same way.
 * - `search_tokens` / `search_name_tokens` (db/migrations-pg/0001) come from
 *   `foodSearchTokens` (server/domain/search-tokens.ts), for imported and custom foods.
 *   The stored fingerprint covers them too (the SQLite fingerprint of the prepared rows
 *   plus a hash of the tokens), so a tokenizer change re-imports.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import {
  encodeSearchHeads,
  foodSearchHeads,
  foodSearchPrior,
} from "../../server/domain/search-ranking";
import { foodSearchTokens } from "../../server/domain/search-tokens";
import { type PostgresDatabase, withSetupLock } from "../pg-client";
import {
  FINGERPRINT_KEY,
  type FoodRow,
  type ImportOptions,
  type ImportSummary,
  PROGRESS_EVERY,
  type PreparedImport,
  prepareImport,
  readImportSources,
} from "./import-foods";

type Queryable = Pick<pg.PoolClient, "query">;

/** [column, PostgreSQL type, value of a prepared food]; the order of the SQLite importer. */
const FOOD_COLUMNS: readonly [string, string, (food: PgFoodRow) => unknown][] = [
  ["id", "text", (f) => f.id],
  ["source", "text", (f) => f.source],
  ["ndb_number", "text", (f) => f.ndbNumber],
  ["name", "text", (f) => f.name],
  ["search_keywords", "text", (f) => f.searchKeywords],
  ["search_heads", "text", (f) => f.searchHeads],
  ["search_prior", "integer", (f) => f.searchPrior],
  ["survey", "boolean", (f) => f.survey],
  ["group_code", "text", (f) => f.groupCode],
  ["manufacturer", "text", (f) => f.manufacturer],
  ["common_name", "text", (f) => f.commonName],
  ["scientific_name", "text", (f) => f.scientificName],
  ["b12_per_100g", "double precision", (f) => f.b12PerHundredGrams],
  ["b12_added_per_100g", "double precision", (f) => f.b12AddedPerHundredGrams],
  ["energy_kcal_per_100g", "double precision", (f) => f.energyKcalPerHundredGrams],
  ["protein_g_per_100g", "double precision", (f) => f.proteinGramsPerHundredGrams],
  ["fat_g_per_100g", "double precision", (f) => f.fatGramsPerHundredGrams],
  ["carbohydrate_g_per_100g", "double precision", (f) => f.carbohydrateGramsPerHundredGrams],
  ["fibre_g_per_100g", "double precision", (f) => f.fibreGramsPerHundredGrams],
  ["diet", "text", (f) => f.diet],
  ["diet_reason", "text", (f) => f.dietReason],
  ["b12_fortified", "boolean", (f) => f.b12Fortified],
  ["fortified_reason", "text", (f) => f.fortifiedReason],
  ["source_note", "text", (f) => f.sourceNote],
  ["typical_label_value", "boolean", (f) => f.typicalLabelValue],
  ["search_tokens", "text", (f) => f.searchTokens],
  ["search_name_tokens", "integer", (f) => f.searchNameTokens],
];

const PORTION_COLUMNS = [
  ["id", "text"],
  ["food_id", "text"],
  ["seq", "integer"],
  ["amount", "double precision"],
  ["unit", "text"],
  ["label", "text"],
  ["grams", "double precision"],
] as const;

/** SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') (db/kit/pg.ts isoNow). */
const ISO_NOW = `to_char(statement_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type PgFoodRow = FoodRow & { searchTokens: string; searchNameTokens: number };

export type PreparedPgImport = PreparedImport & { pgFoods: PgFoodRow[]; pgFingerprint: string };

/** The prepared import plus each food's search tokens and the fingerprint stored on PostgreSQL. */
export function preparePgImport(prepared: PreparedImport): PreparedPgImport {
  const tokens = createHash("sha256");
  const pgFoods = prepared.foods.map((food) => {
    const { tokens: searchTokens, nameTokenCount } = foodSearchTokens(
      food.name,
      food.searchKeywords,
    );
    tokens.update(`${searchTokens}\u0000${nameTokenCount}\u0000`);
    return { ...food, searchTokens, searchNameTokens: nameTokenCount };
  });
  const pgFingerprint = createHash("sha256")
    .update(`${prepared.fingerprint}:${tokens.digest("hex")}`)
    .digest("hex");
  return { ...prepared, pgFoods, pgFingerprint };
}

/** `unnest($1::text[], $2::integer[], …) AS v(a, b, …)`, optionally WITH ORDINALITY. */
function unnestFrom(
  columns: readonly (readonly [string, string, ...unknown[]])[],
  ordinal: boolean,
) {
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const names = columns.map(([name]) => name).join(", ");
  return ordinal
    ? `unnest(${arrays}) WITH ORDINALITY AS v(${names}, ord)`
    : `unnest(${arrays}) AS v(${names})`;
}

const foodNames = FOOD_COLUMNS.map(([name]) => name);
const foodUpdatable = foodNames.filter((name) => name !== "id");
const UPSERT_FOODS = `INSERT INTO foods (${foodNames.join(", ")})
  SELECT ${foodNames.map((c) => `v.${c}`).join(", ")} FROM ${unnestFrom(FOOD_COLUMNS, true)}
  ORDER BY v.ord
  ON CONFLICT (id) DO UPDATE SET ${foodUpdatable.map((c) => `${c} = excluded.${c}`).join(", ")},
    updated_at = ${ISO_NOW}
  WHERE ${foodUpdatable.map((c) => `foods.${c} IS DISTINCT FROM excluded.${c}`).join(" OR ")}`;
const portionNames = PORTION_COLUMNS.map(([name]) => name);
const portionUpdatable = portionNames.filter(
  (name) => name !== "id" && name !== "food_id" && name !== "seq",
);
const UPSERT_PORTIONS = `INSERT INTO food_portions (${portionNames.join(", ")})
  SELECT ${portionNames.join(", ")} FROM ${unnestFrom(PORTION_COLUMNS, false)}
  ON CONFLICT (id) DO UPDATE SET ${portionUpdatable.map((c) => `${c} = excluded.${c}`).join(", ")}
  WHERE ${portionUpdatable.map((c) => `food_portions.${c} IS DISTINCT FROM excluded.${c}`).join(" OR ")}`;

/** Writes a prepared import in one transaction on `client` (which holds the set-up lock). */
async function writePgImport(
  client: Queryable,
  prepared: PreparedPgImport,
  onProgress: ImportOptions["onProgress"],
): Promise<void> {
  await client.query(
    `INSERT INTO food_groups (code, name) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET name = excluded.name
     WHERE food_groups.name IS DISTINCT FROM excluded.name`,
    [prepared.groups.map((group) => group.code), prepared.groups.map((group) => group.name)],
  );
  onProgress?.({ stage: "groups", done: prepared.groups.length, total: prepared.groups.length });

  const foods = prepared.pgFoods;
  for (let start = 0; start < foods.length; start += PROGRESS_EVERY) {
    const batch = foods.slice(start, start + PROGRESS_EVERY);
    const arrays = FOOD_COLUMNS.map(([, , value]) => batch.map(value));
    await client.query(UPSERT_FOODS, arrays);
    onProgress?.({ stage: "foods", done: start + batch.length, total: foods.length });
  }

  const portions = prepared.portions;
  for (let start = 0; start < portions.length; start += PROGRESS_EVERY * 2) {
    const batch = portions.slice(start, start + PROGRESS_EVERY * 2);
    await client.query(UPSERT_PORTIONS, [
      batch.map((p) => p.id),
      batch.map((p) => p.foodId),
      batch.map((p) => p.seq),
      batch.map((p) => p.amount),
      batch.map((p) => p.unit),
      batch.map((p) => p.label),
      batch.map((p) => p.grams),
    ]);
    onProgress?.({ stage: "portions", done: start + batch.length, total: portions.length });
  }

  // Shared rows that left the source data go (their portions with them, ON DELETE
  // CASCADE); user-owned rows are never touched here.
  const staleFoods = await client.query(
    `DELETE FROM foods WHERE source IN ('usda', 'curated') AND NOT (id = ANY($1::text[]))`,
    [foods.map((food) => food.id)],
  );
  const stalePortions = await client.query(
    `DELETE FROM food_portions AS p USING foods AS f
      WHERE f.id = p.food_id AND f.source IN ('usda', 'curated') AND NOT (p.id = ANY($1::text[]))`,
    [portions.map((portion) => portion.id)],
  );
  onProgress?.({
    stage: "cleanup",
    done: (staleFoods.rowCount ?? 0) + (stalePortions.rowCount ?? 0),
    total: 0,
  });

  // Custom foods get their heads, prior and search tokens from the current rules too.
  const custom = await client.query<{
    key: number;
    name: string;
    group_code: string | null;
    search_keywords: string;
  }>(
    `SELECT key, name, group_code, search_keywords FROM foods WHERE source = 'custom' ORDER BY key`,
  );
  if (custom.rows.length > 0) {
    const rows = custom.rows.map((food) => {
      const tokens = foodSearchTokens(food.name, food.search_keywords);
      return {
        key: food.key,
        heads: encodeSearchHeads(foodSearchHeads(food.name)),
        prior: foodSearchPrior({
          name: food.name,
          groupCode: food.group_code,
          manufacturer: null,
          survey: false,
          source: "custom",
        }),
        tokens: tokens.tokens,
        nameTokens: tokens.nameTokenCount,
      };
    });
    await client.query(
      `UPDATE foods AS f SET search_heads = v.heads, search_prior = v.prior,
         search_tokens = v.tokens, search_name_tokens = v.name_tokens
       FROM unnest($1::integer[], $2::text[], $3::integer[], $4::text[], $5::integer[])
         AS v(key, heads, prior, tokens, name_tokens)
       WHERE f.key = v.key AND (f.search_heads IS DISTINCT FROM v.heads
         OR f.search_prior IS DISTINCT FROM v.prior OR f.search_tokens IS DISTINCT FROM v.tokens
         OR f.search_name_tokens IS DISTINCT FROM v.name_tokens)`,
      [
        rows.map((row) => row.key),
        rows.map((row) => row.heads),
        rows.map((row) => row.prior),
        rows.map((row) => row.tokens),
        rows.map((row) => row.nameTokens),
      ],
    );
  }

  await client.query(
    `INSERT INTO app_meta (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [FINGERPRINT_KEY, prepared.pgFingerprint],
  );
}

/** Counts of what the shared food database holds (as summariseFoodDatabase on SQLite). */
export async function summariseFoodDatabasePg(
  client: Queryable,
): Promise<Omit<ImportSummary, "changed" | "fingerprint">> {
  const result = await client.query<Omit<ImportSummary, "changed" | "fingerprint">>(
    `SELECT
       count(*)::int AS "foods",
       (count(*) FILTER (WHERE b12_per_100g IS NULL))::int AS "unknownB12Foods",
       (count(*) FILTER (WHERE diet = 'vegan'))::int AS "veganFoods",
       (count(*) FILTER (WHERE diet = 'vegetarian'))::int AS "vegetarianFoods",
       (count(*) FILTER (WHERE diet = 'omnivore'))::int AS "omnivoreFoods",
       (count(*) FILTER (WHERE b12_fortified))::int AS "fortifiedFoods",
       (count(*) FILTER (WHERE source = 'curated'))::int AS "curatedFoods",
       (SELECT count(*) FROM food_portions p JOIN foods f2 ON f2.id = p.food_id
          WHERE f2.source IN ('usda', 'curated'))::int AS "portions"
     FROM foods WHERE source IN ('usda', 'curated')`,
  );
  return result.rows[0] as Omit<ImportSummary, "changed" | "fingerprint">;
}

/** The fingerprint of the last import on PostgreSQL, or null when there was none. */
export async function storedFingerprintPg(client: Queryable): Promise<string | null> {
  const result = await client.query<{ value: string }>(
    `SELECT value FROM app_meta WHERE key = $1`,
    [FINGERPRINT_KEY],
  );
  return result.rows[0]?.value ?? null;
}

/**
 * Imports the food database into a migrated PostgreSQL database unless it already holds
 * exactly this data. `fingerprint` in the summary is the one stored on PostgreSQL.
 */
export async function importFoodDatabasePg(
  db: PostgresDatabase,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const prepared = preparePgImport(prepareImport(options.sources ?? readImportSources()));
  return withSetupLock(db, async (client) => {
    if (!options.force && (await storedFingerprintPg(client)) === prepared.pgFingerprint) {
      return {
        ...(await summariseFoodDatabasePg(client)),
        changed: false,
        fingerprint: prepared.pgFingerprint,
      };
    }
    await client.query("BEGIN");
    try {
      await writePgImport(client, prepared, options.onProgress);
      await client.query("COMMIT");
      // Fresh statistics for the planner: without them a just-imported database is
      // planned from guesses until autovacuum gets round to it (found by the shopping
      // list's raw-form lookup, bench/shopping-pg.bench.ts).
      await client.query("ANALYZE foods, food_portions, food_groups");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    return {
      ...(await summariseFoodDatabasePg(client)),
      changed: true,
      fingerprint: prepared.pgFingerprint,
    };
  });
}
