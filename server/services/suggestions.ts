/**
 * plans.suggestions: loads a plan's totals, the owner's profile and the foods that could
 * help, and lets the pure `suggestForPlan` decide. Candidate foods: those with known B12
 * that fit the diet (after the owner's diet corrections), custom foods included: the
 * richest per 100 g plus every fortified one; the domain ranks them per usual portion.
 */
import type { AppDatabase } from "../../db/client";
import { dialectOf } from "../../db/dialect";
import { rawAll, rawArrays } from "../../db/raw";
import { crystallineShare } from "../domain/absorption";
import {
  type CandidateRecipe,
  type RecipeSuggestion,
  suggestRecipes,
} from "../domain/recipe-suggestions";
import { calculateRecipeB12 } from "../domain/recipes";
import {
  type CandidateFood,
  fitsDiet,
  type Suggestions,
  suggestForPlan,
} from "../domain/suggestions";
import { DIETS, type Diet } from "../domain/vocabulary";
import { personProfile } from "./people";
import { getPlanTotals, personTotals, type Viewer } from "./plans";
import { getProfile } from "./profile";
import { loadIngredientFacts } from "./recipes";

/** How many of the foods richest in B12 per 100 g are considered (fortified ones always are). */
const RICHEST_FOODS = 300;

// The candidates: every fortified food (and the owner's custom foods) plus the foods
// richest per 100 g, read through the B12 index; then their first household portion
// and the diet after the owner's corrections. About 5 ms instead of ranking all 4,600
// foods with B12 by portion (15-30 ms).
// Written once for both databases: booleans and the diet list differ (`{ sqlite, pg }`;
// exported for the dialect check in bench/search-pg.bench.ts).
// SQLite reads the richest through foods_b12_idx backwards, so equal amounts come highest
// key first; PostgreSQL says so (`key DESC`), or a tie at the 300th food could differ.
const candidatesSql = (richestOrder: string, fortified: string, dietIn: string) => `WITH picked AS (
    SELECT key FROM (
      SELECT key FROM foods WHERE b12_per_100g > 0 ORDER BY ${richestOrder} LIMIT ${RICHEST_FOODS}
    ) richest
    UNION
    SELECT key FROM foods WHERE b12_per_100g > 0
      AND (${fortified} OR b12_added_per_100g > 0 OR (source = 'custom' AND owner_id = @owner))
  )
  SELECT f.id, f.name, COALESCE(o.diet, f.diet) AS diet, f.group_code, f.source,
    f.b12_per_100g, f.b12_added_per_100g, f.b12_fortified, f.typical_label_value,
    p.id AS portion_id, p.label AS portion_label, p.grams AS portion_grams
  FROM picked
  JOIN foods f ON f.key = picked.key
  LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = @owner
  LEFT JOIN food_portions p ON p.food_id = f.id
    AND p.seq = (SELECT MIN(seq) FROM food_portions WHERE food_id = f.id)
  WHERE (f.owner_id IS NULL OR f.owner_id = @owner)
    AND COALESCE(o.diet, f.diet) ${dietIn}
  ORDER BY f.id`;
export const CANDIDATES_SQL = {
  sqlite: candidatesSql(
    "b12_per_100g DESC",
    "b12_fortified = 1",
    "IN (SELECT value FROM json_each(@diets))",
  ),
  pg: candidatesSql("b12_per_100g DESC, key DESC", "b12_fortified", "= ANY(@diets::text[])"),
};

type CandidateRow = {
  id: string;
  name: string;
  diet: Diet;
  group_code: string | null;
  source: CandidateFood["source"];
  b12_per_100g: number;
  b12_added_per_100g: number | null;
  /** SQLite 0/1, PostgreSQL true/false. */
  b12_fortified: number | boolean;
  typical_label_value: number | boolean;
  portion_id: string | null;
  portion_label: string | null;
  portion_grams: number | null;
};

/**
 * Suggestions for one person who eats the plan (`options.viewer`'s own person, or
 * `options.personId`); without a viewer, for the household's saved profile.
 */
export async function getSuggestions(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  options: { viewer?: Viewer; personId?: string } = {},
): Promise<Suggestions & { recipes: RecipeSuggestion[] }> {
  const viewer = options.viewer;
  const { totals, profile } = viewer
    ? await (async () => {
        const found = await personTotals(db, ownerId, planId, viewer, options.personId);
        return { totals: found.totals, profile: personProfile(found.person) };
      })()
    : {
        totals: await getPlanTotals(db, ownerId, planId),
        profile: (await getProfile(db, ownerId)).profile,
      };
  const diets = DIETS.filter((diet) => fitsDiet(diet, profile.diet));
  const rows = await rawAll<CandidateRow>(db, CANDIDATES_SQL, {
    owner: ownerId,
    diets: dialectOf(db) === "sqlite" ? JSON.stringify(diets) : diets,
  });
  const candidates: CandidateFood[] = rows.map((row) => ({
    foodId: row.id,
    name: row.name,
    diet: row.diet,
    groupCode: row.group_code,
    source: row.source,
    b12PerHundredGrams: row.b12_per_100g,
    crystallineShare: crystallineShare({
      b12PerHundredGrams: row.b12_per_100g,
      b12AddedPerHundredGrams: row.b12_added_per_100g,
      b12Fortified: Boolean(row.b12_fortified),
      diet: row.diet,
    }),
    fortified: Boolean(row.b12_fortified),
    typicalLabelValue: Boolean(row.typical_label_value),
    portion:
      row.portion_id !== null && row.portion_label !== null && row.portion_grams !== null
        ? { id: row.portion_id, label: row.portion_label, grams: row.portion_grams }
        : null,
  }));
  return {
    ...suggestForPlan(totals, totals.absorption, profile, candidates),
    recipes: suggestRecipes(
      totals,
      totals.absorption,
      profile,
      await recipeCandidates(db, ownerId),
    ),
  };
}

/** The household's recipes with their B12 per serving, as recipe suggestions weigh them. */
async function recipeCandidates(db: AppDatabase, ownerId: string): Promise<CandidateRecipe[]> {
  const recipes = (await rawArrays(
    db,
    "SELECT id, name, servings FROM recipes WHERE owner_id = ?",
    [ownerId],
  )) as [string, string, number][];
  if (recipes.length === 0) return [];
  // Awaited whether or not recipes.ts's loader is asynchronous yet (it moves to db/raw.ts).
  const facts = await Promise.resolve(loadIngredientFacts(db, ownerId, { ownerRecipes: true }));
  return recipes.map(([recipeId, name, servings]) => {
    const ingredients = facts.get(recipeId) ?? [];
    const b12 = calculateRecipeB12(ingredients, servings);
    return {
      recipeId,
      name,
      diet: b12.diet,
      perServingMicrograms: b12.b12PerServingMicrograms,
      crystallinePerServingMicrograms: b12.crystallineTotalMicrograms / servings,
      complete: b12.complete,
      dietComplete: b12.dietComplete,
      b12FoodNames: ingredients.flatMap((line, index) =>
        b12.ingredients[index]?.carriesB12 ? [line.foodName ?? line.text] : [],
      ),
    };
  });
}
