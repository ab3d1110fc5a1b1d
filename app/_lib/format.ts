/**
 * Rounding for reading. Numbers are computed unrounded on the server; these helpers
 * only decide how many digits a person sees.
 *
 * No Intl here: these run while the plan page hydrates, and each
 * `toLocaleString(locale, options)` builds a number formatter (the first one also loads
 * ICU's locale data) — together a few hundred ms at 4× CPU (bench/results.md, "Plan page").
 */

/** `value` with at most `digits` decimals, no trailing zeros, and thousands commas (en-US). */
export function formatDecimal(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  const negative = fixed.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? fixed.slice(1) : fixed).split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  const text = trimmed ? `${grouped}.${trimmed}` : grouped;
  return negative && text !== "0" ? `-${text}` : text;
}

/** µg of B12 for reading: 70.7, 2.07, 0.56, 0.004 → "<0.01". */
export function formatMicrograms(value: number): string {
  if (value === 0) return "0";
  if (value > 0 && value < 0.01) return "<0.01";
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return formatDecimal(value, digits);
}

/** A µg amount with its unit, or the honest "unknown". */
export function formatB12(value: number | null): string {
  return value === null ? "unknown" : `${formatMicrograms(value)} µg`;
}

/** Grams for reading: 243 → "243 g", 28.35 → "28.4 g". */
export function formatGrams(value: number): string {
  return `${formatDecimal(value, value >= 100 ? 0 : 1)} g`;
}

/** A nutrient value per 100 g with its unit, or "not recorded". */
export function formatNutrient(value: number | null, unit: string): string {
  if (value === null) return "not recorded";
  return `${formatDecimal(value, value >= 100 ? 0 : 1)} ${unit}`;
}

export { DIET_LABEL } from "@/server/domain/vocabulary";
