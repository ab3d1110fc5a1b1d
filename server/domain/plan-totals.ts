/**
 * Plan totals: the one function every B12 number of a plan comes from (the editor, the
 * charts, the API and the exports), so they can never disagree.
 *
 * - Per entry: grams × B12 per 100 g / 100; null when the food's B12 is unknown.
 * - Per meal and day: the sum of the known entries. A day holding an entry of unknown B12
 *   is *incomplete*: its total is a lower bound and says how many entries are unknown.
 * - Percent of target: day total / target × 100, unrounded; null without a target.
 * - Daily average: the mean of the day totals over every day of the plan (empty days
 *   count as 0 µg: they are part of the plan), incomplete if any day is.
 * - Supplements: a regimen adds its dose on the days its schedule picks, as its own
 *   series (`supplementB12Micrograms`); intake = food + supplements. Injections count as
 *   intake but not in the absorbed estimate (our sources give no absorption figure for
 *   them; they bypass the gut): `injectedMicrograms` says how much was left out.
 * - Absorbed: each meal slot (with any supplement taken with it) is one eating occasion,
 *   supplements taken on their own another; see ./absorption.ts. The absorbed target is
 *   what the model takes up from the recommended intake in three equal meals.
 * - Periodic regimens (weekly, every N days, chosen weekdays) count at their long-run
 *   rate on every day (weekly 2,000 µg: about 21.5 µg absorbed on the day, 3.1 µg a day),
 *   so no figure depends on the plan's length. Daily ones count on the days taken.
 * - Status: one verdict per day and for the plan (its daily averages), ./b12-status.ts.
 * Nothing is rounded here.
 */
import {
  type AbsorptionProfile,
  absorbedTargetFor,
  absorbOccasion,
  NORMAL_ABSORPTION,
  type Occasion,
  type OccasionAbsorption,
} from "./absorption";
import { b12MicrogramsForGrams } from "./b12-amounts";
import {
  type B12Status,
  explainStatus,
  judgeB12,
  type LargestSitting,
  meetsTargets,
} from "./b12-status";
import {
  dosesPerDay,
  isDaily,
  periodicAdded,
  type RegimenPattern,
  regimenPattern,
  type SittingSet,
  sittingSets,
} from "./regimen-pattern";
import { isTakenOnDay, type SupplementSchedule } from "./supplements";

export const MEAL_ORDER = ["breakfast", "lunch", "dinner", "snack"] as const;
export type MealSlot = (typeof MEAL_ORDER)[number];
/** Where supplements are taken: with a meal, or on their own (null). */
const SITTING_SLOTS = [...MEAL_ORDER, null] as const;

export type TotalsEntryInput = {
  id: string;
  day: number;
  meal: MealSlot;
  foodId: string;
  foodName: string;
  grams: number;
  /** µg per 100 g; null when unknown. */
  b12PerHundredGrams: number | null;
  /** Share (0-1) of the food's B12 that is added (crystalline); 0 when omitted. */
  crystallineShare?: number;
  /**
   * A recipe line without a food or without grams (a dish's ingredient): its B12 is
   * unknown, so its meal and day are incomplete; `grams` is ignored (counted as 0).
   */
  amountUnknown?: boolean;
};

export type TotalsSupplementInput = SupplementSchedule & {
  id: string;
  doseMicrograms: number;
  /** The meal it is taken with, or null when taken on its own. */
  withMeal: MealSlot | null;
  /** An injection: counted as intake, but not by the absorption model (it bypasses the gut). */
  injected?: boolean;
};

export type SupplementDose = {
  id: string;
  doseMicrograms: number;
  withMeal: MealSlot | null;
  injected: boolean;
};

export type EntryTotal = {
  id: string;
  foodId: string;
  foodName: string;
  grams: number;
  /** null when the food's B12 is unknown. */
  b12Micrograms: number | null;
  /** The added (crystalline) part of b12Micrograms; null when unknown. */
  crystallineMicrograms: number | null;
};

export type MealTotal = {
  meal: MealSlot;
  /** B12 in this meal's foods (supplements taken with it are not included). */
  b12Micrograms: number;
  /** Supplements taken with this meal, µg. */
  supplementB12Micrograms: number;
  /** Estimated absorbed from this occasion (foods + supplements taken with it). */
  absorbedB12Micrograms: number;
  /** This eating occasion's B12 split by how it is bound (for the absorption model). */
  occasion: Occasion;
  /** This meal's share of the day's target, %; null without a target. */
  percentOfTarget: number | null;
  complete: boolean;
  unknownEntries: number;
  entries: EntryTotal[];
};

