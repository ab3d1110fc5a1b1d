/**
 * Matching rules between an ingredient's food text and the food search, and the grams of
 * a parsed amount. Pure: the service runs the searches these queries describe and hands
 * the results back for ranking.
 *
 * 1. `searchQueries(food, unit)`: the words to search for, most specific first. Kitchen
 *    words that SR28 names do not carry are dropped ("chopped", "fresh", "ripe"), British
 *    and recipe names are put in SR28's words ("plain flour" → "wheat flour all-purpose",
 *    "aubergine" → "eggplant"), and shorter queries follow for when no food has every word.
 * 2. `rankCandidates`: among the search results, the form a recipe means: raw over cooked,
 *    plain over branded, canned when the line says can or tin, not baby or restaurant food.
 * 3. `gramsFor`: weight units convert exactly; volumes and counts use the food's household
 *    portions (a tablespoon is 1/16 cup, a teaspoon 1/48 cup; US customary, NIST HB 44).
 */
import { GRAMS_PER_OUNCE, GRAMS_PER_POUND, MILLILITRES_PER_FLUID_OUNCE } from "./units";

/** Words that describe preparation or state, not the food. */
const DROPPED_WORDS = new Set([
  "chopped",
  "finely",
  "roughly",
  "coarsely",
  "thinly",
  "diced",
  "minced",
  "sliced",
  "grated",
  "shredded",
  "crumbled",
  "torn",
  "fresh",
  "freshly",
  "ripe",
  "packed",
  "peeled",
  "rinsed",
  "drained",
  "softened",
  "melted",
  "beaten",
  "cubed",
  "trimmed",
  "pitted",
  "large",
  "medium",
  "small",
  "baby",
  "organic",
  "good",
  "quality",
  "extra",
  "virgin",
  "of",
  "and",
  "inch",
  "piece",
  "pieces",
  "whole",
  "boneless",
  "skinless",
  "heaped",
  "level",
  "natural",
  "button",
  "pods",
  "florets",
  "kernels",
  "leaves",
  "fast-action",
  "active",
  "dry",
  "dried",
  "block",
  "tin",
  "can",
  "stalks",
]);

