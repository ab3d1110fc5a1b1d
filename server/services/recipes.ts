/**
 * Recipes: a household's dishes with their ingredients, B12 per serving, diet and the
 * verdict for one serving; creating, changing, duplicating (scaled) and deleting them;
 * pasted ingredient lists and schema.org JSON-LD read into drafts. The arithmetic is in
 * server/domain/recipes.ts; dishes in plans are in ./plans/dishes.ts.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first, write } from "../../db/dialect";
import {
  foodPortions,
  foods,
  planRecipes,
  plans,
  recipeIngredients,
  recipes,
} from "../../db/schema";
import { absorptionProfile, crystallineShare } from "../domain/absorption";
import type { B12Status } from "../domain/b12-status";
import { formatPortionAmount } from "../domain/portions";
import { parseRecipeJsonLd, type RecipeJsonLd } from "../domain/recipe-jsonld";
import { calculateRecipeB12, judgeServing } from "../domain/recipes";
import type { Diet } from "../domain/vocabulary";
import { AppError, invalid, notFound } from "../errors";
import { MAX_ENTRY_GRAMS } from "../schemas/plans";
import {
  type CreateRecipeInput,
  MAX_RECIPE_INGREDIENTS,
  MAX_RECIPE_NAME_LENGTH,
  MAX_RECIPE_SERVINGS,
  type RecipeIngredient,
  type UpdateRecipeInput,
} from "../schemas/recipes";
import { type ParsedIngredientLine, parseIngredients } from "./ingredients";
import { checkRecipeRoom } from "./limits";
import { ensureOwnPerson, personProfile } from "./people";
import { type Db, now, resolveAmount } from "./plans/access";
import { profileWithTarget } from "./profile";
import { prepared } from "./statements";

export type RecipeRow = typeof recipes.$inferSelect;

export type RecipeIngredientView = {
  id: string;
  text: string;
  foodId: string | null;
  foodName: string | null;
  portionId: string | null;
  portionLabel: string | null;
  quantity: number | null;
  grams: number | null;
  /** null: unknown (no food, no grams, or a food of unknown B12). */
  b12Micrograms: number | null;
  /** Share of the recipe's known B12, %; null when unknown or the total is 0. */
  sharePercent: number | null;
  carriesB12: boolean;
};

export type RecipeVerdict = {
  status: B12Status;
  reason: string | null;
  /** The daily recommended intake the serving is judged against (µg); null without one. */
  targetMicrograms: number | null;
};

export type RecipeView = {
  id: string;
  name: string;
  servings: number;
  steps: string | null;
  notes: string | null;
  ingredients: RecipeIngredientView[];
  b12TotalMicrograms: number;
  b12PerServingMicrograms: number;
  b12Complete: boolean;
  unknownCount: number;
  diet: Diet;
  dietComplete: boolean;
  verdict: RecipeVerdict;
  usedIn: { planId: string; planName: string; dishCount: number }[];
  createdAt: string;
  updatedAt: string;
};

export type RecipeSummary = {
  id: string;
  name: string;
  servings: number;
  ingredientCount: number;
  b12PerServingMicrograms: number;
  b12Complete: boolean;
  diet: Diet;
  dietComplete: boolean;
  usedInPlanCount: number;
  updatedAt: string;
};

/** Who is looking: the verdict is for the signed-in account's own person. */
export type RecipeViewer = { accountId: string; role: Parameters<typeof ensureOwnPerson>[3] };

/** An ingredient row with what the B12 arithmetic needs of its food. */
export type IngredientFactsRow = {
  recipeId: string;
  id: string;
  position: number;
  text: string;
  foodId: string | null;
  foodName: string | null;
  b12PerHundredGrams: number | null;
  crystallineShare: number;
  diet: Diet | null;
  portionId: string | null;
  portionLabel: string | null;
  quantity: number | null;
  grams: number | null;
};

const INGREDIENTS_SELECT = `SELECT i.recipe_id, i.id, i.position, i.text, i.food_id, f.name,
    f.b12_per_100g, f.b12_added_per_100g, f.b12_fortified, COALESCE(o.diet, f.diet),
    i.portion_id, p.label, i.quantity, i.grams
  FROM recipe_ingredients i
  LEFT JOIN foods f ON f.id = i.food_id
  LEFT JOIN diet_overrides o ON o.food_id = i.food_id AND o.owner_id = ?
  LEFT JOIN food_portions p ON p.id = i.portion_id`;

