/**
 * Ingredient lines as people paste them ("2 cups unsweetened soy milk", "½ onion,
 * chopped", "a pinch of salt", "1 x 400g tin chickpeas") split into quantity, unit and
 * food text. Pure; no food look-up here (server/services/ingredients.ts matches the food
 * text with the food search and converts to grams).
 *
 * - Quantities: whole and decimal numbers (1.5 and 1,5), fractions (1/2, ½, 1 1/2, 1½),
 *   ranges (2-3, 2 to 3, 2–3: quantity is the low end, quantityMax the high end), words
 *   (a, an, one … twelve, half, a dozen).
 * - Units: metric (g, kg, mg, ml, cl, dl, l), US (cup, tbsp, tsp, fl oz, oz, lb, pint,
 *   quart, stick) and British words (dessertspoon, tin, knob, sprig, rasher); counts
 *   (clove, slice, can, handful, pinch, dash, bunch …) and sizes (large, medium, small).
 *   A unit written against its number ("200g", "1.5kg") is read too. Units come out
 *   canonical: "tablespoons" → "tbsp", "grams" → "g", "tins" → "can".
 * - Food text: what is left, without "of", a leading size or the note after the first
 *   comma or in brackets ("chopped", "to taste", "400 g"), which goes to `note`.
 */

export type ParsedIngredient = {
  /** The line as given (trimmed). */
  text: string;
  /** The amount, or its low end for a range; null when the line has none ("salt to taste"). */
  quantity: number | null;
  /** The high end of a range ("2-3 cloves": 3), else null. */
  quantityMax: number | null;
  /** Canonical unit ("cup", "tbsp", "g", "clove", "large"), null for a plain count or none. */
  unit: string | null;
  /** The food as written, without amount, unit and notes: "unsweetened soy milk". */
  food: string;
  /** What came after a comma or in brackets: "chopped", "to taste". */
  note: string | null;
};

const FRACTIONS: Record<string, string> = {
  "½": "1/2",
  "⅓": "1/3",
  "⅔": "2/3",
  "¼": "1/4",
  "¾": "3/4",
  "⅕": "1/5",
  "⅖": "2/5",
  "⅗": "3/5",
  "⅘": "4/5",
  "⅙": "1/6",
  "⅚": "5/6",
  "⅛": "1/8",
  "⅜": "3/8",
  "⅝": "5/8",
  "⅞": "7/8",
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  half: 0.5,
  "a half": 0.5,
  "a dozen": 12,
  dozen: 12,
  "a couple of": 2,
  "a couple": 2,
  couple: 2,
  "a few": 3,
  few: 3,
};

/** Unit spellings → canonical unit. Longer spellings are tried first. */
const UNIT_WORDS: Record<string, string> = {
  cup: "cup",
  cups: "cup",
  c: "cup",
  "c.": "cup",
  tablespoon: "tbsp",
  tablespoons: "tbsp",
  tbsp: "tbsp",
  "tbsp.": "tbsp",
  tbsps: "tbsp",
  tbs: "tbsp",
  tbl: "tbsp",
  tbls: "tbsp",
  T: "tbsp",
  teaspoon: "tsp",
  teaspoons: "tsp",
  tsp: "tsp",
  "tsp.": "tsp",
  tsps: "tsp",
  t: "tsp",
  dessertspoon: "dessertspoon",
  dessertspoons: "dessertspoon",
  dsp: "dessertspoon",
  g: "g",
  gr: "g",
  gram: "g",
  grams: "g",
  gramme: "g",
  grammes: "g",
  kg: "kg",
  kgs: "kg",
  kilo: "kg",
  kilos: "kg",
  kilogram: "kg",
  kilograms: "kg",
  mg: "mg",
  milligram: "mg",
  milligrams: "mg",
  ml: "ml",
  mls: "ml",
  millilitre: "ml",
  millilitres: "ml",
  milliliter: "ml",
  milliliters: "ml",
  cl: "cl",
  dl: "dl",
  l: "l",
  litre: "l",
  litres: "l",
  liter: "l",
  liters: "l",
  oz: "oz",
  "oz.": "oz",
  ounce: "oz",
  ounces: "oz",
  "fl oz": "fl oz",
  "fl. oz": "fl oz",
  "fl. oz.": "fl oz",
  "fluid ounce": "fl oz",
  "fluid ounces": "fl oz",
  lb: "lb",
  lbs: "lb",
  "lb.": "lb",
  pound: "lb",
  pounds: "lb",
  pint: "pint",
  pints: "pint",
  pt: "pint",
  quart: "quart",
  quarts: "quart",
  qt: "quart",
  stick: "stick",
  sticks: "stick",
  clove: "clove",
  cloves: "clove",
  slice: "slice",
  slices: "slice",
  can: "can",
  cans: "can",
  tin: "can",
  tins: "can",
  jar: "jar",
  jars: "jar",
  packet: "packet",
  packets: "packet",
  package: "packet",
  packages: "packet",
  pack: "packet",
  packs: "packet",
  bag: "bag",
  bags: "bag",
  handful: "handful",
  handfuls: "handful",
  pinch: "pinch",
  pinches: "pinch",
  dash: "dash",
  dashes: "dash",
  splash: "splash",
  drizzle: "drizzle",
  knob: "knob",
  bunch: "bunch",
  bunches: "bunch",
  sprig: "sprig",
  sprigs: "sprig",
  stalk: "stalk",
  stalks: "stalk",
  rasher: "rasher",
  rashers: "rasher",
  piece: "piece",
  pieces: "piece",
  head: "head",
  heads: "head",
  leaf: "leaf",
  leaves: "leaf",
  block: "block",
  blocks: "block",
  scoop: "scoop",
  scoops: "scoop",
  sheet: "sheet",
  sheets: "sheet",
  fillet: "fillet",
  fillets: "fillet",
  drop: "drop",
  drops: "drop",
  glass: "glass",
  glasses: "glass",
  mug: "mug",
  mugs: "mug",
};

