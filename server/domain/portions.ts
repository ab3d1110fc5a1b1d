/**
 * Household portions ("1 cup", "0.5 cup", "1 large") as people read them.
 */

/** "1" for 1, "0.5" for 0.5, "1.25" for 1.25: SR28 amounts without float noise. */
export function formatPortionAmount(amount: number): string {
  return String(Number(amount.toFixed(3)));
}

/** The label of an SR28 portion: amount and measure, e.g. "1 cup" or "0.5 cup, diced". */
export function formatPortionLabel(amount: number, unit: string): string {
  return `${formatPortionAmount(amount)} ${unit.trim()}`.trim();
}

/** Grams in `quantity` of a household portion weighing `portionGrams` (1.5 × 1 cup of 243 g). */
export function gramsForPortions(quantity: number, portionGrams: number): number {
  return quantity * portionGrams;
}
