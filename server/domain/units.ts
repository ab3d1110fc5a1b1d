/**
 * Units for shopping: weights (g/kg, oz/lb), fluid volumes (ml/L, fl oz) and household
 * measures (cups, tablespoons, "large", "1 glass, 250 ml"), and the rounding *up* that
 * turns an exact amount into one a person can buy. Pure.
 *
 * Rounding up is only for display: callers keep the exact grams, and every step here
 * works on a copy. A tiny tolerance (1e-9 of a step) keeps float noise such as
 * 3402 / 243 = 14.000000000000002 from buying a 15th cup.
 */

/** International avoirdupois ounce and pound (exact definitions, NIST SP 811). */
export const GRAMS_PER_OUNCE = 28.349523125;
export const GRAMS_PER_POUND = 453.59237;
/** US customary fluid ounce (NIST Handbook 44). */
export const MILLILITRES_PER_FLUID_OUNCE = 29.5735295625;

export type UnitSystemName = "metric" | "imperial";

/** `value` rounded up to a multiple of `step` (ignoring float noise below 1e-9 step). */
export function roundUpToStep(value: number, step: number): number {
  if (!(value > 0)) return 0;
  const steps = Math.ceil(value / step - 1e-9);
  // toFixed removes the float noise of step multiplication (0.25 × 3 etc.).
  return Number((Math.max(1, steps) * step).toFixed(6));
}

/** 3402 → "3,402"; 1.25 → "1.25"; at most `digits` decimals, no trailing zeros. */
export function formatAmount(value: number, digits = 2): string {
  let format = NUMBER_FORMATS.get(digits);
  if (!format) {
    // Cached: building an Intl.NumberFormat costs more than the whole aggregation.
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });
    NUMBER_FORMATS.set(digits, format);
  }
  return format.format(Number(value.toFixed(digits)));
}

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

export type BuyWeight = { amount: number; unit: "g" | "kg" | "oz" | "lb"; text: string };

/**
 * Weight rounded up for buying.
 * Metric: under 50 g to 5 g; under 250 g to 10 g; under 1 kg to 25 g; under 5 kg to
 * 50 g (shown in kg); above to 100 g.
 * Imperial: under 2 oz to ¼ oz; under 1 lb to whole ounces; under 10 lb to ¼ lb; above
 * to ½ lb.
 */
export function buyWeight(grams: number, system: UnitSystemName): BuyWeight {
  if (system === "imperial") {
    const ounces = grams / GRAMS_PER_OUNCE;
    if (ounces < 16) {
      const amount = roundUpToStep(ounces, ounces < 2 ? 0.25 : 1);
      if (amount < 16) return { amount, unit: "oz", text: `${formatAmount(amount)} oz` };
    }
    const pounds = grams / GRAMS_PER_POUND;
    const amount = roundUpToStep(pounds, pounds < 10 ? 0.25 : 0.5);
    return { amount, unit: "lb", text: `${formatAmount(amount)} lb` };
  }
  if (grams < 1000) {
    const step = grams < 50 ? 5 : grams < 250 ? 10 : 25;
    const amount = roundUpToStep(grams, step);
    if (amount < 1000) return { amount, unit: "g", text: `${formatAmount(amount)} g` };
  }
  const kilograms = roundUpToStep(grams, grams < 5000 ? 50 : 100) / 1000;
  return { amount: kilograms, unit: "kg", text: `${formatAmount(kilograms)} kg` };
}

/** An approximate weight for reading (not rounded up): "(850 g)", "(1.46 kg)", "(7.1 oz)". */
export function approximateWeight(grams: number, system: UnitSystemName): string {
  if (system === "imperial") {
    const ounces = grams / GRAMS_PER_OUNCE;
    if (ounces < 16) return `${formatAmount(ounces, 1)} oz`;
    return `${formatAmount(grams / GRAMS_PER_POUND, 2)} lb`;
  }
  if (grams < 1000) return `${formatAmount(grams, 0)} g`;
  return `${formatAmount(grams / 1000, 2)} kg`;
}

/** An approximate volume for reading: "250 ml", "1.41 L", "48 fl oz". */
export function approximateVolume(millilitres: number, system: UnitSystemName): string {
  if (system === "imperial") {
    return `${formatAmount(millilitres / MILLILITRES_PER_FLUID_OUNCE, 0)} fl oz`;
  }
  if (millilitres < 1000) return `${formatAmount(millilitres, 0)} ml`;
  return `${formatAmount(millilitres / 1000, 2)} L`;
}

/** Exact grams for reading, never rounded up: "3,402 g", "12.5 g". */
export function formatExactGrams(grams: number): string {
  return `${formatAmount(grams, grams >= 100 ? 0 : 1)} g`;
}

/**
 * Steps household measures are bought in: cups to a quarter cup, teaspoons to a half,
 * tablespoons and fluid ounces to one; anything else ("large", "slice", "1 serving") is
 * counted in whole items.
 */
const MEASURE_STEPS: Record<string, number> = {
  cup: 0.25,
  cups: 0.25,
  tsp: 0.5,
  teaspoon: 0.5,
  tbsp: 1,
  tablespoon: 1,
  "fl oz": 1,
  oz: 1,
};

