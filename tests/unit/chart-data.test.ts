import { describe, expect, it } from "vitest";
import {
  type ChartDay,
  dayBarMarker,
  dayChartAxisMax,
  describeDayChart,
  describeFoodShare,
  drawnBar,
  formatMicrogramsForChart,
  formatPlanDayLabel,
  formatShareForChart,
  MEAL_LABELS,
  OTHER_FOODS_LABEL,
  type TotalsForCharts,
  toDayBars,
  toFoodSlices,
} from "@/app/plans/[planId]/_charts/chart-data";

function food(foodId: string, foodName: string, b12Micrograms: number, share: number) {
  return { foodId, foodName, b12Micrograms, share };
}

function makeDay(overrides: Partial<ChartDay> & { day: number }): ChartDay {
  return {
    date: null,
    b12Micrograms: 0,
    supplementB12Micrograms: 0,
    absorbedB12Micrograms: 0,
    absorbedFromSupplementsMicrograms: 0,
    complete: true,
    unknownEntries: 0,
    meetsTarget: null,
    status:
      overrides.meetsTarget === true
        ? "meets"
        : overrides.meetsTarget === false
          ? "short"
          : "no-target",
    meals: [
      { meal: "breakfast", b12Micrograms: 0 },
      { meal: "lunch", b12Micrograms: 0 },
      { meal: "dinner", b12Micrograms: 0 },
      { meal: "snack", b12Micrograms: 0 },
    ],
    foods: [],
    // As the server derives them: intake from foods, absorbed from foods.
    foodB12Micrograms: (overrides.b12Micrograms ?? 0) - (overrides.supplementB12Micrograms ?? 0),
    absorbedFromFoodMicrograms:
      (overrides.absorbedB12Micrograms ?? 0) - (overrides.absorbedFromSupplementsMicrograms ?? 0),
    ...overrides,
  };
}

const absorbedDefaults = {
  absorbedTargetMicrograms: 1.2,
  averageAbsorbedB12Micrograms: 0,
  meetsAbsorbedTarget: false,
  status: "short" as const,
};

const totals: TotalsForCharts = {
  ...absorbedDefaults,
  targetMicrograms: 2.4,
  days: [
    makeDay({
      day: 1,
      date: "2026-01-30",
      b12Micrograms: 3.1,
      meetsTarget: true,
      meals: [
        { meal: "breakfast", b12Micrograms: 1.2 },
        { meal: "lunch", b12Micrograms: 0 },
        { meal: "dinner", b12Micrograms: 1.5 },
        { meal: "snack", b12Micrograms: 0.4 },
      ],
    }),
    makeDay({
      day: 2,
      date: "2026-01-31",
      b12Micrograms: 0.6,
      meetsTarget: false,
      complete: false,
      unknownEntries: 1,
      meals: [
        { meal: "breakfast", b12Micrograms: 0.6 },
        { meal: "lunch", b12Micrograms: 0 },
        { meal: "dinner", b12Micrograms: 0 },
        { meal: "snack", b12Micrograms: 0 },
      ],
    }),
    makeDay({ day: 3, date: "2026-02-01", b12Micrograms: 0, meetsTarget: false }),
  ],
};

describe("formatPlanDayLabel", () => {
  it("formats dated days in UTC across a month end", () => {
    expect(formatPlanDayLabel(1, "2026-01-31")).toBe("Sat 31 Jan");
    expect(formatPlanDayLabel(2, "2026-02-01")).toBe("Sun 1 Feb");
    expect(formatPlanDayLabel(7, "2026-12-07")).toBe("Mon 7 Dec");
  });

  it("falls back to the day number for undated plans", () => {
    expect(formatPlanDayLabel(3, null)).toBe("Day 3");
  });
});

