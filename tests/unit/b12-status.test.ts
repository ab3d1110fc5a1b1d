/**
 * The one verdict (server/domain/b12-status.ts) as plans.totals computes it: the cases the
 * issue names, written out by hand, and properties over every standard and life stage.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeDayChart, toDayBars } from "@/app/plans/[planId]/_charts/chart-data";
import { absorptionProfile, NORMAL_ABSORPTION } from "@/server/domain/absorption";
import { explainStatus, judgeB12 } from "@/server/domain/b12-status";
import {
  calculatePlanTotals,
  type TotalsEntryInput,
  type TotalsSupplementInput,
} from "@/server/domain/plan-totals";
import { suggestForPlan } from "@/server/domain/suggestions";
import { B12_INTAKES, REFERENCE_STANDARDS } from "@/server/domain/targets";

type Meal = TotalsEntryInput["meal"];

function entry(day: number, meal: Meal, micrograms: number, crystalline = 0): TotalsEntryInput {
  return {
    id: `${day}-${meal}-${micrograms}`,
    day,
    meal,
    foodId: `food-${micrograms}`,
    foodName: "Food",
    grams: 100,
    b12PerHundredGrams: micrograms,
    crystallineShare: crystalline,
  };
}

function supplement(dose: number, everyNDays: number): TotalsSupplementInput {
  return {
    id: `s${dose}`,
    doseMicrograms: dose,
    withMeal: null,
    everyNDays,
    firstDay: 1,
    weekdays: null,
  };
}

/** Every figure a standard sets, with its life stage (the target table, pregnancy, breastfeeding). */
const STANDARD_TARGETS = REFERENCE_STANDARDS.flatMap((standard) => {
  const intakes = B12_INTAKES[standard];
  return [
    ...intakes.bands.map((band) => ({
      standard,
      stage: band.lifeStage,
      micrograms: band.micrograms,
    })),
    { standard, stage: "Pregnancy", micrograms: intakes.pregnancy.micrograms },
    { standard, stage: "Breastfeeding", micrograms: intakes.breastfeeding.micrograms },
  ].filter(
    (item): item is { standard: typeof standard; stage: string; micrograms: number } =>
      item.micrograms !== null,
  );
});

function spreadOverThreeMeals(target: number, dayCount = 1): TotalsEntryInput[] {
  return Array.from({ length: dayCount }, (_, index) =>
    (["breakfast", "lunch", "dinner"] as const).map((meal) => entry(index + 1, meal, target / 3)),
  ).flat();
}

describe("the recommended intake spread over three meals meets", () => {
  it.each(STANDARD_TARGETS)("$standard, $stage ($micrograms µg)", ({ micrograms }) => {
    for (const absorption of [
      NORMAL_ABSORPTION,
      absorptionProfile({ ageYears: 68, conditions: [] }),
      absorptionProfile({ ageYears: 40, conditions: ["acid-reducers", "metformin"] }),
    ]) {
      const totals = calculatePlanTotals({
        dayCount: 1,
        entries: spreadOverThreeMeals(micrograms),
        targetMicrograms: micrograms,
        absorption,
      });
      expect(totals.status).toBe("meets");
      expect(totals.days[0]?.status).toBe("meets");
    }
  });

  it("covers all four standards, 8 to 10 life stages each", () => {
    expect(STANDARD_TARGETS).toHaveLength(9 + 9 + 10 + 9);
  });
});

describe("the Vegan Society's three options for an adult", () => {
  const options = {
    "fortified foods twice a day, 3 µg": {
      entries: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
        entry(day, "breakfast", 1.5, 1),
        entry(day, "dinner", 1.5, 1),
      ]),
      supplements: [],
    },
    "fortified foods three times a day, 3 µg": {
      entries: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
        entry(day, "breakfast", 1, 1),
        entry(day, "lunch", 1, 1),
        entry(day, "dinner", 1, 1),
      ]),
      supplements: [],
    },
    "10 µg daily": { entries: [], supplements: [supplement(10, 1)] },
    "2,000 µg weekly": { entries: [], supplements: [supplement(2000, 7)] },
  };
  for (const [name, option] of Object.entries(options)) {
    it(`${name} meets under NIH/IOM (2.4 µg) and UK (1.5 µg)`, () => {
      for (const targetMicrograms of [2.4, 1.5]) {
        const totals = calculatePlanTotals({ dayCount: 7, targetMicrograms, ...option });
        expect(totals.status).toBe("meets");
        expect(totals.days.every((day) => day.status === "meets")).toBe(true);
      }
    });
  }

  it("under EFSA (4 µg, absorbed target 1.81 µg) 10 and 25 µg a day are short, 50 µg meets", () => {
    const judge = (dose: number) =>
      calculatePlanTotals({
        dayCount: 7,
        entries: [],
        targetMicrograms: 4,
        supplements: [supplement(dose, 1)],
      }).status;
    // absorbedFromDose(10) = 1.34, (25) = 1.64, (50) = 1.94 µg
    expect([judge(10), judge(25), judge(50)]).toEqual(["short", "short", "meets"]);
  });
});

