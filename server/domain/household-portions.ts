/**
 * Who a shopping list is for: the plan's eaters, each at their portion factor, plus
 * extra guests at the plan's amounts, unless a number of people was set by hand
 * (`servings`, the override). Pure: the list, its exports and the page all read the
 * multiplier and the sentence from here.
 */

export type HouseholdEater = { name: string; portionFactor: number };

export type HouseholdInput = {
  eaters: readonly HouseholdEater[];
  /** Extra people eating the plan's amounts (whole number, 0 or more). */
  guests: number;
  /** A number of people chosen by hand: replaces eaters and guests when set. */
  servings: number | null;
};

/** How many times the plan's amounts to buy: the sum of portion factors plus guests. */
export function householdPortions(input: HouseholdInput): number {
  if (input.servings !== null) return input.servings;
  return input.eaters.reduce((sum, eater) => sum + eater.portionFactor, 0) + input.guests;
}

const FRACTIONS: Record<string, string> = {
  "0.25": "¼",
  "0.5": "½",
  "0.75": "¾",
};

/** A portion factor for reading: ½, 1½, ¾, 2, 0.6 (display only). */
export function formatPortionFactor(factor: number): string {
  const whole = Math.floor(factor);
  const rest = Math.round((factor - whole) * 100) / 100;
  const glyph = FRACTIONS[String(rest)];
  if (glyph) return whole === 0 ? glyph : `${whole}${glyph}`;
  return String(Math.round(factor * 100) / 100);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "for Ana, Ben and Cleo (½) + 1 guest"; "for 3 people" when set by hand. */
export function describeHousehold(input: HouseholdInput): string {
  if (input.servings !== null) {
    return `for ${input.servings} ${input.servings === 1 ? "person" : "people"}`;
  }
  const names = input.eaters.map((eater) =>
    eater.portionFactor === 1
      ? eater.name
      : `${eater.name} (${formatPortionFactor(eater.portionFactor)})`,
  );
  const guests =
    input.guests > 0 ? `${input.guests} ${input.guests === 1 ? "guest" : "guests"}` : "";
  if (names.length === 0) return guests ? `for ${guests}` : "for nobody";
  return `for ${joinNames(names)}${guests ? ` + ${guests}` : ""}`;
}
