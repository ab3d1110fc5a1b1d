/** Calendar dates for reading: "Mon 7 Dec" (UTC, so a date never shifts by time zone). */
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export function formatPlanDate(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`)).replace(",", "");
}

/** "Mon 7 Dec" for a dated plan day, else "Day 3". */
export function planDayLabel(day: number, date: string | null): string {
  return date ? formatPlanDate(date) : `Day ${day}`;
}
