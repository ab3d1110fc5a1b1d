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
 *   half the recommended intake (IOM 1998). Because weekly doses count, whether a plan
 *   meets the absorbed target is judged on its daily average.
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
import { isTakenOnDay, type SupplementSchedule } from "./supplements";

export const MEAL_ORDER = ["breakfast", "lunch", "dinner", "snack"] as const;
export type MealSlot = (typeof MEAL_ORDER)[number];

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
  /** Estimated absorbed B12 (worst case for food-bound B12 when its release is impaired). */
  absorbedB12Micrograms: number;
  /** Estimated absorbed B12 if food-bound B12 is released normally. */
  absorbedUpperB12Micrograms: number;
  /** The part of absorbedB12Micrograms that comes from supplements, and from foods. */
  absorbedFromSupplementsMicrograms: number;
  absorbedFromFoodMicrograms: number;
  /** Half the recommended intake (IOM 1998); null without a target. */
  absorbedTargetMicrograms: number | null;
  absorbedPercentOfTarget: number | null;
  /** false when any entry's B12 is unknown: b12Micrograms is then a lower bound. */
  complete: boolean;
  unknownEntries: number;
  entryCount: number;
  meetsTarget: boolean | null;
  meals: MealTotal[];
  /** The day's foods by B12, largest first (one line per food). */
  foods: FoodShare[];
};

