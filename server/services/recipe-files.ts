/**
 * Recipes and dishes in plan files and backups: written out with their ingredients (food
 * names added for people reading the file), checked against this database, and written
 * back. A plan import reuses a recipe of the household that is identical (same name,
 * yield, steps, notes and lines) rather than making a second copy; a backup restore makes
 * every recipe anew (the household's old ones are gone by then).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { foodPortions, foods, planRecipes, recipeIngredients, recipes } from "../../db/schema";
import { invalid, notFound } from "../errors";
import type { FileDish, FileRecipe } from "../schemas/recipe-file";
import { insertRows } from "./bulk-insert";
import { checkRecipeRoom } from "./limits";
import type { Db } from "./plans/access";

/** The owner's recipes (all, or those with these ids) as a file lists them. */
export async function exportRecipes(
  db: Db,
  ownerId: string,
  recipeIds?: string[],
): Promise<FileRecipe[]> {
  if (recipeIds !== undefined && recipeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(recipes)
    .where(
      recipeIds === undefined
        ? eq(recipes.ownerId, ownerId)
        : and(eq(recipes.ownerId, ownerId), inArray(recipes.id, recipeIds)),
    )
    .orderBy(asc(recipes.createdAt), asc(recipes.id));
  if (rows.length === 0) return [];
  const lines = await db
    .select({ line: recipeIngredients, foodName: foods.name })
    .from(recipeIngredients)
    .leftJoin(foods, eq(foods.id, recipeIngredients.foodId))
    .where(
      inArray(
        recipeIngredients.recipeId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(recipeIngredients.recipeId), asc(recipeIngredients.position));
  const byRecipe = new Map<string, FileRecipe["ingredients"]>();
  for (const { line, foodName } of lines) {
    const list = byRecipe.get(line.recipeId) ?? [];
    list.push({
      text: line.text,
      foodId: line.foodId,
      ...(foodName ? { foodName } : {}),
      portionId: line.portionId,
      quantity: line.quantity,
      grams: line.grams,
    });
    byRecipe.set(line.recipeId, list);
  }
  return rows.map((row) => ({
    key: row.id,
    name: row.name,
    servings: row.servings,
    steps: row.steps,
    notes: row.notes,
    ingredients: byRecipe.get(row.id) ?? [],
  }));
}

/** A plan's dishes as a file lists them (the recipe named by its id as key). */
export async function exportDishes(db: Db, planId: string): Promise<FileDish[]> {
  return await db
    .select({
      day: planRecipes.day,
      meal: planRecipes.meal,
      recipeKey: planRecipes.recipeId,
      servings: planRecipes.servings,
    })
    .from(planRecipes)
    .where(eq(planRecipes.planId, planId))
    .orderBy(asc(planRecipes.day), asc(planRecipes.position), asc(planRecipes.createdAt));
}

/**
 * Every food the recipes name exists for the owner (a shared food, one of the owner's
 * custom foods, or one of `alsoKnown`, the custom foods a backup brings); NOT_FOUND names
 * the first that does not.
 */
export async function checkRecipeFoods(
  db: Db,
  ownerId: string,
  fileRecipes: readonly FileRecipe[],
  field: string,
  alsoKnown: ReadonlySet<string> = new Set(),
): Promise<void> {
  const ids = [
    ...new Set(
      fileRecipes.flatMap((recipe) =>
        recipe.ingredients.flatMap((line) => (line.foodId ? [line.foodId] : [])),
      ),
    ),
  ].filter((id) => !alsoKnown.has(id));
  const known = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    for (const row of await db
      .select({ id: foods.id, ownerId: foods.ownerId })
      .from(foods)
      .where(inArray(foods.id, ids.slice(start, start + 500)))) {
      if (row.ownerId === null || row.ownerId === ownerId) known.add(row.id);
    }
  }
  for (const [index, recipe] of fileRecipes.entries()) {
    const line = recipe.ingredients.findIndex(
      (item) => item.foodId !== null && !alsoKnown.has(item.foodId) && !known.has(item.foodId),
    );
    if (line >= 0) {
      const item = recipe.ingredients[line];
      throw notFound(
        `${field}.${index}.ingredients.${line}.foodId: the food "${item?.foodName ?? item?.foodId}" of the recipe "${recipe.name}" is not in this database`,
        `${field}.${index}.ingredients.${line}.foodId`,
      );
    }
  }
}

type LineKey = string;

function lineKey(line: {
  text: string;
  foodId: string | null;
  portionId: string | null;
  quantity: number | null;
  grams: number | null;
}): LineKey {
  return JSON.stringify([line.text, line.foodId, line.portionId, line.quantity, line.grams]);
}

/** The owner's recipe identical to this one (name, yield, steps, notes, lines), if any. */
async function findIdentical(
  db: Db,
  ownerId: string,
  recipe: FileRecipe,
  lines: LineKey[],
): Promise<string | null> {
  const sameName = (
    await db
      .select()
      .from(recipes)
      .where(and(eq(recipes.ownerId, ownerId), eq(recipes.name, recipe.name)))
  ).filter(
    (row) =>
      row.servings === recipe.servings &&
      (row.steps ?? null) === (recipe.steps || null) &&
      (row.notes ?? null) === (recipe.notes || null),
  );
  for (const row of sameName) {
    const theirs = (
      await db
        .select()
        .from(recipeIngredients)
        .where(eq(recipeIngredients.recipeId, row.id))
        .orderBy(asc(recipeIngredients.position))
    ).map(lineKey);
    if (theirs.length === lines.length && theirs.every((key, index) => key === lines[index])) {
      return row.id;
    }
  }
  return null;
}

/**
 * Writes the file's recipes for the owner; answers the recipe id for each file key. A
 * portion that no longer exists (or is of another food) only loses its label: the line
 * keeps the file's grams.
 */
export async function insertFileRecipes(
  tx: Db,
  ownerId: string,
  fileRecipes: readonly FileRecipe[],
  options: {
    reuseIdentical: boolean;
    capsChecked?: boolean;
    field?: string;
    /**
     * A staged restore's custom foods: their portions as the file has them (the database
     * may still hold the old ones); portions of these foods are looked up here only.
     */
    known?: {
      foods: ReadonlySet<string>;
      portions: ReadonlyMap<string, { id: string; foodId: string }>;
    };
  },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (fileRecipes.length === 0) return ids;
  const portionIds = [
    ...new Set(
      fileRecipes.flatMap((recipe) =>
        recipe.ingredients.flatMap((line) => (line.portionId ? [line.portionId] : [])),
      ),
    ),
  ].filter((id) => !options.known?.portions.has(id));
  const portions = new Map<string, { id: string; foodId: string }>();
  for (let start = 0; start < portionIds.length; start += 500) {
    for (const row of await tx
      .select({ id: foodPortions.id, foodId: foodPortions.foodId })
      .from(foodPortions)
      .where(inArray(foodPortions.id, portionIds.slice(start, start + 500)))) {
      if (!options.known?.foods.has(row.foodId)) portions.set(row.id, row);
    }
  }
  let created = 0;
  for (const recipe of fileRecipes) {
    const lines = recipe.ingredients.map((line) => {
      const portion = line.portionId
        ? (options.known?.portions.get(line.portionId) ?? portions.get(line.portionId))
        : undefined;
      const keepPortion =
        portion !== undefined && portion.foodId === line.foodId && line.quantity != null;
      return {
        text: line.text.trim() || line.foodName || "(no text)",
        foodId: line.foodId,
        portionId: keepPortion ? (portion?.id ?? null) : null,
        quantity: keepPortion ? (line.quantity ?? null) : null,
        grams: line.foodId === null ? null : line.grams,
      };
    });
    const existing = options.reuseIdentical
      ? await findIdentical(tx, ownerId, recipe, lines.map(lineKey))
      : null;
    if (existing) {
      ids.set(recipe.key, existing);
      continue;
    }
    if (!options.capsChecked)
      await checkRecipeRoom(tx, ownerId, created + 1, options.field ?? "file");
    const id = randomUUID();
    await tx.insert(recipes).values({
      id,
      ownerId,
      name: recipe.name,
      servings: recipe.servings,
      steps: recipe.steps || null,
      notes: recipe.notes || null,
    });
    // ./bulk-insert.ts: one prepared statement per row on SQLite, few multi-row inserts on
    // PostgreSQL (a restore at the caps writes 50,000 recipe lines).
    await insertRows(
      tx,
      recipeIngredients,
      lines.map((line, index) => ({
        ...line,
        id: randomUUID(),
        recipeId: id,
        position: index + 1,
      })),
    );
    ids.set(recipe.key, id);
    created += 1;
  }
  return ids;
}

/**
 * Writes a file's dishes into a plan, each after what its meal holds (`nextPositions`
 * says where each `day:meal` is up to, and is advanced).
 */
export async function insertFileDishes(
  tx: Db,
  planId: string,
  dishes: readonly FileDish[],
  recipeIds: ReadonlyMap<string, string>,
  nextPositions: Map<string, number>,
  field = "file.dishes",
): Promise<void> {
  const rows = dishes.map((dish, index) => {
    const recipeId = recipeIds.get(dish.recipeKey);
    if (!recipeId) {
      throw invalid(
        `${field}.${index}.recipeKey: "${dish.recipeKey}" is not one of the file's recipes`,
        `${field}.${index}.recipeKey`,
      );
    }
    const key = `${dish.day}:${dish.meal}`;
    const position = (nextPositions.get(key) ?? 0) + 1;
    nextPositions.set(key, position);
    return {
      id: randomUUID(),
      planId,
      day: dish.day,
      meal: dish.meal,
      recipeId,
      servings: dish.servings,
      position,
    };
  });
  await insertRows(tx, planRecipes, rows);
}

/**
 * Recipe lines as a backup names them: `<recipe key>#<n>` (the n-th line, from 0, in the
 * recipe's order), since a restore gives every line a new id. Used for the shopping ticks
 * on recipe lines listed as text (`recipe-line:<ingredient id>`). Answers ingredient id →
 * file name, for all the household's recipes.
 */
export async function recipeLineFileNames(db: Db, ownerId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: recipeIngredients.id, recipeId: recipeIngredients.recipeId })
    .from(recipeIngredients)
    .innerJoin(recipes, eq(recipes.id, recipeIngredients.recipeId))
    .where(eq(recipes.ownerId, ownerId))
    .orderBy(asc(recipeIngredients.recipeId), asc(recipeIngredients.position));
  return new Map(numberLines(rows).map(({ id, recipeId, index }) => [id, `${recipeId}#${index}`]));
}

/** Each line's place in its recipe, from 0, for rows in (recipe, position) order. */
function numberLines<T extends { recipeId: string }>(rows: readonly T[]) {
  const counts = new Map<string, number>();
  return rows.map((row) => {
    const index = counts.get(row.recipeId) ?? 0;
    counts.set(row.recipeId, index + 1);
    return { ...row, index };
  });
}

/** The inverse after a restore: `<recipe key>#<n>` → the new line's id. */
export async function recipeLineIdsByFileName(
  db: Db,
  recipeIdsByKey: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const keyOf = new Map([...recipeIdsByKey].map(([key, id]) => [id, key]));
  const ids = [...keyOf.keys()];
  const byName = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    // A chunk holds whole recipes, so numbering within it is numbering within each recipe.
    const rows = await db
      .select({ id: recipeIngredients.id, recipeId: recipeIngredients.recipeId })
      .from(recipeIngredients)
      .where(inArray(recipeIngredients.recipeId, ids.slice(start, start + 500)))
      .orderBy(asc(recipeIngredients.recipeId), asc(recipeIngredients.position));
    for (const { id, recipeId, index } of numberLines(rows)) {
      byName.set(`${keyOf.get(recipeId)}#${index}`, id);
    }
  }
  return byName;
}
