/**
 * Labels a food's diet (vegan / vegetarian / omnivore) and whether its B12 is fortified,
 * from the USDA SR28 description, food group and B12 values alone. Pure: no fs, no db.
 *
 * How it decides the diet, first match wins:
 * 1. A hand-checked override (db/data/classification-overrides.csv) wins over the rules.
 * 2. The description is normalised and "false friends" are taken out first (peanut
 *    butter, cocoa butter, cream of tartar, eggplant, soymilk, duck sauce, poultry
 *    seasoning, hamburger buns, coconut meat...), so a plain word search is safe.
 * 3. Flesh: meat, poultry, fish, shellfish and what is made from animal bodies (gelatin,
 *    lard, tallow, meat broth, gravy, worcestershire, fish sauce, caesar dressing...) make
 *    a food omnivore. "Meatless", "vegetarian", "veggie" and the meat-analogue brands
 *    neutralise meat words ("meatless frankfurter" is no frankfurter). The six flesh food
 *    groups (poultry, sausages, pork, beef, fish, lamb/game) are omnivore as a whole.
 * 4. Other animal products: milk, cheese, butter, cream, whey, casein, egg, honey,
 *    mayonnaise, custard... make a food vegetarian, as does the dairy and egg group.
 * 5. Meat analogues without such a word are still called vegetarian unless the name
 *    says vegan: most brands bind them with egg white or milk (group 1600 holds many).
 * 6. Mixed groups (baby foods, fats and dressings, soups and sauces, baked products,
 *    sweets, fast food, meals, snacks, native foods, restaurant food) are vegetarian by
 *    default: their recipes usually hold egg, milk or butter that the name does not
 *    mention. Only a name made entirely of known plant words ("Soup, tomato, canned")
 *    is called vegan there. Calling a food vegan wrongly harms a vegan more than
 *    calling it vegetarian wrongly, so doubt falls on the vegetarian side.
 * 7. B12 as evidence. Plant foods make no B12 (IOM 1998). A would-be vegan food that
 *    reports B12 is either fortified (plant drinks, breakfast cereals, meat analogues,
 *    tofu, energy drinks, nutrition products, or USDA lists added B12 = nutrient 578) or
 *    it holds animal ingredients, so it is then called vegetarian. Natural traces in
 *    tempeh, miso, natto, mushrooms, yeast, seaweed and algae (spirulina) are neither:
 *    they are not reliable sources (Watanabe 2007; Vegan Society) and not fortification.
 *    Unknown B12 (null) is never read as zero and never as evidence of anything.
 *
 * Fortified means "B12 has been added": USDA's nutrient 578, or B12 in a product type
 * that is fortified by its makers (many branded fortified foods list 418 without 578).
 * Reasons are short plain English, shown to users next to the label.
 *
 * The file also holds the small pure helpers that the accuracy test and
 * scripts/classification-report.ts share (hand-checked CSV parsing, accuracy figures).
 * docs/classification.md explains the approach and lists the measured accuracy.
 */

export type Diet = "vegan" | "vegetarian" | "omnivore";

export type ClassifiableFood = {
  ndbNumber: string | null;
  groupCode: string | null;
  name: string;
  b12PerHundredGrams: number | null;
  b12AddedPerHundredGrams: number | null;
};

export type ClassificationOverride = {
  ndbNumber: string;
  diet: Diet | null;
  b12Fortified: boolean | null;
  note: string;
};

export type Classification = {
  diet: Diet;
  b12Fortified: boolean;
  /** short plain-English reason shown to users, e.g. "Beef Products group" or "name mentions cheese" or "hand-checked override: contains gelatin" */
  dietReason: string;
  fortifiedReason: string | null;
};

const DIET_VALUES: readonly Diet[] = ["vegan", "vegetarian", "omnivore"];

// ---------------------------------------------------------------------------------------
// Food groups
// ---------------------------------------------------------------------------------------

type GroupKind =
  /** every food is animal flesh */
  | "flesh"
  /** dairy and egg products */
  | "dairy"
  /** plant foods: vegan unless an animal ingredient is named */
  | "plant"
  /** recipes that usually hold unnamed egg, milk or butter */
  | "mixed";

const GROUPS: Record<string, { name: string; kind: GroupKind }> = {
  "0100": { name: "Dairy and Egg Products", kind: "dairy" },
  "0200": { name: "Spices and Herbs", kind: "plant" },
  "0300": { name: "Baby Foods", kind: "mixed" },
  "0400": { name: "Fats and Oils", kind: "mixed" },
  "0500": { name: "Poultry Products", kind: "flesh" },
  "0600": { name: "Soups, Sauces, and Gravies", kind: "mixed" },
  "0700": { name: "Sausages and Luncheon Meats", kind: "flesh" },
  "0800": { name: "Breakfast Cereals", kind: "plant" },
  "0900": { name: "Fruits and Fruit Juices", kind: "plant" },
  "1000": { name: "Pork Products", kind: "flesh" },
  "1100": { name: "Vegetables and Vegetable Products", kind: "plant" },
  "1200": { name: "Nut and Seed Products", kind: "plant" },
  "1300": { name: "Beef Products", kind: "flesh" },
  "1400": { name: "Beverages", kind: "plant" },
  "1500": { name: "Finfish and Shellfish Products", kind: "flesh" },
  "1600": { name: "Legumes and Legume Products", kind: "plant" },
  "1700": { name: "Lamb, Veal, and Game Products", kind: "flesh" },
  "1800": { name: "Baked Products", kind: "mixed" },
  "1900": { name: "Sweets", kind: "mixed" },
  "2000": { name: "Cereal Grains and Pasta", kind: "plant" },
  "2100": { name: "Fast Foods", kind: "mixed" },
  "2200": { name: "Meals, Entrees, and Side Dishes", kind: "mixed" },
  "2500": { name: "Snacks", kind: "mixed" },
  "3500": { name: "American Indian/Alaska Native Foods", kind: "mixed" },
  "3600": { name: "Restaurant Foods", kind: "mixed" },
};

/** Below this (µg/100 g) B12 in a plant group is read as a trace or analytical noise. */
const PLANT_GROUP_EVIDENCE_MIN = 0.1;
/** Breakfast cereals are fortified at several µg/100 g; less than this is milk or noise. */
const CEREAL_FORTIFICATION_MIN = 1;
/** Egg white, milk or cheese in a vegetarian product rarely give it this much B12. */
const VEGETARIAN_FORTIFICATION_MIN = 1;

// ---------------------------------------------------------------------------------------
// Text handling
// ---------------------------------------------------------------------------------------

