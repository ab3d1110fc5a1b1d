/**
 * Plurals and spellings for food search: one word's singular form (to compare a query
 * with a food's name) and the prefixes that find every form of it in the index.
 *
 * People type "eggs", "sardines", "berry" and "yoghurt"; SR28 writes "Egg", "sardine",
 * "Strawberries" and "Yogurt". English plural rules are irregular, so this covers the
 * regular endings (-s, -es after ch/sh/x/s/z/o, -ies) and lists the few exceptions food
 * names need, rather than pretending to be a full stemmer.
 */

/** Words whose -ies plural comes from -ie ("cookies" → "cookie"), not -y. */
const IE_WORDS = new Set(["cookie", "brownie", "pie", "smoothie", "veggie", "calorie", "prairie"]);

/** Singular forms English does not derive by rule. */
const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = {
  leaves: "leaf",
  loaves: "loaf",
  halves: "half",
  calves: "calf",
  knives: "knife",
  geese: "goose",
  teeth: "tooth",
  feet: "foot",
};

/** Words that end in s but are not plurals (or whose plural reading would mislead). */
const NOT_PLURAL = new Set([
  "asparagus",
  "hummus",
  "couscous",
  "molasses",
  "swiss",
  "citrus",
  "octopus",
  "series",
  "species",
  "gas",
  "bass",
  "grits",
  "oats",
  "lentils",
]);

/** Everyday spelling variants, folded to the spelling SR28 uses. */
const SPELLINGS: Readonly<Record<string, string>> = {
  yoghurt: "yogurt",
  yoghurts: "yogurts",
  yogourt: "yogurt",
  soya: "soy",
  fibre: "fiber",
  flavour: "flavor",
  flavoured: "flavored",
  colour: "color",
  wholegrain: "whole grain",
  wholewheat: "whole wheat",
};

/** A word spelled as SR28 spells it ("yoghurt" → "yogurt"); may become two words. */
export function respellWord(word: string): string {
  return SPELLINGS[word] ?? word;
}

/** The singular form of a lower-case word: "eggs" → "egg", "berries" → "berry". */
export function singularWord(word: string): string {
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (word === "oats") return "oat";
  if (word === "lentils") return "lentil";
  if (word.length <= 3 || NOT_PLURAL.has(word) || /[^a-z]/.test(word)) return word;
  if (word.endsWith("ies")) {
    const withoutS = word.slice(0, -1);
    return IE_WORDS.has(withoutS) ? withoutS : `${word.slice(0, -3)}y`;
  }
  if (/(ch|sh|x|ss|z|o)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * The index prefixes that find every form of a word: its singular (which, as a prefix,
 * also finds "-s" and "-es" plurals) and, where the plural is not an extension of it,
 * the plural too ("berry" → "berry", "berries"). Redundant prefixes are dropped.
 */
export function wordPrefixes(word: string): string[] {
  const singular = singularWord(word);
  const forms = new Set([word, singular]);
  if (/[^aeiou]y$/.test(singular)) forms.add(`${singular.slice(0, -1)}ies`);
  const irregularPlural = Object.entries(IRREGULAR_SINGULARS).find(([, one]) => one === singular);
  if (irregularPlural) forms.add(irregularPlural[0]);
  const list = [...forms];
  return list.filter((form) => !list.some((other) => other !== form && form.startsWith(other)));
}