describe("the personas of the issue", () => {
  it("a healthy 68-year-old eating eggs, milk, salmon and beef (6 µg) meets, with a low end", () => {
    const days = [1, 2, 3].flatMap((day) => [
      entry(day, "breakfast", 0.5), // egg, 1 large (NIH ODS)
      entry(day, "breakfast", 1.3), // milk 2%, 1 cup (NIH ODS)
      entry(day, "lunch", 2.6), // salmon, 3 oz
      entry(day, "dinner", 1.6), // beef
    ]);
    const totals = calculatePlanTotals({
      dayCount: 3,
      entries: days,
      targetMicrograms: 2.4,
      absorption: absorptionProfile({ ageYears: 68, conditions: [] }),
    });
    expect(totals.averageB12Micrograms).toBeCloseTo(6, 9);
    // 1.8 at breakfast → 0.7173, 2.6 → 0.8627, 1.6 → 0.6715: 2.2515 µg, not 0.
    expect(totals.averageAbsorbedB12Micrograms).toBeCloseTo(2.2515, 3);
    expect(totals.averageAbsorbedLowB12Micrograms).toBe(0);
    expect(totals.status).toBe("meets");
    expect(totals.lowEndReason).toContain("10-30% of people over 50");
  });

  it("a vegan with one cup of fortified soy milk (2.6 µg) in one meal is short, and told why", () => {
    const totals = calculatePlanTotals({
      dayCount: 1,
      entries: [entry(1, "breakfast", 2.6, 1)],
      targetMicrograms: 2.4,
    });
    expect(totals.meetsTarget).toBe(true); // 108% of 2.4 µg eaten…
    expect(totals.days[0]?.status).toBe("short"); // …but one sitting: 0.86 of 1.28 µg absorbed
    expect(totals.status).toBe("short");
    expect(totals.days[0]?.statusReason).toBe(
      "2.6 µg at breakfast: the body takes up only about 0.86 µg of it at once, so about 0.86 µg is absorbed a day where about 1.28 µg is needed. Spread it over more meals, or add a fortified food or a supplement.",
    );
    expect(totals.statusReason).toBe(totals.days[0]?.statusReason);
  });

  it("an EFSA adult eating exactly 4 µg over three meals meets", () => {
    const totals = calculatePlanTotals({
      dayCount: 7,
      entries: spreadOverThreeMeals(4, 7),
      targetMicrograms: 4,
    });
    expect(totals.absorbedTargetMicrograms).toBeCloseTo(1.8075, 4);
    expect(totals.status).toBe("meets");
  });

  it.each([3, 7, 28])("weekly 2,000 µg gives the same figures on a %i-day plan", (dayCount) => {
    const totals = calculatePlanTotals({
      dayCount,
      entries: [],
      targetMicrograms: 2.4,
      supplements: [supplement(2000, 7)],
    });
    const [regimen] = totals.regimens;
    expect(regimen?.absorbedPerDoseMicrograms).toBeCloseTo(21.4985, 3);
    expect(regimen?.averageAbsorbedMicrograms).toBeCloseTo(3.0712, 3);
    expect(regimen?.averageIntakeMicrograms).toBeCloseTo(285.714, 2);
    expect(totals.averageAbsorbedB12Micrograms).toBeCloseTo(3.0712, 3);
    expect(totals.status).toBe("meets");
  });
});

describe("judgeB12 and explainStatus", () => {
  const base = { targetMicrograms: 2.4, absorbedTargetMicrograms: 1.2822 };
  it("needs both intake and absorbed", () => {
    expect(judgeB12({ ...base, intakeMicrograms: 2.4, absorbedMicrograms: 1.2822 })).toBe("meets");
    expect(judgeB12({ ...base, intakeMicrograms: 2.39, absorbedMicrograms: 5 })).toBe("short");
    expect(judgeB12({ ...base, intakeMicrograms: 100, absorbedMicrograms: 1.28 })).toBe("short");
    expect(
      judgeB12({
        intakeMicrograms: 1,
        absorbedMicrograms: 1,
        targetMicrograms: null,
        absorbedTargetMicrograms: null,
      }),
    ).toBe("no-target");
  });
  it("forgives floating-point dust but nothing more", () => {
    expect(judgeB12({ ...base, intakeMicrograms: 0.8 + 0.8 + 0.8, absorbedMicrograms: 2 })).toBe(
      "meets",
    );
    expect(judgeB12({ ...base, intakeMicrograms: 2.3999, absorbedMicrograms: 2 })).toBe("short");
  });
  it("says when too little is eaten", () => {
    expect(
      explainStatus({
        ...base,
        status: "short",
        intakeMicrograms: 1,
        absorbedMicrograms: 0.5,
        largest: null,
        intrinsicFactor: true,
        period: "a day on average",
      }),
    ).toBe("1 µg a day on average is below the 2.4 µg recommended for you.");
  });
  it("says nothing more when it meets", () => {
    expect(
      explainStatus({
        ...base,
        status: "meets",
        intakeMicrograms: 3,
        absorbedMicrograms: 1.5,
        largest: null,
        intrinsicFactor: true,
        period: "a day",
      }),
    ).toBeNull();
  });
});

