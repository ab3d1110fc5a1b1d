import { describe, expect, it } from "vitest";
import {
  describeSchedule,
  doseDays,
  isoWeekday,
  isTakenOnDay,
} from "../../server/domain/supplements";

const daily = { everyNDays: 1, firstDay: 1, weekdays: null };

describe("supplement schedules", () => {
  it("knows ISO weekdays", () => {
    expect(isoWeekday("2026-11-23")).toBe(1); // a Monday
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(isoWeekday("2024-02-29")).toBe(4);
  });

  it("picks every N days from the first day", () => {
    expect(doseDays(daily, 4, null)).toEqual([1, 2, 3, 4]);
    expect(doseDays({ everyNDays: 7, firstDay: 1, weekdays: null }, 28, null)).toEqual([
      1, 8, 15, 22,
    ]);
    expect(doseDays({ everyNDays: 3, firstDay: 2, weekdays: null }, 10, null)).toEqual([2, 5, 8]);
    expect(doseDays({ everyNDays: 7, firstDay: 9, weekdays: null }, 7, null)).toEqual([]);
  });

  it("limits dose days to a range", () => {
    expect(doseDays(daily, 10, null, 3, 5)).toEqual([3, 4, 5]);
    expect(doseDays(daily, 10, null, 0, 50)).toHaveLength(10);
  });

  it("takes weekday schedules on dated plans only", () => {
    const monThu = { everyNDays: null, firstDay: 1, weekdays: [1, 4] };
    expect(doseDays(monThu, 14, "2026-11-23")).toEqual([1, 4, 8, 11]);
    expect(doseDays(monThu, 14, null)).toEqual([]);
    expect(isTakenOnDay(monThu, 2, "2026-11-23")).toBe(false);
  });

  it("describes schedules in words", () => {
    expect(describeSchedule(daily)).toBe("Daily");
    expect(describeSchedule({ everyNDays: 7, firstDay: 1, weekdays: null })).toBe(
      "Once a week (day 1, 8, 15 …)",
    );
    expect(describeSchedule({ everyNDays: 7, firstDay: 3, weekdays: null })).toBe(
      "Once a week from day 3",
    );
    expect(describeSchedule({ everyNDays: 2, firstDay: 1, weekdays: null })).toBe("Every 2 days");
    expect(describeSchedule({ everyNDays: null, firstDay: 1, weekdays: [4, 1] })).toBe("Mon, Thu");
  });
});