/** Size words read as the unit of a counted food ("2 large eggs"). */
const SIZE_WORDS: Record<string, string> = {
  large: "large",
  medium: "medium",
  small: "small",
  "extra large": "extra large",
  "extra-large": "extra large",
  big: "large",
  jumbo: "jumbo",
};

/** Words that qualify a unit and are dropped ("1 heaped tbsp", "2 level teaspoons"). */
const UNIT_QUALIFIERS = /^(heaped|heaping|level|rounded|scant|generous|good|large|small|big)\s+/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const UNIT_PATTERN = Object.keys(UNIT_WORDS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

/** Unicode fractions to ASCII, dashes to "-", spaces tidied; bullets removed. */
export function normaliseLine(line: string): string {
  let text = line.replace(/\u00a0/g, " ").trim();
  text = text.replace(/^[-*•·▪◦]\s*/, "");
  text = text.replace(/(\d)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])/g, "$1 $2");
  text = text.replace(/[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/g, (char) => FRACTIONS[char] ?? char);
  text = text.replace(/⁄/g, "/");
  text = text.replace(/[–—−]/g, "-");
  return text.replace(/\s+/g, " ").trim();
}

/** "1 1/2" → 1.5, "3/4" → 0.75, "1,5" → 1.5, "2" → 2; NaN when not a number. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  const mixed = /^(\d+)\s+(\d+)\/(\d+)$/.exec(trimmed);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const fraction = /^(\d+)\/(\d+)$/.exec(trimmed);
  if (fraction)
    return Number(fraction[2]) === 0 ? Number.NaN : Number(fraction[1]) / Number(fraction[2]);
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  if (/^\.\d+$/.test(trimmed)) return Number(trimmed);
  return Number.NaN;
}

const NUMBER = String.raw`(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)?|\.\d+)`;
const QUANTITY = new RegExp(String.raw`^(${NUMBER})(?:\s*(?:-|to|or)\s*(${NUMBER}))?`, "i");
const WORD_QUANTITY = new RegExp(
  String.raw`^(${Object.keys(NUMBER_WORDS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})\b\s*`,
  "i",
);

type Amount = { quantity: number | null; quantityMax: number | null; rest: string };

function readQuantity(text: string): Amount {
  // "1 x 400g tin chickpeas", "2 × 400 g cans": a count of packs of a stated weight.
  const packs = new RegExp(
    String.raw`^(${NUMBER})\s*[x×]\s*(${NUMBER})\s*(g|kg|ml|l|oz)\b\.?\s*`,
    "i",
  ).exec(text);
  if (packs) {
    const count = parseNumber(packs[1] ?? "");
    const size = parseNumber(packs[2] ?? "");
    const unit = UNIT_WORDS[(packs[3] ?? "").toLowerCase()] ?? "g";
    const rest = text
      .slice(packs[0].length)
      .replace(/^(tins?|cans?|jars?|packs?|packets?)\b\s*/i, "");
    return { quantity: count * size, quantityMax: null, rest: `${unit} ${rest}`.trim() };
  }
  const numeric = QUANTITY.exec(text);
  if (numeric) {
    const low = parseNumber(numeric[1] ?? "");
    const high = numeric[2] ? parseNumber(numeric[2]) : Number.NaN;
    if (Number.isFinite(low)) {
      return {
        quantity: low,
        quantityMax: Number.isFinite(high) && high > low ? high : null,
        rest: text.slice(numeric[0].length).trim(),
      };
    }
  }
  const word = WORD_QUANTITY.exec(text);
  if (word) {
    const value = NUMBER_WORDS[(word[1] ?? "").toLowerCase()];
    const rest = text.slice(word[0].length).trim();
    // "a" before a food with no unit ("a lemon") still counts one; "half a cup" → 0.5.
    if (value !== undefined) {
      const following = /^(a|an)\b\s*/i.exec(rest);
      return {
        quantity: value,
        quantityMax: null,
        rest: following && value === 0.5 ? rest.slice(following[0].length) : rest,
      };
    }
  }
  return { quantity: null, quantityMax: null, rest: text };
}

