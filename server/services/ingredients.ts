/**
 * Pasted ingredient lines matched with foods: each line parsed (server/domain/
 * ingredient-parser.ts), its food text searched with the food search (searchFoods, read
 * only) under the matching rules of server/domain/ingredient-match.ts, and its amount
 * converted to grams with the matched food's household portions. Lines without a match
 * or without grams are kept and flagged, never dropped. No procedure uses this yet: the
 * recipes API (recipes.parseIngredients) will.
 */
import type { AppDatabase } from "../../db/client";
import { gramsFor, rankCandidates, searchQueries } from "../domain/ingredient-match";
import { type ParsedIngredient, parseIngredientList } from "../domain/ingredient-parser";
import { type Food, searchFoods } from "./foods";

/** How many search results per query are weighed, and how many alternatives are shown. */
const SEARCH_LIMIT = 25;
const CANDIDATES_SHOWN = 5;

/** A food the line may mean, with the line's amount in grams of that food (null: not convertible). */
export type IngredientCandidate = { id: string; name: string; grams: number | null };

export type ParsedIngredientLine = {
  text: string;
  quantity: number | null;
  quantityMax: number | null;
  unit: string | null;
  /** The food text read from the line ("unsweetened soy milk"). */
  foodText: string;
  note: string | null;
  /** The best match, or null when nothing matched. */
  food: IngredientCandidate | null;
  /** Grams of the matched food; null when the amount cannot be converted. */
  grams: number | null;
  /** Alternatives to offer, best first (the match included). */
  candidates: IngredientCandidate[];
  /** Why the line needs a look: "no-food" (kept as text), "no-amount", "no-grams". */
  flag: "no-food" | "no-amount" | "no-grams" | null;
};

async function findCandidates(
  db: AppDatabase,
  ownerId: string,
  parsed: ParsedIngredient,
): Promise<Food[]> {
  const canned = parsed.unit === "can" || /\b(can|canned|tin|tinned)\b/i.test(parsed.text);
  for (const query of searchQueries(parsed.food, canned)) {
    const { items } = await searchFoods(db, ownerId, {
      query,
      diet: "any",
      fortifiedOnly: false,
      sort: "relevance",
      limit: SEARCH_LIMIT,
    });
    if (items.length > 0) {
      return rankCandidates(
        items.map((food) => ({ ...food, groupCode: food.group?.code ?? null })),
        { food: parsed.text, unit: parsed.unit, query },
      );
    }
  }
  return [];
}

/** One parsed line with its match, grams and alternatives. */
export async function matchIngredient(
  db: AppDatabase,
  ownerId: string,
  parsed: ParsedIngredient,
): Promise<ParsedIngredientLine> {
  const candidates = parsed.food ? await findCandidates(db, ownerId, parsed) : [];
  const best = candidates[0] ?? null;
  // Each alternative weighed with its own portions: "2 eggs" are not the same grams of
  // duck eggs, and "1 cup" of one soy milk is not a cup of another.
  const gramsOf = (food: Food) =>
    gramsFor(
      parsed.quantity,
      parsed.unit,
      food.portions.map((portion) => ({ label: portion.label, grams: portion.grams })),
    );
  const grams = best ? gramsOf(best) : null;
  const flag = !best
    ? "no-food"
    : parsed.quantity === null
      ? "no-amount"
      : grams === null
        ? "no-grams"
        : null;
  return {
    text: parsed.text,
    quantity: parsed.quantity,
    quantityMax: parsed.quantityMax,
    unit: parsed.unit,
    foodText: parsed.food,
    note: parsed.note,
    food: best ? { id: best.id, name: best.name, grams } : null,
    grams,
    candidates: candidates
      .slice(0, CANDIDATES_SHOWN)
      .map((food) => ({ id: food.id, name: food.name, grams: gramsOf(food) })),
    flag,
  };
}

/** Every line of a pasted ingredient list, parsed and matched. */
export async function parseIngredients(
  db: AppDatabase,
  ownerId: string,
  text: string,
): Promise<{ lines: ParsedIngredientLine[] }> {
  const lines: ParsedIngredientLine[] = [];
  // One line after another: each runs a few searches, and on PostgreSQL a burst of them
  // all at once would take every pooled connection from other requests.
  for (const parsed of parseIngredientList(text)) {
    lines.push(await matchIngredient(db, ownerId, parsed));
  }
  return { lines };
}