/** Recipe and British names in the words SR28 uses. Matched on whole words, longest first. */
const RENAMES: [RegExp, string][] = [
  [/\bplain flour|all-purpose flour|ap flour\b/, "wheat flour all-purpose"],
  [/\bwholemeal flour|whole wheat flour|wholewheat flour\b/, "wheat flour whole-grain"],
  [/\bself-raising flour\b/, "wheat flour self-rising"],
  [/\bcaster sugar|granulated sugar|white sugar\b/, "sugars granulated"],
  [/\bicing sugar|powdered sugar|confectioners'? sugar\b/, "sugars powdered"],
  [/\b(light |dark )?brown sugar\b/, "sugars brown"],
  [/\bbicarbonate of soda|bicarb|baking soda\b/, "baking soda"],
  [/\bcornflour|cornstarch|corn starch\b/, "cornstarch"],
  [/\bdouble cream|heavy cream|whipping cream\b/, "cream heavy"],
  [/\bsemi-skimmed milk|2% milk\b/, "milk reduced fat 2%"],
  [/\bwhole milk\b/, "milk whole 3.25%"],
  [/^milk$/, "milk whole 3.25%"],
  [/\bunsweetened (soya|soy) ?milk\b/, "soymilk unsweetened"],
  [/\bsoya milk|soy milk|soymilk\b/, "soymilk original vanilla"],
  [/\boat milk|oat drink\b/, "oat drink"],
  [/\balmond milk\b/, "beverages almond milk unsweetened"],
  [/\bgreek yogh?urt\b/, "yogurt greek plain"],
  [/\bnatural yoghurt|plain yoghurt|plain yogurt|yogh?urt\b/, "yogurt plain whole milk"],
  [/\bparmesan( cheese)?\b/, "cheese parmesan"],
  [/\bcheddar( cheese)?\b/, "cheese cheddar"],
  [/\bmozzarella( cheese)?\b/, "cheese mozzarella"],
  [/\bfeta( cheese)?\b/, "cheese feta"],
  [/\bricotta( cheese)?\b/, "cheese ricotta"],
  [/\bcream cheese\b/, "cheese cream"],
  [/\baubergines?\b/, "eggplant raw"],
  [/\bcourgettes?\b/, "zucchini includes skin raw"],
  [/\bspring onions?|green onions?|scallions?\b/, "scallions"],
  [/\b(red )?bell pepper|red pepper\b/, "peppers sweet red"],
  [/\bground coriander|coriander seeds?\b/, "spices coriander seed"],
  [/\bcoriander leaves|fresh coriander|coriander\b/, "coriander cilantro leaves raw"],

  [/\bbeef mince|minced beef|ground beef\b/, "beef ground 85%"],
  [/\bchicken breasts?\b/, "chicken breast skinless boneless raw"],
  [/\brashers? bacon|bacon\b/, "pork cured bacon unprepared"],
  [/\bsalmon fillets?|salmon\b/, "salmon atlantic farmed raw"],
  [/\bvegetable stock|vegetable broth|veg stock\b/, "vegetable broth"],
  [/\btomato pur[eé]e|tomato paste\b/, "tomato paste"],
  [/\b(tin |can |canned )?(chopped|diced) tomatoes\b/, "tomatoes red ripe canned packed juice"],
  [/\btomato sauce\b/, "tomato products sauce"],
  [/\btamari\b/, "soy sauce tamari"],
  [/\brapeseed oil|canola oil|vegetable oil\b/, "oil canola"],
  [/\bolive oil\b/, "oil olive"],
  [/\bsesame oil\b/, "oil sesame"],
  [/\bcoconut oil\b/, "oil coconut"],
  [/\bporridge oats|rolled oats|oats\b/, "oats regular quick"],
  [/\bnutritional yeast( flakes)?\b/, "nutritional yeast"],
  [/\byeast extract|marmite|vegemite\b/, "yeast extract"],
  [/\b(dry|dried) yeast|yeast\b/, "yeast baker's active dry"],
  [/\bpearl barley\b/, "barley pearled"],
  [/\bred lentils\b/, "lentils pink red"],
  [/\b(green |brown )?lentils\b/, "lentils raw"],
  [/\bchickpeas?|garbanzo beans?\b/, "chickpeas"],
  [/\bblack beans\b/, "beans black"],
  [/\bkidney beans\b/, "beans kidney red"],
  [/\bpinto beans\b/, "beans pinto"],
  [/\bgreen beans|string beans\b/, "beans snap green"],
  [/\bbrown rice\b/, "rice brown long-grain"],
  [/\bwhite rice|long-grain white rice|basmati rice|rice\b/, "rice white long-grain regular"],
  [/\bspaghetti|penne|fusilli|macaroni|pasta\b/, "pasta dry enriched"],
  [/\bpeanut butter\b/, "peanut butter smooth"],
  [/\bpeanuts\b/, "peanuts all types raw"],
  [/\bcashews?\b/, "cashew nuts raw"],
  [/\bwalnuts?\b/, "walnuts english"],
  [/\balmonds?\b/, "nuts almonds"],
  [/\bchia seeds?\b/, "chia seeds"],
  [/\bflaxseeds?|linseeds?|ground flax\b/, "seeds flaxseed"],
  [/\bsunflower seeds\b/, "sunflower seed kernels dried"],
  [/\bpumpkin seeds|pepitas\b/, "pumpkin squash seed kernels"],
  [/\bcocoa powder|cocoa\b/, "cocoa dry powder unsweetened"],
  [/\bdark chocolate\b/, "chocolate dark"],
  [/\bmaple syrup\b/, "syrups maple"],
  [/\bagave( syrup| nectar)?\b/, "agave syrup"],
  [/\bdates\b/, "dates medjool"],
  [/\bdried cranberries\b/, "cranberries dried"],
  [/\braisins|sultanas\b/, "raisins seedless"],
  [/\bdesiccated coconut|shredded coconut\b/, "coconut meat dried desiccated"],
  [/\bcoconut milk\b/, "coconut milk canned"],
  [/\bsilken tofu\b/, "tofu silken"],
  [/\bextra-firm tofu|extra firm tofu\b/, "tofu extra firm"],
  [/\bfirm tofu|tofu\b/, "tofu firm"],
  [/\bmiso( paste)?\b/, "miso"],
  [/\bapple cider vinegar|cider vinegar\b/, "vinegar cider"],
  [/\bred wine vinegar\b/, "vinegar red wine"],
  [/\bbalsamic( vinegar)?\b/, "vinegar balsamic"],
  [/\bdijon mustard|mustard\b/, "mustard prepared yellow"],
  [/\bcayenne( pepper)?\b/, "pepper red cayenne"],
  [/\bsalt and pepper|sea salt|salt\b/, "salt table"],
  [/\bblack pepper|pepper$/, "spices pepper black"],
  [/\bchil[ie] powder\b/, "chili powder"],
  [/\bcumin( seeds)?\b/, "cumin"],
  [/\bsmoked paprika|paprika\b/, "paprika"],
  [/\bturmeric\b/, "turmeric"],
  [/\bcinnamon\b/, "spices cinnamon ground"],
  [/\bnutmeg\b/, "spices nutmeg ground"],
  [/\bcloves?$/, "spices cloves ground"],
  [/\bcardamom\b/, "spices cardamom"],
  [/\bcurry powder\b/, "curry powder"],
  [/\bgarlic powder\b/, "garlic powder"],
  [/\bonion powder\b/, "onion powder"],
  [/\bground ginger\b/, "ginger ground"],
  [/\bginger\b/, "ginger root raw"],
  [/\bgarlic\b/, "garlic raw"],
  [/\bonions?\b/, "onions raw"],
  [/\bdried oregano|oregano\b/, "oregano dried"],
  [/\bdried basil\b/, "basil dried"],
  [/\bbasil\b/, "basil fresh"],
  [/\bdried thyme\b/, "thyme dried"],
  [/\bthyme\b/, "thyme fresh"],
  [/\brosemary\b/, "rosemary fresh"],
  [/\bbay( leaves| leaf)?\b/, "bay leaf"],
  [/\bmint( leaves)?\b/, "spearmint fresh"],
  [/\bparsley\b/, "parsley fresh"],
  [/\bcilantro\b/, "coriander cilantro leaves raw"],
  [/\bromaine( lettuce)?\b/, "lettuce cos romaine"],
  [/\bjalape[nñ]os?\b/, "peppers jalapeno raw"],
  [/\bbutternut squash\b/, "squash butternut raw"],
  [/\bsweet potato(es)?\b/, "sweet potato raw"],
  [/\bpotato(es)?\b/, "potatoes flesh and skin raw"],
  [/\bfrozen peas|peas\b/, "peas green frozen unprepared"],
  [/\bcorn\b/, "corn sweet yellow raw"],
  [/\bleeks?\b/, "leeks raw"],
  [/\blemon juice|juice of \d+ lemons?\b/, "lemon juice raw"],
  [/\blime juice\b/, "lime juice raw"],
  [/\blemons?\b/, "lemons raw"],
  [/\blimes?\b/, "limes raw"],
  [/\boranges?\b/, "oranges raw all commercial varieties"],
  [/\bbananas?\b/, "bananas raw"],
  [/\bapples?\b/, "apples raw with skin"],
  [/\bavocados?\b/, "avocados raw all commercial varieties"],
  [/\beggs?\b/, "egg whole raw fresh"],
  [/\bunsalted butter\b/, "butter without salt"],
  [/\bbutter\b/, "butter salted"],
  [/\bwater\b/, "water tap drinking"],
  [/\bhoney\b/, "honey"],
  [/\bcarrots?\b/, "carrots raw"],
  [/\bmushrooms?\b/, "mushrooms white raw"],
  [/\bzucchini\b/, "zucchini includes skin raw"],
  [/\bcucumbers?\b/, "cucumber with peel raw"],
  [/\bsalsa\b/, "sauce salsa ready-to-serve"],
  [/^sugar$/, "sugars granulated"],
  [/\bcelery\b/, "celery raw"],
  [/\btomato(es)?\b/, "tomatoes red ripe raw"],
];

function tidy(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%'\- ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Search texts for a food, most specific first (duplicates removed). */
export function searchQueries(food: string, canned = false): string[] {
  const lower = tidy(food);
  const queries: string[] = [];
  const add = (query: string) => {
    const value = tidy(query);
    if (value && /[\p{L}\p{N}]/u.test(value) && !queries.includes(value)) queries.push(value);
  };
  const keep = lower
    .split(" ")
    .filter((word) => !DROPPED_WORDS.has(word) && !/^\d/.test(word))
    .join(" ");
  for (const [pattern, replacement] of RENAMES) {
    if (pattern.test(lower) || pattern.test(keep)) {
      // From a can or tin: look for the canned form first.
      if (canned && !/canned/.test(replacement))
        add(`${replacement.replace(/\braw\b/, "")} canned`);
      add(replacement);
      break;
    }
  }
  add(keep);
  add(lower);
  // Fewer words when no food has them all: the last word is usually the food itself.
  const words = keep.split(" ").filter(Boolean);
  if (words.length > 1) add(words.slice(-2).join(" "));
  if (words.length > 0) add(words[words.length - 1] ?? "");
  return queries;
}

export type MatchCandidate = { id: string; name: string; groupCode: string | null };

/** Food groups a recipe ingredient is almost never from (baby, fast, restaurant foods). */
const UNLIKELY_GROUPS = new Set(["0300", "2100", "2200", "3500", "3600"]);

/**
 * A score for how well a candidate suits the ingredient (higher is better): the search
 * order is kept (earlier is better) and adjusted for the form a recipe means.
 */
export function candidateScore(
  candidate: MatchCandidate,
  searchRank: number,
  context: { food: string; unit: string | null; query?: string },
): number {
  const name = candidate.name.toLowerCase();
  const text = context.food.toLowerCase();
  const asked = new Set(tidy(`${text} ${context.query ?? ""}`).split(" "));
  let score = -searchRank * 0.1;
  // The name's first segment is a word the line asked for ("Honey", not "Melons, honeydew").
  const head = tidy(candidate.name.split(",")[0] ?? "");
  if (head.split(" ").every((word) => asked.has(word) || asked.has(word.replace(/e?s$/, "")))) {
    score += 2;
  }
  const says = (word: RegExp) => word.test(text);
  if (/\braw\b|\buncooked\b/.test(name)) score += 3;
  if (/\bcooked\b|\bboiled\b|\broasted\b|\bfried\b|\bbaked\b|\bprepared\b|\bbraised\b/.test(name)) {
    if (!says(/cooked|boiled|roasted|fried|baked/)) score -= 6;
  }
  const canned = context.unit === "can" || says(/\b(can|canned|tin|tinned)\b/);
  if (/\bcanned\b/.test(name)) score += canned ? 6 : -4;
  if (/\bfrozen\b/.test(name) && !says(/frozen/)) score -= 4;
  if (
    /\bdry\b|\bdried\b|\bdehydrated\b|\bpowder\b/.test(name) &&
    !says(/\bdry\b|dried|powder|spice|ground/)
  ) {
    // "Milk, dry" is not milk; dry pasta, rice and pulses are what a recipe means.
    if (
      !/^(pasta|rice|lentils|beans|peas|chickpeas|noodles|couscous|quinoa|barley|bulgur|cereals, oats)/.test(
        name,
      )
    ) {
      score -= 5;
    }
  }
  if (/\blow sodium\b|\breduced fat\b|\bnonfat\b|\bfat free\b|\blight\b|\blite\b/.test(name)) {
    if (!says(/low|reduced|light|lite|fat free|nonfat|skimmed/)) score -= 2;
  }
  if (/\bwith salt\b/.test(name)) score -= 1;
  if (/^[A-Z][A-Z'&.\- ]{2,}[, ]/.test(candidate.name)) score -= 5; // brand names
  if (candidate.groupCode && UNLIKELY_GROUPS.has(candidate.groupCode)) score -= 8;
  // Words of the name the line did not ask for ("baby", "morel", "blanched", "Greek").
  for (const word of new Set(tidy(name).split(" "))) {
    if (word.length < 3 || NEUTRAL_NAME_WORDS.has(word) || asked.has(word)) continue;
    if (asked.has(`${word}s`) || asked.has(word.replace(/e?s$/, ""))) continue;
    score -= 1;
  }
  return score;
}

/** Words of SR28 names that say nothing a recipe line would ask about. */
const NEUTRAL_NAME_WORDS = new Set([
  "raw",
  "fresh",
  "all",
  "commercial",
  "varieties",
  "includes",
  "regular",
  "enriched",
  "unenriched",
  "with",
  "added",
  "vitamin",
  "vitamins",
  "and",
  "year",
  "round",
  "average",
  "ripe",
  "mature",
  "seeds",
  "seed",
  "spices",
  "nuts",
  "beverages",
  "cereals",
  "type",
  "unspecified",
  "not",
  "fortified",
  "unprepared",
  "salad",
  "cooking",
  "table",
  "tap",
  "drinking",
  "fluid",
  "milkfat",
  "sweet",
  "red",
  "solids",
  "liquids",
  "drained",
  "ready-to-serve",
  "shelf",
  "stable",
  "calcium",
  "the",
  "for",
  "kernels",
  "dried",
  "ground",
  "quick",
  "long-grain",
  "whole",
  "cured",
  "flesh",
  "skin",
  "peel",
  "bulb",
  "tops",
  "leaf",
  "leaves",
  "white",
  "yellow",
  "green",
  "original",
  "vanilla",
  "style",
  "smooth",
  "sugars",
  "syrups",
  "oil",
  "cheese",
  "pork",
  "fish",
  "chicken",
  "beef",
  "broilers",
  "broiler",
  "fryers",
  "meat",
  "only",
  "lean",
  "fat",
  "products",
  "leavening",
  "agents",
  "sulfate",
  "magnesium",
  "chloride",
  "nigari",
  "prepared",
  "straight",
  "phosphate",
  "double-acting",
  "sodium",
  "aluminum",
  "farmed",
  "atlantic",
]);

/** Candidates best first; the first is the match. */
export function rankCandidates<T extends MatchCandidate>(
  candidates: readonly T[],
  context: { food: string; unit: string | null; query?: string },
): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, score: candidateScore(candidate, index, context) }))
    .sort((a, b) => b.score - a.score)
    .map((item) => item.candidate);
}

