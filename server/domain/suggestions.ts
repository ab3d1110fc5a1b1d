/**
 * Suggestions when a plan falls short of B12: deterministic, explained, sourced, and
 * compatible with the person's diet. Pure: the service loads the plan's totals and the
 * candidate foods; this decides. See docs/methodology.md, "Suggestions".
 *
 * The status is the plan's own (`totals.status`, ./b12-status.ts): this never judges again.
 * A suggestion counts only if, added to the plan, it makes that same status "meets".
 * 1. Food first: foods that fit the diet, ranked by B12 per usual portion, each with the
 *    whole portions a day that reach "meets", spread over different meals because each
 *    eating occasion has its own intrinsic-factor ceiling (IOM 1998).
 * 2. Supplement regimens: the smallest common daily dose that meets (10, 25, 50 … µg),
 *    a weekly 2,000 µg, and fortified foods at least twice a day: the Vegan Society's
 *    three options for adults, named as such only for people who eat vegan.
 * 3. Conditions: without intrinsic factor, oral 1,000 µg a day (Kuzminski et al. 1998;
 *    Chan et al. 2016) or injections (BNF; NICE CKS), with a clinician, injections first
 *    with nerve symptoms; from 51, the IOM's advice to get most of the recommended
 *    amount from fortified foods or supplements, as an advice line and a suggestion.
 * 4. A plan that meets gets no push (apart from that advice from 51).
 */

import type { AbsorptionProfile, Occasion } from "./absorption";
import { b12MicrogramsForGrams } from "./b12-amounts";
import { type B12Status, formatAmount, judgeB12 } from "./b12-status";
import { MEAL_ORDER, type MealSlot, type PlanTotalsSummary } from "./plan-totals";
import { absorbAtSitting } from "./regimen-pattern";
import { COMMON_DOSES_MICROGRAMS } from "./supplements";
import { isOlderAdult } from "./targets";
import type { Condition, Diet } from "./vocabulary";

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
/**
 * Without intrinsic factor: oral 1,000 µg a day. Kuzminski et al. 1998 (Blood 92:1191)
 * found 2,000 µg/day oral as effective as 1,000 µg IM in cobalamin deficiency; Chan et al.
 * 2016 (Can Fam Physician; PMC4993789) review oral 1,000 µg/day in pernicious anaemia.
 */
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
  /** What the person eats of a portion's B12 (× their portion factor). */
  eatenPerPortionMicrograms: number;
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
    | "advice-51"
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
  /** The plan's status, exactly as plans.totals gives it. */
  status: B12Status;
  statusReason: string | null;
  averageIntake: number;
  targetMicrograms: number | null;
  averageAbsorbed: number;
  absorbedTargetMicrograms: number | null;
  /** µg/day of absorbed B12 missing on average (0 when met). */
  absorbedGapMicrograms: number;
  /** false when some foods have no B12 value: the gap may be smaller than shown. */
  complete: boolean;
  /** The person's share of the plan's amounts: food suggestions are judged at it. */
  portionFactor: number;
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

/**
 * The plan's daily averages with something added (other occasions unchanged): absorbed,
 * its low end, and intake, as plans.totals would give them. Food is what the person eats
 * of it: the plan's amount × their portion factor. A sitting's periodic regimens are part
 * of its occasion on their days (absorbAtSitting). A dose every N days counts 1/N of what
 * it adds on every day, as in plans.totals, so the figures never depend on the plan's
 * length; with periodic regimens already at that sitting it is counted as falling on
 * their days at random (exact when the periods have no common factor).
 */
