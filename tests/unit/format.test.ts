import { describe, expect, it } from "vitest";
import { formatPlanDate, planDayLabel } from "@/app/_lib/dates";
import {
  formatB12,
  formatDecimal,
  formatGrams,
  formatMicrograms,
  formatNutrient,
} from "@/app/_lib/format";

/** What the helpers printed before they stopped using Intl: the reference they must match. */
function intlDecimal(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}

describe("number formatting without Intl", () => {
  it("reads like the en-US locale for hand-picked values", () => {
    expect(formatMicrograms(70.71)).toBe("70.7");
    expect(formatMicrograms(2.066)).toBe("2.07");
    expect(formatMicrograms(0.004)).toBe("<0.01");
    expect(formatMicrograms(2000)).toBe("2,000");
    expect(formatMicrograms(1234567.8)).toBe("1,234,568");
    expect(formatMicrograms(2.5)).toBe("2.5");
    expect(formatB12(null)).toBe("unknown");
    expect(formatB12(1)).toBe("1 µg");
    expect(formatGrams(28.35)).toBe("28.4 g");
    expect(formatGrams(243)).toBe("243 g");
    expect(formatGrams(1000)).toBe("1,000 g");
    expect(formatNutrient(99.96, "mg")).toBe("100 mg");
    expect(formatNutrient(null, "mg")).toBe("not recorded");
    expect(formatDecimal(-1234.5, 1)).toBe("-1,234.5");
    expect(formatDecimal(-0.001, 2)).toBe("0");
  });

  it("matches Intl's en-US output over a wide spread of values and digit counts", () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5000; i += 1) {
      const value = next() * 10 ** Math.floor(next() * 8);
      for (const digits of [0, 1, 2, 3]) {
        expect(formatDecimal(value, digits)).toBe(intlDecimal(value, digits));
      }
    }
  });
});

describe("plan dates without Intl", () => {
  it("reads every day of two years like en-GB's short weekday, day and month", () => {
    const reference = new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    for (let day = 0; day < 731; day += 1) {
      const iso = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      expect(formatPlanDate(iso)).toBe(
        reference.format(new Date(`${iso}T00:00:00Z`)).replace(",", ""),
      );
    }
    expect(formatPlanDate("2026-12-07")).toBe("Mon 7 Dec");
    expect(planDayLabel(3, null)).toBe("Day 3");
  });
});