export type FoodShare = {
  foodId: string;
  foodName: string;
  b12Micrograms: number;
  /** Share of the total B12 (0-1); 0 when the total is 0. */
  share: number;
};

export type DayTotal = {
  day: number;
  /** Intake: foods + supplements. */
  b12Micrograms: number;
  foodB12Micrograms: number;
  supplementB12Micrograms: number;
  /** Supplement doses taken this day. */
  supplements: SupplementDose[];
  /** Supplements taken on their own this day: one eating occasion. */
  ownOccasion: Occasion;
  /** Injected this day, µg: part of the intake, not of the absorbed estimate. */
  injectedMicrograms: number;
  targetMicrograms: number | null;
  percentOfTarget: number | null;
  /** Estimated absorbed B12 (food-bound B12 released normally). */
  absorbedB12Micrograms: number;
  /** Low end of the range: if food-bound B12 is released poorly (= absorbed otherwise). */
  absorbedLowB12Micrograms: number;
  /** The part of absorbedB12Micrograms that comes from supplements, and from foods. */
  absorbedFromSupplementsMicrograms: number;
  absorbedFromFoodMicrograms: number;
  /** What the model absorbs from the recommended intake in three equal meals; null without a target. */
  absorbedTargetMicrograms: number | null;
  absorbedPercentOfTarget: number | null;
  /** false when any entry's B12 is unknown: b12Micrograms is then a lower bound. */
  complete: boolean;
  unknownEntries: number;
  entryCount: number;
  /** Intake ≥ the recommended intake; null without a target. */
  meetsTarget: boolean | null;
  /** Estimated absorbed ≥ the absorbed target; null without a target. */
  meetsAbsorbedTarget: boolean | null;
  /** The one verdict (./b12-status.ts): both targets reached → "meets". */
  status: B12Status;
  /** Why, in one sentence for people; null when nothing needs saying. */
  statusReason: string | null;
  meals: MealTotal[];
  /** Where the day's B12 comes from, largest first: one line per food, one for supplements. */
  foods: FoodShare[];
};

/** What one supplement regimen adds, independent of the plan's length for periodic ones. */
export type RegimenTotal = {
  id: string;
  doseMicrograms: number;
  /** Doses a day: 1 daily, 1/7 weekly (for a daily regimen: the share of plan days taken). */
  dosesPerDay: number;
  /** µg taken a day, averaged. */
  averageIntakeMicrograms: number;
  /** Estimated absorbed from one dose, on the day it is taken. */
  absorbedPerDoseMicrograms: number;
  /** Estimated absorbed a day, averaged. */
  averageAbsorbedMicrograms: number;
  injected: boolean;
};

export type PlanTotals = {
  days: DayTotal[];
  /** The portion factor the totals are at (1: the plan's amounts). */
  portionFactor: number;
  /**
   * Periodic regimens swallowed at each sitting ("own": on their own), as the sets taken
   * together and their share of days (regimen-pattern.ts); empty where there are none.
   */
  periodicSets: Record<MealSlot | "own", SittingSet[]>;
  /** Mean daily intake, foods + supplements. */
  averageB12Micrograms: number;
  averageFoodB12Micrograms: number;
  averageSupplementB12Micrograms: number;
  averageComplete: boolean;
  averagePercentOfTarget: number | null;
  targetMicrograms: number | null;
  averageAbsorbedB12Micrograms: number;
  /** Low end of the range (food-bound B12 released poorly); = the average otherwise. */
  averageAbsorbedLowB12Micrograms: number;
  averageAbsorbedFromSupplementsMicrograms: number;
  absorbedTargetMicrograms: number | null;
  averageAbsorbedPercentOfTarget: number | null;
  /** Whether the daily average meets each target; null without a target. */
  meetsTarget: boolean | null;
  meetsAbsorbedTarget: boolean | null;
  /** The plan's verdict, on its daily averages (./b12-status.ts). */
  status: B12Status;
  statusReason: string | null;
  /** Why the low end exists ("if your stomach releases…"); null when it equals the estimate. */
  lowEndReason: string | null;
  /** Each supplement regimen's figures, in input order. */
  regimens: RegimenTotal[];
  /** Where the B12 of the whole plan comes from (µg over all days), largest first, supplements included. */
  topFoods: FoodShare[];
  unknownEntries: number;
  entryCount: number;
};