export function averagesWith(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  addition: Addition,
): { absorbed: number; low: number; intake: number } {
  const factor = totals.portionFactor;
  const perMeal: Partial<Occasion> = {
    foodBoundMicrograms: (addition.perMeal.foodBoundMicrograms ?? 0) * factor,
    fortifiedMicrograms: (addition.perMeal.fortifiedMicrograms ?? 0) * factor,
    supplementMicrograms: addition.perMeal.supplementMicrograms ?? 0,
  };
  const perMealIntake =
    (perMeal.foodBoundMicrograms ?? 0) +
    (perMeal.fortifiedMicrograms ?? 0) +
    (perMeal.supplementMicrograms ?? 0);
  let absorbed = 0;
  let low = 0;
  let added = 0;
  for (const day of totals.days) {
    absorbed += day.absorbedB12Micrograms;
    low += day.absorbedLowB12Micrograms;
    for (const meal of addition.meals) {
      const slot = day.meals.find((item) => item.meal === meal);
      if (!slot) continue;
      const sets = totals.periodicSets[meal];
      const before = absorbAtSitting(slot.occasion, sets, absorption);
      const after = absorbAtSitting(addOccasion(slot.occasion, perMeal), sets, absorption);
      absorbed += after.absorbed - before.absorbed;
      low += after.low - before.low;
      added += perMealIntake;
    }
    if (addition.ownDose) {
      const rate = 1 / addition.ownDose.everyNDays;
      const sets = totals.periodicSets.own;
      const before = absorbAtSitting(day.ownOccasion, sets, absorption);
      const after = absorbAtSitting(
        addOccasion(day.ownOccasion, { supplementMicrograms: addition.ownDose.doseMicrograms }),
        sets,
        absorption,
      );
      absorbed += (after.absorbed - before.absorbed) * rate;
      low += (after.low - before.low) * rate;
      added += addition.ownDose.doseMicrograms * rate;
    }
  }
  const count = totals.days.length;
  return {
    absorbed: absorbed / count,
    low: low / count,
    intake: totals.averageB12Micrograms + added / count,
  };
}

/** The plan's average absorbed B12 per day with something added. */
export function averageAbsorbedWith(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  addition: Addition,
): number {
  return averagesWith(totals, absorption, addition).absorbed;
}

/** The plan's status with something added: the same rule as plans.totals. */
function statusWith(
  totals: PlanTotalsSummary,
  after: { absorbed: number; intake: number },
): B12Status {
  return judgeB12({
    intakeMicrograms: after.intake,
    absorbedMicrograms: after.absorbed,
    targetMicrograms: totals.targetMicrograms,
    absorbedTargetMicrograms: totals.absorbedTargetMicrograms,
  });
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
  // Periodic regimens taken with a meal load it on their share of days.
  for (const meal of MEAL_ORDER) {
    const periodic = totals.periodicSets[meal].reduce(
      (sum, set) => sum + set.doseMicrograms * set.share,
      0,
    );
    load.set(meal, (load.get(meal) ?? 0) + periodic * totals.days.length);
  }
  const order = [...preference].sort(
    (a, b) =>
      (load.get(a) ?? 0) - (load.get(b) ?? 0) || preference.indexOf(a) - preference.indexOf(b),
  );
  return Array.from({ length: portions }, (_, index) => order[index % order.length] as MealSlot);
}

const fmt = formatAmount;

/**
 * For someone eating other than the plan's amounts: "Eaten at 0.5 × the plan's amounts,
 * each portion gives 1.25 µg." (`what`: "each portion", "a serving"); empty at 1.
 */
export function portionFactorNote(factor: number, what: string, eatenMicrograms: number): string {
  return factor === 1
    ? ""
    : ` Eaten at ${fmt(factor)} × the plan's amounts, ${what} gives ${fmt(eatenMicrograms)} µg.`;
}

