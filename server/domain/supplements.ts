/**
 * Supplement regimens: the catalogue of forms and common doses, and which plan days a
 * regimen is taken on. Pure; the absorption model and the shopping list both use it.
 *
 * Forms and the evidence about them: NIH ODS (sublingual forms have not been shown to
 * be absorbed better than swallowed tablets; Sharabi et al. 2003 found sublingual and
 * swallowed 500 µg/day raised serum B12 equally). Injections are prescribed by a
 * clinician (IOM 1998; NIH ODS). Compounds: cyanocobalamin (most studied, stable),
 * methylcobalamin, adenosylcobalamin, hydroxocobalamin (usually injected); NIH ODS.
 */
import { planDayDate } from "./plan-dates";

export const SUPPLEMENT_FORM_INFO = {
  tablet: { label: "Tablet or capsule", unit: "tablet", prescription: false },
  chewable: { label: "Chewable tablet", unit: "chewable tablet", prescription: false },
  sublingual: {
    label: "Sublingual (under the tongue)",
    unit: "sublingual tablet",
    prescription: false,
  },
  "spray-drops": { label: "Spray or drops", unit: "dose", prescription: false },
  injection: { label: "Injection (by prescription)", unit: "injection", prescription: true },
} as const;
export type SupplementFormKey = keyof typeof SUPPLEMENT_FORM_INFO;

export const SUPPLEMENT_COMPOUND_INFO = {
  cyanocobalamin: "Cyanocobalamin: the most studied form, stable",
  methylcobalamin: "Methylcobalamin",
  hydroxocobalamin: "Hydroxocobalamin: the usual injected form in the UK",
  adenosylcobalamin: "Adenosylcobalamin",
} as const;

/** Doses (µg) commonly sold; suggestions pick the smallest of these that is enough. */
export const COMMON_DOSES_MICROGRAMS = [10, 25, 50, 100, 250, 500, 1000, 2000, 5000] as const;

export type SupplementSchedule = {
  /** Every N days from `firstDay` (1 = daily, 7 = weekly); null when `weekdays` is used. */
  everyNDays: number | null;
  firstDay: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday), for plans with a start date; else null. */
  weekdays: number[] | null;
};

/** Whether a regimen is taken on chosen weekdays (rather than every N days). */
export function hasWeekdays<T extends SupplementSchedule>(
  schedule: T,
): schedule is T & { weekdays: number[] } {
  return schedule.weekdays !== null && schedule.weekdays.length > 0;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * Whether a regimen is taken on a plan day. A weekday schedule on an undated plan is
 * never taken (the service refuses to create one; this keeps the function total).
 */
export function isTakenOnDay(
  schedule: SupplementSchedule,
  day: number,
  startDate: string | null,
): boolean {
  if (hasWeekdays(schedule)) {
    const date = planDayDate(startDate, day);
    return date !== null && schedule.weekdays.includes(isoWeekday(date));
  }
  const every = schedule.everyNDays ?? 1;
  return day >= schedule.firstDay && (day - schedule.firstDay) % every === 0;
}

/** The plan days (1-based, ascending) within [fromDay, toDay] a regimen is taken on. */
export function doseDays(
  schedule: SupplementSchedule,
  dayCount: number,
  startDate: string | null,
  fromDay = 1,
  toDay = dayCount,
): number[] {
  const days: number[] = [];
  for (let day = Math.max(1, fromDay); day <= Math.min(dayCount, toDay); day += 1) {
    if (isTakenOnDay(schedule, day, startDate)) days.push(day);
  }
  return days;
}

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Daily", "Every 7 days from day 2", "Mon, Thu". */
export function describeSchedule(schedule: SupplementSchedule): string {
  if (hasWeekdays(schedule)) {
    return [...schedule.weekdays]
      .sort((a, b) => a - b)
      .map((day) => WEEKDAY_NAMES[day - 1])
      .join(", ");
  }
  const every = schedule.everyNDays ?? 1;
  const from = schedule.firstDay > 1 ? ` from day ${schedule.firstDay}` : "";
  if (every === 1) return `Daily${from}`;
  if (every === 7) return `Once a week${from || " (day 1, 8, 15 …)"}`;
  return `Every ${every} days${from}`;
}
