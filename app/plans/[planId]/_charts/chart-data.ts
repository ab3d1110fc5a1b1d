/**
 * Data shaping for the plan charts: pure functions, no React and no Recharts, so they are
 * unit-tested and stay out of the page's initial JS. The numbers arrive computed by the
 * server (plans.totals); nothing here adds B12 up again except merging the smallest foods
 * into "Other foods". Rounding is only for reading.
 */
import { planDayLabel } from "@/app/_lib/dates";
import { formatMicrograms } from "@/app/_lib/format";
import type { B12Status } from "@/app/_lib/status";
import { MEAL_LABELS } from "@/server/domain/vocabulary";

export type ChartMeal = "breakfast" | "lunch" | "dinner" | "snack";

export const MEAL_ORDER_FOR_CHARTS: readonly ChartMeal[] = [
  "breakfast",
  "lunch",
  "dinner",
  "snack",
];

export { MEAL_LABELS };

/** The slice of the server's plans.totals output that the charts use. */
export type TotalsForCharts = {
  targetMicrograms: number | null;
  /** What the model absorbs from the target in three equal meals; null without a target. */
  absorbedTargetMicrograms: number | null;
  averageAbsorbedB12Micrograms: number;
  meetsAbsorbedTarget: boolean | null;
  /** The plan's one status, from the server. */
  status: B12Status;
  days: {
    day: number;
    /** YYYY-MM-DD, or null for an undated plan. */
    date: string | null;
    /** Intake: foods + supplements. */
    b12Micrograms: number;
    foodB12Micrograms: number;
    supplementB12Micrograms: number;
    absorbedB12Micrograms: number;
    absorbedFromFoodMicrograms: number;
    absorbedFromSupplementsMicrograms: number;
    complete: boolean;
    unknownEntries: number;
    meetsTarget: boolean | null;
    /** The day's one status, from the server. */
    status: B12Status;
    meals: { meal: ChartMeal; b12Micrograms: number }[];
    foods: { foodId: string; foodName: string; b12Micrograms: number; share: number }[];
  }[];
};

export type ChartDay = TotalsForCharts["days"][number];

export type DayBar = {
  day: number;
  label: string;
  breakfast: number;
  lunch: number;
  dinner: number;
  snack: number;
  supplements: number;
  /** Intake: foods + supplements. */
  total: number;
  /** Estimated absorbed, split into the parts from foods and from supplements. */
  absorbedFood: number;
  absorbedSupplements: number;
  absorbed: number;
  /** false when some entry has no B12 data: the total is a lower bound. */
  complete: boolean;
  /** true when the day is below the target (never when there is no target). */
  shortfall: boolean;
  status: B12Status;
};

export type FoodSlice = { name: string; b12Micrograms: number; share: number };

export const OTHER_FOODS_LABEL = "Other foods";

/** Rounding for reading: the same rule as everywhere else in the app. */
export function formatMicrogramsForChart(value: number): string {
  return formatMicrograms(value);
}