const INGREDIENT_SQL = {
  recipe: `${INGREDIENTS_SELECT} WHERE i.recipe_id = ? ORDER BY i.position`,
  owner: `${INGREDIENTS_SELECT} WHERE i.recipe_id IN (SELECT id FROM recipes WHERE owner_id = ?)
    ORDER BY i.recipe_id, i.position`,
  plan: `${INGREDIENTS_SELECT} WHERE i.recipe_id IN (SELECT recipe_id FROM plan_recipes WHERE plan_id = ?)
    ORDER BY i.recipe_id, i.position`,
} as const;

type IngredientSqlRow = [
  string,
  string,
  number,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  Diet | null,
  string | null,
  string | null,
  number | null,
  number | null,
];

/**
 * Ingredients with their foods' B12 facts, grouped by recipe: of one recipe, of all the
 * owner's recipes, or of the recipes a plan's dishes use (the totals' and shopping's read).
 */
export function loadIngredientFacts(
  db: AppDatabase,
  ownerId: string,
  scope: { recipeId: string } | { ownerRecipes: true } | { planId: string },
): Map<string, IngredientFactsRow[]> {
  const [sqlText, arg] =
    "recipeId" in scope
      ? [INGREDIENT_SQL.recipe, scope.recipeId]
      : "planId" in scope
        ? [INGREDIENT_SQL.plan, scope.planId]
        : [INGREDIENT_SQL.owner, ownerId];
  const rows = prepared(db, sqlText).raw(true).all(ownerId, arg) as IngredientSqlRow[];
  const byRecipe = new Map<string, IngredientFactsRow[]>();
  for (const [
    recipeId,
    id,
    position,
    text,
    foodId,
    foodName,
    b12PerHundredGrams,
    added,
    fortified,
    diet,
    portionId,
    portionLabel,
    quantity,
    grams,
  ] of rows) {
    const list = byRecipe.get(recipeId) ?? [];
    list.push({
      recipeId,
      id,
      position,
      text,
      foodId,
      foodName,
      b12PerHundredGrams,
      crystallineShare:
        foodId === null
          ? 0
          : crystallineShare({
              b12PerHundredGrams,
              b12AddedPerHundredGrams: added,
              b12Fortified: fortified === 1,
              diet: diet ?? "omnivore",
            }),
      diet,
      portionId,
      portionLabel,
      quantity,
      grams,
    });
    byRecipe.set(recipeId, list);
  }
  return byRecipe;
}

/** The owner's recipe, or NOT_FOUND (another household's reads the same as none). */
export async function requireRecipe(db: Db, ownerId: string, recipeId: string): Promise<RecipeRow> {
  const recipe = await first(
    db
      .select()
      .from(recipes)
      .where(and(eq(recipes.id, recipeId), eq(recipes.ownerId, ownerId))),
  );
  if (!recipe) throw notFound(`No recipe with id "${recipeId}"`, "recipeId");
  return recipe;
}

async function usedIn(db: Db, recipeId: string): Promise<RecipeView["usedIn"]> {
  return await db
    .select({
      planId: plans.id,
      planName: plans.name,
      dishCount: sql<number>`count(*)`,
    })
    .from(planRecipes)
    .innerJoin(plans, eq(plans.id, planRecipes.planId))
    .where(eq(planRecipes.recipeId, recipeId))
    .groupBy(plans.id)
    .orderBy(asc(plans.name));
}

async function ownTarget(db: AppDatabase, ownerId: string, viewer: RecipeViewer) {
  const person = await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
  const profile = personProfile(person);
  return { target: profileWithTarget(profile, person.isDefault).target, profile };
}

