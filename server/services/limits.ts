/**
 * Per-owner caps, equal to what backup.restore accepts (server/schemas/backup.ts), so
 * that every export restores: plans, entries over all plans, custom foods, diet
 * corrections, favourite foods, aisle choices and recipes (dishes count with entries). Entries per plan are held in plans/access.ts (checkRoom). Each check
 * throws a BAD_REQUEST-mapped AppError naming the field, before anything is written.
 */
import { and, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first } from "../../db/dialect";
import {
  dietOverrides,
  favoriteFoods,
  foods,
  householdMembers,
  people,
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
import { MAX_HOUSEHOLD_MEMBERS, MAX_PEOPLE_PER_HOUSEHOLD } from "../schemas/people";
import { MAX_PLAN_ENTRIES } from "../schemas/plans";
import { MAX_RECIPES_PER_OWNER } from "../schemas/recipe-file";

type Db = Pick<AppDatabase, "select">;

async function countPlans(db: Db, ownerId: string): Promise<number> {
  return (
    (
      await first(
        db.select({ count: sql<number>`count(*)` }).from(plans).where(eq(plans.ownerId, ownerId)),
      )
    )?.count ?? 0
  );
}

/** A new plan (create, duplicate, import) must fit under the owner's plan cap. */
export async function checkPlanRoom(db: Db, ownerId: string, field = "planId"): Promise<void> {
  if ((await countPlans(db, ownerId)) + 1 > MAX_BACKUP_PLANS) {
    throw invalid(
      `You have ${MAX_BACKUP_PLANS} plans, the most one person can keep (and back up). Delete a plan you no longer need first.`,
      field,
    );
  }
}

/** Adding entries to any of an owner's plans must keep their total under the cap. */
export async function checkOwnerEntryRoom(
  db: Db,
  ownerId: string,
  adding: number,
  field = "planId",
): Promise<void> {
  if (adding <= 0) return;
  // Up to MAX_BACKUP_ENTRIES / MAX_PLAN_ENTRIES plans cannot pass the total: skip the count.
  const planCount = await countPlans(db, ownerId);
  if (planCount * MAX_PLAN_ENTRIES + adding <= MAX_BACKUP_ENTRIES) return;
  // Dishes (recipes in meals) count with the entries.
  const total =
    ((
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(planEntries)
          .innerJoin(plans, eq(plans.id, planEntries.planId))
          .where(eq(plans.ownerId, ownerId)),
      )
    )?.count ?? 0) +
    ((
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(planRecipes)
          .innerJoin(plans, eq(plans.id, planRecipes.planId))
          .where(eq(plans.ownerId, ownerId)),
      )
    )?.count ?? 0);
  if (total + adding > MAX_BACKUP_ENTRIES) {
    throw invalid(
      `Your plans would hold ${total + adding} entries; all plans together hold at most ${MAX_BACKUP_ENTRIES}. Delete entries or plans you no longer need first.`,
      field,
    );
  }
}

/** A new custom food must fit under the owner's cap. */
export async function checkCustomFoodRoom(db: Db, ownerId: string): Promise<void> {
  const count =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(foods)
          .where(and(eq(foods.ownerId, ownerId), eq(foods.source, "custom"))),
      )
    )?.count ?? 0;
  if (count + 1 > MAX_BACKUP_CUSTOM_FOODS) {
    throw invalid(
      `You have ${MAX_BACKUP_CUSTOM_FOODS} custom foods, the most one person can keep (and back up). Delete one you no longer need first.`,
      "name",
    );
  }
}

/** A new diet correction (not a change to an existing one) must fit under the cap. */
export async function checkDietOverrideRoom(
  db: Db,
  ownerId: string,
  foodId: string,
): Promise<void> {
  const existing = await first(
    db
      .select({ foodId: dietOverrides.foodId })
      .from(dietOverrides)
      .where(and(eq(dietOverrides.ownerId, ownerId), eq(dietOverrides.foodId, foodId))),
  );
  if (existing) return;
  const count =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(dietOverrides)
          .where(eq(dietOverrides.ownerId, ownerId)),
      )
    )?.count ?? 0;
  if (count + 1 > MAX_BACKUP_OVERRIDES) {
    throw invalid(
      `You have corrected the diet of ${MAX_BACKUP_OVERRIDES} foods, the most one person can keep (and back up). Remove a correction first.`,
      "diet",
    );
  }
}

