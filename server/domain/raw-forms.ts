/**
 * Buy what shops sell: a cooked, boiled, toasted or otherwise prepared food is bought as
 * the raw or dry food it is made from. Pure: the service finds the candidates in the
 * database, these functions decide which one is the raw form and how much of it to buy.
 *
 * The raw form is found by name (USDA SR28 names put the preparation in a comma
 * segment: "Beans, black, mature seeds, cooked, boiled, without salt" is made from
 * "Beans, black, mature seeds, raw"), or from a short table of SR28 pairs whose names do
 * not line up ("Lentils, mature seeds, cooked, boiled" is made from "Lentils, raw").
 *
 * Amount (docs/methodology.md, "Shopping: buying the raw form"): where SR28 records a
 * yield for the prepared food (a portion such as "package (10 oz) yields" 293 g, or
 * "oz, dry, yields" 177 g), raw grams = prepared grams × raw weight ÷ yield weight.
 * Otherwise raw grams = prepared grams × (energy per 100 g of the prepared food ÷ energy
 * per 100 g of the raw food): cooking in water adds or removes water, which carries no
 * energy. Measured against the 16 SR28 yields of foods with both forms
 * (tests/unit/raw-forms.test.ts), the energy ratio is off by 12.3% on average (protein
 * ratio 11.9%, no better within the noise); against household yields of rice, lentils
 * and dry beans it is within 15%. Energy is recorded for every SR28 food. Where either
 * energy is unknown, or the ratio is outside 0.1-2 (not a cooking yield), no raw form
 * is used and the prepared food stays on the list.
 */

import { GRAMS_PER_OUNCE } from "./units";

/** Words that open a preparation segment of an SR28 name. */
const PREPARED_SEGMENT =
  /^(cooked|boiled|toasted|baked|roasted|steamed|microwaved|stewed|braised|broiled|grilled|pan-fried|pan-broiled|simmered|poached|scrambled|fried|hard-boiled|prepared(?! from| with (calcium|magnesium|nigari))|heated|blanched)\b/i;

/** Segments that describe cooking, not the food: dropped from a raw name. */
const COOKING_DETAIL =
  /^(drained|without salt|with salt|cooked with water.*|prepared with water.*|hard-boiled|toasted|boiled|cooked|roasted|baked|steamed|microwaved)$/i;

/**
 * SR28 pairs whose names do not line up: prepared id → raw id. Each pair is the same
 * food before and after cooking in SR28 (USDA ARS, SR28, FOOD_DES.txt).
 */
export const RAW_FORM_PAIRS: Readonly<Record<string, string>> = {
  "sr28-16070": "sr28-16069", // Lentils, mature seeds, cooked, boiled, without salt → Lentils, raw
  "sr28-16370": "sr28-16069", // Lentils, ..., cooked, boiled, with salt → Lentils, raw
  "sr28-08121": "sr28-08120", // Cereals, oats, regular and quick, cooked with water → dry
  "sr28-08180": "sr28-08120", // Cereals, oats, ..., cooked with water, with salt → dry
  "sr28-08123": "sr28-08122", // Cereals, oats, instant, fortified, plain, prepared → dry
  "sr28-01129": "sr28-01123", // Egg, whole, cooked, hard-boiled → Egg, whole, raw, fresh
  "sr28-01131": "sr28-01123", // Egg, whole, cooked, poached → Egg, whole, raw, fresh
  "sr28-01132": "sr28-01123", // Egg, whole, cooked, scrambled → Egg, whole, raw, fresh
  "sr28-11365": "sr28-11352", // Potatoes, boiled, cooked in skin, flesh → Potatoes, flesh and skin, raw
  "sr28-11367": "sr28-11352", // Potatoes, boiled, cooked without skin, flesh → Potatoes, flesh and skin, raw
  "sr28-11831": "sr28-11352", // Potatoes, boiled, cooked in skin, flesh, with salt
  "sr28-11833": "sr28-11352", // Potatoes, boiled, cooked without skin, flesh, with salt
  "sr28-20137": "sr28-20035", // Quinoa, cooked → Quinoa, uncooked
  "sr28-20045": "sr28-20044", // Rice, white, long-grain, regular, enriched, cooked → raw, enriched
  "sr28-20345": "sr28-20044", // Rice, white, long-grain, regular, cooked, enriched, with salt
  "sr28-20445": "sr28-20444", // Rice, white, long-grain, regular, unenriched, cooked → raw
  "sr28-20545": "sr28-20444", // Rice, white, ..., cooked, unenriched, with salt → raw
  "sr28-20121": "sr28-20120", // Pasta, cooked, enriched, without added salt → Pasta, dry, enriched
  "sr28-20421": "sr28-20420", // Pasta, cooked, unenriched, without added salt → Pasta, dry, unenriched
  "sr28-16086": "sr28-16085", // Peas, split, mature seeds, cooked, boiled → Peas, green, split, mature seeds, raw
  "sr28-16174": "sr28-16114", // Tempeh, cooked → Tempeh
  "sr28-18070": "sr28-18069", // Bread, white, commercially prepared, toasted → (includes soft bread crumbs)
  "sr28-18076": "sr28-18075", // Bread, whole-wheat, commercially prepared, toasted → untoasted
  "sr28-18432": "sr28-18416", // Bread, white, ..., toasted, low sodium no salt → low sodium, no salt
};

