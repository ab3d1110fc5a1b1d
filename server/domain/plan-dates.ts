/** Dates of plan days. */

/** The calendar date (YYYY-MM-DD) of a plan day, or null for an undated plan. */
export function planDayDate(startDate: string | null, day: number): string | null {
  if (startDate === null) return null;
  const date = new Date(`${startDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + day - 1);
  return date.toISOString().slice(0, 10);
}