function readUnit(text: string): { unit: string | null; rest: string } {
  let rest = text.replace(/^of\s+/i, "");
  // "(400 g) can" / "(15-ounce) can": the bracket describes the pack; keep it as a note.
  const qualified = UNIT_QUALIFIERS.exec(rest);
  const afterQualifier = qualified ? rest.slice(qualified[0].length) : rest;
  const unitMatch = new RegExp(String.raw`^(${UNIT_PATTERN})(?=$|[\s,.(;:)])\.?\s*`).exec(
    afterQualifier,
  );
  const caseless = unitMatch
    ? null
    : new RegExp(String.raw`^(${UNIT_PATTERN})(?=$|[\s,.(;:)])\.?\s*`, "i").exec(afterQualifier);
  const found = unitMatch ?? caseless;
  if (found) {
    const word = found[1] ?? "";
    // "T" (tablespoon) and "t" (teaspoon) only in their exact case; others any case.
    const unit =
      UNIT_WORDS[word] ??
      UNIT_WORDS[word.toLowerCase()] ??
      UNIT_WORDS[word.toLowerCase().replace(/\.$/, "")];
    if (unit && !(word.length === 1 && /^[tTc]$/.test(word) && !unitMatch)) {
      rest = afterQualifier.slice(found[0].length).replace(/^of\s+/i, "");
      return { unit, rest };
    }
  }
  const size = /^(extra[ -]large|large|medium|small|big|jumbo)\b\s*/i.exec(rest);
  if (size) {
    return {
      unit: SIZE_WORDS[(size[1] ?? "").toLowerCase().replace("-", " ")] ?? null,
      rest: rest.slice(size[0].length),
    };
  }
  return { unit: null, rest };
}

/** Splits "onion, finely chopped (about 150 g)" into food "onion" and its note. */
function splitNote(text: string): { food: string; note: string | null } {
  const notes: string[] = [];
  let food = text.replace(/\(([^)]*)\)/g, (_match, inner: string) => {
    if (inner.trim()) notes.push(inner.trim());
    return " ";
  });
  const comma = food.indexOf(",");
  if (comma >= 0) {
    const after = food.slice(comma + 1).trim();
    if (after) notes.unshift(after);
    food = food.slice(0, comma);
  }
  const toTaste =
    /\s+(to taste|as needed|for serving|to serve|optional|for frying|for greasing)$/i.exec(food);
  if (toTaste) {
    notes.push((toTaste[1] ?? "").toLowerCase());
    food = food.slice(0, toTaste.index);
  }
  food = food
    .replace(/\s+/g, " ")
    .replace(/^of\s+/i, "")
    .trim();
  return { food, note: notes.length > 0 ? notes.join("; ") : null };
}

/** One ingredient line parsed; never throws, whatever the text. */
export function parseIngredientLine(line: string): ParsedIngredient {
  const text = line.trim();
  const normalised = normaliseLine(text);
  const amount = readQuantity(normalised);
  let unit: string | null = null;
  let rest = amount.rest;
  if (amount.quantity !== null) {
    // A unit glued to the number ("200g") was left at the start of `rest`.
    const read = readUnit(rest);
    unit = read.unit;
    rest = read.rest;
    // "2 (400 g) cans chickpeas": bracket first, then the unit.
    if (unit === null) {
      const bracket = /^\(([^)]*)\)\s*/.exec(rest);
      if (bracket) {
        const after = readUnit(rest.slice(bracket[0].length));
        if (after.unit) {
          unit = after.unit;
          rest = `${after.rest} (${bracket[1]})`;
        }
      }
    }
  }
  const { food, note } = splitNote(rest);
  return {
    text,
    quantity: amount.quantity,
    quantityMax: amount.quantityMax,
    unit,
    food,
    note,
  };
}

/** Every non-empty line of a pasted list (headings such as "For the sauce:" dropped). */
export function parseIngredientList(text: string): ParsedIngredient[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^[^\d]*:$/.test(line))
    .map(parseIngredientLine);
}
