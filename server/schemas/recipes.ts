/**
 * Input contracts of the recipes API (zod), and of dishes in plans (plans.addRecipe,
 * plans.updateDish, plans.removeDish). Amounts are given as in plans.addEntry: grams, or a
 * household portion with a quantity; ml, fl oz, oz and lb are turned into grams (or the
 * food's portion) by the page first, through foods.amountPreview, as the plan editor does.
 */
import { z } from "zod";
import { idField, nameField, noteField } from "./common";
import { type Amount, amountFields, checkAmount, day, meal, toAmount } from "./plans";

import {
  MAX_DISH_SERVINGS,
  MAX_INGREDIENT_TEXT_LENGTH,
  MAX_RECIPE_INGREDIENTS,
  MAX_RECIPE_NAME_LENGTH,
  MAX_RECIPE_NOTES_LENGTH,
  MAX_RECIPE_SERVINGS,
  MAX_RECIPE_STEPS_LENGTH,
} from "./recipe-file";

export {
  MAX_DISH_SERVINGS,
  MAX_INGREDIENT_TEXT_LENGTH,
  MAX_RECIPE_INGREDIENTS,
  MAX_RECIPE_NAME_LENGTH,
  MAX_RECIPE_NOTES_LENGTH,
  MAX_RECIPE_SERVINGS,
  MAX_RECIPE_STEPS_LENGTH,
};
/** recipes.parseIngredients: at most this many lines and characters at once. */
export const MAX_PASTED_LINES = 200;
export const MAX_PASTED_CHARACTERS = 20_000;
/** recipes.importJsonLd: a JSON-LD text, or a whole page's HTML holding one. */
export const MAX_JSON_LD_CHARACTERS = 2_000_000;

const id = (field: string) => idField(field);

const recipeName = nameField("name", MAX_RECIPE_NAME_LENGTH);

const servingsField = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .gt(0, `${label} must be greater than 0`)
    .max(max, `${label} must be at most ${max}`);

const recipeServings = servingsField("servings", MAX_RECIPE_SERVINGS);

const ingredientText = noteField("text", MAX_INGREDIENT_TEXT_LENGTH).transform((value) =>
  value.replace(/\s+/g, " ").trim(),
);

/**
 * One ingredient line: a food with an amount (grams, or portionId + quantity), a food
 * whose amount is not known (`{foodId, text}`: counted as unknown B12), or `{text}` alone,
 * a line kept as text (no food matched; also unknown B12). `text` is the line as written.
 */
export const recipeIngredientInput = z
  .object({
    foodId: id("foodId").optional(),
    text: ingredientText.optional(),
    ...amountFields,
  })
  .strict()
  .superRefine((value, context) => {
    const hasAmount =
      value.grams !== undefined || value.portionId !== undefined || value.quantity !== undefined;
    if (value.foodId === undefined) {
      if (hasAmount) {
        context.addIssue({
          code: "custom",
          path: ["foodId"],
          message: "foodId is needed with an amount (a line without a food is kept as text only)",
        });
      } else if (!value.text) {
        context.addIssue({
          code: "custom",
          path: ["text"],
          message: "give a foodId with an amount, or the line's text",
        });
      }
      return;
    }
    if (hasAmount) checkAmount(value, context);
  })
  .transform(
    (value): RecipeIngredient => ({
      foodId: value.foodId ?? null,
      text: value.text || null,
      amount:
        value.foodId !== undefined && (value.grams !== undefined || value.portionId !== undefined)
          ? toAmount(value)
          : null,
    }),
  );

export type RecipeIngredient = {
  foodId: string | null;
  text: string | null;
  /** null: no amount (unknown B12 for this line). */
  amount: Amount | null;
};

const ingredientList = z
  .array(recipeIngredientInput, { error: "ingredients must be a list" })
  .max(
    MAX_RECIPE_INGREDIENTS,
    `ingredients: a recipe holds at most ${MAX_RECIPE_INGREDIENTS} ingredients`,
  );

const steps = noteField("steps", MAX_RECIPE_STEPS_LENGTH);
const notes = noteField("notes", MAX_RECIPE_NOTES_LENGTH);

export const recipeIdInput = z.object({ recipeId: id("recipeId") }).strict();

export const createRecipeInput = z
  .object({
    name: recipeName,
    servings: recipeServings,
    ingredients: ingredientList,
    steps: steps.nullish(),
    notes: notes.nullish(),
  })
  .strict();
export type CreateRecipeInput = z.output<typeof createRecipeInput>;

/** Fields left out stay as they are; `ingredients` replaces the whole list. */
export const updateRecipeInput = z
  .object({
    recipeId: id("recipeId"),
    name: recipeName.optional(),
    servings: recipeServings.optional(),
    ingredients: ingredientList.optional(),
    steps: steps.nullish(),
    notes: notes.nullish(),
  })
  .strict();
export type UpdateRecipeInput = z.output<typeof updateRecipeInput>;

export const deleteRecipeInput = z
  .object({
    recipeId: id("recipeId"),
    /** Also remove the dishes of this recipe from every plan (else in use → CONFLICT). */
    removeFromPlans: z.boolean({ error: "removeFromPlans must be true or false" }).optional(),
  })
  .strict();

export const duplicateRecipeInput = z
  .object({
    recipeId: id("recipeId"),
    /** Scale the copy to this yield (every amount × servings / the recipe's servings). */
    servings: recipeServings.optional(),
  })
  .strict();

export const parseIngredientsInput = z
  .object({
    text: z
      .string({ error: "text must be a string" })
      .max(
        MAX_PASTED_CHARACTERS,
        `text is too long (at most ${MAX_PASTED_CHARACTERS.toLocaleString("en-GB")} characters at once)`,
      )
      .refine(
        (value) => value.split(/\r\n|\r|\n/).length <= MAX_PASTED_LINES,
        `text has too many lines (at most ${MAX_PASTED_LINES} at once)`,
      ),
  })
  .strict();

export const importJsonLdInput = z
  .object({
    json: z
      .string({ error: "json must be a string" })
      .min(1, "json must not be empty")
      .max(
        MAX_JSON_LD_CHARACTERS,
        `json is too long (at most ${MAX_JSON_LD_CHARACTERS.toLocaleString("en-GB")} characters)`,
      ),
  })
  .strict();

const dishServings = servingsField("servings", MAX_DISH_SERVINGS);

export const addRecipeToPlanInput = z
  .object({
    planId: id("planId"),
    day,
    meal,
    recipeId: id("recipeId"),
    servings: dishServings,
  })
  .strict();
export type AddRecipeToPlanInput = z.output<typeof addRecipeToPlanInput>;

export const updateDishInput = z
  .object({ planId: id("planId"), dishId: id("dishId"), servings: dishServings })
  .strict();
export type UpdateDishInput = z.output<typeof updateDishInput>;

export const removeDishInput = z.object({ planId: id("planId"), dishId: id("dishId") }).strict();
export type RemoveDishInput = z.output<typeof removeDishInput>;