function foodSuggestion(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  food: CandidateFood,
  minimumMeals = 1,
): FoodSuggestion | null {
  const gramsPerPortion = food.portion?.grams ?? 100;
  const b12PerPortion = b12MicrogramsForGrams(food.b12PerHundredGrams, gramsPerPortion) ?? 0;
  if (!(b12PerPortion > 0)) return null;
  const crystalline = b12PerPortion * food.crystallineShare;
  for (let portions = minimumMeals; portions <= MAX_PORTIONS_PER_DAY; portions += 1) {
    const meals = mealsForPortions(totals, portions);
    // Portions landing in the same meal (only when n > 4) would share an occasion; n ≤ 4 never do.
    const averages = averagesWith(totals, absorption, {
      meals,
      perMeal: {
        fortifiedMicrograms: crystalline,
        foodBoundMicrograms: b12PerPortion - crystalline,
      },
    });
    const after = averages.absorbed;
    if (statusWith(totals, averages) === "meets") {
      const mealWords = meals.join(", ").replace(/, ([^,]*)$/, " and $1");
      const eatenPerPortion = b12PerPortion * totals.portionFactor;
      return {
        foodId: food.foodId,
        name: food.name,
        portionId: food.portion?.id ?? null,
        portionLabel: food.portion?.label ?? "100 g",
        gramsPerPortion,
        b12PerPortionMicrograms: b12PerPortion,
        eatenPerPortionMicrograms: eatenPerPortion,
        portionsPerDay: portions,
        meals,
        averageAbsorbedAfter: after,
        averageIntakeAfter: averages.intake,
        fortified: food.fortified,
        typicalLabelValue: food.typicalLabelValue,
        explanation:
          (portions === 1
            ? `One ${food.portion?.label ?? "100 g"} a day (${fmt(b12PerPortion)} µg) at ${mealWords} brings the estimated absorbed B12 to ${fmt(after)} µg a day.`
            : `${portions} portions of ${food.portion?.label ?? "100 g"} a day (${fmt(b12PerPortion)} µg each), one at ${mealWords}: spread over meals because each meal can only absorb so much (about 1.5-2.5 µg, IOM 1998). Estimated absorbed: ${fmt(after)} µg a day.`) +
          portionFactorNote(totals.portionFactor, "each portion", eatenPerPortion),
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
  const notes = conditionNotes(absorption, profile, totals);
  const base = {
    status: totals.status,
    statusReason: totals.statusReason,
    averageIntake: totals.averageB12Micrograms,
    targetMicrograms: totals.targetMicrograms,
    averageAbsorbed: totals.averageAbsorbedB12Micrograms,
    absorbedTargetMicrograms: absorbedTarget,
    complete: totals.averageComplete,
    portionFactor: totals.portionFactor,
    notes,
    healthcareNote: HEALTHCARE_NOTE,
  };
  if (totals.status === "no-target" || absorbedTarget === null) {
    return { ...base, absorbedGapMicrograms: 0, foods: [], regimens: [] };
  }
  const vegan = profile.diet === "vegan";
  const adult = profile.ageYears >= 18;
  const advice = adviceFor51(totals, absorption, profile);
  if (totals.status === "meets") {
    return { ...base, absorbedGapMicrograms: 0, foods: [], regimens: advice ? [advice] : [] };
  }
  const gap = Math.max(0, absorbedTarget - totals.averageAbsorbedB12Micrograms);
  const favourCrystalline = isOlderAdult(profile.ageYears);
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
      const suggestion = foodSuggestion(totals, absorption, food);
      if (!suggestion) continue;
      foods.push(suggestion);
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
  }

  const regimens: RegimenSuggestion[] = [];
  if (!absorption.intrinsicFactor) {
    regimens.push(...noIntrinsicFactorRegimens(totals, absorption));
  } else if (adult) {
    const daily = smallestDailyDose(
      totals,
      absorption,
      (after) => statusWith(totals, after) === "meets",
    );
    if (daily) {
      regimens.push({
        kind: "daily-supplement",
        title: `${daily.dose.toLocaleString("en-GB")} µg every day`,
        explanation: `The smallest common daily dose that meets your target when taken on its own: estimated absorbed ${fmt(daily.after.absorbed)} µg a day.${vegan ? " The Vegan Society suggests at least 10 µg daily." : ""}`,
        averageAbsorbedAfter: daily.after.absorbed,
        meetsAbsorbedTarget: true,
        supplement: { doseMicrograms: daily.dose, everyNDays: 1, withMeal: null },
        food: null,
        source: vegan ? "Vegan Society; absorption: IOM 1998" : "Absorption: IOM 1998",
      });
    }
    const weekly = averagesWith(totals, absorption, {
      meals: [],
      perMeal: {},
      ownDose: { doseMicrograms: WEEKLY_DOSE_MICROGRAMS, everyNDays: 7 },
    });
    if (statusWith(totals, weekly) === "meets") {
      const onTheDay = (weekly.absorbed - totals.averageAbsorbedB12Micrograms) * 7;
      regimens.push({
        kind: "weekly-supplement",
        title: "2,000 µg once a week",
        explanation: `${vegan ? "The Vegan Society's weekly option: e" : "E"}stimated absorbed about ${fmt(onTheDay)} µg on the day, about ${fmt(onTheDay / 7)} µg a day averaged over the week.`,
        averageAbsorbedAfter: weekly.absorbed,
        meetsAbsorbedTarget: true,
        supplement: { doseMicrograms: WEEKLY_DOSE_MICROGRAMS, everyNDays: 7, withMeal: null },
        food: null,
        source: vegan ? "Vegan Society; absorption: IOM 1998" : "Absorption: IOM 1998",
      });
    }
    const fortifiedFood = fortifiedFoodOption(totals, absorption, fitting);
    if (fortifiedFood) {
      regimens.push({
        kind: "fortified-foods",
        title: "Fortified foods at least twice a day",
        explanation: `${vegan ? `The Vegan Society's food option: fortified foods two or three times a day, at least ${FORTIFIED_FOODS_DAILY_MICROGRAMS} µg a day in all.` : "Fortified foods two or three times a day."} For example ${fortifiedFood.name}, ${fortifiedFood.explanation.charAt(0).toLowerCase()}${fortifiedFood.explanation.slice(1)}`,
        averageAbsorbedAfter: fortifiedFood.averageAbsorbedAfter,
        meetsAbsorbedTarget: true,
        supplement: null,
        food: fortifiedFood,
        source: vegan ? "Vegan Society; absorption: IOM 1998" : "Absorption: IOM 1998",
      });
    }
  }
  if (favourCrystalline) {
    // From 51 crystalline sources first (IOM 1998).
    regimens.sort(
      (a, b) => Number(b.kind === "fortified-foods") - Number(a.kind === "fortified-foods"),
    );
  }

  return { ...base, absorbedGapMicrograms: gap, foods, regimens };
}

function smallestDailyDose(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  enough: (after: { absorbed: number; low: number; intake: number }) => boolean,
) {
  return COMMON_DOSES_MICROGRAMS.map((dose) => ({
    dose,
    after: averagesWith(totals, absorption, {
      meals: [],
      perMeal: {},
      ownDose: { doseMicrograms: dose, everyNDays: 1 },
    }),
  })).find((option) => enough(option.after));
}

/** The fortified food that meets at two or more meals with the least B12 a day (≥ 3 µg preferred). */
function fortifiedFoodOption(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  fitting: readonly CandidateFood[],
): FoodSuggestion | undefined {
  const dailyTotal = (suggestion: FoodSuggestion) =>
    suggestion.b12PerPortionMicrograms * suggestion.portionsPerDay;
  return rankFoods(
    fitting.filter((food) => food.fortified && food.crystallineShare > 0),
    true,
  )
    .map((food) => foodSuggestion(totals, absorption, food, 2))
    .filter((suggestion): suggestion is FoodSuggestion => suggestion !== null)
    .sort(
      (a, b) =>
        Number(dailyTotal(a) < FORTIFIED_FOODS_DAILY_MICROGRAMS) -
          Number(dailyTotal(b) < FORTIFIED_FOODS_DAILY_MICROGRAMS) ||
        dailyTotal(a) - dailyTotal(b) ||
        a.name.localeCompare(b.name),
    )[0];
}

function noIntrinsicFactorRegimens(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
): RegimenSuggestion[] {
  const after = averagesWith(totals, absorption, {
    meals: [],
    perMeal: {},
    ownDose: { doseMicrograms: NO_INTRINSIC_FACTOR_DAILY_DOSE, everyNDays: 1 },
  });
  return [
    {
      kind: "injection",
      title: "Injections prescribed by a clinician",
      explanation:
        "When there are nerve symptoms (tingling, numbness, problems with balance or memory), treatment usually starts with injections. They bypass the gut and are prescribed on a schedule: in the UK, hydroxocobalamin 1,000 µg three times a week for two weeks, then every 2-3 months (every other day at first when the nerves are affected).",
      averageAbsorbedAfter: null,
      meetsAbsorbedTarget: null,
      supplement: null,
      food: null,
      source: "BNF, hydroxocobalamin; NICE CKS, Anaemia - B12 and folate deficiency",
    },
    {
      kind: "high-dose-oral",
      title: "1,000 µg by mouth every day (with your clinician)",
      explanation: `Without intrinsic factor only about 1% is absorbed, so food cannot make up for it. Daily oral doses of 1,000-2,000 µg have worked as well as injections in studies; 1,000 µg a day gives an estimated ${fmt(after.absorbed)} µg absorbed a day. Agree the dose and follow-up blood tests with your clinician.`,
      averageAbsorbedAfter: after.absorbed,
      meetsAbsorbedTarget: statusWith(totals, after) === "meets",
      supplement: { doseMicrograms: NO_INTRINSIC_FACTOR_DAILY_DOSE, everyNDays: 1, withMeal: null },
      food: null,
      source: "Kuzminski et al. 1998, Blood 92:1191; Chan et al. 2016, Front Med 3:38",
    },
  ];
}

/**
 * IOM 1998 advises adults over 50 to meet most of the RDA with fortified foods or
 * supplements. When the plan's crystalline B12 alone (the low end of the range) does not
 * reach the absorbed target, the smallest common daily dose that makes it do.
 */
function adviceFor51(
  totals: PlanTotalsSummary,
  absorption: AbsorptionProfile,
  profile: SuggestionProfile,
): RegimenSuggestion | null {
  const target = totals.absorbedTargetMicrograms;
  if (!isOlderAdult(profile.ageYears) || !absorption.intrinsicFactor || target === null) {
    return null;
  }
  if (totals.averageAbsorbedLowB12Micrograms >= target) return null;
  const daily = smallestDailyDose(
    totals,
    absorption,
    (after) => after.low >= target && statusWith(totals, after) === "meets",
  );
  if (!daily) return null;
  return {
    kind: "advice-51",
    title: `Advice from 51: ${daily.dose.toLocaleString("en-GB")} µg every day, or fortified foods`,
    explanation: `The IOM advises people over 50 to get most of their B12 from fortified foods or supplements, because 10-30% of them release the B12 in food poorly. A ${daily.dose.toLocaleString("en-GB")} µg supplement a day would cover you even then (estimated ${fmt(daily.after.low)} µg absorbed from it and your fortified foods alone).`,
    averageAbsorbedAfter: daily.after.absorbed,
    meetsAbsorbedTarget: true,
    supplement: { doseMicrograms: daily.dose, everyNDays: 1, withMeal: null },
    food: null,
    source: "IOM 1998, ch. 9",
  };
}

function conditionNotes(
  absorption: AbsorptionProfile,
  profile: SuggestionProfile,
  totals: PlanTotalsSummary,
): SuggestionNote[] {
  const targetMicrograms = totals.targetMicrograms;
  const notes: SuggestionNote[] = absorption.risks.map((risk) => ({
    id: risk.id,
    text: risk.message,
    source: risk.source,
  }));
  if (!absorption.intrinsicFactor) {
    notes.push({
      id: "see-clinician",
      text: "Without intrinsic factor, B12 needs treatment that a clinician plans and checks with blood tests. Please do not rely on this plan alone.",
      source: "NIH ODS; BNF; NICE CKS",
    });
  }
  if (isOlderAdult(profile.ageYears)) {
    notes.push({
      id: "iom-advice-51",
      text: "Advice for people over 50: get most of the recommended amount from fortified foods or a B12 supplement, because 10-30% of people over 50 release the B12 in food poorly. Their added B12 is absorbed normally.",
      source: "IOM 1998, ch. 9",
    });
    notes.push({
      id: "older-adult-doses",
      text: "If a clinician finds mild deficiency in an older adult, daily oral doses of about 650-1,000 µg were the lowest that normalised markers in one trial. That is a treatment dose to agree with them.",
      source: "Eussen et al. 2005, Arch Intern Med 165:1167",
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
