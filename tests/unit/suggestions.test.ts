import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absorbedFromDose, absorptionProfile, NORMAL_ABSORPTION } from "@/server/domain/absorption";
import { calculatePlanTotals, type TotalsEntryInput } from "@/server/domain/plan-totals";
import { suggestRecipes } from "@/server/domain/recipe-suggestions";
import { regimenPattern } from "@/server/domain/regimen-pattern";
import {
  type CandidateFood,
  fitsDiet,
  isSuggestible,
  mealsForPortions,
  suggestForPlan,
} from "@/server/domain/suggestions";
import type { Diet } from "@/server/domain/vocabulary";

const DIETS: Diet[] = ["vegan", "vegetarian", "omnivore"];

const candidate = fc.record({
  foodId: fc.uuid(),
  name: fc.constantFrom(
    "Fortified drink",
    "Cereal",
    "Liver",
    "Seaweed, dried",
    "Energy drink, can",
    "Cheese",
  ),
  diet: fc.constantFrom<Diet>(...DIETS),
  groupCode: fc.constantFrom(null, "0100", "0800", "1400", "1600"),
  source: fc.constantFrom<CandidateFood["source"]>("usda", "curated", "custom"),
  b12PerHundredGrams: fc.double({ min: 0.01, max: 100, noNaN: true }),
  crystallineShare: fc.double({ min: 0, max: 1, noNaN: true }),
  fortified: fc.boolean(),
  typicalLabelValue: fc.boolean(),
  portion: fc.option(
    fc.record({
      id: fc.uuid(),
      label: fc.constant("1 cup"),
      grams: fc.double({ min: 5, max: 400, noNaN: true }),
    }),
    { nil: null },
  ),
});

const person = fc.record({
  diet: fc.constantFrom<Diet>(...DIETS),
  ageYears: fc.constantFrom(2, 30, 55, 80),
  pregnant: fc.boolean(),
  breastfeeding: fc.constant(false),
  conditions: fc.constantFrom(
    [],
    ["metformin"] as const,
    ["no-intrinsic-factor"] as const,
    ["acid-reducers"] as const,
  ),
});

function plan(entries: TotalsEntryInput[], target = 2.4) {
  return calculatePlanTotals({ dayCount: 7, entries, targetMicrograms: target });
}