/** Lower case, curly quotes straightened, punctuation to spaces, padded with spaces. */
export function normaliseFoodName(name: string): string {
  const text = name
    .toLowerCase()
    .replace(/[\u2018\u2019\u0060\u00b4]/g, "'")
    .replace(/[^a-z0-9']+/g, " ")
    // "Ham 'n' Cheese", "Hot 'N Juicy", "macaroni n' cheese": the "n" stands for "and"
    .replace(/(^| )'?n'?(?= |$)/g, "$1n")
    .replace(/\s+/g, " ")
    .trim();
  return ` ${text} `;
}

/** A phrase pattern that only matches whole words. */
function words(source: string): RegExp {
  return new RegExp(`\\b(?:${source})\\b`);
}

/** Joins the words of a matched phrase into one token, so no term rule can see inside. */
function protect(match: string): string {
  return match.trim().replace(/\s+/g, "_");
}

/**
 * False friends, taken out before any term is searched. Each becomes one token that no
 * term can see inside. Plant phrases are joined with "_" ("peanut_butter"), and tokens
 * with "_" count as plant words in the mixed-group test; phrases that are no plant food
 * get a plain token ("nomeat", "fishshaped") so that test still fails for them.
 */
const FALSE_FRIENDS: { pattern: RegExp; replace: (match: string) => string }[] = [
  // plant "butters" and fats
  {
    pattern:
      /\b(?:peanut|almond|cashew|nut|sesame|sunflower(?: seed)?|soy|soynut|seed|apple|fruit|cocoa|shea|sheanut|nutmeg|ucuhuba|hazelnut|pumpkin seed|macadamia|pistachio|pecan|walnut|mango) butters?\b/g,
    replace: protect,
  },
  { pattern: /\bbutter beans?\b/g, replace: protect },
  { pattern: /\bnon dairy butter flavor\b|\b(?:\d+ degree )?hard butter\b/g, replace: protect },
  // "cream" that is no cream
  { pattern: /\bcream of (?:tartar|wheat|rice|coconut)\b/g, replace: protect },
  { pattern: /\b(?:coconut cream|cream soda|cream style|creme de menthe)\b/g, replace: protect },
  // plant "milks"
  {
    pattern: /\b(?:soy|soya|almond|rice|coconut|oat|hemp|cashew|hazelnut|flax|pea) milk\b/g,
    replace: protect,
  },
  { pattern: /\bfor milk\b/g, replace: protect },
  { pattern: /\bmilk thistle\b/g, replace: protect },
  // milk, cheese and eggs of animals whose name is also a meat word
  {
    pattern:
      /\b(?:milk|cheese|eggs?),? (?:indian )?(?:buffalo|goat|sheep|duck|goose|quail|turkey|chicken|camel)\b/g,
    replace: (m) => m.split(" ")[0] ?? "",
  },
  {
    pattern:
      /\b(?:buffalo|goat|sheep|duck|goose|quail|turkey|chicken|camel)(?:'s)? (?:milk|cheese|eggs?)\b/g,
    replace: (m) => m.split(" ").slice(-1)[0] ?? "",
  },
  // soy "cheese"
  { pattern: /\bsoy(?:bean)? curd cheese\b/g, replace: protect },
  { pattern: /\b(?:soy|tofu|vegan|rice|almond) (?:cheese|yogurt|yoghurt)\b/g, replace: protect },
  // meat words that are no meat
  { pattern: /\bpoultry seasoning\b/g, replace: protect },
  { pattern: /\bduck sauce\b|\bsauce duck\b/g, replace: () => "duck_sauce" },
  { pattern: /\bsteak sauce\b|\bsauce steak\b/g, replace: () => "steak_sauce" },
  { pattern: /\bsteak fries\b/g, replace: protect },
  { pattern: /\bbuffalo sauce\b/g, replace: () => "buffalosauce" },
  { pattern: /\bburger king\b/g, replace: () => "burgerking" },
  { pattern: /\bshake n bake\b/g, replace: () => "shakenbake" },
  { pattern: /\bcoconut meat\b|\bnut meats?\b/g, replace: protect },
  { pattern: /\b(?:hamburger|hot ?dog) (?:buns?|rolls?)\b/g, replace: () => "bread_rolls" },
  {
    pattern: /\b(?:rolls?|buns?) (?:hamburger|hot ?dog)(?: or hot ?dog)?\b/g,
    replace: () => "bread_rolls",
  },
  { pattern: /\bfish shaped\b/g, replace: () => "fishshaped" },
  {
    pattern: /\b(?:includes )?oyster(?: soda)?(?: soup)? crackers?\b/g,
    replace: () => "oyster_crackers",
  },
  { pattern: /\bincludes oyster soda soup\b/g, replace: () => "oyster_crackers" },
  { pattern: /\b(?:oyster mushrooms?|mushrooms? oyster)\b/g, replace: protect },
  { pattern: /\blittle caesars\b/g, replace: () => "littlecaesars" },
  { pattern: /\bbear naked\b|\bslim a bear\b/g, replace: () => "brandname" },
  // wrappers are made with egg, but hold no pork or shrimp
  { pattern: /\bwonton wrappers?\b/g, replace: () => "wontonwrappers" },
  { pattern: /\bfor (?:pork|chicken|beef|fish|meat)\b/g, replace: () => "coatingmix" },
  {
    pattern: /\b(?:without|no) (?:meat|chicken|beef|pork)(?: or noodles)?\b/g,
    replace: () => "nomeat",
  },
  { pattern: /\bmarshmallow (?:cream|creme|fluff)\b/g, replace: () => "marshmallowcreme" },
  { pattern: /\bdinosaur eggs\b/g, replace: () => "candyeggs" },
  {
    pattern: /\bmayonnaise made with tofu\b|\btofu mayonnaise\b/g,
    replace: () => "tofu_mayonnaise",
  },
  {
    pattern: /\b(?:syrups? )?table blends pancake\b|\bpancake syrup\b/g,
    replace: () => "table_syrup",
  },
  { pattern: /\bvegetable (?:broth|stock|bouillon)\b/g, replace: protect },
  { pattern: /\bhoney ?combed\b/g, replace: protect },
  // "Ice cream cones, cake or wafer-type" are the empty cones, not ice cream
  { pattern: /\bice cream cones(?= (?:cake|sugar)\b)/g, replace: () => "icecreamcones" },
  // plants named after animals or animal products
  { pattern: /\bcustard apple\b/g, replace: protect },
  { pattern: /\bvegetable oyster\b/g, replace: protect },
  {
    pattern: /\bsquash summer scallop\b|\bscallop squash\b/g,
    replace: () => "squash summer_scallop_squash",
  },
  { pattern: /\bblack turtle\b|\bturtle beans?\b/g, replace: protect },
  { pattern: /\bbread and butter pickles\b/g, replace: protect },
  { pattern: /\brelish (?:hot dog|hotdog|hamburger)\b/g, replace: protect },
  { pattern: /\bliquid expressed from grated meat\b/g, replace: protect },
  { pattern: /\bdesiccated creamed\b/g, replace: protect },
  { pattern: /\bsteak cut\b/g, replace: protect },
  { pattern: /\bwithout (?:milk|eggs?)\b/g, replace: protect },
  // dishes that hold no chili con carne
  {
    pattern:
      /\bchil[ie] (?:powder|peppers?|sauce|seasoning)\b|\b(?:sauce|beans|mix dry) chil[ie]\b/g,
    replace: protect,
  },
  // plant phrases that the plant-word test in mixed groups should accept whole
  {
    pattern:
      /\b(?:baking chocolate unsweetened|pie fillings?|english muffins?|melba toast|water biscuits|sweet and sour|pico de gallo|mouse nuts|trail mix regular|kneel down|fruit leather|fruit juice|hash browns|rice biscuits|fruit butters?)\b/g,
    replace: protect,
  },
];

/**
 * "(chicken not included)" in a meal kit: the named meat is not in the product.
 * The words inside the brackets are removed wherever they appear.
 */
function removeNotIncluded(text: string): string {
  const match = /\b([a-z' ]+?) not included\b/.exec(text);
  if (!match?.[1]) return text;
  let result = text.replace(match[0], " ");
  for (const word of match[1].trim().split(" ")) {
    if (word.length > 2) result = result.replace(new RegExp(`\\b${word}s?\\b`, "g"), " ");
  }
  return result;
}

function cleanName(name: string): string {
  let text = removeNotIncluded(normaliseFoodName(name));
  for (const { pattern, replace } of FALSE_FRIENDS) text = text.replace(pattern, replace);
  return text;
}

// ---------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------

type Term = {
  pattern: RegExp;
  /** what the reason says, e.g. "name mentions chicken" */
  reason: string;
  /** the term does not count when this also matches */
  unless?: RegExp;
};

function term(source: string, reason: string, unless?: string): Term {
  return { pattern: words(source), reason, unless: unless ? words(unless) : undefined };
}

/** Meat words that "meatless", "veggie" or an analogue brand neutralise. */
const MEAT_WORDS: Term[] = [
  term("beef|beefy|steak|steaks|sirloin|brisket|corned|roast beef|pot roast", "name mentions beef"),
  term(
    "pork|ham|hams|bacon|pancetta|prosciutto|chitterlings|pork skins|cracklings|blt|b l t",
    "name mentions pork",
  ),
  term(
    "veal|lamb|mutton|goat|venison|deer|elk|moose|caribou|bison|buffalo|antelope|rabbit|squirrel|bear|boar|horse|beaver|muskrat|opossum|raccoon",
    "name mentions meat",
  ),
  term(
    "chicken|chick n strips|turkey|duck|goose|poultry|fowl|quail|pheasant|squab|emu|ostrich|cornish|capon",
    "name mentions poultry",
  ),
  term("owl|scoter|ptarmigan|grouse", "name mentions a wild bird"),
  term(
    "meat|meats|meaty|meatballs?|meatloaf|hamburgers?|cheeseburgers?|burger|burgers|whopper|big mac|quarter pounder|double stack|hot n juicy|mcnuggets|mcchicken|patty melt|cold cut|subway club|taco salad",
    "name mentions meat",
  ),
  term(
    "egg mcmuffin|big breakfast|deluxe breakfast|supreme pizza|super supreme|supreme topping|nachos supreme|extravaganzza|works pizza",
    "this menu item comes with meat",
  ),
  term(
    "sausages?|frankfurters?|franks|hot ?dogs?|hotdog|corn ?dogs?|wieners?|bratwurst|kielbasa|knockwurst|chorizo|salami|pepperoni|bologna|pastrami|mortadella|liverwurst|braunschweiger|scrapple|head ?cheese|pate|jerky|luncheon|links|salisbury",
    "name mentions a meat product",
  ),
  term("giblets|tripe|sweetbreads|bone marrow|blood|gizzards?", "name mentions offal"),
];

/** Fish and sea animals. */
const SEA_WORDS: Term[] = [
  term(
    "fish|fishes|shellfish|catfish|monkfish|crayfish|jellyfish|whitefish|blackfish|devilfish|surimi|roe|caviar|shark",
    "name mentions fish",
  ),
  term(
    "tuna|salmon|cod|lingcod|haddock|halibut|pollock|tilapia|trout|steelhead|sardines?|anchovy|anchovies|herring|mackerel|snapper|grouper|flounder|sole|bass|perch|pike|carp|eel|smelt|sheefish|swordfish|mahimahi|pompano|whiting|shad|sturgeon|bonito|burbot|croaker|cisco|cusk|dolphinfish|milkfish|mullet|roughy|sablefish",
    "name mentions fish",
  ),
  term("shrimp|prawns?|crab|crabs|lobster|crawfish|krill", "name mentions shellfish"),
  term(
    "clams?|oysters?|mussels?|scallops?|squid|calamari|octopus|abalone|conch|cuttlefish|snails?|whelk|cockles?|chiton|gumboots",
    "name mentions shellfish",
  ),
  term(
    "whale|beluga|bowhead|muktuk|blubber|seal|oogruk|walrus|sea lion|sea cucumber|tunicate|oopah|ascidians?|tunughnak|agutuk|tipnuk",
    "name mentions a sea animal",
  ),
  term("frog legs|turtle|alligator", "name mentions meat"),
];

/** Animal-body products that do not look like meat: always omnivore. */
const HIDDEN_FLESH: Term[] = [
  term("gelatin|gelatine|gelatins", "contains gelatin"),
  term("lard", "contains lard"),
  term("tallow|suet|drippings|schmaltz|animal fat", "contains animal fat"),
  term("whole animal", "whole animal"),
  term(
    "broth|bouillon|consomme|au jus|jus|stock",
    "made with meat broth",
    "vegetable_broth|vegetable_stock|vegetable_bouillon",
  ),
  term("gravy|gravies", "gravy is made from meat stock or drippings"),
  term("worcestershire", "worcestershire sauce contains anchovies"),
  term("fish sauce|oyster sauce|shrimp paste|dashi", "made from fish or shellfish"),
  term("caesar", "caesar dressing contains anchovies"),
  term("kimchi", "kimchi is usually made with fish sauce or salted shrimp"),
  term("omega plus", "Smart Balance Omega Plus contains fish oil"),
  term("marshmallows?", "marshmallows contain gelatin"),
  term("fruit snacks|gummy|gummi|gummies|jell o", "gummy fruit snacks contain gelatin"),
  term("starburst", "Starburst chews contain gelatin"),
  term("lucky charms|count chocula|frankenberry|boo berry", "its marshmallows contain gelatin"),
  term("frosted mini wheats", "the frosting contains gelatin"),
  term("rice krispies treats squares", "made with marshmallows (gelatin)"),
  term(
    "refried beans?|frijoles volteados|frijoles rojos volteados",
    "refried beans are traditionally made with lard",
    "vegetarian|fat free|vegan",
  ),
  term(
    "egg drop|hot and sour|wonton|won ton|wedding soup|style wedding",
    "this soup is made with meat or meat broth",
  ),
  term(
    "french onion soup|soup onion canned",
    "canned onion soup is French onion soup, made on beef stock",
  ),
  term("gumbo", "gumbo is made with meat or seafood"),
  term("chili con carne|chili with beans|chili no beans", "canned chili contains beef"),
  term(
    "chili",
    "restaurant chili contains meat",
    "chil[ie]_\\w+|\\w+_chil[ie]|beans|mix|worthington|powder|pepper|peppers|sauce",
  ),
  term("rennin|rennet", "rennin (rennet) is taken from calves' stomachs"),
];

/** Frosted Pop-Tarts and toaster pastries carry gelatin in the frosting. */
function frostedToasterPastry(text: string): boolean {
  return /\bfrosted\b/.test(text) && /\b(?:pop tarts|toaster pastries|toaster pastry)\b/.test(text);
}

const ANIMAL_PRODUCTS: Term[] = [
  // plant milks were protected as one token ("soy_milk"), so \bmilk\b no longer sees them
  term(
    "milk|milks|milkfat|milkshakes?|malted milk|nonfat dry milk|buttermilk|lactose|dairy",
    "name mentions milk",
    "non dairy",
  ),
  term(
    "cheese|cheeses|cheesy|cheddar|mozzarella|parmesan|parmigiana|romano|ricotta|provolone|asiago|queso|cheez|quesadillas?|cheeseburger|paneer|velveeta|whiz",
    "name mentions cheese",
  ),
  term("butter|buttered|butterscotch|ghee|butterfat", "name mentions butter"),
  // not "creamy": "creamy peanut butter" and "creamy soymilk" hold no cream
  term(
    "cream|creams|creamed|creme|cremes|sour cream|whipped topping|whipped cream|half and half|eggnog|nog",
    "name mentions cream",
    "non dairy|silk",
  ),
  term("cocoa mix|hot cocoa", "cocoa mixes are made with milk powder"),
  term(
    "cappuccino|latte|mocha|french vanilla cafe|cafe vienna",
    "coffee-shop drinks and mixes are made with milk or creamer",
    "soymilk|soy_milk|silk|almond_milk",
  ),
  term(
    "whitener|whiteners|creamer|creamers",
    "non-dairy creamers usually contain sodium caseinate (milk)",
    "silk|soy|almond|coconut|industrial",
  ),
  term(
    "ensure|boost plus|nestle boost|slimfast|slim fast|pediasure|glucerna|muscle milk|instant breakfast|meal replacement|nutritional shake|nutrition shake|meal supplement|protein supplement|nutritional supplement|protein shake|protein powder|whey protein",
    "made with milk protein",
    "soy protein powder|soy based",
  ),
  term(
    "ice cream|ice creams|gelato|frozen yogurts?|frozen custard|sherbet|frosty|sundae|mcflurry|shake|shakes|parfait|dulce de leche",
    "a dairy dessert",
  ),
  term("yogurt|yoghurt|yogurts|kefir|tzatziki|raita", "name mentions yogurt"),
  term("whey|casein|caseinate|caseinates", "name mentions milk protein"),
  // Branded cereals whose SR28 names name no animal ingredient but whose recipes do: US
  // Special K lists dried whey and calcium caseinate (the UK one dried skimmed milk);
  // granola and muesli are usually bound or sweetened with honey or milk powder.
  term("special k", "Special K cereals are made with whey and caseinate (milk)"),
  term("granola|granolas|muesli|mueslix", "granola and muesli usually hold honey or milk"),
  term(
    "eggs?|egg whites?|egg yolks?|yolks?|omelets?|omelettes?|souffle|quiche|meringue|custards?|flan|eggo|french toast|french toaster|frittata",
    "name mentions egg",
  ),
  term(
    "mayonnaise|mayo|aioli|hollandaise|tartar|thousand island|coleslaw|potato salad|ranch|green goddess|blue cheese|roquefort",
    "made with mayonnaise, eggs or milk",
    "ranch style",
  ),
  term("honey|honeycomb cereal|golden grahams|royal jelly|bee pollen", "name mentions honey"),
  term("nougat|nougats|divinity|marshmallowcreme", "made with egg white"),
  term("sauce homemade white|sauce white|white sauce", "white sauce is made with milk and butter"),
  term(
    "alfredo|stroganoff|bechamel|au gratin|scalloped|pudding|puddings|mousse|tiramisu|cannoli|eclair|cream puff|popovers?|pancakes?|waffles?|hotcakes|crepes?|pound cake|cheesecakes?|brownies?|nutella|hazelnut spread",
    "usually made with egg or milk",
  ),
  term(
    "infant formula|child formula|toddler formula|formula",
    "milk-based formula",
    "soy|prosobee|isomil",
  ),
  term(
    "tiger's milk|milky way|milk chocolate|white chocolate|kit kat|twix|snickers|3 musketeers|m m's|toblerone|tootsie|caramels?|toffee|fudge|truffles?",
    "contains milk (candy)",
  ),
];

/** Words that turn meat words into a meat analogue. */
const ANALOGUE_MARKERS = words(
  "meatless|vegetarian|vegan|veggie|veggies|vege|meat analogs?|meat substitutes?|meat extender|soyburgers?|chik'?n|chik|chic ketts|fripats|stripples|prosage|leanies|wham|skallops|choplets|stakelets|linketts|saucettes|turk'?y|morningstar farms|loma linda|worthington|gardenburger|boca|tofurky|quorn",
);
const ANALOGUE_BRANDS = words(
  "morningstar farms|loma linda|worthington|gardenburger|boca|tofurky|quorn",
);
/** With "vegetarian" or "meatless", these words name a meat analogue ("Vegetarian fillets"). */
const ANALOGUE_PRODUCTS = words(
  "fillets?|patties|pattie|patty|loaf|nuggets|cutlets|crumbles|strips|wings|roast|slices|links|burgers?|dogs?|franks?|spread|stakes?|bits",
);
/** Analogues with no egg or milk: textured soy products. */
const PLAIN_SOY_ANALOGUES = words("bacon bits|meat extender");

/** Fermented foods, fungi and algae with natural B12 traces: neither fortified nor animal. */
const NATURAL_TRACE = words(
  "tempeh|miso|natto|mushrooms?|shiitake|portabella|crimini|chanterelle|morel|seaweed|seaweeds|algae|spirulina|chlorella|nori|laver|kelp|wakame|kombu|dulse|irishmoss|agar|emi tsunomata|yeast|sauerkraut|fermented|fuyu|green machine|green goodness",
);

const UNFORTIFIED = words("unfortified|not fortified|without added (?:vitamins|nutrients|b12)");

/**
 * "Fortified", "enhanced" or "with added vitamins" in the name, unless it lists what was
 * added and B12 is not in the list ("fortified with vitamin D" says nothing about B12).
 */
function namesB12Fortification(text: string): boolean {
  if (/\b(?:vitamins? )?b ?12\b/.test(text)) return true;
  if (/\b(?:vitamin|vitamins) [a-z](?: and [a-z])? fortified\b|\bfortified with\b/.test(text))
    return false;
  return /\b(?:fortified|enhanced|with added (?:vitamins|nutrients)|with vitamins)\b/.test(text);
}

type FortificationContext = { label: string; minimum: number; vegetarianMinimum: number };

/** Product types whose makers add B12: B12 found in them is read as added. */
function fortificationContext(
  text: string,
  groupCode: string | null,
  analogue: boolean,
): FortificationContext | null {
  if (analogue)
    return {
      label: "meat analogue",
      minimum: 0.1,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  if (
    /\b(?:soymilk|soy_milk|soya_milk|almond_milk|rice_milk|coconut_milk|oat_milk|hemp_milk|cashew_milk|soy beverage|soy drink)\b/.test(
      text,
    ) ||
    /\bsilk\b/.test(text)
  ) {
    return {
      label: "plant-based drink",
      minimum: 0.1,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  }
  if (/\btofu\b/.test(text))
    return { label: "tofu", minimum: 0.1, vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN };
  if (
    /\b(?:infant formula|child formula|toddler formula|formula|ensure|boost plus|nestle boost|slimfast|slim fast|pediasure|glucerna|muscle milk|instant breakfast|meal replacement|nutritional shake|nutrition shake|nutritional supplement|meal supplement|protein shake|protein supplement|shake mix)\b/.test(
      text,
    )
  ) {
    return { label: "nutrition product", minimum: 0.1, vegetarianMinimum: 0.01 };
  }
  if (
    /\b(?:energy drink|energy juice|sports drink|powerade|gatorade|vitamin water|glaceau|propel|red bull|monster|rockstar|nos|amp|full throttle|cran energy)\b/.test(
      text,
    )
  ) {
    return {
      label: "energy or sports drink",
      minimum: 0.1,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  }
  if (
    /\b(?:formulated bar|energy bar|protein bar|meal bar|clif bar|luna bar|power bar|powerbar|zone perfect|balance original bar|marathon)\b/.test(
      text,
    )
  ) {
    return { label: "nutrition bar", minimum: 0.1, vegetarianMinimum: 0.01 };
  }
  if (/\b(?:eggo|waffles?|waffle|pancakes?|hotcakes|french toast(?:er)?)\b/.test(text)) {
    return {
      label: "frozen waffles and pancakes",
      minimum: VEGETARIAN_FORTIFICATION_MIN,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  }
  if (groupCode === "0800" || /\bcereals? ready to eat\b|\bincaparina\b/.test(text)) {
    return {
      label: "breakfast cereal",
      minimum: CEREAL_FORTIFICATION_MIN,
      vegetarianMinimum: CEREAL_FORTIFICATION_MIN,
    };
  }
  if (/\b(?:fruit_juice|juice) smoothie\b/.test(text)) {
    return {
      label: "juice smoothie",
      minimum: 0.1,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  }
  if (namesB12Fortification(text)) {
    return {
      label: "name says fortified",
      minimum: 0.1,
      vegetarianMinimum: VEGETARIAN_FORTIFICATION_MIN,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Plant words: in mixed groups a name made only of these is called vegan
// ---------------------------------------------------------------------------------------

const PLANT_WORDS = new Set(
  `
  a all and any as assorted at based blend blends by contains for from in include includes including
  of on or other over the to type types variety varieties w with without only style
  raw cooked boiled baked broiled fried roasted toasted dried dry dehydrated canned frozen fresh
  refrigerated prepared unprepared ready serve eat heat bake fry heated reheated microwaved microwave
  microwavable microwaveable recipe home homemade commercially commercial commodity usda enriched
  unenriched fortified salt salted unsalted added no low lower reduced sodium fat free nonfat lite light
  calorie calories sugar sugars sweetened unsweetened sweet mixed mix mixes flavors original classic
  traditional organic natural whole grain grains white yellow red green black brown golden large small
  mini medium thick thin extra hot mild spicy chunky condensed concentrate solids liquids liquid drained
  packed pack water syrup syrups juice juices oil oils vegetable vegetables strained junior toddler
  toddlers dices diced sliced chopped pieces piece sticks stick plain regular less than percent approx
  approximately equal volume cubes cubed cut shredded instant quick regular stable shelf bottled bottle
  cans jar packet packets single serving size bite bites round rounds shaped spread spreads crisp
  crispy crunchy soft hard powder powdered granules granulated flakes flaked puffs puffed chips chip
  crisps unpeeled peeled skin seeds seed kernels kernel babyfood baby gerber graduates graduate 2nd
  3rd 1st foods food snacks snack nfs puree pureed mashed fruit fruits berry berries
  juice sauce sauces soup soups dip dips salsa salsas flavor flavored made meatless mature immature
  standard ascorbic acid vitamin c fluoride calcium propionate ca prop coated squares processed alkali
  hi breakfast herbal extract leaf substitute grenadine marmalades carob garden restructured trans
  young mashu laborador combination indian narrow shoots blanched oregon hazelnuts beaked hohoysi
  pitted salad dressing vinegar vinaigrette marinara pasta spaghetti cereal bar bars crunch
  poppy cinnamon crumbs grated baker baker's kaiser flatbread dough meal fondant
  pace mars snackfood us active compressed chewing butternut punch
  apple apples applesauce apricot apricots banana bananas blueberry blueberries cherry cherries
  cranberry cranberries grape grapes guava kiwi lemon lemons lime limes mango mangos papaya peach
  peaches pear pears pineapple plum plums prune prunes raisin raisins raspberry raspberries strawberry
  strawberries orange oranges tropical medley tangerine coconut dates date fig figs melon watermelon
  pomegranate passion acai cloudberries huckleberries salmonberries blackberries chokecherries
  rose hips prickly pears wild bush lingenberry low
  carrot carrots pea peas beans bean green lentil lentils corn squash sweet potato potatoes tomato
  tomatoes onion onions garlic pepper peppers spinach broccoli cauliflower celery asparagus beet beets
  cabbage kale lettuce mushroom mushrooms olive olives cucumber pickle pickles zucchini artichoke
  pumpkin yam yams cassava yucca taro plantain plantains chickpea chickpeas garbanzo hominy jalapeno
  jalapenos chile chiles chipotle cilantro basil herb herbs oregano parsley ginger lemongrass
  tamarind sesame peanut peanuts almond almonds cashew cashews walnut walnuts pecan pecans pistachio
  hazelnut nuts nut sunflower flax flaxseed chia soy soybean soybeans tofu edamame fireweed sourdock
  rhubarb leaves roots seedlings turnips prairie lambsquarters cattail nettles stinging agave acorn
  pinon wocas tuber pond lily tundra
  rice wheat oat oats oatmeal barley rye corn cornmeal masa millet quinoa buckwheat bran germ flour
  semolina grits polenta couscous tapioca arrowroot starch cornstarch sorghum multigrain multi
  bread breads bagel bagels pita rye pumpernickel sourdough french italian vienna cracked sprouted
  tortilla tortillas taco tostada shells shell matzo crispbread crackers cracker saltines saltine
  rolls roll buns bun phyllo focaccia chapati roti pretzels pretzel popcorn air popped kettle
  extruded cones cone rice cakes cake melba toast wafers
  candies candy hard gumdrops gum gums jellybeans jelly jellies jams jam preserves marmalade molasses
  maple cane turbinado dextrose fructose glucose malt sweetener sweeteners tabletop stevia sucralose
  saccharin aspartame splenda equal pectin guar locust skittles twizzlers licorice cocoa
  toppings topping pop pops ice ices italian novelties sorbet
  leavening agents agent baking powder soda yeast vinegar mustard ketchup catsup wasabi
  salsa picante verde enchilada tabasco sriracha teriyaki hoisin plum chili
  vegetarian vegan wholegrain
  restaurant family chinese mexican latino navajo hopi apache klamath alaska native southwest
  northern plains indians shoshone bannock mush ash steamed blue piki somiviki sakwavikaviki
  kneel down frybread tea herbal brewed chilchen beverage drink drinks
  fast fries potato plantain
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** True when every word of the cleaned name is a known plant or neutral word. */
function onlyPlantWords(text: string): boolean {
  const tokens = text.trim().split(" ").filter(Boolean);
  if (tokens.length === 0) return false;
  return tokens.every(
    (token) =>
      token.includes("_") ||
      /^\d+$/.test(token) ||
      PLANT_WORDS.has(token) ||
      PLANT_WORDS.has(token.replace(/'s$/, "")),
  );
}

/** Plant products recognised by name in any group (no animal word was found before). */
const PLANT_BY_NAME: RegExp[] = [
  // oils and shortenings: the animal ones (lard, tallow, fish oil) were caught earlier
  /^ (?:oil|oils|shortening|vegetable oil|usda commodity food oil|fat free cooking spray)\b/,
  // soy infant formula (the milk-based ones were caught as "formula")
  /\bformula\b.*\b(?:soy|prosobee|isomil)\b|\b(?:soy|prosobee|isomil)\b.*\bformula\b/,
  /\b(?:soymilk|soy_milk|almond_milk|rice_milk|coconut_milk|oat_milk|tofu|tempeh|miso|vegetable_broth)\b/,
];

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

function firstMatch(terms: readonly Term[], text: string): Term | undefined {
  return terms.find((t) => t.pattern.test(text) && !t.unless?.test(text));
}

function formatMicrograms(value: number): string {
  return `${Number(value.toFixed(2))} µg/100 g`;
}

type DietDecision = { diet: Diet; reason: string; analogue: boolean };

function decideDiet(food: ClassifiableFood, text: string): DietDecision {
  const group = food.groupCode ? GROUPS[food.groupCode] : undefined;
  const neutralised = ANALOGUE_MARKERS.test(text);
  const meatWord = firstMatch(MEAT_WORDS, text);
  const analogue =
    ANALOGUE_BRANDS.test(text) ||
    /\bmeat (?:extender|substitutes?|analogs?)\b|\bveggie burgers?\b|\bsoyburgers?\b/.test(text) ||
    (neutralised && (meatWord !== undefined || ANALOGUE_PRODUCTS.test(text)));

  // Flesh first: a cheeseburger is omnivore, not vegetarian.
  if (!neutralised) {
    const flesh = meatWord ?? firstMatch(SEA_WORDS, text);
    if (flesh) return { diet: "omnivore", reason: flesh.reason, analogue };
  } else if (!analogue) {
    // "vegetarian" in e.g. a soup name says no meat, but fish words still count.
    const sea = firstMatch(SEA_WORDS, text);
    if (sea) return { diet: "omnivore", reason: sea.reason, analogue };
  }
  const hidden = analogue ? undefined : firstMatch(HIDDEN_FLESH, text);
  if (hidden) return { diet: "omnivore", reason: hidden.reason, analogue };
  if (frostedToasterPastry(text)) {
    return { diet: "omnivore", reason: "the frosting contains gelatin", analogue };
  }
  if (group?.kind === "flesh") return { diet: "omnivore", reason: `${group.name} group`, analogue };

  const animalProduct = firstMatch(ANIMAL_PRODUCTS, text);
  if (animalProduct) return { diet: "vegetarian", reason: animalProduct.reason, analogue };
  if (group?.kind === "dairy")
    return { diet: "vegetarian", reason: `${group.name} group`, analogue };

  if (analogue) {
    if (/\bvegan\b/.test(text)) return { diet: "vegan", reason: "name says vegan", analogue };
    if (PLAIN_SOY_ANALOGUES.test(text)) {
      return { diet: "vegan", reason: "textured soy product, no egg or milk", analogue };
    }
    return {
      diet: "vegetarian",
      reason:
        "meat analogue: most are made with egg white or milk, and the name does not say vegan",
      analogue,
    };
  }

  if (PLANT_BY_NAME.some((pattern) => pattern.test(text))) {
    const evidence = b12Evidence(food, text, "plant", analogue);
    if (evidence) return { diet: "vegetarian", reason: evidence, analogue };
    return {
      diet: "vegan",
      reason: `plant product, no animal ingredient named${traceNote(food, text)}`,
      analogue,
    };
  }
  if (!group) {
    // Unknown group (e.g. a custom food): without a group, stay on the safe side.
    return {
      diet: "vegetarian",
      reason: "no animal ingredient named, but no food group to confirm it",
      analogue,
    };
  }
  if (group.kind === "mixed" && !onlyPlantWords(text)) {
    return {
      diet: "vegetarian",
      reason: `${group.name} group: egg, milk or butter are common and the name does not rule them out`,
      analogue,
    };
  }

  // A would-be vegan food: does its B12 say otherwise?
  const evidence = b12Evidence(food, text, group.kind, analogue);
  if (evidence) return { diet: "vegetarian", reason: evidence, analogue };
  const reason =
    group.kind === "mixed"
      ? "name lists only plant ingredients"
      : `${group.name} group, no animal ingredient named`;
  return { diet: "vegan", reason: reason + traceNote(food, text), analogue };
}

/** Tells a vegan reader that a fermented food's or seaweed's B12 is not to be counted on. */
function traceNote(food: ClassifiableFood, text: string): string {
  const b12 = food.b12PerHundredGrams;
  if (b12 === null || b12 <= 0) return "";
  if ((food.b12AddedPerHundredGrams ?? 0) > 0 || !NATURAL_TRACE.test(text)) return "";
  return "; its B12 is a natural trace, not a reliable source";
}

/**
 * For a food that looks vegan: B12 with no added-B12 figure, in a product type that is
 * not fortified, points to animal ingredients. Returns the reason, or null.
 */
function b12Evidence(
  food: ClassifiableFood,
  text: string,
  kind: GroupKind,
  analogue: boolean,
): string | null {
  const b12 = food.b12PerHundredGrams;
  if (b12 === null || b12 <= 0) return null;
  if ((food.b12AddedPerHundredGrams ?? 0) > 0) return null;
  if (NATURAL_TRACE.test(text)) return null;
  if (UNFORTIFIED.test(text)) return null; // e.g. "Soymilk, unfortified": the name is explicit.
  const context = fortificationContext(text, food.groupCode, analogue);
  if (context && b12 >= context.minimum) return null;
  if (kind !== "mixed" && !context && b12 < PLANT_GROUP_EVIDENCE_MIN) return null;
  return `reports B12 (${formatMicrograms(b12)}) with no sign of fortification, so it likely has animal ingredients`;
}

function decideFortified(
  food: ClassifiableFood,
  text: string,
  diet: Diet,
  analogue: boolean,
): { fortified: boolean; reason: string | null } {
  const b12 = food.b12PerHundredGrams;
  const added = food.b12AddedPerHundredGrams;
  if (UNFORTIFIED.test(text)) return { fortified: false, reason: null };
  if (added !== null && added > 0) {
    return {
      fortified: true,
      reason: `USDA lists added B12 (${formatMicrograms(added)}, nutrient 578)`,
    };
  }
  // Unknown B12 never makes a food fortified; neither does none.
  if (b12 === null || b12 <= 0) return { fortified: false, reason: null };
  if (NATURAL_TRACE.test(text)) return { fortified: false, reason: null };
  if (diet === "omnivore") return { fortified: false, reason: null };
  const context = fortificationContext(text, food.groupCode, analogue);
  if (!context) return { fortified: false, reason: null };
  const minimum = diet === "vegan" ? context.minimum : context.vegetarianMinimum;
  if (b12 < minimum) return { fortified: false, reason: null };
  const amount = formatMicrograms(b12);
  let reason = `${context.label} with B12 (${amount}): more than its egg or milk would give, so it is added`;
  if (diet === "vegan")
    reason = `${context.label} with B12 (${amount}): plant foods have none of their own, so it is added`;
  else if (context.vegetarianMinimum < VEGETARIAN_FORTIFICATION_MIN) {
    reason = `${context.label} with B12 (${amount}): these are made with added vitamins`;
  }
  return { fortified: true, reason };
}

/** The rules alone, without overrides. */
function classifyByRules(
  food: ClassifiableFood,
  forcedDiet?: Diet | null,
): Classification & { analogue: boolean } {
  const text = cleanName(food.name);
  const decision = decideDiet(food, text);
  const diet = forcedDiet ?? decision.diet;
  const fortification = decideFortified(food, text, diet, decision.analogue);
  return {
    diet,
    dietReason: decision.reason,
    b12Fortified: fortification.fortified,
    fortifiedReason: fortification.reason,
    analogue: decision.analogue,
  };
}

/**
 * Classifies one food. A hand-checked override for its NDB number wins over the rules
 * for the fields it sets (diet, fortified or both); the other field comes from the rules,
 * worked out with the overridden diet.
 */
export function classifyFood(
  food: ClassifiableFood,
  overrides?: ReadonlyMap<string, ClassificationOverride>,
): Classification {
  const override = food.ndbNumber ? overrides?.get(food.ndbNumber) : undefined;
  const rules = classifyByRules(food, override?.diet ?? null);
  const result: Classification = {
    diet: rules.diet,
    b12Fortified: rules.b12Fortified,
    dietReason: rules.dietReason,
    fortifiedReason: rules.fortifiedReason,
  };
  if (!override) return result;
  if (override.diet !== null) result.dietReason = `hand-checked override: ${override.note}`;
  if (override.b12Fortified !== null) {
    result.b12Fortified = override.b12Fortified;
    result.fortifiedReason = override.b12Fortified
      ? `hand-checked override: ${override.note}`
      : null;
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Overrides file
// ---------------------------------------------------------------------------------------

const OVERRIDE_HEADER = ["ndb_number", "diet", "b12_fortified", "note"] as const;

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote). */
function splitCsvLine(line: string, fail: (message: string) => never): string[] {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inQuotes) {
      if (char === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += char;
      }
    } else if (char === '"') {
      if (field.length > 0) fail("stray quote inside a field");
      inQuotes = true;
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  if (inQuotes) fail("unterminated quote");
  fields.push(field);
  return fields;
}

type CsvRow = { lineNumber: number; fields: string[] };

/**
 * Reads a small CSV file with a fixed header. Blank lines are skipped; every other row
 * must have exactly the header's columns. Errors name the file and the line.
 */
function readCsv(csvText: string, what: string, header: readonly string[]): CsvRow[] {
  const lines = csvText.replace(/^\uFEFF/, "").split(/\r?\n/);
  const failAt =
    (lineNumber: number) =>
    (message: string): never => {
      throw new Error(`${what}, line ${lineNumber}: ${message}`);
    };
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1) failAt(1)(`missing header "${header.join(",")}"`);
  const found = splitCsvLine(lines[headerIndex] ?? "", failAt(headerIndex + 1)).map((h) =>
    h.trim(),
  );
  if (found.join(",") !== header.join(",")) {
    failAt(headerIndex + 1)(`expected header "${header.join(",")}", found "${found.join(",")}"`);
  }
  const rows: CsvRow[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    const fail = failAt(index + 1);
    const fields = splitCsvLine(line, fail).map((f) => f.trim());
    if (fields.length !== header.length)
      fail(`expected ${header.length} columns, found ${fields.length}`);
    rows.push({ lineNumber: index + 1, fields });
  }
  return rows;
}

function parseNdb(field: string, fail: (message: string) => never): string {
  if (!/^\d{5}$/.test(field)) fail(`bad NDB number "${field}" (expected 5 digits)`);
  return field;
}

function parseDietWord(field: string, fail: (message: string) => never): Diet {
  const word = field.toLowerCase();
  if (!(DIET_VALUES as readonly string[]).includes(word)) {
    fail(`unknown diet "${field}" (expected vegan, vegetarian or omnivore)`);
  }
  return word as Diet;
}

function parseBooleanWord(
  field: string,
  column: string,
  fail: (message: string) => never,
): boolean {
  const word = field.toLowerCase();
  if (word !== "true" && word !== "false")
    fail(`bad ${column} "${field}" (expected true or false)`);
  return word === "true";
}

/**
 * Parses db/data/classification-overrides.csv (header `ndb_number,diet,b12_fortified,note`).
 * An empty diet or b12_fortified leaves that field to the rules. Throws an Error naming
 * the line on a malformed row: wrong column count, bad NDB number, unknown diet word,
 * bad fortified value, missing note, nothing overridden, or a repeated NDB number.
 */
export function parseClassificationOverrides(csvText: string): Map<string, ClassificationOverride> {
  const what = "classification overrides";
  const overrides = new Map<string, ClassificationOverride>();
  for (const { lineNumber, fields } of readCsv(csvText, what, OVERRIDE_HEADER)) {
    const fail = (message: string): never => {
      throw new Error(`${what}, line ${lineNumber}: ${message}`);
    };
    const [ndbField = "", dietField = "", fortifiedField = "", note = ""] = fields;
    const ndbNumber = parseNdb(ndbField, fail);
    const diet = dietField === "" ? null : parseDietWord(dietField, fail);
    const b12Fortified =
      fortifiedField === "" ? null : parseBooleanWord(fortifiedField, "b12_fortified", fail);
    if (diet === null && b12Fortified === null)
      fail("overrides nothing: diet and b12_fortified are both empty");
    if (note === "") fail("missing note: say why the rules are overridden");
    if (overrides.has(ndbNumber)) fail(`NDB number ${ndbNumber} is listed twice`);
    overrides.set(ndbNumber, { ndbNumber, diet, b12Fortified, note });
  }
  return overrides;
}

// ---------------------------------------------------------------------------------------
// Measuring accuracy against hand-checked foods (tests/fixtures/hand-checked-foods.csv)
// ---------------------------------------------------------------------------------------

const HAND_CHECKED_HEADER = [
  "ndb_number",
  "name",
  "expected_diet",
  "expected_fortified",
  "note",
] as const;

export type HandCheckedFood = {
  ndbNumber: string;
  name: string;
  expectedDiet: Diet;
  expectedFortified: boolean;
  note: string;
};

/** Parses the hand-checked test set; errors name the line, like the overrides parser. */
export function parseHandCheckedFoods(csvText: string): HandCheckedFood[] {
  const what = "hand-checked foods";
  const seen = new Set<string>();
  return readCsv(csvText, what, HAND_CHECKED_HEADER).map(({ lineNumber, fields }) => {
    const fail = (message: string): never => {
      throw new Error(`${what}, line ${lineNumber}: ${message}`);
    };
    const [ndbField = "", name = "", dietField = "", fortifiedField = "", note = ""] = fields;
    const ndbNumber = parseNdb(ndbField, fail);
    if (seen.has(ndbNumber)) fail(`NDB number ${ndbNumber} is listed twice`);
    seen.add(ndbNumber);
    return {
      ndbNumber,
      name,
      expectedDiet: parseDietWord(dietField, fail),
      expectedFortified: parseBooleanWord(fortifiedField, "expected_fortified", fail),
      note,
    };
  });
}

export type ClassificationMismatch = {
  ndbNumber: string;
  name: string;
  expectedDiet: Diet;
  diet: Diet;
  expectedFortified: boolean;
  b12Fortified: boolean;
  dietReason: string;
  note: string;
};

export type ClassificationAccuracy = {
  total: number;
  /** share of foods where "vegan or not" is right: the figure that matters most to a vegan */
  veganOrNot: number;
  /** share where the exact diet is right */
  exactDiet: number;
  /** share where the fortified flag is right */
  fortified: number;
  /** every food that is wrong on any of the three */
  mismatches: ClassificationMismatch[];
};

/**
 * Classifies every hand-checked food and compares. `foods` maps NDB numbers to the
 * dataset's foods; a hand-checked food missing from it is an error, not a silent skip.
 */
export function measureClassificationAccuracy(
  handChecked: readonly HandCheckedFood[],
  foods: ReadonlyMap<string, ClassifiableFood>,
  overrides?: ReadonlyMap<string, ClassificationOverride>,
): ClassificationAccuracy {
  let veganOrNot = 0;
  let exactDiet = 0;
  let fortified = 0;
  const mismatches: ClassificationMismatch[] = [];
  for (const expected of handChecked) {
    const food = foods.get(expected.ndbNumber);
    if (!food)
      throw new Error(
        `hand-checked food ${expected.ndbNumber} (${expected.name}) is not in the dataset`,
      );
    const result = classifyFood(food, overrides);
    const veganRight = (result.diet === "vegan") === (expected.expectedDiet === "vegan");
    const dietRight = result.diet === expected.expectedDiet;
    const fortifiedRight = result.b12Fortified === expected.expectedFortified;
    if (veganRight) veganOrNot++;
    if (dietRight) exactDiet++;
    if (fortifiedRight) fortified++;
    if (!dietRight || !fortifiedRight) {
      mismatches.push({
        ndbNumber: expected.ndbNumber,
        name: food.name,
        expectedDiet: expected.expectedDiet,
        diet: result.diet,
        expectedFortified: expected.expectedFortified,
        b12Fortified: result.b12Fortified,
        dietReason: result.dietReason,
        note: expected.note,
      });
    }
  }
  const total = handChecked.length;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    total,
    veganOrNot: share(veganOrNot),
    exactDiet: share(exactDiet),
    fortified: share(fortified),
    mismatches,
  };
}

/** One line per mismatch, for test failure messages and the report. */
export function describeMismatch(m: ClassificationMismatch): string {
  const fortified = (value: boolean) => (value ? "fortified" : "not fortified");
  return (
    `${m.ndbNumber} ${m.name}: expected ${m.expectedDiet}, ${fortified(m.expectedFortified)}; ` +
    `got ${m.diet}, ${fortified(m.b12Fortified)} (${m.dietReason}) — hand-check note: ${m.note}`
  );
}
