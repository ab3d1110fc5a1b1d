/**
 * Suggestions when a plan falls short of B12: deterministic, explained, sourced, and
 * compatible with the person's diet. Pure: the service loads the plan's totals and the
 * candidate foods; this decides. See docs/methodology.md, "Suggestions".
 *
 * 1. Food first: foods that fit the diet, ranked by B12 per usual portion, each with the
 *    whole portions a day that close the absorbed gap, spread over different meals
 *    because each eating occasion has its own intrinsic-factor ceiling (IOM 1998).
 * 2. Supplement regimens that close the gap in absorbed terms: the smallest common daily
 *    dose that does, the Vegan Society's weekly 2,000 µg, and fortified foods at least
 *    twice a day (the Vegan Society's three options for adults).
 * 3. Conditions: without intrinsic factor, the oral 1,000-2,000 µg a day or injections
 *    the sources give (Kuzminski et al. 1998; NIH ODS) and a clinician; from 51,
 *    crystalline sources first (IOM 1998); pregnancy and breastfeeding spelled out.
 * 4. A plan that meets both targets gets no push.
 */
import type { Condition, Diet } from "../../db/schema";
import { type AbsorptionProfile, absorbOccasion, type Occasion } from "./absorption";
import { b12MicrogramsForGrams } from "./b12-amounts";
import { MEAL_ORDER, type MealSlot, type PlanTotalsSummary } from "./plan-totals";
import { COMMON_DOSES_MICROGRAMS } from "./supplements";

export const HEALTHCARE_NOTE =
  "These are estimates from a meal plan, not a diagnosis. Talk to a doctor, dietitian or pharmacist before changing treatment, taking high doses, or if you have symptoms or a condition that affects B12.";

/** Food suggestions never ask for more than this many portions of one food a day. */
export const MAX_PORTIONS_PER_DAY = 4;
export const MAX_FOOD_SUGGESTIONS = 5;
/** At most this many suggestions from one food group, so the list is not all cereals. */
const MAX_PER_GROUP = 2;
/** Vegan Society: fortified foods at least two or three times a day, at least 3 µg a day. */
export const FORTIFIED_FOODS_DAILY_MICROGRAMS = 3;
/** Vegan Society: one weekly supplement of at least 2,000 µg. */
export const WEEKLY_DOSE_MICROGRAMS = 2000;
/** Pernicious anaemia: oral 1,000-2,000 µg a day (Kuzminski et al. 1998; NIH ODS). */
export const NO_INTRINSIC_FACTOR_DAILY_DOSE = 1000;

export type SuggestionProfile = {
  diet: Diet;
  ageYears: number;
  pregnant: boolean;
  breastfeeding: boolean;
  conditions: readonly Condition[];
};

export type CandidateFood = {
  foodId: string;
  name: string;
  /** The diet the food fits, after the owner's corrections. */
  diet: Diet;
  groupCode: string | null;
  source: "usda" | "curated" | "custom";
  b12PerHundredGrams: number;
  crystallineShare: number;
  fortified: boolean;
  typicalLabelValue: boolean;
  /** The food's usual household portion, or null (then 100 g is used). */
  portion: { id: string; label: string; grams: number } | null;
};

export type FoodSuggestion = {
  foodId: string;
  name: string;
  portionId: string | null;
  portionLabel: string;
  gramsPerPortion: number;
  b12PerPortionMicrograms: number;
  portionsPerDay: number;
  /** Where to put the portions, one each. */
  meals: MealSlot[];
  averageAbsorbedAfter: number;
  averageIntakeAfter: number;
  fortified: boolean;
  typicalLabelValue: boolean;
  explanation: string;
  source: string;
};

export type RegimenSuggestion = {
  kind:
    | "daily-supplement"
    | "weekly-supplement"
    | "fortified-foods"
    | "high-dose-oral"
    | "injection";
  title: string;
  explanation: string;
  /** Estimated absorbed B12 per day (plan average) with this regimen added; null if not modelled. */
  averageAbsorbedAfter: number | null;
  meetsAbsorbedTarget: boolean | null;
  /** What plans.addSupplement needs to add it (absent for injections and food regimens). */
  supplement: { doseMicrograms: number; everyNDays: number; withMeal: null } | null;
  /** The food to use for the fortified-foods option, with where to put it. */
  food: FoodSuggestion | null;
  source: string;
};

export type SuggestionNote = { id: string; text: string; source: string };