/** One recipe with its B12 per ingredient and per serving, diet, verdict and uses. */
export async function getRecipe(
  db: AppDatabase,
  ownerId: string,
  recipeId: string,
  viewer: RecipeViewer,
): Promise<RecipeView> {
  const recipe = await requireRecipe(db, ownerId, recipeId);
  const ingredients = loadIngredientFacts(db, ownerId, { recipeId }).get(recipeId) ?? [];
  const b12 = calculateRecipeB12(ingredients, recipe.servings);
  const { target, profile } = await ownTarget(db, ownerId, viewer);
  const verdict = judgeServing({
    perServingMicrograms: b12.b12PerServingMicrograms,
    crystallinePerServingMicrograms: b12.crystallineTotalMicrograms / recipe.servings,
    targetMicrograms: target.micrograms,
    absorption: absorptionProfile(profile),
  });
  return {
    id: recipe.id,
    name: recipe.name,
    servings: recipe.servings,
    steps: recipe.steps,
    notes: recipe.notes,
    ingredients: ingredients.map((row, index) => ({
      id: row.id,
      text: row.text,
      foodId: row.foodId,
      foodName: row.foodName,
      portionId: row.portionId,
      portionLabel: row.portionLabel,
      quantity: row.quantity,
      grams: row.grams,
      b12Micrograms: b12.ingredients[index]?.b12Micrograms ?? null,
      sharePercent: b12.ingredients[index]?.sharePercent ?? null,
      carriesB12: b12.ingredients[index]?.carriesB12 ?? false,
    })),
    b12TotalMicrograms: b12.b12TotalMicrograms,
    b12PerServingMicrograms: b12.b12PerServingMicrograms,
    b12Complete: b12.complete,
    unknownCount: b12.unknownCount,
    diet: b12.diet,
    dietComplete: b12.dietComplete,
    verdict: {
      status: verdict.status,
      reason: verdict.reason,
      targetMicrograms: verdict.targetMicrograms,
    },
    usedIn: await usedIn(db, recipe.id),
    createdAt: recipe.createdAt,
    updatedAt: recipe.updatedAt,
  };
}

/** The owner's recipes in name order, each with its B12 per serving and diet. */
export async function listRecipes(
  db: AppDatabase,
  ownerId: string,
): Promise<{ items: RecipeSummary[] }> {
  const rows = await db
    .select({
      id: recipes.id,
      name: recipes.name,
      servings: recipes.servings,
      updatedAt: recipes.updatedAt,
      usedInPlanCount: sql<number>`(SELECT count(DISTINCT d.plan_id) FROM plan_recipes d WHERE d.recipe_id = "recipes"."id")`,
    })
    .from(recipes)
    .where(eq(recipes.ownerId, ownerId))
    .orderBy(sql`${recipes.name} COLLATE NOCASE`, asc(recipes.id));
  const facts = loadIngredientFacts(db, ownerId, { ownerRecipes: true });
  return {
    items: rows.map((row) => {
      const ingredients = facts.get(row.id) ?? [];
      const b12 = calculateRecipeB12(ingredients, row.servings);
      return {
        id: row.id,
        name: row.name,
        servings: row.servings,
        ingredientCount: ingredients.length,
        b12PerServingMicrograms: b12.b12PerServingMicrograms,
        b12Complete: b12.complete,
        diet: b12.diet,
        dietComplete: b12.dietComplete,
        usedInPlanCount: row.usedInPlanCount,
        updatedAt: row.updatedAt,
      };
    }),
  };
}

type IngredientInsert = typeof recipeIngredients.$inferInsert;

function amountLabel(grams: number | null, quantity: number | null, portionLabel: string | null) {
  if (quantity !== null && portionLabel)
    return `${formatPortionAmount(quantity)} × ${portionLabel}`;
  if (grams !== null) return `${formatPortionAmount(Math.round(grams * 10) / 10)} g`;
  return "";
}

/** Checks every line (foods visible to the owner, portions of their food) and makes rows. */
async function ingredientRows(
  tx: Db,
  ownerId: string,
  recipeId: string,
  ingredients: readonly RecipeIngredient[],
): Promise<IngredientInsert[]> {
  const rows: IngredientInsert[] = [];
  for (const [index, ingredient] of ingredients.entries()) {
    rows.push(await ingredientRow(tx, ownerId, recipeId, ingredient, index));
  }
  return rows;
}

async function ingredientRow(
  tx: Db,
  ownerId: string,
  recipeId: string,
  ingredient: RecipeIngredient,
  index: number,
): Promise<IngredientInsert> {
  {
    const field = `ingredients.${index}`;
    const base = { id: randomUUID(), recipeId, position: index + 1 };
    if (ingredient.foodId === null) {
      return { ...base, text: ingredient.text ?? "", foodId: null };
    }
    const food = await first(
      tx
        .select({ id: foods.id, name: foods.name, ownerId: foods.ownerId })
        .from(foods)
        .where(eq(foods.id, ingredient.foodId)),
    );
    if (!food || (food.ownerId !== null && food.ownerId !== ownerId)) {
      throw notFound(`${field}.foodId: no food with id "${ingredient.foodId}"`, `${field}.foodId`);
    }
    let amount: { grams: number | null; portionId: string | null; quantity: number | null } = {
      grams: null,
      portionId: null,
      quantity: null,
    };
    if (ingredient.amount !== null) {
      try {
        amount = await resolveAmount(tx, ownerId, food.id, ingredient.amount);
      } catch (error) {
        if (error instanceof AppError) {
          throw new AppError(
            error.code,
            `${field}.${error.message}`,
            `${field}.${error.field ?? "grams"}`,
          );
        }
        throw error;
      }
    }
    const portionLabel = amount.portionId
      ? ((
          await first(
            tx
              .select({ label: foodPortions.label })
              .from(foodPortions)
              .where(eq(foodPortions.id, amount.portionId)),
          )
        )?.label ?? null)
      : null;
    const text =
      ingredient.text ||
      [amountLabel(amount.grams, amount.quantity, portionLabel), food.name]
        .filter(Boolean)
        .join(" ");
    return { ...base, text, foodId: food.id, ...amount };
  }
}

