/**
 * Recipe suggestions: one of the household's own recipes that fits the person's diet and
 * closes (or closes most of) the plan's B12 gap, added as one serving to one meal on the
 * days that fall short ("Add a serving of Tofu scramble (1.4 µg) to breakfast on days 2, 3
 * and 5"). Pure. Held to the rules of the food suggestions (./suggestions.ts): only when
 * the plan is short and the person absorbs B12 normally (without intrinsic factor food
 * cannot close the gap); only recipes whose B12 comes from foods that may be suggested
 * (no algae, tempeh or energy drinks); the estimate uses the same absorption model per
 * meal and the same verdict as plans.totals.
 */
import type { AbsorptionProfile, Occasion } from "./absorption";
import { formatAmount, judgeB12 } from "./b12-status";
import type { MealSlot, PlanTotalsSummary } from "./plan-totals";
import { absorbAtSitting } from "./regimen-pattern";
import { fitsDiet, isSuggestible, mealsForPortions, portionFactorNote } from "./suggestions";
import type { Diet } from "./vocabulary";

export const MAX_RECIPE_SUGGESTIONS = 3;

export type CandidateRecipe = {
  recipeId: string;
  name: string;
  diet: Diet;
  /** Known B12 in one serving (a lower bound when `complete` is false). */
  perServingMicrograms: number;
  crystallinePerServingMicrograms: number;
  complete: boolean;
  /** false: a line without a food could make it stricter than `diet` says. */
  dietComplete: boolean;
  /** Names of the foods that bring its B12 (to leave out unreliable sources). */
  b12FoodNames: string[];
};

export type RecipeSuggestion = {
  recipeId: string;
  name: string;
  servings: 1;
  b12PerServingMicrograms: number;
  meal: MealSlot;
  /** The plan days to add it to: those that fall short. */
  days: number[];
  averageIntakeAfter: number;
  averageAbsorbedAfter: number;
  /** true: the plan meets its targets with it. */
  closesGap: boolean;
  /** false: some of the recipe's lines have no known B12 (its figure is a lower bound). */
  complete: boolean;
  explanation: string;
  source: string;
};

/** The occasion with one serving of the recipe, of which the person eats `factor`. */
function withServing(occasion: Occasion, recipe: CandidateRecipe, factor: number): Occasion {
  const crystalline = Math.min(recipe.crystallinePerServingMicrograms, recipe.perServingMicrograms);
  return {
    foodBoundMicrograms:
      occasion.foodBoundMicrograms + (recipe.perServingMicrograms - crystalline) * factor,
    fortifiedMicrograms: occasion.fortifiedMicrograms + crystalline * factor,
    supplementMicrograms: occasion.supplementMicrograms,
  };
}

/** "1", "1 and 2", "2, 3 and 5"; "every day" when all of them. */
function describeDays(days: readonly number[], dayCount: number): string {
  if (days.length === dayCount && dayCount > 1) return "every day";
  const words = days.map(String);
  const list =
    words.length === 1
      ? words[0]
      : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  return `${days.length === 1 ? "day" : "days"} ${list}`;
}

/** The plan's averages with one serving added to `meal` on `days`. */
function averagesWithServing(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  recipe: CandidateRecipe,
  meal: MealSlot,
  days: ReadonlySet<number>,
): { absorbed: number; intake: number } {
  let absorbed = 0;
  const factor = totals.portionFactor;
  const sets = totals.periodicSets[meal];
  for (const day of totals.days) {
    absorbed += day.absorbedB12Micrograms;
    if (!days.has(day.day)) continue;
    const slot = day.meals.find((item) => item.meal === meal);
    if (!slot) continue;
    absorbed +=
      absorbAtSitting(withServing(slot.occasion, recipe, factor), sets, absorption).absorbed -
      absorbAtSitting(slot.occasion, sets, absorption).absorbed;
  }
  const count = totals.days.length;
  return {
    absorbed: absorbed / count,
    intake:
      totals.averageB12Micrograms + (recipe.perServingMicrograms * factor * days.size) / count,
  };
}

/** Up to three recipes: those that close the gap first (the smallest that does), then the closest. */
export function suggestRecipes(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  profile: { diet: Diet; ageYears: number },
  candidates: readonly CandidateRecipe[],
): RecipeSuggestion[] {
  if (totals.status !== "short" || totals.absorbedTargetMicrograms === null) return [];
  if (!absorption.intrinsicFactor) return [];
  const shortDays = totals.days.filter((day) => day.status === "short").map((day) => day.day);
  const days = new Set(shortDays.length > 0 ? shortDays : totals.days.map((day) => day.day));
  const [meal = "breakfast"] = mealsForPortions(totals, 1);
  const suggestions: RecipeSuggestion[] = [];
  for (const recipe of candidates) {
    if (!(recipe.perServingMicrograms > 0)) continue;
    if (!fitsDiet(recipe.diet, profile.diet)) continue;
    // An unmatched line might be anything: not offered to vegetarians and vegans.
    if (!recipe.dietComplete && profile.diet !== "omnivore") continue;
    if (
      !recipe.b12FoodNames.every((name) =>
        isSuggestible({ name, groupCode: null }, profile.ageYears),
      )
    ) {
      continue;
    }
    const after = averagesWithServing(totals, absorption, recipe, meal, days);
    if (!(after.absorbed > totals.averageAbsorbedB12Micrograms)) continue;
    const closesGap =
      judgeB12({
        intakeMicrograms: after.intake,
        absorbedMicrograms: after.absorbed,
        targetMicrograms: totals.targetMicrograms,
        absorbedTargetMicrograms: totals.absorbedTargetMicrograms,
      }) === "meets";
    const where = `${meal} on ${describeDays([...days], totals.days.length)}`;
    suggestions.push({
      recipeId: recipe.recipeId,
      name: recipe.name,
      servings: 1,
      b12PerServingMicrograms: recipe.perServingMicrograms,
      meal,
      days: [...days],
      averageIntakeAfter: after.intake,
      averageAbsorbedAfter: after.absorbed,
      closesGap,
      complete: recipe.complete,
      explanation: `Add a serving of ${recipe.name} (${formatAmount(recipe.perServingMicrograms)} µg${recipe.complete ? "" : " or more"}) to ${where}: the estimated absorbed B12 becomes ${formatAmount(after.absorbed)} µg a day${closesGap ? ", which meets your target" : `, closer to the ${formatAmount(totals.absorbedTargetMicrograms)} µg needed`}.${portionFactorNote(totals.portionFactor, "a serving", recipe.perServingMicrograms * totals.portionFactor)}`,
      source: "Your recipe's ingredients (USDA SR28 and label values). Absorption: IOM 1998.",
    });
  }
  return suggestions
    .sort(
      (a, b) =>
        Number(b.closesGap) - Number(a.closesGap) ||
        (a.closesGap
          ? a.b12PerServingMicrograms - b.b12PerServingMicrograms
          : b.averageAbsorbedAfter - a.averageAbsorbedAfter) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, MAX_RECIPE_SUGGESTIONS);
}
