import { describe, expect, it } from "vitest";
import {
  B12_DAILY_VALUE_MICROGRAMS,
  b12MicrogramsForGrams,
  labelToB12PerHundredGrams,
  percentDailyValueToMicrograms,
} from "@/server/domain/b12-amounts";
import { formatPortionLabel, gramsForPortions } from "@/server/domain/portions";

describe("B12 amounts", () => {
  it("scales per-100 g values to a portion without rounding", () => {
    expect(b12MicrogramsForGrams(0.85, 243)).toBeCloseTo(2.0655, 12);
    expect(b12MicrogramsForGrams(0, 500)).toBe(0);
  });

  it("keeps an unknown value unknown", () => {
    expect(b12MicrogramsForGrams(null, 100)).toBeNull();
  });

  it("uses the FDA 2016 Daily Values: 2.4 µg now, 6 µg before 2016", () => {
    expect(B12_DAILY_VALUE_MICROGRAMS.current).toBe(2.4);
    expect(B12_DAILY_VALUE_MICROGRAMS["pre-2016"]).toBe(6);
    expect(percentDailyValueToMicrograms(100, "current")).toBeCloseTo(2.4, 12);
    expect(percentDailyValueToMicrograms(25, "pre-2016")).toBeCloseTo(1.5, 12);
  });

  it("turns a label serving into µg per 100 g", () => {
    expect(labelToB12PerHundredGrams(240, { micrograms: 3 })).toBeCloseTo(1.25, 12);
    expect(
      labelToB12PerHundredGrams(30, { percentDailyValue: 50, labelEdition: "current" }),
    ).toBeCloseTo(4, 12);
    expect(() => labelToB12PerHundredGrams(0, { micrograms: 1 })).toThrow(RangeError);
  });

  it("turns a number of household portions into grams", () => {
    expect(gramsForPortions(1.5, 243)).toBeCloseTo(364.5, 12);
    expect(gramsForPortions(0.5, 166)).toBe(83);
  });

  it("labels SR28 portions as people read them", () => {
    expect(formatPortionLabel(1, "cup")).toBe("1 cup");
    expect(formatPortionLabel(0.5, "cup, diced")).toBe("0.5 cup, diced");
    expect(formatPortionLabel(3, "oz")).toBe("3 oz");
  });
});
