/**
 * Dishes: recipes eaten in a plan's meals (plans.addRecipe, updateDish, removeDish). A
 * dish of `servings` counts as its recipe's ingredients × servings / the recipe's yield;
 * `dishTotalsEntries` turns a plan's dishes into the entry-like records the totals read,
 * so every consumer of the totals (status, per-person totals, charts, suggestions)
 * follows, and a recipe's edit changes the plans that use it. Dishes share their meal's
 * position sequence with the plain entries.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { first, write } from "../../../db/dialect";
import { rawArrays } from "../../../db/raw";
import { planRecipes, plans, recipes } from "../../../db/schema";
import type { TotalsEntryInput } from "../../domain/plan-totals";
import { ingredientB12Micrograms, scaleIngredientGrams } from "../../domain/recipes";
import type { Meal } from "../../domain/vocabulary";
import { notFound } from "../../errors";
import type {
  AddRecipeToPlanInput,
  MoveDishInput,
  RemoveDishInput,
  UpdateDishInput,
} from "../../schemas/recipes";
import { type IngredientFactsRow, loadIngredientFacts, requireRecipe } from "../recipes";
import {
  checkDay,
  checkRoom,
  type Db,
  nextPosition,
  now,
  requirePlan,
  type Transaction,
  touchPlan,
} from "./access";
import { editResult, type PlanEditResult } from "./entries";

export type DishIngredientView = {
  foodId: string | null;
  foodName: string | null;
  /** Grams in this dish (the recipe's grams × servings / recipe servings); null when unknown. */
  grams: number | null;
  text: string;
  b12Micrograms: number | null;
};

export type DishView = {
  id: string;
  day: number;
  meal: Meal;
  position: number;
  recipeId: string;
  recipeName: string;
  servings: number;
  recipeServings: number;
  ingredients: DishIngredientView[];
  /** Sum of the known ingredients' B12 (a lower bound when incomplete). */
  b12Micrograms: number;
  b12Complete: boolean;
};

const DISHES_SQL = `SELECT d.id, d.day, d.meal, d.position, d.recipe_id, r.name, d.servings, r.servings
  FROM plan_recipes d JOIN recipes r ON r.id = d.recipe_id
  WHERE d.plan_id = ?
  ORDER BY d.day,
    CASE d.meal WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'dinner' THEN 3 ELSE 4 END,
    d.position, d.created_at`;

type DishRow = [string, number, Meal, number, string, string, number, number];

async function loadDishRows(db: AppDatabase, planId: string) {
  return ((await rawArrays(db, DISHES_SQL, [planId])) as DishRow[]).map(
    ([id, day, meal, position, recipeId, recipeName, servings, recipeServings]) => ({
      id,
      day,
      meal,
      position,
      recipeId,
      recipeName,
      servings,
      recipeServings,
    }),
  );
}

function scaled(ingredient: IngredientFactsRow, servings: number, recipeServings: number) {
  return ingredient.grams === null
    ? null
    : scaleIngredientGrams(ingredient.grams, servings, recipeServings);
}