/** Grams of a weight unit; null for other units. */
const GRAMS_PER_UNIT: Record<string, number> = {
  g: 1,
  kg: 1000,
  mg: 0.001,
  oz: GRAMS_PER_OUNCE,
  lb: GRAMS_PER_POUND,
};

/** Millilitres of a volume unit (US customary for cups and spoons; metric litres). */
const MILLILITRES_PER_UNIT: Record<string, number> = {
  ml: 1,
  cl: 10,
  dl: 100,
  l: 1000,
  "fl oz": MILLILITRES_PER_FLUID_OUNCE,
  cup: 8 * MILLILITRES_PER_FLUID_OUNCE,
  tbsp: MILLILITRES_PER_FLUID_OUNCE / 2,
  tsp: MILLILITRES_PER_FLUID_OUNCE / 6,
  dessertspoon: MILLILITRES_PER_FLUID_OUNCE / 3,
  pint: 16 * MILLILITRES_PER_FLUID_OUNCE,
  quart: 32 * MILLILITRES_PER_FLUID_OUNCE,
  // The kitchen conventions measuring-spoon sets are marked with: a dash is 1/8 teaspoon
  // and a pinch 1/16. Weighed, "a pinch of salt" counts (as the 0 µg it is) instead of
  // making every recipe with salt incomplete.
  dash: MILLILITRES_PER_FLUID_OUNCE / 48,
  pinch: MILLILITRES_PER_FLUID_OUNCE / 96,
};

