/**
 * The foods a person reaches for again: recent foods (from this owner's plans, most
 * recently added first) and favourites (starred foods, most recently starred first).
 * They fill the add-food panel while its search box is empty. Also the preview of an
 * amount (grams and B12) the panel shows before "Add".
 */
import type { AppDatabase } from "../../db/client";
import { write } from "../../db/dialect";
import { rawAll, rawArrays, rawGet, rawRun } from "../../db/raw";
import { gramsForUnit } from "../domain/amount-units";
import { b12MicrogramsForGrams } from "../domain/b12-amounts";
import { gramsForPortions } from "../domain/portions";
import { isDrink } from "../domain/units";
import { invalid, notFound } from "../errors";
import {
  type AmountPreviewInput,
  MAX_SERVING_GRAMS,
  type RecentFoodsInput,
  type SetFavoriteInput,
} from "../schemas/foods";
import { type Food, getFoodsByIds } from "./foods";
import { checkFavoriteRoom } from "./limits";

export type RecentFood = Food & {
  /** When this food was last added to one of the owner's plans (ISO time). */
  lastUsedAt: string;
};

/** Distinct foods of this owner's plan entries, the most recently added first. */
export async function listRecentFoods(
  db: AppDatabase,
  ownerId: string,
  input: RecentFoodsInput,
): Promise<{ items: RecentFood[] }> {
  const rows = await rawAll<{ foodId: string; lastUsedAt: string }>(
    db,
    `SELECT e.food_id AS "foodId", max(e.created_at) AS "lastUsedAt"
     FROM plan_entries e JOIN plans p ON p.id = e.plan_id
     WHERE p.owner_id = :owner
     GROUP BY e.food_id
     ORDER BY "lastUsedAt" DESC, e.food_id
     LIMIT :limit`,
    { owner: ownerId, limit: input.limit },
  );
  const lastUsed = new Map(rows.map((row) => [row.foodId, row.lastUsedAt]));
  const foods = await getFoodsByIds(
    db,
    ownerId,
    rows.map((row) => row.foodId),
  );
  return { items: foods.map((food) => ({ ...food, lastUsedAt: lastUsed.get(food.id) ?? "" })) };
}

/** This owner's starred foods, the most recently starred first. */
export async function listFavoriteFoods(
  db: AppDatabase,
  ownerId: string,
): Promise<{ items: Food[] }> {
  const ids = (
    await rawArrays(
      db,
      `SELECT food_id FROM favorite_foods WHERE owner_id = ? ORDER BY created_at DESC, food_id`,
      [ownerId],
    )
  ).map((row) => row[0] as string);
  return { items: await getFoodsByIds(db, ownerId, ids) };
}

/** Stars or unstars a food; NOT_FOUND when the food does not exist for this owner. */
export async function setFavoriteFood(
  db: AppDatabase,
  ownerId: string,
  input: SetFavoriteInput,
): Promise<{ foodId: string; favorite: boolean }> {
  const visible = await rawGet(
    db,
    `SELECT 1 AS found FROM foods WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)`,
    [input.foodId, ownerId],
  );
  if (!visible) throw notFound(`No food with id "${input.foodId}"`, "foodId");
  // The cap check and the insert in one write: exact with several app instances too.
  await write(db, ownerId, async (tx) => {
    if (input.favorite) {
      await checkFavoriteRoom(tx, ownerId, input.foodId);
      await rawRun(
        tx,
        `INSERT INTO favorite_foods (owner_id, food_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
        [ownerId, input.foodId],
      );
    } else {
      await rawRun(tx, `DELETE FROM favorite_foods WHERE owner_id = ? AND food_id = ?`, [
        ownerId,
        input.foodId,
      ]);
    }
  });
  return { foodId: input.foodId, favorite: input.favorite };
}

export type AmountPreview = {
  /** The amount in grams, as plans.addEntry would store it. */
  grams: number;
  /** B12 in that amount, µg; null when the food's B12 is unknown. */
  b12Micrograms: number | null;
};

/** Grams and B12 of an amount of a food, shown before "Add" (never stored). */
export async function previewAmount(
  db: AppDatabase,
  ownerId: string,
  input: AmountPreviewInput,
): Promise<AmountPreview> {
  const food = await rawGet<{ b12: number | null; name: string }>(
    db,
    `SELECT b12_per_100g AS b12, name FROM foods WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)`,
    [input.foodId, ownerId],
  );
  if (!food) throw notFound(`No food with id "${input.foodId}"`, "foodId");
  const portions = await rawAll<{ id: string; amount: number; unit: string; grams: number }>(
    db,
    `SELECT id, amount, unit, grams FROM food_portions WHERE food_id = ? ORDER BY seq`,
    [input.foodId],
  );
  const quantity = input.quantity ?? 1;
  let grams: number | null = input.grams ?? null;
  if (input.portionId !== undefined) {
    const portion = portions.find((candidate) => candidate.id === input.portionId);
    if (!portion) {
      throw notFound(`No portion with id "${input.portionId}" for this food`, "portionId");
    }
    grams = gramsForPortions(quantity, portion.grams);
  } else if (input.unit !== undefined) {
    grams = gramsForUnit(quantity, input.unit, portions, { drink: isDrink(food.name) });
    if (grams === null) {
      throw invalid(`unit: ${input.unit} needs a drink whose density is known`, "unit");
    }
  }
  if (grams === null || !(grams > 0)) throw invalid("grams must be greater than 0 g", "grams");
  if (grams > MAX_SERVING_GRAMS) {
    throw invalid(`quantity: that is ${Math.round(grams)} g, more than 5,000 g (5 kg)`, "quantity");
  }
  return { grams, b12Micrograms: b12MicrogramsForGrams(food.b12, grams) };
}
