/**
 * Per-owner caps, equal to what backup.restore accepts (server/schemas/backup.ts), so
 * that every export restores: plans, entries over all plans, custom foods, diet
 * corrections, favourite foods, aisle choices and recipes (dishes count with entries). Entries per plan are held in plans/access.ts (checkRoom). Each check
 * throws a BAD_REQUEST-mapped AppError naming the field, before anything is written.
 */
import { and, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import {
  dietOverrides,
  favoriteFoods,
  foods,
  planEntries,
  planRecipes,
  plans,
  recipes,
  shoppingAisleChoices,
} from "../../db/schema";
import { invalid } from "../errors";
import {
  MAX_BACKUP_AISLE_CHOICES,
  MAX_BACKUP_CUSTOM_FOODS,
  MAX_BACKUP_ENTRIES,
  MAX_BACKUP_FAVORITES,
  MAX_BACKUP_OVERRIDES,
  MAX_BACKUP_PLANS,
} from "../schemas/backup";
import { MAX_PLAN_ENTRIES } from "../schemas/plans";
import { MAX_RECIPES_PER_OWNER } from "../schemas/recipe-file";

type Db = Pick<AppDatabase, "select">;

function countPlans(db: Db, ownerId: string): number {
  return (
    db.select({ count: sql<number>`count(*)` }).from(plans).where(eq(plans.ownerId, ownerId)).get()
      ?.count ?? 0
  );
}

/** A new plan (create, duplicate, import) must fit under the owner's plan cap. */
export function checkPlanRoom(db: Db, ownerId: string, field = "planId"): void {
  if (countPlans(db, ownerId) + 1 > MAX_BACKUP_PLANS) {
    throw invalid(
      `You have ${MAX_BACKUP_PLANS} plans, the most one person can keep (and back up). Delete a plan you no longer need first.`,
      field,
    );
  }
}

/** Adding entries to any of an owner's plans must keep their total under the cap. */
export function checkOwnerEntryRoom(
  db: Db,
  ownerId: string,
  adding: number,
  field = "planId",
): void {
  if (adding <= 0) return;
  // Up to MAX_BACKUP_ENTRIES / MAX_PLAN_ENTRIES plans cannot pass the total: skip the count.
  const planCount = countPlans(db, ownerId);
  if (planCount * MAX_PLAN_ENTRIES + adding <= MAX_BACKUP_ENTRIES) return;
  // Dishes (recipes in meals) count with the entries.
  const total =
    (db
      .select({ count: sql<number>`count(*)` })
      .from(planEntries)
      .innerJoin(plans, eq(plans.id, planEntries.planId))
      .where(eq(plans.ownerId, ownerId))
      .get()?.count ?? 0) +
    (db
      .select({ count: sql<number>`count(*)` })
      .from(planRecipes)
      .innerJoin(plans, eq(plans.id, planRecipes.planId))
      .where(eq(plans.ownerId, ownerId))
      .get()?.count ?? 0);
  if (total + adding > MAX_BACKUP_ENTRIES) {
    throw invalid(
      `Your plans would hold ${total + adding} entries; all plans together hold at most ${MAX_BACKUP_ENTRIES}. Delete entries or plans you no longer need first.`,
      field,
    );
  }
}

/** A new custom food must fit under the owner's cap. */
export function checkCustomFoodRoom(db: Db, ownerId: string): void {
  const count =
    db
      .select({ count: sql<number>`count(*)` })
      .from(foods)
      .where(and(eq(foods.ownerId, ownerId), eq(foods.source, "custom")))
      .get()?.count ?? 0;
  if (count + 1 > MAX_BACKUP_CUSTOM_FOODS) {
    throw invalid(
      `You have ${MAX_BACKUP_CUSTOM_FOODS} custom foods, the most one person can keep (and back up). Delete one you no longer need first.`,
      "name",
    );
  }
}

/** A new diet correction (not a change to an existing one) must fit under the cap. */
export function checkDietOverrideRoom(db: Db, ownerId: string, foodId: string): void {
  const existing = db
    .select({ foodId: dietOverrides.foodId })
    .from(dietOverrides)
    .where(and(eq(dietOverrides.ownerId, ownerId), eq(dietOverrides.foodId, foodId)))
    .get();
  if (existing) return;
  const count =
    db
      .select({ count: sql<number>`count(*)` })
      .from(dietOverrides)
      .where(eq(dietOverrides.ownerId, ownerId))
      .get()?.count ?? 0;
  if (count + 1 > MAX_BACKUP_OVERRIDES) {
    throw invalid(
      `You have corrected the diet of ${MAX_BACKUP_OVERRIDES} foods, the most one person can keep (and back up). Remove a correction first.`,
      "diet",
    );
  }
}

/** A new favourite (not one already starred) must fit under the cap. */
export function checkFavoriteRoom(db: Db, ownerId: string, foodId: string): void {
  const existing = db
    .select({ foodId: favoriteFoods.foodId })
    .from(favoriteFoods)
    .where(and(eq(favoriteFoods.ownerId, ownerId), eq(favoriteFoods.foodId, foodId)))
    .get();
  if (existing) return;
  const count =
    db
      .select({ count: sql<number>`count(*)` })
      .from(favoriteFoods)
      .where(eq(favoriteFoods.ownerId, ownerId))
      .get()?.count ?? 0;
  if (count + 1 > MAX_BACKUP_FAVORITES) {
    throw invalid(
      `You have ${MAX_BACKUP_FAVORITES} favourite foods, the most one person can keep (and back up). Unstar one first.`,
      "foodId",
    );
  }
}

/** A new aisle choice (not a change to an existing one) must fit under the cap. */
export function checkAisleChoiceRoom(db: Db, ownerId: string, foodId: string): void {
  const existing = db
    .select({ foodId: shoppingAisleChoices.foodId })
    .from(shoppingAisleChoices)
    .where(and(eq(shoppingAisleChoices.ownerId, ownerId), eq(shoppingAisleChoices.foodId, foodId)))
    .get();
  if (existing) return;
  const count =
    db
      .select({ count: sql<number>`count(*)` })
      .from(shoppingAisleChoices)
      .where(eq(shoppingAisleChoices.ownerId, ownerId))
      .get()?.count ?? 0;
  if (count + 1 > MAX_BACKUP_AISLE_CHOICES) {
    throw invalid(
      `You have moved ${MAX_BACKUP_AISLE_CHOICES} foods to other aisles, the most one person can keep (and back up). Put one back in its usual aisle first.`,
      "aisle",
    );
  }
}

/** New recipes (create, duplicate, a plan file's) must fit under the household's cap. */
export function checkRecipeRoom(db: Db, ownerId: string, adding = 1, field = "name"): void {
  const count =
    db
      .select({ count: sql<number>`count(*)` })
      .from(recipes)
      .where(eq(recipes.ownerId, ownerId))
      .get()?.count ?? 0;
  if (count + adding > MAX_RECIPES_PER_OWNER) {
    throw invalid(
      `You have ${count} recipes; a household keeps (and backs up) at most ${MAX_RECIPES_PER_OWNER}. Delete a recipe you no longer need first.`,
      field,
    );
  }
}