/** A new favourite (not one already starred) must fit under the cap. */
export async function checkFavoriteRoom(db: Db, ownerId: string, foodId: string): Promise<void> {
  const existing = await first(
    db
      .select({ foodId: favoriteFoods.foodId })
      .from(favoriteFoods)
      .where(and(eq(favoriteFoods.ownerId, ownerId), eq(favoriteFoods.foodId, foodId))),
  );
  if (existing) return;
  const count =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(favoriteFoods)
          .where(eq(favoriteFoods.ownerId, ownerId)),
      )
    )?.count ?? 0;
  if (count + 1 > MAX_BACKUP_FAVORITES) {
    throw invalid(
      `You have ${MAX_BACKUP_FAVORITES} favourite foods, the most one person can keep (and back up). Unstar one first.`,
      "foodId",
    );
  }
}

/** A new aisle choice (not a change to an existing one) must fit under the cap. */
export async function checkAisleChoiceRoom(db: Db, ownerId: string, foodId: string): Promise<void> {
  const existing = await first(
    db
      .select({ foodId: shoppingAisleChoices.foodId })
      .from(shoppingAisleChoices)
      .where(
        and(eq(shoppingAisleChoices.ownerId, ownerId), eq(shoppingAisleChoices.foodId, foodId)),
      ),
  );
  if (existing) return;
  const count =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(shoppingAisleChoices)
          .where(eq(shoppingAisleChoices.ownerId, ownerId)),
      )
    )?.count ?? 0;
  if (count + 1 > MAX_BACKUP_AISLE_CHOICES) {
    throw invalid(
      `You have moved ${MAX_BACKUP_AISLE_CHOICES} foods to other aisles, the most one person can keep (and back up). Put one back in its usual aisle first.`,
      "aisle",
    );
  }
}

/**
 * A new member (an invitation, or its use) must fit under the household's member cap,
 * and their person under the people cap (MAX_BACKUP_PEOPLE, so the household's backup
 * still restores). People themselves are held to it in services/people.ts.
 */
export async function checkMemberRoom(db: Db, householdId: string, field = "role"): Promise<void> {
  const members =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(householdMembers)
          .where(eq(householdMembers.householdId, householdId)),
      )
    )?.count ?? 0;
  if (members + 1 > MAX_HOUSEHOLD_MEMBERS) {
    throw invalid(
      `Your household has ${MAX_HOUSEHOLD_MEMBERS} members, the most one household can have. Remove a member first.`,
      field,
    );
  }
  const persons =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(people)
          .where(eq(people.householdId, householdId)),
      )
    )?.count ?? 0;
  if (persons + 1 > MAX_PEOPLE_PER_HOUSEHOLD) {
    throw invalid(
      `Your household has ${MAX_PEOPLE_PER_HOUSEHOLD} people, the most one household can keep; a new member needs a place. Remove someone first.`,
      field,
    );
  }
}

/** New recipes (create, duplicate, a plan file's) must fit under the household's cap. */
export async function checkRecipeRoom(
  db: Db,
  ownerId: string,
  adding = 1,
  field = "name",
): Promise<void> {
  const count =
    (
      await first(
        db
          .select({ count: sql<number>`count(*)` })
          .from(recipes)
          .where(eq(recipes.ownerId, ownerId)),
      )
    )?.count ?? 0;
  if (count + adding > MAX_RECIPES_PER_OWNER) {
    throw invalid(
      `You have ${count} recipes; a household keeps (and backs up) at most ${MAX_RECIPES_PER_OWNER}. Delete a recipe you no longer need first.`,
      field,
    );
  }
}
