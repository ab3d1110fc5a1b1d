/**
 * B12 amounts of food: per 100 g to per portion, and label values to per 100 g.
 *
 * Pure functions with no rounding: numbers are rounded only where they are shown.
 * Unknown stays unknown: a food whose B12 is not known gives `null`, never 0.
 */

/** The Daily Value a label's %DV refers to, by label edition. */
export const B12_DAILY_VALUE_MICROGRAMS = {
  // FDA 2016 (81 FR 33742, 21 CFR 101.9): 2.4 µg for adults and children 4+ on current labels.
  current: 2.4,
  // Labels before the 2016 rule used 6 µg (FDA 2016).
  "pre-2016": 6,
} as const;

export type LabelEdition = keyof typeof B12_DAILY_VALUE_MICROGRAMS;

/** B12 in `grams` of a food holding `b12PerHundredGrams` µg per 100 g; null when unknown. */
export function b12MicrogramsForGrams(
  b12PerHundredGrams: number | null,
  grams: number,
): number | null {
  if (b12PerHundredGrams === null) return null;
  return (b12PerHundredGrams * grams) / 100;
}

/** µg of B12 a label's %DV stands for: %DV × DV / 100 (FDA 2016). */
export function percentDailyValueToMicrograms(
  percentDailyValue: number,
  edition: LabelEdition,
): number {
  return (percentDailyValue * B12_DAILY_VALUE_MICROGRAMS[edition]) / 100;
}

export type LabelB12 =
  | { micrograms: number }
  | { percentDailyValue: number; labelEdition: LabelEdition };

/** µg of B12 in one label serving, whichever way the label states it. */
export function labelB12Micrograms(b12: LabelB12): number {
  if ("micrograms" in b12) return b12.micrograms;
  return percentDailyValueToMicrograms(b12.percentDailyValue, b12.labelEdition);
}

/** Converts "X µg per serving of Y g" to µg per 100 g. */
export function labelToB12PerHundredGrams(servingGrams: number, b12: LabelB12): number {
  if (!(servingGrams > 0)) throw new RangeError("servingGrams must be greater than 0");
  return (labelB12Micrograms(b12) * 100) / servingGrams;
}
