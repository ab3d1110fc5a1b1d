/**
 * Short shopping names: "Egg, whole, raw, fresh" → "egg" ("12 large eggs"),
 * "Beans, black, mature seeds, raw" → "dry black beans", "Oil, olive, salad or cooking"
 * → "olive oil". Pure. The SR28 name stays on the line for whoever wants it.
 *
 * Rule: the name's first segment is the head noun; category heads ("Nuts", "Seeds",
 * "Beverages", "Cereals", "Spices") give way to the next segment; one short qualifier
 * ("black", "firm", "olive") goes before the head; segments that describe state or processing ("raw", "mature seeds",
 * "commercially prepared", "year round average") are dropped. A dry legume or grain is
 * "dry …"; a food classified as fortified with B12 is "fortified …" (that is why it is
 * on the list). A few common foods have a fixed name.
 */
import { nameSegments } from "./raw-forms";

/** Fixed names for foods whose SR28 names derive badly. */
const FIXED_NAMES: Readonly<Record<string, string>> = {
  "sr28-08120": "rolled oats",
  "sr28-08122": "instant oats",
  "sr28-01123": "egg",
  "sr28-16139": "soy milk",
  "sr28-16120": "soy milk, unfortified",
  "sr28-16223": "soy milk",
  "sr28-02047": "salt",
  "sr28-20081": "plain flour",
  "sr28-16069": "dry lentils",
  "sr28-16144": "dry red lentils",
  "sr28-11352": "potatoes",
  "sr28-11353": "russet potatoes",
  "sr28-20120": "pasta",
  "sr28-20420": "pasta",
  "sr28-20044": "white rice",
  "sr28-20444": "white rice",
  "sr28-20036": "brown rice",
};

/** Heads that name a category, not the food: "Nuts, almonds" → "almonds". */
const CATEGORY_HEADS = new Set([
  "nuts",
  "seeds",
  "beverages",
  "cereals",
  "spices",
  "cereals ready-to-eat",
  "alcoholic beverage",
  "usda commodity",
  "fast foods",
  "snacks",
  "candies",
]);

/** Segments that describe state or processing, not what to buy. */
const DROPPED =
  /^(raw|fresh|whole|regular|enriched|unenriched|commercially prepared|mature seeds|all types|without salt|with salt|year round average|salad or cooking|with skin|flesh and skin|ripe|shelf stable|original and vanilla|plain|dry|uncooked|not fortified|unfortified|fortified|instant|ready-to-eat|prepared|unprepared|unheated|canned|frozen|includes .*|with added .*|without added .*|vitamins? .*|nfs|ns as to .*)$/i;

const DRY_GROUPS = new Set(["1600", "2000"]);

function isBrand(segment: string): boolean {
  const letters = segment.replace(/[^A-Za-z]/g, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** "potatoes" → "potato", "berries" → "berry", "oats" → "oat"; mass nouns stay. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/(tomato|potato)es$/.test(lower)) return word.slice(0, -2);
  if (/ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(lower)) return word;
  if (/s$/.test(lower)) return word.slice(0, -1);
  return word;
}

/** "egg" → "eggs", "potato" → "potatoes", "berry" → "berries"; already plural stays. */
export function plural(word: string): string {
  const lower = word.toLowerCase();
  if (/s$/.test(lower)) return word;
  if (/(tomato|potato)$/.test(lower)) return `${word}es`;
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(lower)) return `${word}es`;
  return `${word}s`;
}

/** Applies `change` to the last word of a phrase ("black bean" → "black beans"). */
export function changeLastWord(phrase: string, change: (word: string) => string): string {
  const match = /^(.*?)([A-Za-z-]+)(\W*)$/.exec(phrase);
  if (!match) return phrase;
  return `${match[1]}${change(match[2] ?? "")}${match[3]}`;
}

export type ShoppingNameFacts = {
  id: string;
  name: string;
  groupCode: string | null;
  b12Fortified?: boolean;
};

/** The short shopping name of a food, lower case, as it reads after a weight. */
export function shoppingName(food: ShoppingNameFacts): string {
  // People named their own foods: keep the name as they wrote it.
  if (food.id.startsWith("custom-")) return food.name;
  const fixed = FIXED_NAMES[food.id];
  const fortified =
    food.b12Fortified === true && !/\bunfortified|not fortified/i.test(food.name)
      ? "fortified "
      : "";
  if (fixed) return fixed.startsWith("fortified") ? fixed : `${fortified}${fixed}`;
  const segments = nameSegments(food.name.replace(/\([^)]*\)/g, ""))
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0 && !isBrand(segment));
  while (segments.length > 1 && CATEGORY_HEADS.has((segments[0] ?? "").toLowerCase())) {
    segments.shift();
  }
  const head = (segments.shift() ?? food.name).toLowerCase();
  const qualifier = segments
    .map((segment) => segment.toLowerCase())
    .find((segment) => !DROPPED.test(segment) && segment.split(/\s+/).length <= 2);
  const isDry =
    food.groupCode !== null &&
    DRY_GROUPS.has(food.groupCode) &&
    /(^|, )(raw|dry|uncooked)(,|$)/i.test(food.name) &&
    !/\b(tofu|tempeh|soymilk|flour|peanut)/i.test(food.name);
  // The qualifier reads first: "Oil, olive" → "olive oil", "Beans, black" → "black beans".
  const name = qualifier ? `${qualifier} ${head}` : head;
  return `${fortified}${isDry ? "dry " : ""}${name}`.replace(/\s+/g, " ").trim();
}
