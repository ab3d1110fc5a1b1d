/**
 * Amounts in the units people measure with, besides household portions and grams:
 * millilitres and US fluid ounces for drinks (foods with a fluid measure, so their
 * density is known), avoirdupois ounces and pounds for everything else. Pure.
 */
import {
  GRAMS_PER_OUNCE,
  GRAMS_PER_POUND,
  MILLILITRES_PER_FLUID_OUNCE,
  millilitresPerGram,
} from "./units";

export const AMOUNT_UNITS = ["ml", "fl oz", "oz", "lb"] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

type PortionMeasure = { amount: number; unit: string; grams: number };

/**
 * The units offered for a food: ml and fl oz for a drink (a fluid measure, or `drink` and a
 * plain cup: units.ts, millilitresPerGram), oz and lb for a solid.
 */
export function amountUnitsFor(
  portions: readonly PortionMeasure[],
  options: { drink?: boolean } = {},
): AmountUnit[] {
  return millilitresPerGram(portions, options) === null ? ["oz", "lb"] : ["ml", "fl oz"];
}

/**
 * Grams for `quantity` of `unit`; null when the unit does not apply to the food (a fluid
 * unit for a food whose density is not known).
 */
export function gramsForUnit(
  quantity: number,
  unit: AmountUnit,
  portions: readonly PortionMeasure[],
  options: { drink?: boolean } = {},
): number | null {
  if (unit === "oz") return quantity * GRAMS_PER_OUNCE;
  if (unit === "lb") return quantity * GRAMS_PER_POUND;
  const perGram = millilitresPerGram(portions, options);
  if (perGram === null) return null;
  const millilitres = unit === "ml" ? quantity : quantity * MILLILITRES_PER_FLUID_OUNCE;
  return millilitres / perGram;
}