export type PlanTotalsInput = {
  dayCount: number;
  entries: readonly TotalsEntryInput[];
  /** µg/day; null when the reference standard sets no value for this person. */
  targetMicrograms: number | null;
  supplements?: readonly TotalsSupplementInput[];
  /** Day 1's date, for supplements taken on chosen weekdays. */
  startDate?: string | null;
  absorption?: AbsorptionProfile;
  /**
   * How much of each meal this person eats (1 = the plan's amounts, 0.5 = half): every
   * entry's grams are scaled by it; supplement doses are not (a tablet is a tablet).
   */
  portionFactor?: number;
};

function percentOf(value: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return (value / target) * 100;
}

function shareByFood(entries: readonly EntryTotal[]): FoodShare[] {
  const byFood = new Map<string, { foodName: string; b12Micrograms: number }>();
  for (const entry of entries) {
    if (entry.b12Micrograms === null) continue;
    const current = byFood.get(entry.foodId);
    if (current) current.b12Micrograms += entry.b12Micrograms;
    else byFood.set(entry.foodId, { foodName: entry.foodName, b12Micrograms: entry.b12Micrograms });
  }
  const total = [...byFood.values()].reduce((sum, food) => sum + food.b12Micrograms, 0);
  return [...byFood.entries()]
    .map(([foodId, food]) => ({
      foodId,
      foodName: food.foodName,
      b12Micrograms: food.b12Micrograms,
      share: total > 0 ? food.b12Micrograms / total : 0,
    }))
    .sort((a, b) => b.b12Micrograms - a.b12Micrograms || a.foodName.localeCompare(b.foodName));
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function occasionOf(entries: readonly EntryTotal[], supplementMicrograms: number): Occasion {
  let foodBoundMicrograms = 0;
  let fortifiedMicrograms = 0;
  for (const entry of entries) {
    if (entry.b12Micrograms === null) continue;
    const crystalline = entry.crystallineMicrograms ?? 0;
    fortifiedMicrograms += crystalline;
    foodBoundMicrograms += entry.b12Micrograms - crystalline;
  }
  return { foodBoundMicrograms, fortifiedMicrograms, supplementMicrograms };
}

function checkSupplement(supplement: TotalsSupplementInput): void {
  if (!(supplement.doseMicrograms > 0) || !Number.isFinite(supplement.doseMicrograms)) {
    throw new RangeError(
      `supplement ${supplement.id} has an invalid dose: ${supplement.doseMicrograms} µg`,
    );
  }
}

const MEAL_LABEL: Record<MealSlot | "own", string> = {
  breakfast: "breakfast",
  lunch: "lunch",
  dinner: "dinner",
  snack: "snacks",
  own: "one sitting (supplements on their own)",
};

function largestSitting(
  sittings: readonly { label: string; occasion: Occasion; absorbed: number }[],
): LargestSitting | null {
  let best: LargestSitting | null = null;
  for (const sitting of sittings) {
    const dose =
      sitting.occasion.foodBoundMicrograms +
      sitting.occasion.fortifiedMicrograms +
      sitting.occasion.supplementMicrograms;
    if (dose > 0 && (best === null || dose > best.doseMicrograms)) {
      best = { label: sitting.label, doseMicrograms: dose, absorbedMicrograms: sitting.absorbed };
    }
  }
  return best;
}

/** Computes every total of a plan from its entries, supplements and the foods' B12 values. */
export function calculatePlanTotals(input: PlanTotalsInput): PlanTotals {
  const { dayCount, targetMicrograms } = input;
  if (!Number.isInteger(dayCount) || dayCount < 1) {
    throw new RangeError("dayCount must be a whole number of at least 1");
  }
  const absorption = input.absorption ?? NORMAL_ABSORPTION;
  const absorbedTargetMicrograms = absorbedTargetFor(targetMicrograms);
  const supplements = input.supplements ?? [];
  for (const supplement of supplements) checkSupplement(supplement);
  const startDate = input.startDate ?? null;
  const portionFactor = input.portionFactor ?? 1;
  if (!(portionFactor > 0) || !Number.isFinite(portionFactor)) {
    throw new RangeError(`portionFactor must be a positive number; got ${portionFactor}`);
  }
  const daily = supplements.filter(isDaily);
  // Swallowed periodic regimens, by sitting: which are taken together, and how often.
  const periodicBySitting = new Map<MealSlot | null, RegimenPattern>();
  for (const slot of SITTING_SLOTS) {
    const atSitting = supplements.filter(
      (supplement) =>
        !isDaily(supplement) && supplement.injected !== true && supplement.withMeal === slot,
    );
    if (atSitting.length > 0) periodicBySitting.set(slot, regimenPattern(atSitting, startDate));
  }
  const regimenSums = new Map(
    supplements.map((supplement) => [supplement.id, { onTheDay: 0, absorbed: 0, intake: 0 }]),
  );

  const entriesByDayMeal = new Map<string, EntryTotal[]>();
  for (const entry of input.entries) {
    if (entry.day < 1 || entry.day > dayCount) {
      throw new RangeError(`entry ${entry.id} is on day ${entry.day}, outside 1-${dayCount}`);
    }
    const unknownAmount = entry.amountUnknown === true;
    if (!unknownAmount && (!(entry.grams > 0) || !Number.isFinite(entry.grams))) {
      throw new RangeError(`entry ${entry.id} has an invalid amount: ${entry.grams} g`);
    }
    const key = `${entry.day}:${entry.meal}`;
    const list = entriesByDayMeal.get(key) ?? [];
    const grams = unknownAmount ? 0 : entry.grams * portionFactor;
    const b12Micrograms = unknownAmount
      ? null
      : b12MicrogramsForGrams(entry.b12PerHundredGrams, grams);
    const share = Math.min(1, Math.max(0, entry.crystallineShare ?? 0));
    list.push({
      id: entry.id,
      foodId: entry.foodId,
      foodName: entry.foodName,
      grams,
      b12Micrograms,
      crystallineMicrograms: b12Micrograms === null ? null : b12Micrograms * share,
    });
    entriesByDayMeal.set(key, list);
  }

  const days: DayTotal[] = [];
  for (let day = 1; day <= dayCount; day += 1) {
    const taken = supplements.filter((supplement) => isTakenOnDay(supplement, day, startDate));
    const doses: SupplementDose[] = taken.map(({ id, doseMicrograms, withMeal, injected }) => ({
      id,
      doseMicrograms,
      withMeal,
      injected: injected === true,
    }));
    // Daily regimens are counted on the days they are taken; periodic ones (weekly, every
    // N days, chosen weekdays) at their long-run rate on every day, so a regimen's figures
    // never depend on the plan's length (docs/methodology.md, "Regimens").
    const swallowedDaily = daily.filter(
      (supplement) => supplement.injected !== true && isTakenOnDay(supplement, day, startDate),
    );
    const dailyWith = (slot: MealSlot | null) =>
      sum(
        swallowedDaily
          .filter((supplement) => supplement.withMeal === slot)
          .map((supplement) => supplement.doseMicrograms),
      );
    const sittings: { slot: MealSlot | null; occasion: Occasion; result: OccasionAbsorption }[] =
      [];
    const meals: MealTotal[] = MEAL_ORDER.map((meal) => {
      const entries = entriesByDayMeal.get(`${day}:${meal}`) ?? [];
      const unknownEntries = entries.filter((entry) => entry.b12Micrograms === null).length;
      const b12Micrograms = sum(entries.map((entry) => entry.b12Micrograms ?? 0));
      const supplementB12Micrograms = dailyWith(meal);
      const occasion = occasionOf(entries, supplementB12Micrograms);
      const absorbed = absorbOccasion(occasion, absorption);
      sittings.push({ slot: meal, occasion, result: absorbed });
      return {
        meal,
        b12Micrograms,
        supplementB12Micrograms,
        absorbedB12Micrograms: absorbed.absorbedMicrograms,
        occasion,
        percentOfTarget: percentOf(b12Micrograms, targetMicrograms),
        complete: unknownEntries === 0,
        unknownEntries,
        entries,
      };
    });
    // Supplements taken on their own the same day: one occasion (assumed taken together).
    const ownOccasion = occasionOf([], dailyWith(null));
    const ownResult = absorbOccasion(ownOccasion, absorption);
    sittings.push({ slot: null, occasion: ownOccasion, result: ownResult });

    // What each regimen adds: daily ones measured within their occasion; periodic ones as
    // the doses taken together (regimenPattern) added to that day's occasion, times the
    // share of days they fall together, each regimen's part pro rata to its dose.
    let periodicIntake = 0;
    let periodicInjected = 0;
    for (const supplement of supplements) {
      const sums = regimenSums.get(supplement.id);
      if (!sums) continue;
      const dose = supplement.doseMicrograms;
      if (!isDaily(supplement)) {
        const rate = dosesPerDay(supplement, startDate);
        sums.intake += dose * rate;
        periodicIntake += dose * rate;
        if (supplement.injected === true) periodicInjected += dose * rate;
        continue;
      }
      if (!isTakenOnDay(supplement, day, startDate)) continue;
      sums.intake += dose;
      if (supplement.injected === true) continue;
      const sitting = sittings.find((item) => item.slot === supplement.withMeal);
      if (!sitting) continue;
      const without = absorbOccasion(
        { ...sitting.occasion, supplementMicrograms: sitting.occasion.supplementMicrograms - dose },
        absorption,
      ).absorbedMicrograms;
      sums.onTheDay += sitting.result.absorbedMicrograms - without;
      sums.absorbed += sitting.result.absorbedMicrograms - without;
    }
    let periodicAbsorbed = 0;
    let periodicLow = 0;
    for (const sitting of sittings) {
      const pattern = periodicBySitting.get(sitting.slot);
      if (!pattern) continue;
      const added = periodicAdded(sitting.occasion, sitting.result, pattern, absorption);
      periodicAbsorbed += added.absorbedMicrograms;
      periodicLow += added.lowMicrograms;
      for (const [id, part] of added.byRegimen) {
        const sums = regimenSums.get(id);
        if (!sums) continue;
        sums.absorbed += part.absorbedMicrograms;
        sums.onTheDay += part.perDoseMicrograms;
      }
    }

    const foodB12Micrograms = sum(meals.map((meal) => meal.b12Micrograms));
    const dailyTaken = doses.filter((dose) =>
      daily.some((supplement) => supplement.id === dose.id),
    );
    const supplementB12Micrograms =
      sum(dailyTaken.map((dose) => dose.doseMicrograms)) + periodicIntake;
    const b12Micrograms = foodB12Micrograms + supplementB12Micrograms;
    const results = sittings.map((sitting) => sitting.result);
    const absorbedB12Micrograms =
      sum(results.map((result) => result.absorbedMicrograms)) + periodicAbsorbed;
    const absorbedFromSupplementsMicrograms =
      sum(results.map((result) => result.fromSupplementsMicrograms)) + periodicAbsorbed;
    const unknownEntries = sum(meals.map((meal) => meal.unknownEntries));
    const verdictInput = {
      intakeMicrograms: b12Micrograms,
      absorbedMicrograms: absorbedB12Micrograms,
      targetMicrograms,
      absorbedTargetMicrograms,
    };
    const status = judgeB12(verdictInput);
    days.push({
      day,
      b12Micrograms,
      foodB12Micrograms,
      supplementB12Micrograms,
      supplements: doses,
      ownOccasion,
      injectedMicrograms:
        sum(dailyTaken.filter((dose) => dose.injected).map((dose) => dose.doseMicrograms)) +
        periodicInjected,
      targetMicrograms,
      percentOfTarget: percentOf(b12Micrograms, targetMicrograms),
      absorbedB12Micrograms,
      absorbedLowB12Micrograms: sum(results.map((result) => result.lowMicrograms)) + periodicLow,
      absorbedFromSupplementsMicrograms,
      absorbedFromFoodMicrograms: absorbedB12Micrograms - absorbedFromSupplementsMicrograms,
      absorbedTargetMicrograms,
      absorbedPercentOfTarget: percentOf(absorbedB12Micrograms, absorbedTargetMicrograms),
      complete: unknownEntries === 0,
      unknownEntries,
      entryCount: sum(meals.map((meal) => meal.entries.length)),
      ...meetsTargets(verdictInput),
      status,
      statusReason: explainStatus({
        ...verdictInput,
        status,
        intrinsicFactor: absorption.intrinsicFactor,
        period: "a day",
        largest: largestSitting(
          sittings.map((sitting) => ({
            label: MEAL_LABEL[sitting.slot ?? "own"],
            occasion: sitting.occasion,
            absorbed: sitting.result.absorbedMicrograms,
          })),
        ),
      }),
      meals,
      foods: withSupplements(
        shareByFood(meals.flatMap((meal) => meal.entries)),
        supplementB12Micrograms,
      ),
    });
  }

  const mean = (pick: (day: DayTotal) => number) => sum(days.map(pick)) / dayCount;
  const averageB12Micrograms = mean((day) => day.b12Micrograms);
  const averageAbsorbedB12Micrograms = mean((day) => day.absorbedB12Micrograms);
  const allEntries = days.flatMap((day) => day.meals.flatMap((meal) => meal.entries));
  const unknownEntries = sum(days.map((day) => day.unknownEntries));
  const verdictInput = {
    intakeMicrograms: averageB12Micrograms,
    absorbedMicrograms: averageAbsorbedB12Micrograms,
    targetMicrograms,
    absorbedTargetMicrograms,
  };
  const status = judgeB12(verdictInput);
  // The plan's "why": the day whose reason it shares, else a sentence on the average.
  const shortDay = days.find((day) => day.status === "short" && day.statusReason !== null);
  const averageReason = explainStatus({
    ...verdictInput,
    status,
    intrinsicFactor: absorption.intrinsicFactor,
    period: "a day on average",
    largest: null,
  });
  const ownReason =
    status === "short" && meetsTargets(verdictInput).meetsTarget === true && shortDay
      ? shortDay.statusReason
      : averageReason;
  return {
    days,
    averageB12Micrograms,
    averageFoodB12Micrograms: mean((day) => day.foodB12Micrograms),
    averageSupplementB12Micrograms: mean((day) => day.supplementB12Micrograms),
    averageComplete: unknownEntries === 0,
    averagePercentOfTarget: percentOf(averageB12Micrograms, targetMicrograms),
    targetMicrograms,
    averageAbsorbedB12Micrograms,
    averageAbsorbedLowB12Micrograms: mean((day) => day.absorbedLowB12Micrograms),
    portionFactor,
    periodicSets: Object.fromEntries(
      SITTING_SLOTS.map((slot) => [
        slot ?? "own",
        sittingSets(periodicBySitting.get(slot)?.sets ?? []),
      ]),
    ) as Record<MealSlot | "own", SittingSet[]>,
    averageAbsorbedFromSupplementsMicrograms: mean((day) => day.absorbedFromSupplementsMicrograms),
    absorbedTargetMicrograms,
    averageAbsorbedPercentOfTarget: percentOf(
      averageAbsorbedB12Micrograms,
      absorbedTargetMicrograms,
    ),
    ...meetsTargets(verdictInput),
    status,
    statusReason: ownReason,
    lowEndReason: absorption.lowEndReason,
    regimens: supplements.map((supplement) => {
      const sums = regimenSums.get(supplement.id) ?? { onTheDay: 0, absorbed: 0, intake: 0 };
      const periodicRegimen = !isDaily(supplement);
      const daysTaken = days.filter((day) =>
        day.supplements.some((dose) => dose.id === supplement.id),
      ).length;
      return {
        id: supplement.id,
        doseMicrograms: supplement.doseMicrograms,
        dosesPerDay: periodicRegimen ? dosesPerDay(supplement, startDate) : daysTaken / dayCount,
        averageIntakeMicrograms: sums.intake / dayCount,
        absorbedPerDoseMicrograms: periodicRegimen
          ? sums.onTheDay / dayCount
          : daysTaken > 0
            ? sums.onTheDay / daysTaken
            : 0,
        averageAbsorbedMicrograms: sums.absorbed / dayCount,
        injected: supplement.injected === true,
      };
    }),
    topFoods: withSupplements(
      shareByFood(allEntries),
      sum(days.map((day) => day.supplementB12Micrograms)),
    ),
    unknownEntries,
    entryCount: allEntries.length,
  };
}

/** Id of the "Supplements" line in the where-it-comes-from lists. */
export const SUPPLEMENTS_SOURCE_ID = "supplements";

/** Adds supplements as one line of a where-the-B12-comes-from list, shares recomputed. */
function withSupplements(foods: FoodShare[], supplementMicrograms: number): FoodShare[] {
  if (!(supplementMicrograms > 0)) return foods;
  const list = [
    ...foods,
    {
      foodId: SUPPLEMENTS_SOURCE_ID,
      foodName: "Supplements",
      b12Micrograms: supplementMicrograms,
      share: 0,
    },
  ];
  const total = sum(list.map((item) => item.b12Micrograms));
  return list
    .map((item) => ({ ...item, share: total > 0 ? item.b12Micrograms / total : 0 }))
    .sort((a, b) => b.b12Micrograms - a.b12Micrograms || a.foodName.localeCompare(b.foodName));
}

export { planDayDate } from "./plan-dates";

/** Totals without each meal's entry list (what the editor and charts need). */
export type PlanTotalsSummary = Omit<PlanTotals, "days"> & {
  days: (Omit<DayTotal, "meals"> & { meals: Omit<MealTotal, "entries">[] })[];
};