describe("suggestions", () => {
  it("never offer a food that breaks the diet, an unreliable source or a non-everyday drink", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 25 }), person, (candidates, profile) => {
        const absorption = absorptionProfile(profile);
        const totals = calculatePlanTotals({
          dayCount: 7,
          entries: [],
          targetMicrograms: 2.4,
          absorption,
        });
        const result = suggestForPlan(totals, absorption, profile, candidates);
        const byId = new Map(candidates.map((food) => [food.foodId, food]));
        const offered = [
          ...result.foods,
          ...result.regimens.flatMap((regimen) => (regimen.food ? [regimen.food] : [])),
        ];
        for (const food of offered) {
          const source = byId.get(food.foodId);
          expect(source && fitsDiet(source.diet, profile.diet)).toBe(true);
          expect(source && isSuggestible(source, profile.ageYears)).toBe(true);
          expect(food.averageAbsorbedAfter).toBeGreaterThanOrEqual(
            result.absorbedTargetMicrograms ?? 0,
          );
          expect(new Set(food.meals).size).toBe(food.meals.length);
        }
        if (profile.ageYears < 18) {
          expect(
            result.regimens.filter(
              (regimen) => regimen.supplement !== null && absorption.intrinsicFactor,
            ),
          ).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same input gives the same answer whatever the candidates' order", () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { minLength: 1, maxLength: 15 }),
        person,
        (candidates, profile) => {
          const absorption = absorptionProfile(profile);
          const totals = calculatePlanTotals({
            dayCount: 7,
            entries: [],
            targetMicrograms: 2.4,
            absorption,
          });
          const forward = suggestForPlan(totals, absorption, profile, candidates);
          const backward = suggestForPlan(totals, absorption, profile, [...candidates].reverse());
          expect(backward.foods.map((food) => food.foodId).sort()).toEqual(
            forward.foods.map((food) => food.foodId).sort(),
          );
          expect(backward.regimens.map((regimen) => regimen.kind)).toEqual(
            forward.regimens.map((regimen) => regimen.kind),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("pushes nothing when the plan meets both targets", () => {
    const entries = [1, 2, 3, 4, 5, 6, 7].flatMap((day) =>
      (["breakfast", "dinner"] as const).map((meal) => ({
        id: `${day}${meal}`,
        day,
        meal,
        foodId: "drink",
        foodName: "Fortified drink",
        grams: 100,
        b12PerHundredGrams: 2,
        crystallineShare: 1,
      })),
    );
    const result = suggestForPlan(
      plan(entries),
      NORMAL_ABSORPTION,
      { diet: "vegan", ageYears: 30, pregnant: false, breastfeeding: false, conditions: [] },
      [],
    );
    expect(result.status).toBe("meets");
    expect(result.regimens).toEqual([]);
  });

  it("puts portions in the emptiest meals first, breakfast and dinner on ties", () => {
    expect(mealsForPortions(plan([]), 2)).toEqual(["breakfast", "dinner"]);
    const lunchless = plan([
      {
        id: "a",
        day: 1,
        meal: "breakfast",
        foodId: "x",
        foodName: "x",
        grams: 100,
        b12PerHundredGrams: 1,
      },
    ]);
    expect(mealsForPortions(lunchless, 3)).toEqual(["dinner", "lunch", "snack"]);
  });

  it("leaves out algae, tempeh, energy drinks and sweets; baby foods only for small children", () => {
    expect(isSuggestible({ name: "Seaweed, spirulina, dried", groupCode: "1100" }, 30)).toBe(false);
    expect(isSuggestible({ name: "Tempeh", groupCode: "1600" }, 30)).toBe(false);
    expect(
      isSuggestible({ name: "Beverages, Energy drink, RED BULL", groupCode: "1400" }, 30),
    ).toBe(false);
    expect(isSuggestible({ name: "Candies, fortified", groupCode: "1900" }, 30)).toBe(false);
    expect(isSuggestible({ name: "Babyfood, cereal, fortified", groupCode: "0300" }, 30)).toBe(
      false,
    );
    expect(isSuggestible({ name: "Babyfood, cereal, fortified", groupCode: "0300" }, 2)).toBe(true);
    expect(isSuggestible({ name: "Soymilk, fortified", groupCode: "1600" }, 30)).toBe(true);
  });
});

describe("suggestions judge an addition as plans.totals will count it", () => {
  const adult = {
    diet: "vegan" as const,
    ageYears: 30,
    pregnant: false,
    breastfeeding: false,
    conditions: [],
  };
  const absorption = absorptionProfile(adult);
  /** 1 µg every other day from day 1, with a meal or on its own (null). */
  const everyOtherDay = (withMeal: "breakfast" | null) => ({
    id: "p",
    doseMicrograms: 1,
    withMeal,
    everyNDays: 2,
    firstDay: 1,
    weekdays: null,
  });

  it("counts a periodic tablet already taken at the sitting the dose joins", () => {
    // 1 µg every other day on its own; target 4 µg (absorbed target 3 × absorbed(4/3) µg,
    // 1.81 µg). 25 µg a day joins the tablet's occasion on half the days:
    // (absorbed(25) + absorbed(26)) / 2 = 1.64 µg, short; 50 µg gives
    // (absorbed(50) + absorbed(51)) / 2 = 1.95 µg, which meets.
    const totals = calculatePlanTotals({
      dayCount: 2,
      entries: [],
      targetMicrograms: 4,
      absorption,
      supplements: [everyOtherDay(null)],
    });
    const daily = suggestForPlan(totals, absorption, adult, []).regimens.find(
      (regimen) => regimen.kind === "daily-supplement",
    );
    expect(daily?.supplement?.doseMicrograms).toBe(50);
    expect(daily?.averageAbsorbedAfter).toBeCloseTo(
      (absorbedFromDose(50) + absorbedFromDose(51)) / 2,
      12,
    );
  });

  it("counts what the person eats of a portion (their portion factor)", () => {
    // Half portions of a fortified drink of 2.5 µg per 100 g: 1.25 µg a meal. Two plan
    // portions give 2 × absorbed(1.25) = 1.16 µg, under the adult's 1.28 µg; three give 1.74.
    const totals = calculatePlanTotals({
      dayCount: 1,
      entries: [],
      targetMicrograms: 2.4,
      absorption,
      portionFactor: 0.5,
    });
    const drink = {
      foodId: "drink",
      name: "Fortified soy drink",
      diet: "vegan" as const,
      groupCode: "1600",
      source: "usda" as const,
      b12PerHundredGrams: 2.5,
      crystallineShare: 1,
      fortified: true,
      typicalLabelValue: false,
      portion: null,
    };
    const [food] = suggestForPlan(totals, absorption, adult, [drink]).foods;
    expect(food?.portionsPerDay).toBe(3);
    expect(food?.b12PerPortionMicrograms).toBe(2.5);
    expect(food?.eatenPerPortionMicrograms).toBe(1.25);
    expect(food?.averageAbsorbedAfter).toBeCloseTo(3 * absorbedFromDose(1.25), 12);
    expect(food?.averageIntakeAfter).toBeCloseTo(3.75, 12);
    expect(food?.explanation).toMatch(
      /Eaten at 0\.5 × the plan's amounts, each portion gives 1\.25 µg\./,
    );
  });

  it("a recipe goes to a meal without a periodic tablet, judged at the person's share", () => {
    // Half portions; 1 µg every other day with breakfast (absorbed(1) = 0.5 µg on half the
    // days: 0.25 µg a day). Dinner is the emptiest meal. Half a serving of a 2 µg recipe
    // is 1 µg there: absorbed(1) = 0.5 µg more, 0.75 µg a day; intake 0.5 + 1 = 1.5 µg.
    const totals = calculatePlanTotals({
      dayCount: 1,
      entries: [],
      targetMicrograms: 2.4,
      absorption,
      portionFactor: 0.5,
      supplements: [everyOtherDay("breakfast")],
    });
    const [porridge] = suggestRecipes(totals, absorption, adult, [
      {
        recipeId: "porridge",
        name: "Fortified porridge",
        diet: "vegan",
        perServingMicrograms: 2,
        crystallinePerServingMicrograms: 2,
        complete: true,
        dietComplete: true,
        b12FoodNames: ["Fortified oat drink"],
      },
    ]);
    expect(porridge?.meal).toBe("dinner");
    expect(porridge?.averageAbsorbedAfter).toBeCloseTo(0.75, 12);
    expect(porridge?.averageIntakeAfter).toBeCloseTo(1.5, 12);
    expect(porridge?.closesGap).toBe(false);
    expect(porridge?.explanation).toContain(
      "Eaten at 0.5 × the plan's amounts, a serving gives 1 µg.",
    );
  });

  it("adding a regimen never lowers the estimate, even past the longest cycle read", () => {
    // Every 89 and every 71 days: a 6,319-day cycle, longer than the calendar read.
    const every = (id: string, doseMicrograms: number, everyNDays: number, firstDay: number) => ({
      id,
      doseMicrograms,
      withMeal: null,
      everyNDays,
      firstDay,
      weekdays: null,
    });
    const base = { dayCount: 2, entries: [], targetMicrograms: 2.4, absorption };
    const alone = calculatePlanTotals({ ...base, supplements: [every("a", 2000, 89, 1)] });
    const withMore = calculatePlanTotals({
      ...base,
      supplements: [every("a", 2000, 89, 1), every("b", 0.1, 71, 2)],
    });
    expect(withMore.averageAbsorbedB12Micrograms).toBeGreaterThan(
      alone.averageAbsorbedB12Micrograms,
    );
    // 89 and 71 share no factor: the two fall together independently, each at exactly 1/N.
    const pattern = regimenPattern([every("a", 2000, 89, 1), every("b", 0.1, 71, 2)], null);
    expect(pattern.shareById.get("a")).toBe(1 / 89);
    expect(pattern.shareById.get("b")).toBe(1 / 71);
    const both = pattern.sets.find((set) => set.members.length === 2);
    expect(both?.share).toBeCloseTo(1 / (89 * 71), 15);
  });
});