/** A plan's dishes with their ingredients scaled to each dish (plans.get). */
export async function loadDishes(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<DishView[]> {
  const rows = await loadDishRows(db, planId);
  if (rows.length === 0) return [];
  const facts = await loadIngredientFacts(db, ownerId, { planId });
  return rows.map((row) => {
    let b12Micrograms = 0;
    let complete = true;
    const ingredients = (facts.get(row.recipeId) ?? []).map((ingredient) => {
      const grams = scaled(ingredient, row.servings, row.recipeServings);
      const b12 = ingredientB12Micrograms({ ...ingredient, grams });
      if (b12 === null) complete = false;
      else b12Micrograms += b12;
      return {
        foodId: ingredient.foodId,
        foodName: ingredient.foodName,
        grams,
        text: ingredient.text,
        b12Micrograms: b12,
      };
    });
    return { ...row, ingredients, b12Micrograms, b12Complete: complete };
  });
}

/**
 * A plan's dishes as the entry-like records the totals read: one per ingredient, scaled
 * to the dish; a line without food or grams is an entry of unknown amount (incomplete).
 */
export async function dishTotalsEntries(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<TotalsEntryInput[]> {
  const rows = await loadDishRows(db, planId);
  if (rows.length === 0) return [];
  const facts = await loadIngredientFacts(db, ownerId, { planId });
  return rows.flatMap((row) =>
    (facts.get(row.recipeId) ?? []).map((ingredient) => {
      const grams =
        ingredient.foodId === null ? null : scaled(ingredient, row.servings, row.recipeServings);
      return {
        id: `${row.id}:${ingredient.id}`,
        day: row.day,
        meal: row.meal,
        foodId: ingredient.foodId ?? "",
        foodName: ingredient.foodName ?? ingredient.text,
        grams: grams ?? 0,
        b12PerHundredGrams: ingredient.foodId === null ? null : ingredient.b12PerHundredGrams,
        crystallineShare: ingredient.crystallineShare,
        ...(grams === null || !(grams > 0) ? { amountUnknown: true } : {}),
      };
    }),
  );
}

/** Dishes count with the plan's entries against its cap and the household's. */
export async function checkDishRoom(db: Db, planId: string, adding: number): Promise<void> {
  await checkRoom(db, planId, adding);
}

async function requireDish(db: Db, ownerId: string, planId: string, dishId: string) {
  const plan = await requirePlan(db, ownerId, planId);
  const dish = await first(
    db
      .select()
      .from(planRecipes)
      .where(and(eq(planRecipes.id, dishId), eq(planRecipes.planId, plan.id))),
  );
  if (!dish) throw notFound(`No dish with id "${dishId}" in this plan`, "dishId");
  return { plan, dish };
}

export type DishEditResult = PlanEditResult & { dish: DishView | null };

async function dishResult(db: AppDatabase, ownerId: string, planId: string, dishId: string) {
  const result = await editResult(db, ownerId, planId, dishId);
  return { ...result, dish: result.plan.dishes.find((dish) => dish.id === dishId) ?? null };
}

/** Adds `servings` of a recipe to a meal, after what the meal already holds. */
export async function addRecipeToPlan(
  db: AppDatabase,
  ownerId: string,
  input: AddRecipeToPlanInput,
): Promise<DishEditResult> {
  const id = randomUUID();
  await write(db, ownerId, async (tx) => {
    const plan = await requirePlan(tx, ownerId, input.planId);
    checkDay(plan, input.day);
    const recipe = await requireRecipe(tx, ownerId, input.recipeId);
    await checkDishRoom(tx, plan.id, 1);
    await tx.insert(planRecipes).values({
      id,
      planId: plan.id,
      day: input.day,
      meal: input.meal,
      recipeId: recipe.id,
      servings: input.servings,
      position: await nextPosition(tx, plan.id, input.day, input.meal),
    });
    await touchPlan(tx, plan.id);
  });
  return await dishResult(db, ownerId, input.planId, id);
}

export async function updateDish(
  db: AppDatabase,
  ownerId: string,
  input: UpdateDishInput,
): Promise<DishEditResult> {
  await write(db, ownerId, async (tx) => {
    const { dish } = await requireDish(tx, ownerId, input.planId, input.dishId);
    await tx
      .update(planRecipes)
      .set({ servings: input.servings, updatedAt: now() })
      .where(eq(planRecipes.id, dish.id));
    await touchPlan(tx, dish.planId);
  });
  return await dishResult(db, ownerId, input.planId, input.dishId);
}

/** Moves a dish to another day or meal, after what that meal holds. */
export async function moveDish(
  db: AppDatabase,
  ownerId: string,
  input: MoveDishInput,
): Promise<DishEditResult> {
  await write(db, ownerId, async (tx) => {
    const { plan, dish } = await requireDish(tx, ownerId, input.planId, input.dishId);
    checkDay(plan, input.day);
    if (dish.day === input.day && dish.meal === input.meal) return;
    await tx
      .update(planRecipes)
      .set({
        day: input.day,
        meal: input.meal,
        position: await nextPosition(tx, plan.id, input.day, input.meal),
        updatedAt: now(),
      })
      .where(eq(planRecipes.id, dish.id));
    await touchPlan(tx, plan.id);
  });
  return await dishResult(db, ownerId, input.planId, input.dishId);
}

export async function removeDish(
  db: AppDatabase,
  ownerId: string,
  input: RemoveDishInput,
): Promise<DishEditResult> {
  await write(db, ownerId, async (tx) => {
    const { dish } = await requireDish(tx, ownerId, input.planId, input.dishId);
    await tx.delete(planRecipes).where(eq(planRecipes.id, dish.id));
    await touchPlan(tx, dish.planId);
  });
  return await dishResult(db, ownerId, input.planId, input.dishId);
}

export type DishRowForCopy = {
  day: number;
  meal: Meal;
  recipeId: string;
  servings: number;
  position: number;
};

/** The plan's dishes as stored (for copies: duplicate, copyDay, copyMeal, files). */
export async function loadDishRowsForCopy(db: Db, planId: string): Promise<DishRowForCopy[]> {
  return await db
    .select({
      day: planRecipes.day,
      meal: planRecipes.meal,
      recipeId: planRecipes.recipeId,
      servings: planRecipes.servings,
      position: planRecipes.position,
    })
    .from(planRecipes)
    .where(eq(planRecipes.planId, planId))
    .orderBy(asc(planRecipes.day), asc(planRecipes.position), asc(planRecipes.createdAt));
}

/** Inserts copies of dishes into a plan (days and positions already mapped by the caller). */
export async function insertDishes(
  tx: Transaction,
  planId: string,
  rows: DishRowForCopy[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await tx
      .insert(planRecipes)
      .values(rows.slice(start, start + 500).map((row) => ({ ...row, id: randomUUID(), planId })));
  }
}

/** Recipe ids among these that belong to the owner (a plan file or a backup names them). */
export async function ownRecipeIds(db: Db, ownerId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (
      await db
        .select({ id: recipes.id })
        .from(recipes)
        .where(and(eq(recipes.ownerId, ownerId), inArray(recipes.id, ids)))
    ).map((row) => row.id),
  );
}

/** Touches every plan using a recipe (their totals changed). */
export async function touchPlansUsing(tx: Db, recipeId: string): Promise<void> {
  await tx
    .update(plans)
    .set({ updatedAt: now() })
    .where(sql`${plans.id} IN (SELECT plan_id FROM plan_recipes WHERE recipe_id = ${recipeId})`);
}
