import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calculatePlanTotals,
  MEAL_ORDER,
  type MealSlot,
  planDayDate,
  type TotalsEntryInput,
} from "@/server/domain/plan-totals";

let nextId = 0;
function entry(overrides: Partial<TotalsEntryInput> = {}): TotalsEntryInput {
  nextId += 1;
  return {
    id: `e${nextId}`,
    day: 1,
    meal: "breakfast",
    foodId: `food-${nextId}`,
    foodName: `Food ${nextId}`,
    grams: 100,
    b12PerHundredGrams: 1,
    ...overrides,
  };
}

describe("plan totals", () => {
  it("adds up entries into meals and meals into days", () => {
    const totals = calculatePlanTotals({
      dayCount: 2,
      targetMicrograms: 2.4,
      entries: [
        entry({ day: 1, meal: "breakfast", grams: 243, b12PerHundredGrams: 0.85 }),
        entry({ day: 1, meal: "dinner", grams: 85, b12PerHundredGrams: 83.13 }),
        entry({ day: 2, meal: "snack", grams: 50, b12PerHundredGrams: 1.11 }),
      ],
    });
    const [day1, day2] = totals.days;
    const breakfast = day1?.meals.find((m) => m.meal === "breakfast");
    expect(breakfast?.b12Micrograms).toBeCloseTo(2.0655, 12);
    expect(breakfast?.percentOfTarget).toBeCloseTo((2.0655 / 2.4) * 100, 10);
    expect(day1?.b12Micrograms).toBeCloseTo(2.0655 + 70.6605, 10);
    expect(day1?.percentOfTarget).toBeCloseTo(((2.0655 + 70.6605) / 2.4) * 100, 8);
    expect(day1?.meetsTarget).toBe(true);
    expect(day2?.b12Micrograms).toBeCloseTo(0.555, 12);
    expect(day2?.meetsTarget).toBe(false);
    expect(totals.averageB12Micrograms).toBeCloseTo((2.0655 + 70.6605 + 0.555) / 2, 10);
  });

  it("lists the four meals of every day, empty ones at zero", () => {
    const totals = calculatePlanTotals({ dayCount: 3, targetMicrograms: 2.4, entries: [] });
    expect(totals.days).toHaveLength(3);
    for (const day of totals.days) {
      expect(day.meals.map((meal) => meal.meal)).toEqual([...MEAL_ORDER]);
      expect(day.b12Micrograms).toBe(0);
      expect(day.complete).toBe(true);
      expect(day.percentOfTarget).toBe(0);
    }
    expect(totals.averageB12Micrograms).toBe(0);
  });

  it("never counts an unknown B12 value as zero: the day is marked incomplete", () => {
    const totals = calculatePlanTotals({
      dayCount: 1,
      targetMicrograms: 2.4,
      entries: [
        entry({ b12PerHundredGrams: 1, grams: 100 }),
        entry({ b12PerHundredGrams: null, meal: "lunch" }),
        entry({ b12PerHundredGrams: null, meal: "lunch" }),
      ],
    });
    const day = totals.days[0];
    expect(day?.complete).toBe(false);
    expect(day?.unknownEntries).toBe(2);
    expect(day?.entryCount).toBe(3);
    expect(day?.b12Micrograms).toBe(1);
    const lunch = day?.meals.find((meal) => meal.meal === "lunch");
    expect(lunch?.complete).toBe(false);
    expect(lunch?.entries.every((e) => e.b12Micrograms === null)).toBe(true);
    expect(totals.averageComplete).toBe(false);
  });

  it("has no percentage when the standard sets no target", () => {
    const totals = calculatePlanTotals({ dayCount: 1, targetMicrograms: null, entries: [entry()] });
    expect(totals.days[0]?.percentOfTarget).toBeNull();
    expect(totals.days[0]?.meetsTarget).toBeNull();
    expect(totals.averagePercentOfTarget).toBeNull();
  });

  it("ranks the foods that give the most B12, merging repeats of one food", () => {
    const totals = calculatePlanTotals({
      dayCount: 2,
      targetMicrograms: 2.4,
      entries: [
        entry({ foodId: "milk", foodName: "Milk", b12PerHundredGrams: 0.5, grams: 200 }),
        entry({ foodId: "milk", foodName: "Milk", b12PerHundredGrams: 0.5, grams: 200, day: 2 }),
        entry({ foodId: "egg", foodName: "Egg", b12PerHundredGrams: 1.11, grams: 50 }),
        entry({ foodId: "mystery", foodName: "Mystery", b12PerHundredGrams: null }),
      ],
    });
    expect(totals.topFoods.map((food) => food.foodId)).toEqual(["milk", "egg"]);
    expect(totals.topFoods[0]?.b12Micrograms).toBeCloseTo(2, 12);
    expect(totals.topFoods[0]?.share).toBeCloseTo(2 / 2.555, 12);
    expect(totals.days[0]?.foods.map((food) => food.foodId)).toEqual(["milk", "egg"]);
  });

  it("refuses entries outside the plan or with impossible amounts", () => {
    expect(() =>
      calculatePlanTotals({ dayCount: 2, targetMicrograms: 2.4, entries: [entry({ day: 3 })] }),
    ).toThrow(RangeError);
    expect(() =>
      calculatePlanTotals({ dayCount: 1, targetMicrograms: 2.4, entries: [entry({ grams: 0 })] }),
    ).toThrow(RangeError);
    expect(() => calculatePlanTotals({ dayCount: 0, targetMicrograms: 2.4, entries: [] })).toThrow(
      RangeError,
    );
  });

  it("dates plan days from the start date, across month ends", () => {
    expect(planDayDate(null, 3)).toBeNull();
    expect(planDayDate("2026-12-07", 1)).toBe("2026-12-07");
    expect(planDayDate("2026-12-30", 4)).toBe("2027-01-02");
    expect(planDayDate("2028-02-28", 2)).toBe("2028-02-29");
  });
});

