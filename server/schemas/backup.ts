/**
 * The backup file: all of one person's data (profile, custom foods, diet corrections,
 * plans with their supplements and shopping state, favourite foods, aisle choices) as one
 * JSON document. Read by
 * backup.restore, which accepts a file whole or not at all.
 */
import { z } from "zod";
import { AISLES } from "../domain/shopping";
import { DIETS, UNIT_SYSTEMS } from "../domain/vocabulary";
import { customFoodFields } from "./foods";
import { MAX_PLAN_ENTRIES, planFileSchema } from "./plans";
import { profileInput } from "./profile";
import { fileRecipeList, MAX_RECIPES_PER_OWNER } from "./recipe-file";
import { MAX_EXTRA_LENGTH, MAX_EXTRAS } from "./shopping";
import { MAX_SUPPLEMENTS_PER_PLAN } from "./supplements";

export const BACKUP_FORMAT = "b12-planner-backup";
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_PLANS = 200;
export const MAX_BACKUP_CUSTOM_FOODS = 1000;
export const MAX_BACKUP_OVERRIDES = 5000;
/** Starred foods of one owner (foods.setFavorite holds an owner to it). */
export const MAX_BACKUP_FAVORITES = 1000;
/** Foods moved to another shopping aisle by one owner (shopping.setAisle holds it). */
export const MAX_BACKUP_AISLE_CHOICES = 5000;
/** Entries over all plans of a backup (each plan is also held to its own limit). */
export const MAX_BACKUP_ENTRIES = 50 * MAX_PLAN_ENTRIES;
/** Recipes of one household (recipes.create holds it to the same number). */
export const MAX_BACKUP_RECIPES = MAX_RECIPES_PER_OWNER;
/**
 * Shopping marks of one plan: one per item the list can show (every entry a different
 * food, every supplement, every extra); the export writes only the marks of such items.
 */
export const MAX_BACKUP_MARKS = MAX_PLAN_ENTRIES + MAX_SUPPLEMENTS_PER_PLAN + MAX_EXTRAS;

/** Adds an issue for the first value that appears twice in a list (ids must be unique). */
function checkUnique(
  values: string[],
  path: (string | number)[],
  what: string,
  context: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      context.addIssue({
        code: "custom",
        path: [...path, index],
        message: `${[...path, index].join(".")}: ${what} "${value.slice(0, 100)}" appears twice`,
      });
    }
    seen.add(value);
  });
}

const CUSTOM_FOOD_ID = /^custom-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const itemKey = z
  .string({ error: "itemKey must be a string" })
  .min(1, "itemKey must not be empty")
  .max(200, "itemKey is too long");

const shoppingState = z
  .object({
    preferences: z
      .object({
        servings: z.number().int().min(1).max(20),
        unitSystem: z.enum(UNIT_SYSTEMS),
        fromDay: z.number().int().min(1).nullable(),
        toDay: z.number().int().min(1).nullable(),
      })
      .strict()
      .nullable(),
    marks: z
      .array(z.object({ itemKey, checked: z.boolean(), inPantry: z.boolean() }).strict())
      .max(MAX_BACKUP_MARKS, `at most ${MAX_BACKUP_MARKS} shopping marks in one plan`),
    extras: z
      .array(
        z
          .object({
            id: z.string().min(1).max(100),
            text: z.string().trim().min(1).max(MAX_EXTRA_LENGTH),
          })
          .strict(),
      )
      .max(MAX_EXTRAS, `at most ${MAX_EXTRAS} extras in one plan`),
  })
  .strict();

export const backupPlanSchema = z
  .object({
    /** The plan's id when it was backed up; supplement and extra ids keep it company. */
    id: z.string().min(1).max(100),
    file: planFileSchema,
    /** Supplement ids in the same order as file.supplements (shopping marks refer to them). */
    supplementIds: z.array(z.string().min(1).max(100)).max(100),
    shopping: shoppingState,
  })
  .strict();

