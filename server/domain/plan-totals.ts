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
 * Nothing is rounded here.
 */
import { b12MicrogramsForGrams } from "./b12-amounts";

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
};

export type EntryTotal = {
  id: string;
  foodId: string;
  foodName: string;
  grams: number;
  /** null when the food's B12 is unknown. */
  b12Micrograms: number | null;
};

export type MealTotal = {
  meal: MealSlot;
  b12Micrograms: number;
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
  b12Micrograms: number;
  targetMicrograms: number | null;
  percentOfTarget: number | null;
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
  averageB12Micrograms: number;
  averageComplete: boolean;
  averagePercentOfTarget: number | null;
  targetMicrograms: number | null;
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

/** Computes every total of a plan from its entries and the foods' B12 values. */
export function calculatePlanTotals(input: PlanTotalsInput): PlanTotals {
  const { dayCount, targetMicrograms } = input;
  if (!Number.isInteger(dayCount) || dayCount < 1) {
    throw new RangeError("dayCount must be a whole number of at least 1");
  }
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
    list.push({
      id: entry.id,
      foodId: entry.foodId,
      foodName: entry.foodName,
      grams: entry.grams,
      b12Micrograms: b12MicrogramsForGrams(entry.b12PerHundredGrams, entry.grams),
    });
    entriesByDayMeal.set(key, list);
  }

  const days: DayTotal[] = [];
  for (let day = 1; day <= dayCount; day += 1) {
    const meals: MealTotal[] = MEAL_ORDER.map((meal) => {
      const entries = entriesByDayMeal.get(`${day}:${meal}`) ?? [];
      const unknownEntries = entries.filter((entry) => entry.b12Micrograms === null).length;
      const b12Micrograms = entries.reduce((sum, entry) => sum + (entry.b12Micrograms ?? 0), 0);
      return {
        meal,
        b12Micrograms,
        percentOfTarget: percentOf(b12Micrograms, targetMicrograms),
        complete: unknownEntries === 0,
        unknownEntries,
        entries,
      };
    });
    const b12Micrograms = meals.reduce((sum, meal) => sum + meal.b12Micrograms, 0);
    const unknownEntries = meals.reduce((sum, meal) => sum + meal.unknownEntries, 0);
    const percentOfTarget = percentOf(b12Micrograms, targetMicrograms);
    days.push({
      day,
      b12Micrograms,
      targetMicrograms,
      percentOfTarget,
      complete: unknownEntries === 0,
      unknownEntries,
      entryCount: meals.reduce((sum, meal) => sum + meal.entries.length, 0),
      meetsTarget: targetMicrograms === null ? null : b12Micrograms >= targetMicrograms,
      meals,
      foods: shareByFood(meals.flatMap((meal) => meal.entries)),
    });
  }

  const averageB12Micrograms = days.reduce((sum, day) => sum + day.b12Micrograms, 0) / dayCount;
  const allEntries = days.flatMap((day) => day.meals.flatMap((meal) => meal.entries));
  const unknownEntries = days.reduce((sum, day) => sum + day.unknownEntries, 0);
  return {
    days,
    averageB12Micrograms,
    averageComplete: unknownEntries === 0,
    averagePercentOfTarget: percentOf(averageB12Micrograms, targetMicrograms),
    targetMicrograms,
    topFoods: shareByFood(allEntries),
    unknownEntries,
    entryCount: allEntries.length,
  };
}

/** The calendar date (YYYY-MM-DD) of a plan day, or null for an undated plan. */
export function planDayDate(startDate: string | null, day: number): string | null {
  if (startDate === null) return null;
  const date = new Date(`${startDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + day - 1);
  return date.toISOString().slice(0, 10);
}
