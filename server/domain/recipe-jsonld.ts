/**
 * A recipe page's schema.org `Recipe` JSON-LD (https://schema.org/Recipe), pasted or
 * uploaded, read into name, servings, ingredient lines and steps. Pure; no network.
 *
 * Accepts the shapes pages publish: one object, an array of objects, or a `@graph`;
 * `@type` "Recipe" or a list containing it; `recipeYield` as a number, "4", "4 servings",
 * "Serves 4-6" or a list of those; `recipeIngredient` (or the older `ingredients`) as
 * strings; `recipeInstructions` as text, a list of strings, `HowToStep`s (`text`) or
 * `HowToSection`s (`itemListElement`). HTML tags and common entities are removed.
 */

export type RecipeJsonLd = {
  name: string;
  /** Servings read from recipeYield (the low end of a range), null when absent. */
  servings: number | null;
  /** recipeYield as written ("4 servings"), null when absent. */
  yieldText: string | null;
  ingredients: string[];
  steps: string[];
};

export type RecipeJsonLdResult = { ok: true; recipe: RecipeJsonLd } | { ok: false; reason: string };

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  deg: "°",
};

/** Text without HTML tags and with entities decoded, spaces tidied. */
export function plainText(value: string): string {
  return (
    value
      .replace(/<[^>]*>/g, " ")
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (match, code: string) => {
        if (code.startsWith("#x") || code.startsWith("#X")) {
          return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
        }
        if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
        return ENTITIES[code.toLowerCase()] ?? match;
      })
      .replace(/\s+/g, " ")
      // A tag ends before punctuation ("<b>yeast</b>; season"): no space before it.
      .replace(/ ([,.;:!?)])/g, "$1")
      .trim()
  );
}

function isRecipe(node: unknown): node is Record<string, unknown> {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
  const type = (node as Record<string, unknown>)["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.some((item) => typeof item === "string" && /(^|\/|:)Recipe$/.test(item));
}

/** The first Recipe node anywhere in the document (objects, arrays, @graph, mainEntity). */
function findRecipe(node: unknown, depth = 0): Record<string, unknown> | null {
  if (depth > 8 || typeof node !== "object" || node === null) return null;
  if (isRecipe(node)) return node;
  const children = Array.isArray(node)
    ? node
    : ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"].map(
        (key) => (node as Record<string, unknown>)[key],
      );
  for (const child of children) {
    const found = findRecipe(child, depth + 1);
    if (found) return found;
  }
  return null;
}

function texts(value: unknown): string[] {
  if (typeof value === "string") return [plainText(value)].filter(Boolean);
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(texts);
  return [];
}

/** Steps from text, strings, HowToStep and HowToSection, in order. */
function steps(value: unknown, depth = 0): string[] {
  if (depth > 5) return [];
  if (typeof value === "string") {
    return value
      .split(/\r?\n|<\/p>|<br\s*\/?>/i)
      .map(plainText)
      .filter(Boolean);
  }
  if (Array.isArray(value)) return value.flatMap((item) => steps(item, depth + 1));
  if (typeof value === "object" && value !== null) {
    const node = value as Record<string, unknown>;
    if (node.itemListElement !== undefined) return steps(node.itemListElement, depth + 1);
    if (typeof node.text === "string") return [plainText(node.text)].filter(Boolean);
    if (typeof node.name === "string") return [plainText(node.name)].filter(Boolean);
  }
  return [];
}

/** 4 from 4, "4", "4 servings", "Serves 4-6", "Makes 12 muffins"; null when none. */
export function servingsFromYield(value: unknown): number | null {
  for (const text of texts(value)) {
    const match = /(\d+(?:[.,]\d+)?)/.exec(text);
    if (match) {
      const servings = Number((match[1] ?? "").replace(",", "."));
      if (servings > 0 && Number.isFinite(servings)) return servings;
    }
  }
  return null;
}

/** The Recipe in a JSON-LD text, or why there is none. */
export function parseRecipeJsonLd(json: string): RecipeJsonLdResult {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { ok: false, reason: "json: this is not valid JSON" };
  }
  const recipe = findRecipe(document);
  if (!recipe) return { ok: false, reason: 'json: no schema.org "Recipe" found in this JSON-LD' };
  const name = texts(recipe.name)[0] ?? "";
  const ingredients = texts(recipe.recipeIngredient ?? recipe.ingredients);
  if (ingredients.length === 0) {
    return { ok: false, reason: "json: the recipe has no recipeIngredient list" };
  }
  const yieldTexts = texts(recipe.recipeYield);
  return {
    ok: true,
    recipe: {
      name: name || "Imported recipe",
      servings: servingsFromYield(recipe.recipeYield),
      yieldText: yieldTexts[0] ?? null,
      ingredients,
      steps: steps(recipe.recipeInstructions),
    },
  };
}