async function insertIngredients(tx: Db, rows: IngredientInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    await tx.insert(recipeIngredients).values(rows.slice(start, start + 200));
  }
}

export async function createRecipe(
  db: AppDatabase,
  ownerId: string,
  input: CreateRecipeInput,
  viewer: RecipeViewer,
): Promise<RecipeView> {
  const id = randomUUID();
  await write(db, ownerId, async (tx) => {
    await checkRecipeRoom(tx, ownerId);
    const rows = await ingredientRows(tx, ownerId, id, input.ingredients);
    await tx.insert(recipes).values({
      id,
      ownerId,
      name: input.name,
      servings: input.servings,
      steps: input.steps || null,
      notes: input.notes || null,
    });
    await insertIngredients(tx, rows);
  });
  return getRecipe(db, ownerId, id, viewer);
}

/** Changes a recipe; the plans whose dishes use it change with it (listed in the answer). */
export async function updateRecipe(
  db: AppDatabase,
  ownerId: string,
  input: UpdateRecipeInput,
  viewer: RecipeViewer,
): Promise<{ recipe: RecipeView; plansAffected: { planId: string; planName: string }[] }> {
  await write(db, ownerId, async (tx) => {
    const recipe = await requireRecipe(tx, ownerId, input.recipeId);
    const rows =
      input.ingredients !== undefined
        ? await ingredientRows(tx, ownerId, recipe.id, input.ingredients)
        : null;
    await tx
      .update(recipes)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.servings !== undefined ? { servings: input.servings } : {}),
        ...(input.steps !== undefined ? { steps: input.steps || null } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
        updatedAt: now(),
      })
      .where(eq(recipes.id, recipe.id));
    if (rows !== null) {
      await tx.delete(recipeIngredients).where(eq(recipeIngredients.recipeId, recipe.id));
      await insertIngredients(tx, rows);
    }
    // Plans using it have changed: their lists sort by when they last changed.
    await tx
      .update(plans)
      .set({ updatedAt: now() })
      .where(sql`${plans.id} IN (SELECT plan_id FROM plan_recipes WHERE recipe_id = ${recipe.id})`);
  });
  const recipe = await getRecipe(db, ownerId, input.recipeId, viewer);
  return {
    recipe,
    plansAffected: recipe.usedIn.map(({ planId, planName }) => ({ planId, planName })),
  };
}

/** Deletes a recipe; one in use only with `removeFromPlans` (its dishes go too). */
export async function deleteRecipe(
  db: AppDatabase,
  ownerId: string,
  input: { recipeId: string; removeFromPlans?: boolean },
): Promise<{ id: string; removedDishes: number }> {
  return await write(db, ownerId, async (tx) => {
    const recipe = await requireRecipe(tx, ownerId, input.recipeId);
    const uses = await usedIn(tx, recipe.id);
    const dishCount = uses.reduce((total, use) => total + use.dishCount, 0);
    if (uses.length > 0 && !input.removeFromPlans) {
      throw new AppError(
        "CONFLICT",
        `recipeId: "${recipe.name}" is in ${uses.length} plan${uses.length === 1 ? "" : "s"} (${dishCount} dish${dishCount === 1 ? "" : "es"}); delete it with removeFromPlans to take it out of ${uses.length === 1 ? "that plan" : "those plans"} too`,
        "recipeId",
      );
    }
    if (dishCount > 0) {
      await tx
        .update(plans)
        .set({ updatedAt: now() })
        .where(
          sql`${plans.id} IN (SELECT plan_id FROM plan_recipes WHERE recipe_id = ${recipe.id})`,
        );
      await tx.delete(planRecipes).where(eq(planRecipes.recipeId, recipe.id));
    }
    await tx.delete(recipes).where(eq(recipes.id, recipe.id));
    return { id: recipe.id, removedDishes: dishCount };
  });
}