/** A share (0-1) as a percentage for reading: 0.6789 → "68%", 0.0456 → "4.6%", 0.0004 → "<0.1%". */
export function formatShareForChart(share: number): string {
  const percent = share * 100;
  if (percent === 0) return "0%";
  if (percent > 0 && percent < 0.1) return "<0.1%";
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toFixed(1))}%`;
}

/** "Mon 7 Dec" for a dated plan day (UTC, en-GB), else "Day 3". */
export function formatPlanDayLabel(day: number, date: string | null): string {
  return planDayLabel(day, date);
}

/** One bar per plan day, its µg split by meal. */
export function toDayBars(totals: TotalsForCharts): DayBar[] {
  return totals.days.map((day) => {
    const mealValue = (meal: ChartMeal) =>
      day.meals
        .filter((item) => item.meal === meal)
        .reduce((sum, item) => sum + item.b12Micrograms, 0);
    return {
      day: day.day,
      label: formatPlanDayLabel(day.day, day.date),
      breakfast: mealValue("breakfast"),
      lunch: mealValue("lunch"),
      dinner: mealValue("dinner"),
      snack: mealValue("snack"),
      supplements: day.supplementB12Micrograms,
      total: day.b12Micrograms,
      absorbedFood: day.absorbedFromFoodMicrograms,
      absorbedSupplements: day.absorbedFromSupplementsMicrograms,
      absorbed: day.absorbedB12Micrograms,
      complete: day.complete,
      shortfall: day.status === "short",
      status: day.status,
    };
  });
}

/**
 * The top of the day chart's µg axis. Supplement doses (up to thousands of µg) would
 * flatten everything else, so the axis fits the foods, the absorbed B12 from foods, the
 * targets and the average absorbed; a taller bar is cut at the top and labelled with its
 * value (see `drawnBar`).
 */
export function dayChartAxisMax(totals: TotalsForCharts): number {
  const bars = toDayBars(totals);
  const fitted = Math.max(
    ...totals.days.map((day) => day.foodB12Micrograms),
    ...bars.map((bar) => bar.absorbedFood),
    totals.targetMicrograms ?? 0,
    totals.absorbedTargetMicrograms ?? 0,
    totals.averageAbsorbedB12Micrograms,
    0.1,
  );
  const top = fitted * 1.25;
  const step = top > 10 ? 5 : top > 2 ? 1 : 0.5;
  return Math.ceil(top / step) * step;
}

export type DrawnBar = DayBar & {
  /** The supplement parts as drawn: cut so each stack ends at the axis top. */
  supplementsDrawn: number;
  absorbedSupplementsDrawn: number;
  /** "↑ 2,000" over an intake stack that was cut, else "". */
  intakeClipped: string;
  absorbedClipped: string;
};

/** A bar as drawn on an axis that ends at `axisMax`; the true values stay on the bar. */
export function drawnBar(bar: DayBar, axisMax: number): DrawnBar {
  // The supplements' part of the stack ends at the axis top: the room above the foods'.
  const foodsTop = bar.total - bar.supplements;
  return {
    ...bar,
    supplementsDrawn: Math.max(0, Math.min(bar.supplements, axisMax - foodsTop)),
    absorbedSupplementsDrawn: Math.max(
      0,
      Math.min(bar.absorbedSupplements, axisMax - bar.absorbedFood),
    ),
    intakeClipped: bar.total > axisMax ? `↑ ${formatMicrogramsForChart(bar.total)}` : "",
    absorbedClipped: bar.absorbed > axisMax ? `↑ ${formatMicrogramsForChart(bar.absorbed)}` : "",
  };
}

/** The text marker drawn above a bar: "▼" below the target, "*" incomplete (a lower bound). */
export function dayBarMarker(bar: DayBar): string {
  return [bar.shortfall ? "▼" : "", bar.complete ? "" : "*"].filter(Boolean).join(" ");
}

/**
 * The day's foods for the share chart: largest first, beyond `maxSlices - 1` foods merged
 * into "Other foods" (placed last). Foods giving 0 µg have no share and are left out.
 */
export function toFoodSlices(day: ChartDay, maxSlices = 6): FoodSlice[] {
  const limit = Math.max(1, Math.floor(maxSlices));
  const foods = day.foods
    .filter((food) => food.b12Micrograms > 0)
    .map((food) => ({ name: food.foodName, b12Micrograms: food.b12Micrograms, share: food.share }))
    .sort((a, b) => b.b12Micrograms - a.b12Micrograms || a.name.localeCompare(b.name));
  if (foods.length <= limit) return foods;
  const kept = foods.slice(0, limit - 1);
  const rest = foods.slice(limit - 1);
  return [
    ...kept,
    {
      name: OTHER_FOODS_LABEL,
      b12Micrograms: rest.reduce((sum, food) => sum + food.b12Micrograms, 0),
      share: rest.reduce((sum, food) => sum + food.share, 0),
    },
  ];
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The words behind the day chart, for its aria-label. */
export function describeDayChart(totals: TotalsForCharts): string {
  const bars = toDayBars(totals);
  const count = bars.length;
  const parts: string[] = [];
  const target = totals.targetMicrograms;
  if (target === null) {
    parts.push(`${count} ${plural(count, "day", "days")}; no target is set`);
  } else {
    const met = totals.days.filter((day) => day.status === "meets").length;
    parts.push(
      `${met} of ${count} ${plural(count, "day", "days")} ${plural(met, "gives", "give")} enough B12 (target ${formatMicrogramsForChart(target)} µg)`,
    );
  }
  let lowest = bars[0];
  let highest = bars[0];
  for (const bar of bars) {
    if (lowest && bar.total < lowest.total) lowest = bar;
    if (highest && bar.total > highest.total) highest = bar;
  }
  if (lowest && highest && count > 1) {
    parts.push(
      `lowest ${lowest.label} with ${formatMicrogramsForChart(lowest.total)} µg, highest ${highest.label} with ${formatMicrogramsForChart(highest.total)} µg`,
    );
  } else if (lowest) {
    parts.push(`${lowest.label} has ${formatMicrogramsForChart(lowest.total)} µg`);
  }
  const incomplete = bars.filter((bar) => !bar.complete).length;
  if (incomplete > 0) {
    parts.push(
      `${incomplete} ${plural(incomplete, "day includes", "days include")} foods with no B12 data, so ${plural(incomplete, "its total is a lower bound", "their totals are lower bounds")}`,
    );
  }
  const supplementDays = bars.filter((bar) => bar.supplements > 0).length;
  if (supplementDays > 0) {
    parts.push(`supplements on ${supplementDays} ${plural(supplementDays, "day", "days")}`);
  }
  const absorbedTarget = totals.absorbedTargetMicrograms;
  const average = formatMicrogramsForChart(totals.averageAbsorbedB12Micrograms);
  parts.push(
    absorbedTarget === null
      ? `estimated absorbed ${average} µg a day on average`
      : `estimated absorbed ${average} µg a day on average (absorbed target ${formatMicrogramsForChart(absorbedTarget)} µg); the plan ${totals.status === "meets" ? "gives enough B12" : "is short of B12"}`,
  );
  return `B12 per day, intake stacked by meal and supplements beside the estimated absorbed amount: ${parts.join("; ")}.`;
}

/** The words behind the food share chart, for its aria-label. */
export function describeFoodShare(day: ChartDay, label: string, slices: FoodSlice[]): string {
  if (slices.length === 0) return `No B12 from food on ${label} yet.`;
  const list = slices
    .map(
      (slice) =>
        `${slice.name} ${formatMicrogramsForChart(slice.b12Micrograms)} µg (${formatShareForChart(slice.share)})`,
    )
    .join(", ");
  const unknown =
    day.unknownEntries > 0
      ? ` ${day.unknownEntries} ${plural(day.unknownEntries, "item has", "items have")} no B12 data and ${plural(day.unknownEntries, "is", "are")} not counted.`
      : "";
  return `Share of B12 by food on ${label}: ${list}.${unknown}`;
}
