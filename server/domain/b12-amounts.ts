/**
 * B12 amounts of food: per 100 g to per portion, and label values to per 100 g.
 *
 * Pure functions with no rounding: numbers are rounded only where they are shown.
 * Unknown stays unknown: a food whose B12 is not known gives `null`, never 0.
 */
import type { LabelEdition as LabelEditionKey } from "./vocabulary";

/** The reference amount (µg) a label's percentage refers to, by label edition. */
export const B12_DAILY_VALUE_MICROGRAMS = {
  // FDA 2016 (81 FR 33742, 21 CFR 101.9(c)(8)(iv)): 2.4 µg for adults and children 4+.
  current: 2.4,
  // Labels before the 2016 rule used 6 µg (FDA 2016).
  "pre-2016": 6,
  // FDA 2016, 21 CFR 101.9(c)(8)(iv): infants 7-12 months 0.5 µg.
  "us-infant": 0.5,
  // FDA 2016, 21 CFR 101.9(c)(8)(iv): children 1-3 years 0.9 µg.
  "us-child-1-3": 0.9,
  // FDA 2016, 21 CFR 101.9(c)(8)(iv): pregnant and lactating women 2.8 µg.
  "us-pregnancy-lactation": 2.8,
  // Regulation (EU) No 1169/2011, Annex XIII: Nutrient Reference Value 2.5 µg ("%NRV";
  // "%RI" on UK packs, which keep the same value).
  "eu-nrv": 2.5,
} as const satisfies Record<LabelEditionKey, number>;

export type LabelEdition = LabelEditionKey;

/** For forms and docs: what each edition is called on a label. */
export const LABEL_EDITION_INFO: Record<LabelEdition, { label: string; hint: string }> = {
  current: {
    label: "US label, adults and children 4+ (Daily Value 2.4 µg)",
    hint: "A US Nutrition or Supplement Facts panel in the current style (bold calories line).",
  },
  "pre-2016": {
    label: "Older US label (Daily Value 6 µg)",
    hint: "A US label printed before the 2016 rule; until 2020-2021 many still used it.",
  },
  "us-infant": {
    label: "US label for infants 7-12 months (Daily Value 0.5 µg)",
    hint: "Foods for infants say “for infants” on the Nutrition Facts panel.",
  },
  "us-child-1-3": {
    label: "US label for children 1-3 years (Daily Value 0.9 µg)",
    hint: "Foods for young children say “for children 1 through 3 years”.",
  },
  "us-pregnancy-lactation": {
    label: "US label for pregnancy and breastfeeding (Daily Value 2.8 µg)",
    hint: "Prenatal supplements say “for pregnant and lactating women”.",
  },
  "eu-nrv": {
    label: "EU or UK label, %NRV or %RI (2.5 µg)",
    hint: "European and UK packs show “%NRV” (supplements) or “%RI” (foods).",
  },
};

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
