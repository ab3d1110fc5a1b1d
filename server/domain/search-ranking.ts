/**
 * What makes a food the everyday answer to a search, computed once per food at import
 * (pure; the importer stores the results in `foods.search_heads` and `foods.search_prior`).
 *
 * - Heads: what the food *is*, from its SR28 name. SR28 names start with the head noun
 *   ("Egg, whole, raw" is an egg; "Eggnog" is not), write the kind second ("Milk, whole"
 *   is whole milk, "Rice, brown" brown rice) and put a class word first for some groups
 *   ("Fish, salmon", "Mollusks, clam", "Beverages, coffee"). A query that equals a head
 *   ranks first; one with a word that equals a head ranks next (server/services/foods.ts).
 * - Prior: how plain and everyday the food is, lower first. SR28's "Survey" flag marks the
 *   3,404 foods used to code the US national dietary survey (USDA ARS, SR28 documentation,
 *   FOOD_DES field "Survey"), a strong sign of a food people eat as such; brand names,
 *   restaurant, fast-food and baby foods, and every extra descriptive word push a food down.
 * The weights were chosen by measuring tests/fixtures/search-relevance.json (bench/
 * search-relevance.bench.ts prints top-1/top-3), not by reasoning about single cases.
 */
import { respellWord, singularWord } from "./search-words";

/** First name parts that name a class, not the food: the food is named next. */
const CLASS_HEADS = new Set([
  "fish",
  "mollusk",
  "crustacean",
  "beverage",
  "spice",
  "nut",
  "seed",
  "cereal",
  "cereal ready to eat",
  "snack",
  "candy",
  "cheese",
  "game meat",
  "babyfood",
  "fast food",
  "restaurant",
  "squash",
]);

/**
 * Second name parts that only qualify: the food is named third ("Squash, summer,
 * zucchini", "Pork, cured, bacon", "Beef, variety meats and by-products, liver").
 */
const QUALIFIER_PARTS = new Set([
  "summer",
  "winter",
  "fresh",
  "domestic",
  "mixed specie",
  "cured",
  "variety meat and by product",
]);

/**
 * Words that describe an ordinary form of a food (how it is cooked, that it is whole or
 * plain, standard fortification of milk) and so do not make it less everyday.
 */
const PLAIN_WORDS = new Set(
  (
    "raw fresh whole cooked boiled hard fried poached scrambled roasted grilled broiled baked " +
    "steamed stewed braised microwaved plain regular fluid all type mixed specie meat only " +
    "and or with without added vitamin a d salt skin broiler fryer lean fat milkfat includes " +
    "drained solid enriched commercially prepared flesh of in water tap " +
    "boneless skinless unenriched unsalted salted long grain navel separable trimmed choice " +
    "select grade to original unsweetened calcium fortified ripe year round average cured"
  ).split(" "),
);

/** Food groups whose foods are prepared dishes or special products, not the plain food. */
const SPECIAL_GROUPS: Readonly<Record<string, number>> = {
  "0300": 1, // Baby foods
  "2100": 1, // Fast foods
  "2200": 1, // Meals, entrees, and side dishes
  "3500": 1, // American Indian/Alaska Native foods
  "3600": 1, // Restaurant foods
};

/**
 * Groups whose foods are eaten cooked: "raw" or "dry" there describes an ingredient
 * (uncooked rice, dried lentils), not what lands on the plate.
 */
const COOKED_GROUPS = new Set(["1600", "2000"]); // Legumes; Cereal grains and pasta
const UNCOOKED_WORDS = new Set(["raw", "dry", "unprepared", "uncooked"]);

const WEIGHTS = {
  /** How far below a food whose head is the whole query one whose head is a query word sits. */
  headTier: 25,
  notSurvey: 30,
  /** Per other food of the same kind (same first two name parts), up to `maxFamily`: a common food has variants. */
  familyMember: 2,
  maxFamily: 3,
  branded: 40,
  specialGroup: 40,
  extraWord: 6,
  maxExtraWords: 8,
} as const;

/** Name parts repeat across foods ("raw", "cooked"): remembered, up to a bound. */
const WORDS_CACHE = new Map<string, string[]>();
const WORDS_CACHE_LIMIT = 50_000;

/** Lower-case words of a text, accents folded, respelled and singular. */
export function searchWords(text: string): string[] {
  const cached = WORDS_CACHE.get(text);
  if (cached) return cached;
  // Most names are plain ASCII: folding accents is only needed for the others.
  const folded = /^[\x20-\x7e]*$/.test(text)
    ? text.toLowerCase()
    : text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase();
  const words = (folded.match(/[\p{L}\p{N}]+/gu) ?? [])
    .flatMap((word) => respellWord(word).split(" "))
    .map(singularWord);
  if (WORDS_CACHE.size >= WORDS_CACHE_LIMIT) WORDS_CACHE.clear();
  WORDS_CACHE.set(text, words);
  return words;
}

