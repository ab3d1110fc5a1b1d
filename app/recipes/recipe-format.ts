/** Reading helpers for recipes: servings and a parsed amount as a person writes them. */

/** 4 → "4 servings", 1 → "1 serving", 2.5 → "2.5 servings". */
export function formatServings(servings: number): string {
  const shown = Number(servings.toFixed(2));
  return `${shown} ${shown === 1 ? "serving" : "servings"}`;
}

/** A number as typed in a recipe: 0.5 → "0.5", 1.3333 → "1.33". */
export function formatQuantity(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** The amount the parser read from a line: "2–3 cup", "200 g", "" when none. */
export function describeParsedAmount(line: {
  quantity: number | null;
  quantityMax?: number | null;
  unit: string | null;
}): string {
  if (line.quantity === null) return line.unit ?? "";
  const range =
    line.quantityMax != null && line.quantityMax !== line.quantity
      ? `${formatQuantity(line.quantity)}–${formatQuantity(line.quantityMax)}`
      : formatQuantity(line.quantity);
  return line.unit ? `${range} ${line.unit}` : range;
}
