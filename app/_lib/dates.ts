/**
 * Calendar dates for reading: "Mon 7 Dec" (UTC, so a date never shifts by time zone;
 * September is "Sept", as en-GB has it since CLDR 38).
 * Spelled out by hand rather than with Intl.DateTimeFormat: building that formatter (ICU's
 * time-zone and locale data) took ~85 ms of the plan page's hydration, ~340 ms at 4× CPU.
 */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
] as const;

export function formatPlanDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** "Mon 7 Dec" for a dated plan day, else "Day 3". */
export function planDayLabel(day: number, date: string | null): string {
  return date ? formatPlanDate(date) : `Day ${day}`;
}
