/**
 * Rounding for reading. Numbers are computed unrounded on the server; these helpers
 * only decide how many digits a person sees.
 */

/** µg of B12 for reading: 70.7, 2.07, 0.56, 0.004 → "<0.01". */
export function formatMicrograms(value: number): string {
  if (value === 0) return "0";
  if (value > 0 && value < 0.01) return "<0.01";
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toLocaleString("en-US", {
    maximumFractionDigits: digits,
  });
}

/** A µg amount with its unit, or the honest "unknown". */
export function formatB12(value: number | null): string {
  return value === null ? "unknown" : `${formatMicrograms(value)} µg`;
}

/** Grams for reading: 243 → "243 g", 28.35 → "28.4 g". */
export function formatGrams(value: number): string {
  const digits = value >= 100 ? 0 : 1;
  return `${Number(value.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits })} g`;
}

/** A nutrient value per 100 g with its unit, or "not recorded". */
export function formatNutrient(value: number | null, unit: string): string {
  if (value === null) return "not recorded";
  const digits = value >= 100 ? 0 : 1;
  return `${Number(value.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits })} ${unit}`;
}

export { DIET_LABEL } from "@/server/domain/vocabulary";