/** A name part as a comparable phrase: "Soymilk (all flavors)" → "soymilk all flavor". */
export function searchPhrase(text: string): string {
  return searchWords(text).join(" ");
}

/** The phrases a food's name says it is (see the file comment), without duplicates. */
export function foodSearchHeads(name: string): string[] {
  const parts = name
    .split(",")
    .map((part) => searchPhrase(part.replace(/\(.*?\)/g, "")))
    .filter(Boolean);
  const [first = "", second, third] = parts;
  const heads = new Set([first]);
  if (second) heads.add(`${second} ${first}`);
  if (CLASS_HEADS.has(first) && second) heads.add(second);
  if (second && QUALIFIER_PARTS.has(second) && third) {
    heads.add(third);
    heads.add(`${third} ${first}`);
  }
  return [...heads].filter(Boolean);
}

/** The stored form of the heads: `|egg|whole egg|`, so SQL can look for `|phrase|`. */
export function encodeSearchHeads(heads: readonly string[]): string {
  return heads.length === 0 ? "" : `|${heads.join("|")}|`;
}

/** The pattern that finds a phrase among encoded heads. */
export function headPattern(phrase: string): string {
  return `|${phrase}|`;
}

/** How far down a food sits when its head is the query (0), a query word (1) or neither (2). */
export const HEAD_TIER_WEIGHT = WEIGHTS.headTier;

/** The key of a food's kind: its first two name parts ("Cheese, cheddar"). */
export function foodFamilyKey(name: string): string {
  return name.split(",").slice(0, 2).map(searchPhrase).join(",");
}

export type RankedFoodFacts = {
  name: string;
  groupCode: string | null;
  manufacturer: string | null;
  /** SR28's Survey flag (FOOD_DES field 7). */
  survey: boolean;
  source: "usda" | "curated" | "custom";
  /** How many foods share the first two name parts (foodFamilyKey), this one included. */
  familySize?: number;
};

/** A brand in the name: SR28 writes brands in capitals ("KELLOGG'S", "McDONALD'S"). */
export function namesBrand(name: string): boolean {
  return /\p{Lu}{3,}/u.test(name.replace(/\b(USDA|NFS|DHA|EPA|UHT|II|III)\b/g, ""));
}

/**
 * Descriptive words beyond what the food is (its first name part, or the second after a
 * class word) and the plain words, capped. Bracketed notes ("(includes soft bread
 * crumbs)") explain rather than describe, so they do not count.
 */
export function countExtraWords(name: string): number {
  // "cooked, dry heat" / "moist heat" say how fish and meat were cooked, not that they are dry.
  const parts = name
    .replace(/\(.*?\)/g, "")
    .replace(/\b(dry|moist) heat\b/gi, "")
    .split(",");
  const first = searchPhrase(parts[0] ?? "");
  const core = new Set(
    [first, CLASS_HEADS.has(first) ? searchPhrase(parts[1] ?? "") : ""].join(" ").split(" "),
  );
  const extra = searchWords(parts.join(",")).filter(
    (word) => !core.has(word) && !PLAIN_WORDS.has(word) && !/^\d+$/.test(word),
  );
  return Math.min(new Set(extra).size, WEIGHTS.maxExtraWords);
}

/**
 * The query-independent part of a food's rank: lower is plainer and more everyday.
 * Curated foods (hand-checked, everyday fortified products) count as surveyed; custom
 * foods are the person's own, so they are never pushed down for a brand or a group.
 */
export function foodSearchPrior(food: RankedFoodFacts): number {
  const surveyed = food.survey || food.source !== "usda";
  const branded = food.source === "usda" && (food.manufacturer !== null || namesBrand(food.name));
  const special = food.groupCode !== null && SPECIAL_GROUPS[food.groupCode] !== undefined;
  return (
    (surveyed ? 0 : WEIGHTS.notSurvey) +
    (branded ? WEIGHTS.branded : 0) +
    (special && food.source === "usda" ? WEIGHTS.specialGroup : 0) +
    WEIGHTS.extraWord * (countExtraWords(food.name) + uncookedPenalty(food)) -
    WEIGHTS.familyMember * Math.min(WEIGHTS.maxFamily, (food.familySize ?? 1) - 1)
  );
}

function uncookedPenalty(food: RankedFoodFacts): number {
  if (food.groupCode === null || !COOKED_GROUPS.has(food.groupCode)) return 0;
  return searchWords(food.name).some((word) => UNCOOKED_WORDS.has(word)) ? 1 : 0;
}
