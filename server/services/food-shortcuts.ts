/**
 * The foods a person reaches for again: recent foods (from this owner's plans, most
 * recently added first) and favourites (starred foods, most recently starred first).
 * They fill the add-food panel while its search box is empty.
 */
import type { AppDatabase } from "../../db/client";
import { notFound } from "../errors";
import type { RecentFoodsInput, SetFavoriteInput } from "../schemas/foods";
import { type Food, getFoodsByIds } from "./foods";
import { prepared } from "./statements";

export type RecentFood = Food & {
  /** When this food was last added to one of the owner's plans (ISO time). */
  lastUsedAt: string;
};

/** Distinct foods of this owner's plan entries, the most recently added first. */
export function listRecentFoods(
  db: AppDatabase,
  ownerId: string,
  input: RecentFoodsInput,
): { items: RecentFood[] } {
  const rows = prepared(
    db,
    `SELECT e.food_id AS foodId, max(e.created_at) AS lastUsedAt
     FROM plan_entries e JOIN plans p ON p.id = e.plan_id
     WHERE p.owner_id = :owner
     GROUP BY e.food_id
     ORDER BY lastUsedAt DESC, e.food_id
     LIMIT :limit`,
  ).all({ owner: ownerId, limit: input.limit }) as { foodId: string; lastUsedAt: string }[];
  const lastUsed = new Map(rows.map((row) => [row.foodId, row.lastUsedAt]));
  const foods = getFoodsByIds(
    db,
    ownerId,
    rows.map((row) => row.foodId),
  );
  return { items: foods.map((food) => ({ ...food, lastUsedAt: lastUsed.get(food.id) ?? "" })) };
}

/** This owner's starred foods, the most recently starred first. */
export function listFavoriteFoods(db: AppDatabase, ownerId: string): { items: Food[] } {
  const ids = prepared(
    db,
    `SELECT food_id FROM favorite_foods WHERE owner_id = ? ORDER BY created_at DESC, food_id`,
  )
    .pluck()
    .all(ownerId) as string[];
  return { items: getFoodsByIds(db, ownerId, ids) };
}

/** Stars or unstars a food; NOT_FOUND when the food does not exist for this owner. */
export function setFavoriteFood(
  db: AppDatabase,
  ownerId: string,
  input: SetFavoriteInput,
): { foodId: string; favorite: boolean } {
  const visible = prepared(
    db,
    `SELECT 1 FROM foods WHERE id = ? AND (owner_id IS NULL OR owner_id = ?)`,
  ).get(input.foodId, ownerId);
  if (!visible) throw notFound(`No food with id "${input.foodId}"`, "foodId");
  if (input.favorite) {
    prepared(
      db,
      `INSERT INTO favorite_foods (owner_id, food_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    ).run(ownerId, input.foodId);
  } else {
    prepared(db, `DELETE FROM favorite_foods WHERE owner_id = ? AND food_id = ?`).run(
      ownerId,
      input.foodId,
    );
  }
  return { foodId: input.foodId, favorite: input.favorite };
}