/** The measure word of an SR28 unit: "cup" of "cup, diced" or "cup (4.86 large eggs)". */
export function measureWord(unit: string): string {
  const head = unit.split(/[,(]/)[0]?.trim().toLowerCase() ?? "";
  return head;
}

export function measureStep(unit: string): number {
  return MEASURE_STEPS[measureWord(unit)] ?? 1;
}

/** Nouns pluralised after a count above 1; other words (large, tbsp, oz) stay as they are. */
const PLURALS: Record<string, string> = {
  cup: "cups",
  slice: "slices",
  piece: "pieces",
  serving: "servings",
  glass: "glasses",
  can: "cans",
  bottle: "bottles",
  package: "packages",
  packet: "packets",
  bar: "bars",
  stalk: "stalks",
  clove: "cloves",
  leaf: "leaves",
  fruit: "fruits",
  tablet: "tablets",
  container: "containers",
  link: "links",
  patty: "patties",
  fillet: "fillets",
  spear: "spears",
  head: "heads",
  bunch: "bunches",
  sprig: "sprigs",
  pod: "pods",
  loaf: "loaves",
  bagel: "bagels",
  muffin: "muffins",
  cookie: "cookies",
  cracker: "crackers",
  roll: "rolls",
  bun: "buns",
  breast: "breasts",
  stick: "sticks",
  scoop: "scoops",
  tortilla: "tortillas",
  dose: "doses",
  injection: "injections",
  egg: "eggs",
  wedge: "wedges",
  strip: "strips",
  cube: "cubes",
  quart: "quarts",
  pint: "pints",
  pie: "pies",
  item: "items",
  steak: "steaks",
  chop: "chops",
  wing: "wings",
  thigh: "thighs",
  drumstick: "drumsticks",
  tablespoon: "tablespoons",
  teaspoon: "teaspoons",
};

/**
 * "cup, diced" → "cups, diced" and "cup chopped" → "cups chopped" when `count` is not 1:
 * the measure noun (the first word found in the plural table, before any comma or
 * parenthesis) takes the plural; adjectives ("large", "medium") and symbols stay.
 */
export function pluraliseUnit(unit: string, count: number): string {
  if (count === 1) return unit;
  const match = /^([^,(]*?)(\s*[,(].*)?$/.exec(unit);
  const head = match?.[1] ?? unit;
  const rest = match?.[2] ?? "";
  const words = head.split(" ");
  const at = words.findIndex((word) => PLURALS[word.toLowerCase()] !== undefined);
  if (at < 0) return unit;
  words[at] = PLURALS[(words[at] ?? "").toLowerCase()] ?? words[at] ?? "";
  return `${words.join(" ")}${rest}`;
}

/** US liquid pint and quart in millilitres (NIST Handbook 44: 16 and 32 US fl oz). */
export const MILLILITRES_PER_PINT = 16 * MILLILITRES_PER_FLUID_OUNCE;
export const MILLILITRES_PER_QUART = 32 * MILLILITRES_PER_FLUID_OUNCE;

export type BuyVolume = {
  amount: number;
  unit: "ml" | "L" | "fl oz" | "pint" | "quart";
  text: string;
};

/**
 * A liquid's volume rounded up for buying.
 * Metric: under 1 L to 50 ml; from 1 L to a quarter litre (cartons come in 1 L, 500 ml).
 * Imperial (US): under 16 fl oz to whole fluid ounces; up to 2 pints to whole pints;
 * above to whole quarts.
 */
export function buyVolume(millilitres: number, system: UnitSystemName): BuyVolume {
  if (system === "imperial") {
    const ounces = millilitres / MILLILITRES_PER_FLUID_OUNCE;
    if (ounces < 16 - 1e-9) {
      const amount = roundUpToStep(ounces, 1);
      return { amount, unit: "fl oz", text: `${formatAmount(amount)} fl oz` };
    }
    if (ounces <= 32 + 1e-9) {
      const amount = roundUpToStep(millilitres / MILLILITRES_PER_PINT, 1);
      return {
        amount,
        unit: "pint",
        text: `${formatAmount(amount)} ${amount === 1 ? "pint" : "pints"}`,
      };
    }
    const amount = roundUpToStep(millilitres / MILLILITRES_PER_QUART, 1);
    return {
      amount,
      unit: "quart",
      text: `${formatAmount(amount)} ${amount === 1 ? "quart" : "quarts"}`,
    };
  }
  if (millilitres < 1000) {
    const amount = roundUpToStep(millilitres, 50);
    if (amount < 1000) return { amount, unit: "ml", text: `${formatAmount(amount)} ml` };
  }
  const litres = roundUpToStep(millilitres / 1000, 0.25);
  return { amount: litres, unit: "L", text: `${formatAmount(litres)} L` };
}

/** Measures of volume (bought as a weight or volume, read with a mass noun: "3 cups chopped onion"). */
const VOLUME_MEASURES = new Set([
  "cup",
  "cups",
  "tbsp",
  "tablespoon",
  "tsp",
  "teaspoon",
  "fl oz",
  "oz",
  "pint",
  "quart",
]);

/** Size words of counted foods: "12 large eggs", "3 medium onions". */
const SIZE_WORDS = /^(extra large|very large|jumbo|large|medium|small|extra small)$/i;

/** "cup, chopped" → "cup chopped"; "medium (2-1/2\" dia)" → "medium". */
export function plainUnit(unit: string): string {
  return unit
    .replace(/\([^)]*\)/g, "")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type MeasureKind = "volume" | "size" | "count" | "label";

/** How a household measure reads before a food name. */
export function measureKind(unit: string): MeasureKind {
  const trimmed = unit.trim();
  if (/^\d/.test(trimmed)) return "label";
  const plain = plainUnit(trimmed).toLowerCase();
  if (SIZE_WORDS.test(plain)) return "size";
  if (VOLUME_MEASURES.has(measureWord(trimmed))) return "volume";
  return "count";
}

export type BuyMeasure = {
  /** Rounded up to the measure's step. */
  amount: number;
  /** The exact number of measures (grams / measure grams). */
  exactAmount: number;
  unit: string;
  text: string;
};

/**
 * `grams` in a household portion of `portionAmount` × `unit` weighing `portionGrams`,
 * rounded up to the measure's step: 3402 g of "1 cup" (243 g) → 14 cups.
 * Labels that carry their own amount ("1 glass, 250 ml", "100 ml", "1 serving": curated
 * and custom foods) are counted: "3 × 1 glass, 250 ml".
 */
export function buyMeasure(
  grams: number,
  portion: { amount: number; unit: string; grams: number },
): BuyMeasure {
  const exactAmount = (grams / portion.grams) * portion.amount;
  const unit = portion.unit.trim();
  if (/^\d/.test(unit)) {
    const count = roundUpToStep(grams / portion.grams, 1);
    return { amount: count, exactAmount, unit, text: `${formatAmount(count)} × ${unit}` };
  }
  const amount = roundUpToStep(exactAmount, measureStep(unit));
  return {
    amount,
    exactAmount,
    unit,
    text: `${formatAmount(amount)} ${pluraliseUnit(unit, amount)}`,
  };
}

/**
 * Whether a food is a drink or another liquid that shops sell by volume, from its name:
 * the part before the first comma names a milk, plant drink, juice, water, tea, coffee,
 * broth, soup or oil ("Soymilk (all flavors), unsweetened", "Orange juice, raw", "Oil,
 * olive"), or it is one of SR28's "Beverages"; dry, powdered, condensed or frozen
 * concentrate forms are not ("Milk, dry", "Beverages, coffee, instant, powder").
 */
export function isDrink(name: string): boolean {
  const head = name.split(",")[0]?.toLowerCase() ?? "";
  const liquidHead =
    /\b(milk|soymilk|drinks?|beverages?|juices?|water|kefir|nectars?|smoothies?|lemonade|tea|coffee|broth|stock|soups?|oils?)\b/.test(
      head,
    );
  const notLiquid =
    /\b(dry|dried|dehydrated|powder(ed)?|instant|condensed|concentrate|crystals|mix|leaves|grounds|solids|bars?)\b/i.test(
      name,
    );
  return liquidHead && !notLiquid;
}

/** US fluid ounces in SR28's plain volume measures (a drink's cup is 8 fl oz). */
const FLUID_OUNCES_IN_MEASURE: Record<string, number> = {
  cup: 8,
  tbsp: 0.5,
  tablespoon: 0.5,
  tsp: 1 / 6,
  teaspoon: 1 / 6,
};

/**
 * Millilitres per gram of a food, from a fluid portion if it has one: an SR28 "fl oz"
 * portion (soymilk: 30.6 g per fl oz) or a label portion naming millilitres ("1 glass,
 * 250 ml", "100 ml"). A drink (`isDrink`) without one is measured by its plain cup,
 * tablespoon or teaspoon (unsweetened soymilk: 243 g per cup of 236.6 ml). null for
 * foods with no fluid measure (solids).
 */
export function millilitresPerGram(
  portions: readonly { amount: number; unit: string; grams: number }[],
  options: { drink?: boolean } = {},
): number | null {
  for (const portion of portions) {
    if (!(portion.grams > 0)) continue;
    const unit = portion.unit.toLowerCase();
    if (measureWord(unit) === "fl oz") {
      return (portion.amount * MILLILITRES_PER_FLUID_OUNCE) / portion.grams;
    }
    const millilitres = /(\d+(?:\.\d+)?)\s*ml\b/.exec(unit);
    if (millilitres?.[1]) return (Number(millilitres[1]) * portion.amount) / portion.grams;
  }
  if (!options.drink) return null;
  for (const portion of portions) {
    // Only the plain measure: "cup" of a drink, never "cup, chopped" or "cup (8 fl oz)".
    const fluidOunces = FLUID_OUNCES_IN_MEASURE[portion.unit.trim().toLowerCase()];
    if (fluidOunces !== undefined && portion.grams > 0) {
      return (portion.amount * fluidOunces * MILLILITRES_PER_FLUID_OUNCE) / portion.grams;
    }
  }
  return null;
}