const mealArbitrary = fc.constantFrom<MealSlot>(...MEAL_ORDER);
const planArbitrary = fc.integer({ min: 1, max: 7 }).chain((dayCount) =>
  fc.record({
    dayCount: fc.constant(dayCount),
    targetMicrograms: fc.option(fc.double({ min: 0.3, max: 5, noNaN: true }), { nil: null }),
    entries: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        day: fc.integer({ min: 1, max: dayCount }),
        meal: mealArbitrary,
        foodId: fc.constantFrom("a", "b", "c", "d"),
        foodName: fc.constant("food"),
        grams: fc.double({ min: 0.1, max: 5000, noNaN: true }),
        b12PerHundredGrams: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      }),
      // Unique ids, as in the database (primary keys).
      { maxLength: 40, selector: (entry) => entry.id },
    ),
  }),
);

describe("plan totals, for any plan", () => {
  it("a day is the sum of its meals, and nothing is NaN or negative", () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const totals = calculatePlanTotals(plan);
        for (const day of totals.days) {
          const mealSum = day.meals.reduce((sum, meal) => sum + meal.b12Micrograms, 0);
          expect(day.b12Micrograms).toBeCloseTo(mealSum, 9);
          expect(day.b12Micrograms).toBeGreaterThanOrEqual(0);
          expect(Number.isNaN(day.b12Micrograms)).toBe(false);
          if (day.percentOfTarget !== null) expect(day.percentOfTarget).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isFinite(totals.averageB12Micrograms)).toBe(true);
      }),
    );
  });

  it("unknown stays unknown: a day is complete exactly when all its foods' B12 is known", () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const totals = calculatePlanTotals(plan);
        for (const day of totals.days) {
          const unknown = plan.entries.filter(
            (e) => e.day === day.day && e.b12PerHundredGrams === null,
          ).length;
          expect(day.unknownEntries).toBe(unknown);
          expect(day.complete).toBe(unknown === 0);
        }
      }),
    );
  });

  it("scaling an entry's grams scales its B12 by the same factor", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 2.5, noNaN: true }),
        (grams, per100, factor) => {
          const once = calculatePlanTotals({
            dayCount: 1,
            targetMicrograms: 2.4,
            entries: [entry({ grams, b12PerHundredGrams: per100 })],
          });
          const scaled = calculatePlanTotals({
            dayCount: 1,
            targetMicrograms: 2.4,
            entries: [entry({ grams: grams * factor, b12PerHundredGrams: per100 })],
          });
          expect(scaled.days[0]?.b12Micrograms).toBeCloseTo(
            (once.days[0]?.b12Micrograms ?? 0) * factor,
            6,
          );
        },
      ),
    );
  });

  it("the average is the mean of the day totals", () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const totals = calculatePlanTotals(plan);
        const mean = totals.days.reduce((sum, day) => sum + day.b12Micrograms, 0) / plan.dayCount;
        expect(totals.averageB12Micrograms).toBeCloseTo(mean, 9);
      }),
    );
  });
});