/** True when an SR28 name says the food was cooked or prepared ("..., cooked, boiled"). */
export function isPreparedName(name: string): boolean {
  return nameSegments(name).some((segment, index) => index > 0 && PREPARED_SEGMENT.test(segment));
}

/** Comma segments of a name, ignoring commas inside parentheses. */
export function nameSegments(name: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of name) {
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (char === "," && depth === 0) {
      segments.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim()) segments.push(current.trim());
  return segments;
}

/**
 * Names the raw form of a prepared SR28 food could have, most likely first:
 * "Broccoli, cooked, boiled, drained, without salt" → "Broccoli, raw", "Broccoli, dry", …;
 * "Bread, white, commercially prepared, toasted" → "Bread, white, commercially prepared".
 * Empty for names that are not prepared.
 */
export function rawNameCandidates(name: string): string[] {
  const segments = nameSegments(name);
  const at = segments.findIndex((segment, index) => index > 0 && PREPARED_SEGMENT.test(segment));
  if (at < 0) return [];
  const prefix = segments.slice(0, at);
  const after = segments.slice(at + 1).filter((segment) => !COOKING_DETAIL.test(segment));
  const join = (parts: string[]) => parts.join(", ");
  const candidates: string[] = [];
  const add = (value: string) => {
    if (value && value !== name && !candidates.includes(value)) candidates.push(value);
  };
  if (/^toasted$/i.test(segments[at] ?? "")) {
    add(join([...prefix, ...after]));
    add(join(prefix));
  }
  for (const word of ["raw", "dry", "uncooked", "unprepared"]) {
    add(join([...prefix, word]));
    add(join([...prefix, word, ...after]));
    if (prefix.length > 1) {
      // "Rice, white, long-grain, regular, enriched, cooked" → "…, regular, raw, enriched".
      add(join([...prefix.slice(0, -1), word, ...prefix.slice(-1)]));
    }
  }
  add(join([...prefix, "raw", "fresh"]));
  return candidates;
}

export type EnergyFacts = { energyKcalPerHundredGrams: number | null };

/** The plausible range of a weight yield; outside it the two foods are not a cooking pair. */
export const MIN_RAW_FACTOR = 0.1;
export const MAX_RAW_FACTOR = 2;

/**
 * Grams of the raw food per gram of the prepared food (energy ratio), or null when
 * either energy is unknown or zero, or the ratio is not a plausible yield.
 * Cooked lentils 116 kcal, raw lentils 352 kcal → 0.3295: 1 kg cooked from 330 g dry.
 */
export function rawGramsPerPreparedGram(prepared: EnergyFacts, raw: EnergyFacts): number | null {
  const cooked = prepared.energyKcalPerHundredGrams;
  const before = raw.energyKcalPerHundredGrams;
  if (cooked == null || before == null || !(cooked > 0) || !(before > 0)) return null;
  const factor = cooked / before;
  if (factor < MIN_RAW_FACTOR || factor > MAX_RAW_FACTOR) return null;
  return factor;
}

/**
 * Grams of the raw food per gram of the prepared food from an SR28 yield portion of the
 * prepared food: "package (10 oz) yields" 293 g → 283.5 / 293; "oz, dry, yields" 177 g
 * → 28.35 / 177. null when no portion records a yield by weight.
 */
export function sr28YieldFactor(
  portions: readonly { amount: number; unit: string; grams: number }[],
): number | null {
  for (const portion of portions) {
    if (!(portion.grams > 0) || portion.amount !== 1) continue;
    const packageOunces = /^package \((\d+(?:\.\d+)?) oz\),? yields$/i.exec(portion.unit.trim());
    const ounces = packageOunces
      ? Number(packageOunces[1])
      : /^oz, dry, yields$/i.test(portion.unit.trim())
        ? 1
        : null;
    if (ounces === null) continue;
    const factor = (ounces * GRAMS_PER_OUNCE) / portion.grams;
    if (factor >= MIN_RAW_FACTOR && factor <= MAX_RAW_FACTOR) return factor;
  }
  return null;
}

export type RawFormCandidate = EnergyFacts & { id: string; name: string };

/**
 * The raw form of a prepared food among `candidates` (foods the service found by the
 * names above or the pair table): the paired food first, else the first candidate name
 * that exists, provided the energy ratio is a plausible yield.
 */
export function chooseRawForm<T extends RawFormCandidate>(
  prepared: RawFormCandidate,
  candidates: readonly T[],
  /** The prepared food's SR28 yield (sr28YieldFactor), if it has one. */
  recordedYield: number | null = null,
): { food: T; factor: number; method: "sr28-yield" | "energy-ratio" } | null {
  const byId = new Map(candidates.map((food) => [food.id, food]));
  const byName = new Map(candidates.map((food) => [food.name.toLowerCase(), food]));
  const ordered: T[] = [];
  const paired = RAW_FORM_PAIRS[prepared.id];
  const pairedFood = paired ? byId.get(paired) : undefined;
  if (pairedFood) ordered.push(pairedFood);
  for (const name of rawNameCandidates(prepared.name)) {
    const food = byName.get(name.toLowerCase());
    if (food) ordered.push(food);
  }
  for (const food of ordered) {
    if (food.id === prepared.id) continue;
    const factor = rawGramsPerPreparedGram(prepared, food);
    if (factor === null) continue;
    // The SR28 yield wins over the energy ratio once the pair is plausible.
    if (recordedYield !== null) return { food, factor: recordedYield, method: "sr28-yield" };
    return { food, factor, method: "energy-ratio" };
  }
  return null;
}