export const backupFileSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, { error: `format must be "${BACKUP_FORMAT}"` }),
    version: z.literal(BACKUP_VERSION, { error: `version must be ${BACKUP_VERSION}` }),
    exportedAt: z.string().max(40).optional(),
    profile: profileInput.nullable(),
    customFoods: z
      .array(
        z
          .object({
            id: z.string().regex(CUSTOM_FOOD_ID, "customFoods id must look like custom-<uuid>"),
            fields: customFoodFields,
          })
          .strict(),
      )
      .max(MAX_BACKUP_CUSTOM_FOODS, `at most ${MAX_BACKUP_CUSTOM_FOODS} custom foods`),
    dietOverrides: z
      .array(
        z
          .object({
            foodId: z.string().min(1).max(100),
            diet: z.enum(DIETS),
            note: z.string().max(500).nullable(),
          })
          .strict(),
      )
      .max(MAX_BACKUP_OVERRIDES, `at most ${MAX_BACKUP_OVERRIDES} diet corrections`),
    plans: z.array(backupPlanSchema).max(MAX_BACKUP_PLANS, `at most ${MAX_BACKUP_PLANS} plans`),
    /** Starred foods, oldest first (absent in files from before favourites: none). */
    favoriteFoods: z
      .array(
        z
          .object({
            foodId: z.string().min(1).max(100),
            createdAt: z.string().max(40).optional(),
          })
          .strict(),
      )
      .max(MAX_BACKUP_FAVORITES, `at most ${MAX_BACKUP_FAVORITES} favourite foods`)
      .default([]),
    /** Foods moved to another aisle (absent in files from before aisle choices: none). */
    aisleChoices: z
      .array(
        z
          .object({
            foodId: z.string().min(1).max(100),
            aisle: z
              .enum(AISLES, { error: `aisle must be one of: ${AISLES.join(", ")}` })
              .refine(
                (aisle) => aisle !== "supplements",
                "aisle: supplements are for supplements only",
              ),
          })
          .strict(),
      )
      .max(MAX_BACKUP_AISLE_CHOICES, `at most ${MAX_BACKUP_AISLE_CHOICES} aisle choices`)
      .default([]),
    /**
     * The household's recipes (absent in files from before recipes: none); the plans'
     * dishes name them by `key`.
     */
    recipes: fileRecipeList(MAX_BACKUP_RECIPES).default([]),
  })
  .strict()
  .superRefine((file, context) => {
    // Dishes count with the entries (a plan holds 5,600 of both together).
    const entries = file.plans.reduce(
      (sum, plan) => sum + plan.file.entries.length + (plan.file.dishes ?? []).length,
      0,
    );
    if (entries > MAX_BACKUP_ENTRIES) {
      context.addIssue({
        code: "custom",
        path: ["plans"],
        message: `the backup holds ${entries} plan entries and dishes, more than ${MAX_BACKUP_ENTRIES}`,
      });
    }
    // Every id is unique where the restore uses it as a key (a duplicate used to be a 500).
    checkUnique(
      file.customFoods.map((food) => food.id),
      ["customFoods"],
      "the custom food id",
      context,
    );
    checkUnique(
      file.dietOverrides.map((override) => override.foodId),
      ["dietOverrides"],
      "a diet correction for food",
      context,
    );
    checkUnique(
      file.plans.map((plan) => plan.id),
      ["plans"],
      "the plan id",
      context,
    );
    checkUnique(
      file.favoriteFoods.map((favorite) => favorite.foodId),
      ["favoriteFoods"],
      "the favourite food",
      context,
    );
    checkUnique(
      file.aisleChoices.map((choice) => choice.foodId),
      ["aisleChoices"],
      "an aisle choice for food",
      context,
    );
    checkUnique(
      file.recipes.map((recipe) => recipe.key),
      ["recipes"],
      "the recipe key",
      context,
    );
    const recipeKeys = new Set(file.recipes.map((recipe) => recipe.key));
    file.plans.forEach((plan, index) => {
      if (plan.file.recipes === undefined) {
        (plan.file.dishes ?? []).forEach((dish, dishIndex) => {
          if (!recipeKeys.has(dish.recipeKey)) {
            context.addIssue({
              code: "custom",
              path: ["plans", index, "file", "dishes", dishIndex, "recipeKey"],
              message: `plans.${index}.file.dishes.${dishIndex}.recipeKey "${dish.recipeKey.slice(0, 100)}" is not one of the backup's recipes`,
            });
          }
        });
      }
      checkUnique(plan.supplementIds, ["plans", index, "supplementIds"], "the id", context);
      checkUnique(
        plan.shopping.extras.map((extra) => extra.id),
        ["plans", index, "shopping", "extras"],
        "the extra id",
        context,
      );
      checkUnique(
        plan.shopping.marks.map((mark) => mark.itemKey),
        ["plans", index, "shopping", "marks"],
        "a mark for item",
        context,
      );
      if (plan.supplementIds.length !== (plan.file.supplements ?? []).length) {
        context.addIssue({
          code: "custom",
          path: ["plans", index, "supplementIds"],
          message: `plans.${index}.supplementIds must have one id per supplement`,
        });
      }
    });
  });
export type BackupFile = z.output<typeof backupFileSchema>;

export const restoreBackupInput = z.object({ file: backupFileSchema }).strict();