describe("toDayBars", () => {
  const bars = toDayBars(totals);

  it("makes one bar per day with labels and meal values", () => {
    expect(bars.map((bar) => bar.label)).toEqual(["Fri 30 Jan", "Sat 31 Jan", "Sun 1 Feb"]);
    expect(bars[0]).toEqual({
      day: 1,
      label: "Fri 30 Jan",
      breakfast: 1.2,
      lunch: 0,
      dinner: 1.5,
      snack: 0.4,
      supplements: 0,
      total: 3.1,
      absorbedFood: 0,
      absorbedSupplements: 0,
      absorbed: 0,
      complete: true,
      shortfall: false,
      status: "meets",
    });
  });

  it("flags shortfall and incomplete days", () => {
    expect(bars.map((bar) => bar.shortfall)).toEqual([false, true, true]);
    expect(bars.map((bar) => bar.complete)).toEqual([true, false, true]);
    expect(bars.map(dayBarMarker)).toEqual(["", "▼ *", "▼"]);
  });

  it("never flags a shortfall without a target", () => {
    const noTarget = toDayBars({
      ...absorbedDefaults,
      targetMicrograms: null,
      days: [makeDay({ day: 1, meetsTarget: null, complete: false, unknownEntries: 2 })],
    });
    expect(noTarget[0]?.shortfall).toBe(false);
    expect(noTarget[0]?.label).toBe("Day 1");
    expect(noTarget[0] && dayBarMarker(noTarget[0])).toBe("*");
  });

  it("treats a missing meal as 0 µg", () => {
    const [bar] = toDayBars({
      ...absorbedDefaults,
      targetMicrograms: 2.4,
      days: [makeDay({ day: 1, b12Micrograms: 1, meals: [{ meal: "lunch", b12Micrograms: 1 }] })],
    });
    expect(bar).toMatchObject({ breakfast: 0, lunch: 1, dinner: 0, snack: 0, total: 1 });
  });

  it("labels the meals", () => {
    expect(MEAL_LABELS).toEqual({
      breakfast: "Breakfast",
      lunch: "Lunch",
      dinner: "Dinner",
      snack: "Snacks",
    });
  });
});

describe("toFoodSlices", () => {
  const manyFoods = makeDay({
    day: 1,
    b12Micrograms: 10,
    foods: [
      food("g", "Milk", 0.5, 0.05),
      food("a", "Salmon", 4, 0.4),
      food("c", "Eggs", 1.5, 0.15),
      food("b", "Tuna", 2, 0.2),
      food("e", "Cheese", 0.8, 0.08),
      food("d", "Yogurt", 1, 0.1),
      food("f", "Fortified cereal", 0.2, 0.02),
      food("h", "Bread", 0, 0),
    ],
  });

  it("sorts largest first and merges beyond maxSlices - 1 foods into Other foods", () => {
    const slices = toFoodSlices(manyFoods);
    expect(slices).toHaveLength(6);
    expect(slices.map((slice) => slice.name)).toEqual([
      "Salmon",
      "Tuna",
      "Eggs",
      "Yogurt",
      "Cheese",
      OTHER_FOODS_LABEL,
    ]);
    const other = slices[5];
    expect(other?.b12Micrograms).toBeCloseTo(0.7);
    expect(other?.share).toBeCloseTo(0.07);
    const shareSum = slices.reduce((sum, slice) => sum + slice.share, 0);
    expect(shareSum).toBeCloseTo(1);
  });

  it("honours a smaller maxSlices", () => {
    const slices = toFoodSlices(manyFoods, 3);
    expect(slices.map((slice) => slice.name)).toEqual(["Salmon", "Tuna", OTHER_FOODS_LABEL]);
    expect(slices[2]?.b12Micrograms).toBeCloseTo(4);
  });

  it("does not merge when the foods fit, and leaves out foods with 0 µg", () => {
    const day = makeDay({
      day: 1,
      b12Micrograms: 3,
      foods: [food("b", "Eggs", 1, 1 / 3), food("a", "Milk", 2, 2 / 3), food("z", "Rice", 0, 0)],
    });
    expect(toFoodSlices(day)).toEqual([
      { name: "Milk", b12Micrograms: 2, share: 2 / 3 },
      { name: "Eggs", b12Micrograms: 1, share: 1 / 3 },
    ]);
  });

  it("returns nothing for a day without B12", () => {
    expect(toFoodSlices(makeDay({ day: 1 }))).toEqual([]);
    const onlyZero = makeDay({ day: 1, foods: [food("x", "Rice", 0, 0)] });
    expect(toFoodSlices(onlyZero)).toEqual([]);
    expect(describeFoodShare(onlyZero, "Day 1", [])).toBe("No B12 from food on Day 1 yet.");
  });
});

describe("rounding for reading", () => {
  it("reuses the app's microgram rounding", () => {
    expect(formatMicrogramsForChart(0)).toBe("0");
    expect(formatMicrogramsForChart(0.004)).toBe("<0.01");
    expect(formatMicrogramsForChart(2.0712)).toBe("2.07");
    expect(formatMicrogramsForChart(70.74)).toBe("70.7");
    expect(formatMicrogramsForChart(123.4)).toBe("123");
  });

  it("formats shares as percentages", () => {
    expect(formatShareForChart(0)).toBe("0%");
    expect(formatShareForChart(0.0004)).toBe("<0.1%");
    expect(formatShareForChart(0.0456)).toBe("4.6%");
    expect(formatShareForChart(0.6789)).toBe("68%");
    expect(formatShareForChart(1)).toBe("100%");
  });
});