export type Suggestions = {
  status: "meets" | "short" | "no-target";
  averageIntake: number;
  targetMicrograms: number | null;
  averageAbsorbed: number;
  absorbedTargetMicrograms: number | null;
  /** µg/day of absorbed B12 missing on average (0 when met). */
  absorbedGapMicrograms: number;
  /** false when some foods have no B12 value: the gap may be smaller than shown. */
  complete: boolean;
  foods: FoodSuggestion[];
  regimens: RegimenSuggestion[];
  notes: SuggestionNote[];
  healthcareNote: string;
};

/**
 * Foods never suggested (they still count when a person plans them):
 * - unreliable sources: seaweeds, spirulina and other algae hold mostly pseudo-B12,
 *   inactive in humans; tempeh is not a reliable source (Watanabe 2007; Vegan Society);
 * - drinks and snacks that carry added B12 but are not everyday foods to plan around:
 *   energy and sports drinks, vitamin waters, alcoholic drinks, sweets and snacks;
 * - baby foods and infant formula, except for children under 4.
 */
const UNRELIABLE_SOURCES = /\b(seaweed|spirulina|alga(e|l)|chlorella|nori|kelp|tempeh)\b/i;
const NOT_EVERYDAY =
  /\b(energy (drink|shot|bar|juice)|cran-energy|gatorade|powerade|vitamin water|water with added|water, with|alcoholic|beer|wine|malt beverage|sour mix)\b/i;
/** SR28 groups left out: sweets (1900), snacks (2500). */
const NOT_EVERYDAY_GROUPS = new Set(["1900", "2500"]);
const BABY_FOODS_GROUP = "0300";

export function isSuggestible(
  food: { name: string; groupCode: string | null },
  ageYears: number,
): boolean {
  if (UNRELIABLE_SOURCES.test(food.name) || NOT_EVERYDAY.test(food.name)) return false;
  if (food.groupCode !== null && NOT_EVERYDAY_GROUPS.has(food.groupCode)) return false;
  if (food.groupCode === BABY_FOODS_GROUP) return ageYears < 4;
  return true;
}

const DIET_RANK: Record<Diet, number> = { vegan: 0, vegetarian: 1, omnivore: 2 };

/** Whether a food of `food` diet fits a person eating `diet` (a vegan gets vegan foods only). */
export function fitsDiet(food: Diet, diet: Diet): boolean {
  return DIET_RANK[food] <= DIET_RANK[diet];
}

function addOccasion(occasion: Occasion, extra: Partial<Occasion>): Occasion {
  return {
    foodBoundMicrograms: occasion.foodBoundMicrograms + (extra.foodBoundMicrograms ?? 0),
    fortifiedMicrograms: occasion.fortifiedMicrograms + (extra.fortifiedMicrograms ?? 0),
    supplementMicrograms: occasion.supplementMicrograms + (extra.supplementMicrograms ?? 0),
  };
}

type Addition = {
  /** Added to each of these meals, every day. */
  meals: readonly MealSlot[];
  perMeal: Partial<Occasion>;
  /** Added to the supplements-on-their-own occasion on the days picked. */
  ownDose?: { doseMicrograms: number; everyNDays: number };
};

/** The plan's average absorbed B12 per day with something added (other occasions unchanged). */
export function averageAbsorbedWith(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  addition: Addition,
): number {
  let total = 0;
  for (const day of totals.days) {
    let absorbed = day.absorbedB12Micrograms;
    for (const meal of addition.meals) {
      const slot = day.meals.find((item) => item.meal === meal);
      if (!slot) continue;
      absorbed +=
        absorbOccasion(addOccasion(slot.occasion, addition.perMeal), absorption)
          .absorbedMicrograms - slot.absorbedB12Micrograms;
    }
    if (addition.ownDose && (day.day - 1) % addition.ownDose.everyNDays === 0) {
      const before = absorbOccasion(day.ownOccasion, absorption).absorbedMicrograms;
      const after = absorbOccasion(
        addOccasion(day.ownOccasion, { supplementMicrograms: addition.ownDose.doseMicrograms }),
        absorption,
      ).absorbedMicrograms;
      absorbed += after - before;
    }
    total += absorbed;
  }
  return total / totals.days.length;
}

/**
 * Meals to put n portions in: the slots holding the least B12 over the plan first (their
 * intrinsic-factor capacity is the least used), ties in breakfast, dinner, lunch, snack
 * order (breakfast and dinner are furthest apart).
 */