describe("properties over random plans", () => {
  const meal = fc.constantFrom<Meal>("breakfast", "lunch", "dinner", "snack");
  const plans = fc.integer({ min: 1, max: 10 }).chain((dayCount) =>
    fc.record({
      dayCount: fc.constant(dayCount),
      targetMicrograms: fc.constantFrom(...STANDARD_TARGETS.map((item) => item.micrograms)),
      absorption: fc.constantFrom(
        NORMAL_ABSORPTION,
        absorptionProfile({ ageYears: 70, conditions: [] }),
        absorptionProfile({ ageYears: 40, conditions: ["no-intrinsic-factor"] }),
      ),
      entries: fc.uniqueArray(
        fc.record({
          id: fc.uuid(),
          day: fc.integer({ min: 1, max: dayCount }),
          meal,
          foodId: fc.constantFrom("a", "b"),
          foodName: fc.constant("food"),
          grams: fc.double({ min: 1, max: 500, noNaN: true }),
          b12PerHundredGrams: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
          crystallineShare: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { maxLength: 20, selector: (entry) => entry.id },
      ),
      supplements: fc.uniqueArray(
        fc.record({
          id: fc.uuid(),
          doseMicrograms: fc.constantFrom(1, 10, 250, 2000),
          withMeal: fc.option(meal, { nil: null }),
          everyNDays: fc.constantFrom(1, 2, 7),
          firstDay: fc.constant(1),
          weekdays: fc.constant(null),
        }),
        // Unique ids, as in the database (primary keys).
        { maxLength: 2, selector: (supplement) => supplement.id },
      ),
    }),
  );

  it("doubling a day's intake never turns its 'meets' into 'short'", () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 1, max: 10 }), (plan, pick) => {
        const day = ((pick - 1) % plan.dayCount) + 1;
        const before = calculatePlanTotals(plan);
        const doubled = calculatePlanTotals({
          ...plan,
          entries: plan.entries.map((item) =>
            item.day === day ? { ...item, grams: item.grams * 2 } : item,
          ),
        });
        if (before.days[day - 1]?.status === "meets")
          expect(doubled.days[day - 1]?.status).toBe("meets");
        if (before.status === "meets") expect(doubled.status).toBe("meets");
      }),
    );
  });

  it("doubling everything, supplements included, never turns the plan's 'meets' into 'short'", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const before = calculatePlanTotals(plan);
        const doubled = calculatePlanTotals({
          ...plan,
          entries: plan.entries.map((item) => ({ ...item, grams: item.grams * 2 })),
          supplements: plan.supplements.map((item) => ({
            ...item,
            doseMicrograms: item.doseMicrograms * 2,
          })),
        });
        if (before.status === "meets") expect(doubled.status).toBe("meets");
      }),
    );
  });

  it("every status is the one rule applied to the figures shown beside it", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const totals = calculatePlanTotals(plan);
        for (const day of [
          ...totals.days,
          {
            ...totals,
            b12Micrograms: totals.averageB12Micrograms,
            absorbedB12Micrograms: totals.averageAbsorbedB12Micrograms,
          },
        ]) {
          const meets =
            day.b12Micrograms >= plan.targetMicrograms * (1 - 1e-9) &&
            day.absorbedB12Micrograms >= (totals.absorbedTargetMicrograms ?? 0) * (1 - 1e-9);
          expect(day.status).toBe(meets ? "meets" : "short");
          expect(day.status === "short").toBe(day.statusReason !== null);
        }
      }),
    );
  });

  it("plans.totals, plans.suggestions and the chart tables give the same status", () => {
    const person = fc.record({
      diet: fc.constantFrom("vegan" as const, "vegetarian" as const, "omnivore" as const),
      ageYears: fc.constantFrom(30, 70),
      pregnant: fc.constant(false),
      breastfeeding: fc.constant(false),
      conditions: fc.constant([] as const),
    });
    fc.assert(
      fc.property(plans, person, (plan, profile) => {
        const totals = calculatePlanTotals(plan);
        const suggestions = suggestForPlan(totals, plan.absorption, profile, []);
        expect(suggestions.status).toBe(totals.status);
        expect(suggestions.statusReason).toBe(totals.statusReason);
        const bars = toDayBars({
          ...totals,
          days: totals.days.map((day) => ({ ...day, date: null })),
        });
        expect(bars.map((bar) => bar.status)).toEqual(totals.days.map((day) => day.status));
        expect(bars.map((bar) => bar.shortfall)).toEqual(
          totals.days.map((day) => day.status === "short"),
        );
        const words = describeDayChart({
          ...totals,
          days: totals.days.map((day) => ({ ...day, date: null })),
        });
        expect(
          words.endsWith(totals.status === "meets" ? "gives enough B12." : "is short of B12."),
        ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
