/**
 * Recipe arithmetic: B12 of a recipe and of one serving, each ingredient's share, the diet
 * it fits and the verdict for one serving. Pure; nothing is rounded here.
 *
 * - An ingredient's B12 = grams × B12 per 100 g / 100; null (unknown) when the line has no
 *   food, no grams, or a food of unknown B12. Unknown is not zero: the recipe's total is
 *   then a lower bound (`complete` false, `unknownCount` says how many lines).
 * - Per serving = total / the recipe's yield (servings).
 * - Diet: the strictest food decides (omnivore > vegetarian > vegan); lines without a food
 *   cannot make it stricter, so `dietComplete` is false while any line is unmatched.
 * - A dish (a recipe in a plan meal) eats `servings` of it: each ingredient's grams ×
 *   servings / recipe servings (`scaleIngredientGrams`).
 * - The verdict for one serving treats the serving as one eating occasion and judges it
 *   against the person's daily targets (./b12-status.ts), as plan totals judge a day.
 */
import {
  type AbsorptionProfile,
  absorbedTargetFor,
  absorbOccasion,
  NORMAL_ABSORPTION,
} from "./absorption";
import { b12MicrogramsForGrams } from "./b12-amounts";
import { type B12Status, explainStatus, judgeB12 } from "./b12-status";
import type { Diet } from "./vocabulary";

export type RecipeIngredientFacts = {
  /** null: a line kept as text (no food matched). */
  foodId: string | null;
  /** null: no amount, or one that could not be turned into grams. */
  grams: number | null;
  /** The food's µg per 100 g; null when unknown (or no food). */
  b12PerHundredGrams: number | null;
  /** Share (0-1) of the food's B12 that is crystalline (added); 0 when omitted. */
  crystallineShare?: number;
  /** The food's diet (the owner's correction applied); null without a food. */
  diet: Diet | null;
};

export type IngredientB12 = {
  b12Micrograms: number | null;
  /** Share of the recipe's known B12, %; null when unknown or when the total is 0. */
  sharePercent: number | null;
  /** The ingredient brings some B12 (known and above 0). */
  carriesB12: boolean;
};

export type RecipeB12 = {
  ingredients: IngredientB12[];
  b12TotalMicrograms: number;
  b12PerServingMicrograms: number;
  /** false when any ingredient's B12 is unknown: the totals are lower bounds. */
  complete: boolean;
  unknownCount: number;
  /** The crystalline (added) part of the total, for the absorption model. */
  crystallineTotalMicrograms: number;
  diet: Diet;
  /** false when a line without a food could make the diet stricter. */
  dietComplete: boolean;
};

const DIET_RANK: Record<Diet, number> = { vegan: 0, vegetarian: 1, omnivore: 2 };

/** The strictest diet among these (vegan when there are none). */
export function strictestDiet(diets: readonly (Diet | null)[]): Diet {
  let result: Diet = "vegan";
  for (const diet of diets) {
    if (diet !== null && DIET_RANK[diet] > DIET_RANK[result]) result = diet;
  }
  return result;
}

/** An ingredient's B12 in µg, or null when it cannot be known. */
export function ingredientB12Micrograms(ingredient: RecipeIngredientFacts): number | null {
  if (ingredient.foodId === null || ingredient.grams === null) return null;
  return b12MicrogramsForGrams(ingredient.b12PerHundredGrams, ingredient.grams);
}

/** The recipe's B12 per ingredient, in total and per serving, with its diet. */
export function calculateRecipeB12(
  ingredients: readonly RecipeIngredientFacts[],
  servings: number,
): RecipeB12 {
  if (!(servings > 0) || !Number.isFinite(servings)) {
    throw new RangeError(`servings must be a positive number; got ${servings}`);
  }
  const amounts = ingredients.map(ingredientB12Micrograms);
  let total = 0;
  let crystalline = 0;
  ingredients.forEach((ingredient, index) => {
    const micrograms = amounts[index];
    if (micrograms === null || micrograms === undefined) return;
    total += micrograms;
    crystalline += micrograms * Math.min(1, Math.max(0, ingredient.crystallineShare ?? 0));
  });
  const unknownCount = amounts.filter((value) => value === null).length;
  return {
    ingredients: amounts.map((micrograms) => ({
      b12Micrograms: micrograms ?? null,
      sharePercent:
        micrograms === null || micrograms === undefined || !(total > 0)
          ? null
          : (micrograms / total) * 100,
      carriesB12: micrograms !== null && micrograms !== undefined && micrograms > 0,
    })),
    b12TotalMicrograms: total,
    b12PerServingMicrograms: total / servings,
    complete: unknownCount === 0,
    unknownCount,
    crystallineTotalMicrograms: crystalline,
    diet: strictestDiet(ingredients.map((ingredient) => ingredient.diet)),
    dietComplete: ingredients.every((ingredient) => ingredient.foodId !== null),
  };
}

/** Grams of an ingredient in a dish of `dishServings` of a recipe that yields `recipeServings`. */
export function scaleIngredientGrams(
  grams: number,
  dishServings: number,
  recipeServings: number,
): number {
  return (grams * dishServings) / recipeServings;
}

export type ServingVerdict = {
  status: B12Status;
  /** One sentence for people; null when nothing needs saying. */
  reason: string | null;
  targetMicrograms: number | null;
  absorbedMicrograms: number;
  absorbedTargetMicrograms: number | null;
};

/**
 * One serving judged against a day's targets: is this serving, eaten at one sitting, a
 * day's B12 for this person? (A lower bound when the recipe is incomplete.)
 */
export function judgeServing(input: {
  perServingMicrograms: number;
  /** The crystalline part of one serving. */
  crystallinePerServingMicrograms: number;
  targetMicrograms: number | null;
  absorption?: AbsorptionProfile;
}): ServingVerdict {
  const absorption = input.absorption ?? NORMAL_ABSORPTION;
  const crystalline = Math.min(input.crystallinePerServingMicrograms, input.perServingMicrograms);
  const occasion = {
    foodBoundMicrograms: input.perServingMicrograms - crystalline,
    fortifiedMicrograms: crystalline,
    supplementMicrograms: 0,
  };
  const absorbed = absorbOccasion(occasion, absorption).absorbedMicrograms;
  const absorbedTargetMicrograms = absorbedTargetFor(input.targetMicrograms);
  const verdictInput = {
    intakeMicrograms: input.perServingMicrograms,
    absorbedMicrograms: absorbed,
    targetMicrograms: input.targetMicrograms,
    absorbedTargetMicrograms,
  };
  const status = judgeB12(verdictInput);
  return {
    status,
    reason: explainStatus({
      ...verdictInput,
      status,
      intrinsicFactor: absorption.intrinsicFactor,
      period: "in one serving",
      largest:
        input.perServingMicrograms > 0
          ? {
              label: "one serving",
              doseMicrograms: input.perServingMicrograms,
              absorbedMicrograms: absorbed,
            }
          : null,
    }),
    targetMicrograms: input.targetMicrograms,
    absorbedMicrograms: absorbed,
    absorbedTargetMicrograms,
  };
}