export function mealsForPortions(totals: PlanTotalsSummary, portions: number): MealSlot[] {
  const preference: MealSlot[] = ["breakfast", "dinner", "lunch", "snack"];
  const load = new Map<MealSlot, number>(MEAL_ORDER.map((meal) => [meal, 0]));
  for (const day of totals.days) {
    for (const meal of day.meals) {
      load.set(
        meal.meal,
        (load.get(meal.meal) ?? 0) + meal.b12Micrograms + meal.supplementB12Micrograms,
      );
    }
  }
  const order = [...preference].sort(
    (a, b) =>
      (load.get(a) ?? 0) - (load.get(b) ?? 0) || preference.indexOf(a) - preference.indexOf(b),
  );
  return Array.from({ length: portions }, (_, index) => order[index % order.length] as MealSlot);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const fmt = (value: number) =>
  value >= 100
    ? Math.round(value).toLocaleString("en-GB")
    : String(round1(value) || Math.round(value * 100) / 100);

function foodSuggestion(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  food: CandidateFood,
  absorbedTarget: number,
  minimumMeals = 1,
): FoodSuggestion | null {
  const gramsPerPortion = food.portion?.grams ?? 100;
  const b12PerPortion = b12MicrogramsForGrams(food.b12PerHundredGrams, gramsPerPortion) ?? 0;
  if (!(b12PerPortion > 0)) return null;
  const crystalline = b12PerPortion * food.crystallineShare;
  for (let portions = minimumMeals; portions <= MAX_PORTIONS_PER_DAY; portions += 1) {
    const meals = mealsForPortions(totals, portions);
    // Portions landing in the same meal (only when n > 4) would share an occasion; n ≤ 4 never do.
    const after = averageAbsorbedWith(totals, absorption, {
      meals,
      perMeal: {
        fortifiedMicrograms: crystalline,
        foodBoundMicrograms: b12PerPortion - crystalline,
      },
    });
    if (after >= absorbedTarget) {
      const mealWords = meals.join(", ").replace(/, ([^,]*)$/, " and $1");
      return {
        foodId: food.foodId,
        name: food.name,
        portionId: food.portion?.id ?? null,
        portionLabel: food.portion?.label ?? "100 g",
        gramsPerPortion,
        b12PerPortionMicrograms: b12PerPortion,
        portionsPerDay: portions,
        meals,
        averageAbsorbedAfter: after,
        averageIntakeAfter: totals.averageB12Micrograms + b12PerPortion * portions,
        fortified: food.fortified,
        typicalLabelValue: food.typicalLabelValue,
        explanation:
          portions === 1
            ? `One ${food.portion?.label ?? "100 g"} a day (${fmt(b12PerPortion)} µg) at ${mealWords} brings the estimated absorbed B12 to ${fmt(after)} µg a day.`
            : `${portions} portions of ${food.portion?.label ?? "100 g"} a day (${fmt(b12PerPortion)} µg each), one at ${mealWords}: spread over meals because each meal can only absorb so much (about 1.5-2.5 µg, IOM 1998). Estimated absorbed: ${fmt(after)} µg a day.`,
        source: food.typicalLabelValue
          ? "Typical label value: check your product's label. Absorption: IOM 1998."
          : food.source === "custom"
            ? "Your label figures. Absorption: IOM 1998."
            : "USDA SR28. Absorption: IOM 1998.",
      };
    }
  }
  return null;
}

function rankFoods(
  candidates: readonly CandidateFood[],
  favourCrystalline: boolean,
): CandidateFood[] {
  const perPortion = (food: CandidateFood) =>
    b12MicrogramsForGrams(food.b12PerHundredGrams, food.portion?.grams ?? 100) ?? 0;
  return [...candidates].sort(
    (a, b) =>
      (favourCrystalline ? Number(b.crystallineShare > 0) - Number(a.crystallineShare > 0) : 0) ||
      perPortion(b) - perPortion(a) ||
      a.name.localeCompare(b.name) ||
      a.foodId.localeCompare(b.foodId),
  );
}

/** Every suggestion for a plan, given its totals, the person and the candidate foods. */
export function suggestForPlan(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  profile: SuggestionProfile,
  candidates: readonly CandidateFood[],
): Suggestions {
  const absorbedTarget = totals.absorbedTargetMicrograms;
  const notes = conditionNotes(absorption, profile, totals.targetMicrograms);
  const base = {
    averageIntake: totals.averageB12Micrograms,
    targetMicrograms: totals.targetMicrograms,
    averageAbsorbed: totals.averageAbsorbedB12Micrograms,
    absorbedTargetMicrograms: absorbedTarget,
    complete: totals.averageComplete,
    notes,
    healthcareNote: HEALTHCARE_NOTE,
  };
  if (absorbedTarget === null || totals.targetMicrograms === null) {
    return { ...base, status: "no-target", absorbedGapMicrograms: 0, foods: [], regimens: [] };
  }
  if (totals.meetsAbsorbedTarget && totals.meetsTarget) {
    return { ...base, status: "meets", absorbedGapMicrograms: 0, foods: [], regimens: [] };
  }
  const gap = Math.max(0, absorbedTarget - totals.averageAbsorbedB12Micrograms);
  const adult = profile.ageYears >= 18;
  const favourCrystalline = absorption.foodBoundRelease === "impaired";
  const fitting = candidates.filter(
    (food) =>
      fitsDiet(food.diet, profile.diet) &&
      food.b12PerHundredGrams > 0 &&
      isSuggestible(food, profile.ageYears),
  );

  const foods: FoodSuggestion[] = [];
  const perGroup = new Map<string, number>();
  if (absorption.intrinsicFactor) {
    for (const food of rankFoods(fitting, favourCrystalline)) {
      if (foods.length >= MAX_FOOD_SUGGESTIONS) break;
      const group = food.groupCode ?? food.source;
      if ((perGroup.get(group) ?? 0) >= MAX_PER_GROUP) continue;
      const suggestion = foodSuggestion(totals, absorption, food, absorbedTarget);
      if (!suggestion) continue;
      foods.push(suggestion);
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
  }

  const regimens: RegimenSuggestion[] = [];
  if (!absorption.intrinsicFactor) {
    const after = averageAbsorbedWith(totals, absorption, {
      meals: [],
      perMeal: {},
      ownDose: { doseMicrograms: NO_INTRINSIC_FACTOR_DAILY_DOSE, everyNDays: 1 },
    });
    regimens.push({
      kind: "high-dose-oral",
      title: "1,000 µg by mouth every day (with your clinician)",
      explanation: `Without intrinsic factor only about 1% is absorbed, so food cannot close the gap. Daily oral doses of 1,000-2,000 µg can work as well as injections; a 1,000 µg dose gives an estimated ${fmt(after)} µg a day. Agree the dose and follow-up tests with your clinician.`,
      averageAbsorbedAfter: after,
      meetsAbsorbedTarget: after >= absorbedTarget,
      supplement: { doseMicrograms: NO_INTRINSIC_FACTOR_DAILY_DOSE, everyNDays: 1, withMeal: null },
      food: null,
      source: "Kuzminski et al. 1998; NIH ODS; IOM 1998",
    });
    regimens.push({
      kind: "injection",
      title: "Injections prescribed by a clinician",
      explanation:
        "Injections bypass the gut. They are prescribed on a schedule, e.g. in the UK hydroxocobalamin 1,000 µg three times a week for two weeks, then every 2-3 months; in the US cyanocobalamin 1,000 µg.",
      averageAbsorbedAfter: null,
      meetsAbsorbedTarget: null,
      supplement: null,
      food: null,
      source: "NIH ODS; IOM 1998",
    });
  } else if (adult) {
    const daily = COMMON_DOSES_MICROGRAMS.map((dose) => ({
      dose,
      after: averageAbsorbedWith(totals, absorption, {
        meals: [],
        perMeal: {},
        ownDose: { doseMicrograms: dose, everyNDays: 1 },
      }),
    })).find((option) => option.after >= absorbedTarget);
    if (daily) {
      regimens.push({
        kind: "daily-supplement",
        title: `${daily.dose.toLocaleString("en-GB")} µg every day`,
        explanation: `The smallest common daily dose that closes the gap when taken on its own: estimated absorbed ${fmt(daily.after)} µg a day. The Vegan Society suggests at least 10 µg daily.`,
        averageAbsorbedAfter: daily.after,
        meetsAbsorbedTarget: true,
        supplement: { doseMicrograms: daily.dose, everyNDays: 1, withMeal: null },
        food: null,
        source: "Vegan Society; absorption: IOM 1998",
      });
    }
    const weekly = averageAbsorbedWith(totals, absorption, {
      meals: [],
      perMeal: {},
      ownDose: { doseMicrograms: WEEKLY_DOSE_MICROGRAMS, everyNDays: 7 },
    });
    if (weekly >= absorbedTarget) {
      regimens.push({
        kind: "weekly-supplement",
        title: "2,000 µg once a week",
        explanation: `The Vegan Society's weekly option: estimated absorbed ${fmt(weekly * 7)} µg on the day, ${fmt(weekly)} µg a day averaged over the plan.`,
        averageAbsorbedAfter: weekly,
        meetsAbsorbedTarget: true,
        supplement: { doseMicrograms: WEEKLY_DOSE_MICROGRAMS, everyNDays: 7, withMeal: null },
        food: null,
        source: "Vegan Society; absorption: IOM 1998",
      });
    }
    // The fortified food that meets the need at two or more meals with the least B12 a
    // day, preferring a day's total of at least 3 µg (the Vegan Society's figure).
    const dailyTotal = (suggestion: FoodSuggestion) =>
      suggestion.b12PerPortionMicrograms * suggestion.portionsPerDay;
    const fortifiedFood = rankFoods(
      fitting.filter((food) => food.fortified && food.crystallineShare > 0),
      true,
    )
      .map((food) => foodSuggestion(totals, absorption, food, absorbedTarget, 2))
      .filter((suggestion): suggestion is FoodSuggestion => suggestion !== null)
      .sort(
        (a, b) =>
          Number(dailyTotal(a) < FORTIFIED_FOODS_DAILY_MICROGRAMS) -
            Number(dailyTotal(b) < FORTIFIED_FOODS_DAILY_MICROGRAMS) ||
          dailyTotal(a) - dailyTotal(b) ||
          a.name.localeCompare(b.name),
      )[0];
    if (fortifiedFood) {
      regimens.push({
        kind: "fortified-foods",
        title: "Fortified foods at least twice a day",
        explanation: `The Vegan Society's food option: fortified foods two or three times a day, at least ${FORTIFIED_FOODS_DAILY_MICROGRAMS} µg a day in all. For example ${fortifiedFood.name}, ${fortifiedFood.explanation.charAt(0).toLowerCase()}${fortifiedFood.explanation.slice(1)}`,
        averageAbsorbedAfter: fortifiedFood.averageAbsorbedAfter,
        meetsAbsorbedTarget: true,
        supplement: null,
        food: fortifiedFood,
        source: "Vegan Society; absorption: IOM 1998",
      });
    }
  }
  if (favourCrystalline) {
    // From 51 (or with acid reducers) crystalline sources first (IOM 1998).
    regimens.sort(
      (a, b) => Number(b.kind === "fortified-foods") - Number(a.kind === "fortified-foods"),
    );
  }

  return { ...base, status: "short", absorbedGapMicrograms: gap, foods, regimens };
}

function conditionNotes(
  absorption: AbsorptionProfile,
  profile: SuggestionProfile,
  targetMicrograms: number | null,
): SuggestionNote[] {
  const notes: SuggestionNote[] = absorption.risks.map((risk) => ({
    id: risk.id,
    text: risk.message,
    source: risk.source,
  }));
  if (!absorption.intrinsicFactor) {
    notes.push({
      id: "see-clinician",
      text: "Without intrinsic factor, B12 needs treatment that a clinician plans and checks with blood tests. Please do not rely on this plan alone.",
      source: "NIH ODS; IOM 1998",
    });
  }
  if (profile.ageYears >= 51) {
    notes.push({
      id: "older-adult-doses",
      text: "If a clinician finds mild deficiency in an older adult, daily oral doses of about 650-1,000 µg were the lowest that normalised markers in one trial. That is a treatment dose to agree with them.",
      source: "Eussen et al. 2005",
    });
  }
  if (profile.diet === "vegan" && (profile.pregnant || profile.breastfeeding)) {
    notes.push({
      id: "pregnant-vegan",
      text: `Recommended intakes are higher while ${profile.pregnant ? "pregnant" : "breastfeeding"}${targetMicrograms === null ? "" : `: ${fmt(targetMicrograms)} µg a day on your chosen standard`}. Plant foods contain no B12 unless fortified, so a vegan diet needs fortified foods or a supplement every day or week. Please make sure your midwife or doctor knows you eat vegan.`,
      source: "IOM 1998; NIH ODS; EFSA 2015; Vegan Society",
    });
  }
  if (profile.ageYears < 18) {
    notes.push({
      id: "child",
      text: "Supplement doses for children are not covered by this app's sources: ask a paediatrician or dietitian.",
      source: "IOM 1998",
    });
  }
  return notes;
}