export type PortionFacts = { label: string; grams: number };

/** "1 cup, chopped" → { amount: 1, unit: "cup, chopped", word: "cup" }. */
function readPortion(portion: PortionFacts) {
  const match = /^(\d+(?:\.\d+)?)\s+(.*)$/.exec(portion.label.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? "").toLowerCase();
  const word = unit.split(/[,(]/)[0]?.trim() ?? "";
  if (!(amount > 0) || !(portion.grams > 0)) return null;
  return { amount, unit, word, gramsEach: portion.grams / amount };
}

const PORTION_WORDS: Record<string, string[]> = {
  cup: ["cup", "cups"],
  tbsp: ["tbsp", "tablespoon", "tablespoons"],
  tsp: ["tsp", "teaspoon", "teaspoons"],
  "fl oz": ["fl oz"],
};

/**
 * Grams in `quantity` `unit` of a food with these household portions, or null when the
 * amount cannot be converted (no quantity, or no portion for the unit).
 * Weights convert exactly; volumes use the food's cup, tablespoon, teaspoon or fluid
 * ounce portion, or its millilitre label, scaled by US customary ratios; counts and
 * sizes ("large", "clove", "slice") use the portion of that name, else the first
 * portion that is a whole item.
 */
export function gramsFor(
  quantity: number | null,
  unit: string | null,
  portions: readonly PortionFacts[],
): number | null {
  if (quantity === null || !(quantity > 0)) return null;
  if (unit && GRAMS_PER_UNIT[unit] !== undefined) return quantity * GRAMS_PER_UNIT[unit];
  const read = portions.map(readPortion).filter((item) => item !== null);
  const millilitres = unit ? MILLILITRES_PER_UNIT[unit] : undefined;
  if (millilitres !== undefined) {
    const wanted = quantity * millilitres;
    for (const [measure, words] of Object.entries(PORTION_WORDS)) {
      const portion = read.find((item) => words.includes(item.word));
      const size = MILLILITRES_PER_UNIT[measure];
      if (portion && size) return (wanted / size) * portion.gramsEach;
    }
    for (const portion of read) {
      const ml = /(\d+(?:\.\d+)?)\s*ml\b/.exec(portion.unit);
      if (ml) return (wanted / Number(ml[1])) * portion.gramsEach;
    }
    return null;
  }
  const word = unit ?? "";
  const named = read.find(
    (item) =>
      word !== "" &&
      (item.word === word || item.word.startsWith(`${word} `) || item.word === `${word}s`),
  );
  if (named) return quantity * named.gramsEach;
  if (unit === null) {
    // A plain count: the first portion that is one whole item (not a volume or weight).
    const item = read.find(
      (portion) =>
        !["cup", "tbsp", "tsp", "fl oz", "oz", "lb", "g", "serving", "nlea serving"].includes(
          portion.word,
        ) && !/\bcup\b|\btbsp\b|\btsp\b|\boz\b/.test(portion.word),
    );
    if (item) return quantity * item.gramsEach;
  }
  return null;
}