describe("chart summaries", () => {
  it("describes the day chart in words", () => {
    expect(describeDayChart(totals)).toBe(
      "B12 per day, intake stacked by meal and supplements beside the estimated absorbed amount: 1 of 3 days gives enough B12 (target 2.4 µg); lowest Sun 1 Feb with 0 µg, highest Fri 30 Jan with 3.1 µg; 1 day includes foods with no B12 data, so its total is a lower bound; estimated absorbed 0 µg a day on average (absorbed target 1.2 µg); the plan is short of B12.",
    );
  });

  it("describes a plan without a target", () => {
    expect(
      describeDayChart({
        ...absorbedDefaults,
        absorbedTargetMicrograms: null,
        meetsAbsorbedTarget: null,
        status: "no-target",
        targetMicrograms: null,
        days: [makeDay({ day: 1, b12Micrograms: 1.25 })],
      }),
    ).toBe(
      "B12 per day, intake stacked by meal and supplements beside the estimated absorbed amount: 1 day; no target is set; Day 1 has 1.25 µg; estimated absorbed 0 µg a day on average.",
    );
  });

  it("describes the food shares", () => {
    const day = makeDay({
      day: 2,
      b12Micrograms: 3,
      unknownEntries: 1,
      complete: false,
      foods: [food("a", "Milk", 2, 2 / 3), food("b", "Eggs", 1, 1 / 3)],
    });
    expect(describeFoodShare(day, "Day 2", toFoodSlices(day))).toBe(
      "Share of B12 by food on Day 2: Milk 2 µg (67%), Eggs 1 µg (33%). 1 item has no B12 data and is not counted.",
    );
  });
});

describe("supplements and absorbed B12 in the day chart", () => {
  const withSupplements: TotalsForCharts = {
    targetMicrograms: 2.4,
    absorbedTargetMicrograms: 1.2,
    averageAbsorbedB12Micrograms: 3.07,
    meetsAbsorbedTarget: true,
    status: "meets",
    days: [
      makeDay({
        day: 1,
        b12Micrograms: 2000.4,
        supplementB12Micrograms: 2000,
        absorbedB12Micrograms: 21.7,
        absorbedFromSupplementsMicrograms: 21.5,
        meals: [{ meal: "breakfast", b12Micrograms: 0.4 }],
      }),
      makeDay({
        day: 2,
        b12Micrograms: 0.5,
        absorbedB12Micrograms: 0.3,
        meals: [{ meal: "lunch", b12Micrograms: 0.5 }],
      }),
    ],
  };

  it("splits each day into meals, supplements and the absorbed parts", () => {
    const [first, second] = toDayBars(withSupplements);
    expect(first).toMatchObject({
      breakfast: 0.4,
      supplements: 2000,
      total: 2000.4,
      absorbed: 21.7,
    });
    expect(first?.absorbedSupplements).toBe(21.5);
    expect(first?.absorbedFood).toBeCloseTo(0.2, 12);
    expect(second).toMatchObject({ supplements: 0, absorbedFood: 0.3, absorbedSupplements: 0 });
  });

  it("fits the axis to foods, absorbed amounts and targets, and labels cut-off bars", () => {
    const axisMax = dayChartAxisMax(withSupplements);
    // Foods 0.4 µg, targets 2.4 / 1.2, average absorbed 3.07 → 3.84 → 4.
    expect(axisMax).toBe(4);
    const [first, second] = toDayBars(withSupplements).map((bar) => drawnBar(bar, axisMax));
    expect(first).toMatchObject({ intakeClipped: "↑ 2,000", absorbedClipped: "↑ 21.7" });
    expect(first?.supplementsDrawn).toBeCloseTo(3.6, 12);
    expect(first?.absorbedSupplementsDrawn).toBeCloseTo(3.8, 12);
    expect(second).toMatchObject({ intakeClipped: "", absorbedClipped: "", supplementsDrawn: 0 });
  });

  it("says in words the plan's status, as the server gave it", () => {
    expect(describeDayChart(withSupplements)).toMatch(
      /supplements on 1 day; estimated absorbed 3\.07 µg a day on average \(absorbed target 1\.2 µg\); the plan gives enough B12\./,
    );
    expect(describeDayChart({ ...withSupplements, status: "short" })).toMatch(
      /the plan is short of B12\.$/,
    );
  });
});
