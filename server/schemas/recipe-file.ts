/**
 * Recipes and dishes as plan files and backups carry them (zod). Kept apart from
 * ./recipes.ts so that ./plans.ts (the plan file) can use them without an import cycle.
 *
 * A plan file lists the recipes its dishes use (`recipes`, each under a `key`: its id
 * where it was exported) and the dishes (`dishes`, naming a recipe by `recipeKey`); a
 * backup lists every recipe once at the top and its plans' dishes name them the same way.
 */
import { z } from "zod";
import { MEALS } from "../domain/vocabulary";

export const MAX_RECIPES_PER_OWNER = 500;
export const MAX_RECIPE_INGREDIENTS = 100;
export const MAX_RECIPE_NAME_LENGTH = 199;
export const MAX_RECIPE_SERVINGS = 1000;
export const MAX_INGREDIENT_TEXT_LENGTH = 200;
export const MAX_RECIPE_STEPS_LENGTH = 10_000;
export const MAX_RECIPE_NOTES_LENGTH = 2_000;
export const MAX_DISH_SERVINGS = 100;
/**
 * Dishes count within a plan's entry cap (entries and dishes together at most 5,600, as
 * MAX_PLAN_ENTRIES in ./plans.ts, written out here to keep the imports one-way).
 */
export const MAX_PLAN_DISHES = 28 * 4 * 50;
/**
 * A recipe line's grams in a file: up to what a custom food's re-weighed portion can give
 * (a line is entered at ≤ 5 kg, but its portion may later weigh more).
 */
const MAX_FILE_INGREDIENT_GRAMS = 1_000_000;

const key = z.string({ error: "key must be a string" }).min(1).max(100);

export const fileRecipeIngredient = z
  .object({
    text: z.string().max(MAX_INGREDIENT_TEXT_LENGTH),
    foodId: z.string().min(1).max(100).nullable(),
    /** For people reading the file; an import looks foods up by id. */
    foodName: z.string().max(500).optional(),
    portionId: z.string().min(1).max(100).nullable().optional(),
    quantity: z.number().min(0.000001).max(1_000_000).nullable().optional(),
    grams: z.number().gt(0).max(MAX_FILE_INGREDIENT_GRAMS).nullable(),
  })
  .strict();

export const fileRecipe = z
  .object({
    key,
    name: z.string().trim().min(1).max(MAX_RECIPE_NAME_LENGTH),
    servings: z.number().gt(0).max(MAX_RECIPE_SERVINGS),
    steps: z.string().max(MAX_RECIPE_STEPS_LENGTH).nullable(),
    notes: z.string().max(MAX_RECIPE_NOTES_LENGTH).nullable(),
    ingredients: z
      .array(fileRecipeIngredient)
      .max(MAX_RECIPE_INGREDIENTS, `a recipe holds at most ${MAX_RECIPE_INGREDIENTS} ingredients`),
  })
  .strict();
export type FileRecipe = z.output<typeof fileRecipe>;

export const fileDish = z
  .object({
    day: z.number().int().min(1),
    meal: z.enum(MEALS, { error: `meal must be one of: ${MEALS.join(", ")}` }),
    recipeKey: key,
    servings: z.number().gt(0).max(MAX_DISH_SERVINGS),
  })
  .strict();
export type FileDish = z.output<typeof fileDish>;

export const fileRecipeList = (max: number) =>
  z.array(fileRecipe).max(max, `the file has too many recipes (at most ${max})`);

export const fileDishList = z
  .array(fileDish)
  .max(MAX_PLAN_DISHES, `the plan file has too many dishes (at most ${MAX_PLAN_DISHES})`);