export type PlanTotals = {
  days: DayTotal[];
  /** Mean daily intake, foods + supplements. */
  averageB12Micrograms: number;
  averageFoodB12Micrograms: number;
  averageSupplementB12Micrograms: number;
  averageComplete: boolean;
  averagePercentOfTarget: number | null;
  targetMicrograms: number | null;
  averageAbsorbedB12Micrograms: number;
  averageAbsorbedUpperB12Micrograms: number;
  averageAbsorbedFromSupplementsMicrograms: number;
  absorbedTargetMicrograms: number | null;
  averageAbsorbedPercentOfTarget: number | null;
  /** Whether the daily average meets each target; null without a target. */
  meetsTarget: boolean | null;
  meetsAbsorbedTarget: boolean | null;
  /** Foods that give the most B12 over the whole plan, largest first. */
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

  const entriesByDayMeal = new Map<string, EntryTotal[]>();
  for (const entry of input.entries) {
    if (entry.day < 1 || entry.day > dayCount) {
      throw new RangeError(`entry ${entry.id} is on day ${entry.day}, outside 1-${dayCount}`);
    }
    if (!(entry.grams > 0) || !Number.isFinite(entry.grams)) {
      throw new RangeError(`entry ${entry.id} has an invalid amount: ${entry.grams} g`);
    }
    const key = `${entry.day}:${entry.meal}`;
    const list = entriesByDayMeal.get(key) ?? [];
    const b12Micrograms = b12MicrogramsForGrams(entry.b12PerHundredGrams, entry.grams);
    const share = Math.min(1, Math.max(0, entry.crystallineShare ?? 0));
    list.push({
      id: entry.id,
      foodId: entry.foodId,
      foodName: entry.foodName,
      grams: entry.grams,
      b12Micrograms,
      crystallineMicrograms: b12Micrograms === null ? null : b12Micrograms * share,
    });
    entriesByDayMeal.set(key, list);
  }

  const days: DayTotal[] = [];
  for (let day = 1; day <= dayCount; day += 1) {
    const doses: SupplementDose[] = supplements
      .filter((supplement) => isTakenOnDay(supplement, day, startDate))
      .map(({ id, doseMicrograms, withMeal, injected }) => ({
        id,
        doseMicrograms,
        withMeal,
        injected: injected === true,
      }));
    const swallowed = doses.filter((dose) => !dose.injected);
    const occasions: OccasionAbsorption[] = [];
    const meals: MealTotal[] = MEAL_ORDER.map((meal) => {
      const entries = entriesByDayMeal.get(`${day}:${meal}`) ?? [];
      const unknownEntries = entries.filter((entry) => entry.b12Micrograms === null).length;
      const b12Micrograms = sum(entries.map((entry) => entry.b12Micrograms ?? 0));
      const supplementB12Micrograms = sum(
        swallowed.filter((dose) => dose.withMeal === meal).map((dose) => dose.doseMicrograms),
      );
      const occasion = occasionOf(entries, supplementB12Micrograms);
      const absorbed = absorbOccasion(occasion, absorption);
      occasions.push(absorbed);
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
    const onTheirOwn = sum(
      swallowed.filter((dose) => dose.withMeal === null).map((dose) => dose.doseMicrograms),
    );
    const ownOccasion = occasionOf([], onTheirOwn);
    occasions.push(absorbOccasion(ownOccasion, absorption));

    const foodB12Micrograms = sum(meals.map((meal) => meal.b12Micrograms));
    const supplementB12Micrograms = sum(doses.map((dose) => dose.doseMicrograms));
    const b12Micrograms = foodB12Micrograms + supplementB12Micrograms;
    const absorbedB12Micrograms = sum(occasions.map((occasion) => occasion.absorbedMicrograms));
    const absorbedFromSupplementsMicrograms = sum(
      occasions.map((occasion) => occasion.fromSupplementsMicrograms),
    );
    const unknownEntries = sum(meals.map((meal) => meal.unknownEntries));
    days.push({
      day,
      b12Micrograms,
      foodB12Micrograms,
      supplementB12Micrograms,
      supplements: doses,
      ownOccasion,
      injectedMicrograms: sum(
        doses.filter((dose) => dose.injected).map((dose) => dose.doseMicrograms),
      ),
      targetMicrograms,
      percentOfTarget: percentOf(b12Micrograms, targetMicrograms),
      absorbedB12Micrograms,
      absorbedUpperB12Micrograms: sum(occasions.map((occasion) => occasion.upperMicrograms)),
      absorbedFromSupplementsMicrograms,
      absorbedFromFoodMicrograms: absorbedB12Micrograms - absorbedFromSupplementsMicrograms,
      absorbedTargetMicrograms,
      absorbedPercentOfTarget: percentOf(absorbedB12Micrograms, absorbedTargetMicrograms),
      complete: unknownEntries === 0,
      unknownEntries,
      entryCount: sum(meals.map((meal) => meal.entries.length)),
      meetsTarget: targetMicrograms === null ? null : b12Micrograms >= targetMicrograms,
      meals,
      foods: shareByFood(meals.flatMap((meal) => meal.entries)),
    });
  }

  const mean = (pick: (day: DayTotal) => number) => sum(days.map(pick)) / dayCount;
  const averageB12Micrograms = mean((day) => day.b12Micrograms);
  const averageAbsorbedB12Micrograms = mean((day) => day.absorbedB12Micrograms);
  const allEntries = days.flatMap((day) => day.meals.flatMap((meal) => meal.entries));
  const unknownEntries = sum(days.map((day) => day.unknownEntries));
  return {
    days,
    averageB12Micrograms,
    averageFoodB12Micrograms: mean((day) => day.foodB12Micrograms),
    averageSupplementB12Micrograms: mean((day) => day.supplementB12Micrograms),
    averageComplete: unknownEntries === 0,
    averagePercentOfTarget: percentOf(averageB12Micrograms, targetMicrograms),
    targetMicrograms,
    averageAbsorbedB12Micrograms,
    averageAbsorbedUpperB12Micrograms: mean((day) => day.absorbedUpperB12Micrograms),
    averageAbsorbedFromSupplementsMicrograms: mean((day) => day.absorbedFromSupplementsMicrograms),
    absorbedTargetMicrograms,
    averageAbsorbedPercentOfTarget: percentOf(
      averageAbsorbedB12Micrograms,
      absorbedTargetMicrograms,
    ),
    meetsTarget: targetMicrograms === null ? null : averageB12Micrograms >= targetMicrograms,
    meetsAbsorbedTarget:
      absorbedTargetMicrograms === null
        ? null
        : averageAbsorbedB12Micrograms >= absorbedTargetMicrograms,
    topFoods: shareByFood(allEntries),
    unknownEntries,
    entryCount: allEntries.length,
  };
}

export { planDayDate } from "./plan-dates";

/** Totals without each meal's entry list (what the editor and charts need). */
export type PlanTotalsSummary = Omit<PlanTotals, "days"> & {
  days: (Omit<DayTotal, "meals"> & { meals: Omit<MealTotal, "entries">[] })[];
};