/**
 * A copy named "<name> (copy)", scaled to `servings` when given (every gram and portion
 * quantity × servings / the recipe's servings; a line without grams stays as it is).
 */
export async function duplicateRecipe(
  db: AppDatabase,
  ownerId: string,
  input: { recipeId: string; servings?: number },
  viewer: RecipeViewer,
): Promise<RecipeView> {
  const id = randomUUID();
  await write(db, ownerId, async (tx) => {
    const recipe = await requireRecipe(tx, ownerId, input.recipeId);
    await checkRecipeRoom(tx, ownerId, 1, "recipeId");
    const servings = input.servings ?? recipe.servings;
    const factor = servings / recipe.servings;
    const suffix = " (copy)";
    const rows = await tx
      .select()
      .from(recipeIngredients)
      .where(eq(recipeIngredients.recipeId, recipe.id))
      .orderBy(asc(recipeIngredients.position));
    const scaled = rows.map((row) => {
      const grams = row.grams === null ? null : row.grams * factor;
      if (grams !== null && grams > MAX_ENTRY_GRAMS) {
        throw invalid(
          `servings: scaled to ${servings} servings, "${row.text}" would weigh ${Math.round(grams)} g, more than ${MAX_ENTRY_GRAMS} g (5 kg)`,
          "servings",
        );
      }
      return {
        ...row,
        id: randomUUID(),
        recipeId: id,
        grams,
        quantity: row.quantity === null ? null : row.quantity * factor,
      };
    });
    await tx.insert(recipes).values({
      id,
      ownerId,
      name: `${recipe.name.slice(0, MAX_RECIPE_NAME_LENGTH - suffix.length)}${suffix}`,
      servings,
      steps: recipe.steps,
      notes: recipe.notes,
    });
    await insertIngredients(tx, scaled);
  });
  return getRecipe(db, ownerId, id, viewer);
}

/** recipes.parseIngredients: every pasted line parsed and matched (none dropped). */
export async function parseIngredientText(
  db: AppDatabase,
  ownerId: string,
  text: string,
): Promise<{ lines: ParsedIngredientLine[] }> {
  return await parseIngredients(db, ownerId, text);
}

export type RecipeDraft = {
  name: string;
  servings: number;
  /** recipeYield as the page wrote it ("Serves 4-6"), null when absent. */
  yieldText: string | null;
  steps: string | null;
  notes: string | null;
  lines: ParsedIngredientLine[];
};

/** The JSON-LD blocks of an HTML page, or the text itself when it is not HTML. */
function jsonLdBlocks(text: string): string[] {
  const blocks = [
    ...text.matchAll(
      /<script[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi,
    ),
  ].map((match) => match[1] ?? "");
  return blocks.length > 0 ? blocks : [text];
}

/**
 * recipes.importJsonLd: a schema.org Recipe (JSON-LD, or a saved page holding it) read into
 * a draft with its lines parsed and matched. Nothing is saved; no network is used.
 */
export async function importRecipeJsonLd(
  db: AppDatabase,
  ownerId: string,
  json: string,
): Promise<RecipeDraft> {
  let recipe: RecipeJsonLd | null = null;
  let reason = 'json: no schema.org "Recipe" found';
  const text = json.trim();
  if (text.startsWith("<") && !/application\/ld\+json/i.test(text)) {
    throw invalid(
      'json: this page has no <script type="application/ld+json"> block, so no schema.org "Recipe" to read; paste the ingredient list instead',
      "json",
    );
  }
  for (const block of jsonLdBlocks(text)) {
    const result = parseRecipeJsonLd(block.trim());
    if (result.ok) {
      recipe = result.recipe;
      break;
    }
    reason = result.reason;
  }
  if (!recipe) throw invalid(reason, "json");
  const ingredients = recipe.ingredients.slice(0, MAX_RECIPE_INGREDIENTS);
  const servings = Math.min(recipe.servings ?? 1, MAX_RECIPE_SERVINGS);
  const dropped = recipe.ingredients.length - ingredients.length;
  return {
    name: recipe.name.slice(0, MAX_RECIPE_NAME_LENGTH),
    servings,
    yieldText: recipe.yieldText,
    steps: recipe.steps.length > 0 ? recipe.steps.join("\n") : null,
    notes:
      dropped > 0
        ? `Only the first ${MAX_RECIPE_INGREDIENTS} of ${recipe.ingredients.length} ingredient lines were read.`
        : null,
    lines: (await parseIngredients(db, ownerId, ingredients.join("\n"))).lines,
  };
}
