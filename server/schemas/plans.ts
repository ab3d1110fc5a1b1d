/** Input contracts of the plans API (zod), with messages that name the field. */
import { z } from "zod";
import { MEALS } from "../domain/vocabulary";
import { idField, nameField } from "./common";
import { fileDishList, fileRecipeList, MAX_RECIPES_PER_OWNER } from "./recipe-file";
import { MAX_SUPPLEMENTS_PER_PLAN, planFileSupplement } from "./supplements";

export const MAX_PLAN_DAYS = 28;
export const MAX_ENTRY_GRAMS = 5000;
export const MAX_PLAN_NAME_LENGTH = 199;
/** Entries a plan may hold: 50 a meal on every day of the longest plan. */
export const MAX_PLAN_ENTRIES = MAX_PLAN_DAYS * 4 * 50;

const id = (field: string) => idField(field);

export const planIdInput = z.object({ planId: id("planId") }).strict();

/** plans.suggestions: for the signed-in account's own person, or `personId`. */
export const planSuggestionsInput = z
  .object({ planId: id("planId"), personId: id("personId").optional() })
  .strict();

export const planTotalsInput = z
  .object({
    planId: id("planId"),
    /** Whose totals (a person of the household); the signed-in account's own by default. */
    personId: id("personId").optional(),
    /** Also list each meal's entries with their B12 (off by default: plans.get has them). */
    includeEntries: z.boolean({ error: "includeEntries must be true or false" }).optional(),
  })
  .strict();

const planName = nameField("name", MAX_PLAN_NAME_LENGTH);

const dayCount = z
  .number({ error: "dayCount must be a number" })
  .int("dayCount must be a whole number")
  .min(1, `dayCount must be between 1 and ${MAX_PLAN_DAYS}`)
  .max(MAX_PLAN_DAYS, `dayCount must be between 1 and ${MAX_PLAN_DAYS}`);

const startDate = z
  .string({ error: "startDate must be a string" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "startDate must be a date written YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "startDate is not a real calendar date")
  .refine(
    (value) => value >= "1900-01-01" && value <= "9999-11-30",
    "startDate must be between 1900-01-01 and 9999-11-30",
  );

export const createPlanInput = z
  .object({ name: planName, dayCount, startDate: startDate.nullish() })
  .strict();
export type CreatePlanInput = z.output<typeof createPlanInput>;

export const renamePlanInput = z.object({ planId: id("planId"), name: planName }).strict();

export const updatePlanInput = z
  .object({
    planId: id("planId"),
    name: planName.optional(),
    startDate: startDate.nullable().optional(),
  })
  .strict();

export const day = z
  .number({ error: "day must be a number" })
  .int("day must be a whole number")
  .min(1, "day must be 1 or more");

export const meal = z.enum(MEALS, { error: `meal must be one of: ${MEALS.join(", ")}` });

const grams = z
  .number({ error: "grams must be a finite number" })
  .gt(0, "grams must be greater than 0")
  .max(MAX_ENTRY_GRAMS, `grams must be at most ${MAX_ENTRY_GRAMS} g (5 kg)`);

const quantity = z
  .number({ error: "quantity must be a finite number" })
  .min(0.001, "quantity must be at least 0.001")
  .max(1000, "quantity must be at most 1000");

/** An amount: grams, or a number of one of the food's household portions. */
export const amountFields = {
  grams: grams.optional(),
  portionId: id("portionId").optional(),
  quantity: quantity.optional(),
};

export type AmountFields = { grams?: number; portionId?: string; quantity?: number };

export function checkAmount(value: AmountFields, context: z.RefinementCtx): void {
  const byGrams = value.grams !== undefined;
  const byPortion = value.portionId !== undefined || value.quantity !== undefined;
  if (byGrams === byPortion) {
    context.addIssue({
      code: "custom",
      path: ["grams"],
      message: "give the amount either as grams or as portionId with quantity",
    });
    return;
  }
  if (byPortion && (value.portionId === undefined || value.quantity === undefined)) {
    context.addIssue({
      code: "custom",
      path: [value.portionId === undefined ? "portionId" : "quantity"],
      message: "portionId and quantity go together",
    });
  }
}

export type Amount = { grams: number } | { portionId: string; quantity: number };

export function toAmount(value: AmountFields): Amount {
  return value.grams !== undefined
    ? { grams: value.grams }
    : { portionId: value.portionId ?? "", quantity: value.quantity ?? 0 };
}

export const addEntryInput = z
  .object({ planId: id("planId"), day, meal, foodId: id("foodId"), ...amountFields })
  .strict()
  .superRefine(checkAmount)
  .transform((value) => ({
    planId: value.planId,
    day: value.day,
    meal: value.meal,
    foodId: value.foodId,
    amount: toAmount(value),
  }));
export type AddEntryInput = z.output<typeof addEntryInput>;

/** One food added to several meals on several days at once (e.g. a suggestion, applied). */
export const addToDaysInput = z
  .object({
    planId: id("planId"),
    foodId: id("foodId"),
    meals: z
      .array(meal, { error: "meals must be a list of meals" })
      .min(1, "meals must name at least one meal")
      .max(MEALS.length, `meals may name at most ${MEALS.length} meals`),
    /** Plan days; all of the plan's days when omitted. */
    days: z
      .array(day, { error: "days must be a list of day numbers" })
      .min(1, "days must name at least one day")
      .max(MAX_PLAN_DAYS, `days may name at most ${MAX_PLAN_DAYS} days`)
      .optional(),
    ...amountFields,
  })
  .strict()
  .superRefine(checkAmount)
  .transform((value) => ({
    planId: value.planId,
    foodId: value.foodId,
    meals: [...new Set(value.meals)],
    days: value.days === undefined ? undefined : [...new Set(value.days)].sort((a, b) => a - b),
    amount: toAmount(value),
  }));
export type AddToDaysInput = z.output<typeof addToDaysInput>;

export const updateEntryInput = z
  .object({ entryId: id("entryId"), ...amountFields })
  .strict()
  .superRefine(checkAmount)
  .transform((value) => ({ entryId: value.entryId, amount: toAmount(value) }));
export type UpdateEntryInput = z.output<typeof updateEntryInput>;

export const moveEntryInput = z.object({ entryId: id("entryId"), day, meal }).strict();
export type MoveEntryInput = z.output<typeof moveEntryInput>;

export const removeEntryInput = z.object({ entryId: id("entryId") }).strict();

export const copyDayInput = z
  .object({
    planId: id("planId"),
    fromDay: day,
    toDays: z
      .array(day, { error: "toDays must be a list of day numbers" })
      .min(1, "toDays must name at least one day")
      .max(MAX_PLAN_DAYS, `toDays must name at most ${MAX_PLAN_DAYS} days`),
    /** true: the target days' entries are replaced; false (default): the copies are added. */
    replace: z.boolean({ error: "replace must be true or false" }).default(false),
  })
  .strict()
  .refine((value) => !value.toDays.includes(value.fromDay), {
    path: ["toDays"],
    message: "toDays must not include fromDay",
  })
  .transform((value) => ({ ...value, toDays: [...new Set(value.toDays)].sort((a, b) => a - b) }));
export type CopyDayInput = z.output<typeof copyDayInput>;

/**
 * Copies the entries of one meal of one day to other days, into the same meal or into
 * `toMeal`; the copies are added after what those meals already hold.
 */
export const copyMealInput = z
  .object({
    planId: id("planId"),
    fromDay: day,
    meal,
    toDays: z
      .array(day, { error: "toDays must be a list of day numbers" })
      .min(1, "toDays must name at least one day")
      .max(MAX_PLAN_DAYS, `toDays must name at most ${MAX_PLAN_DAYS} days`),
    toMeal: meal.optional(),
  })
  .strict()
  .refine(
    (value) =>
      !(value.toDays.includes(value.fromDay) && (value.toMeal ?? value.meal) === value.meal),
    {
      path: ["toDays"],
      message: "toDays must not include fromDay when copying into the same meal",
    },
  )
  .transform((value) => ({
    ...value,
    toMeal: value.toMeal ?? value.meal,
    toDays: [...new Set(value.toDays)].sort((a, b) => a - b),
  }));
export type CopyMealInput = z.output<typeof copyMealInput>;

/** Undoes plans.removeEntry within a few minutes: the entry returns as it was. */
export const restoreEntryInput = z.object({ entryId: id("entryId") }).strict();

/** The plan file format written by plans.export and read by plans.import. */
export const PLAN_FILE_FORMAT = "b12-planner-plan";
export const PLAN_FILE_VERSION = 1;

export const planFileSchema = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT, { error: `format must be "${PLAN_FILE_FORMAT}"` }),
    version: z.literal(PLAN_FILE_VERSION, { error: `version must be ${PLAN_FILE_VERSION}` }),
    plan: z.object({ name: planName, dayCount, startDate: startDate.nullable() }),
    entries: z
      .array(
        z.object({
          day,
          meal,
          foodId: id("foodId"),
          foodName: z.string().max(500).optional(),
          grams,
          portionId: id("portionId").nullable().optional(),
          quantity: quantity.nullable().optional(),
        }),
      )
      .max(MAX_PLAN_ENTRIES, `the plan file has too many entries (at most ${MAX_PLAN_ENTRIES})`),
    /** Supplement regimens (files written before supplements existed have none). */
    supplements: z
      .array(planFileSupplement)
      .max(
        MAX_SUPPLEMENTS_PER_PLAN,
        `the plan file has too many supplements (at most ${MAX_SUPPLEMENTS_PER_PLAN})`,
      )
      .optional(),
    /** The recipes the plan's dishes use (files written before recipes have none). */
    recipes: fileRecipeList(MAX_RECIPES_PER_OWNER).optional(),
    /** Recipes eaten in the plan's meals, naming a recipe of `recipes` by its key. */
    dishes: fileDishList.optional(),
  })
  .superRefine((file, context) => {
    (file.supplements ?? []).forEach((supplement, index) => {
      if ((supplement.firstDay ?? 1) > file.plan.dayCount) {
        context.addIssue({
          code: "custom",
          path: ["supplements", index, "firstDay"],
          message: `supplements.${index}.firstDay is past the plan's ${file.plan.dayCount} days`,
        });
      }
      if (supplement.weekdays != null && file.plan.startDate === null) {
        context.addIssue({
          code: "custom",
          path: ["supplements", index, "weekdays"],
          message: `supplements.${index}.weekdays needs a plan with a start date`,
        });
      }
    });
    (file.dishes ?? []).forEach((dish, index) => {
      if (dish.day > file.plan.dayCount) {
        context.addIssue({
          code: "custom",
          path: ["dishes", index, "day"],
          message: `dishes.${index}.day is ${dish.day}, past the plan's ${file.plan.dayCount} days`,
        });
      }
    });
    if (file.recipes !== undefined) {
      const keys = new Set<string>();
      file.recipes.forEach((recipe, index) => {
        if (keys.has(recipe.key)) {
          context.addIssue({
            code: "custom",
            path: ["recipes", index, "key"],
            message: `recipes.${index}.key "${recipe.key}" appears twice`,
          });
        }
        keys.add(recipe.key);
      });
      (file.dishes ?? []).forEach((dish, index) => {
        if (!keys.has(dish.recipeKey)) {
          context.addIssue({
            code: "custom",
            path: ["dishes", index, "recipeKey"],
            message: `dishes.${index}.recipeKey "${dish.recipeKey}" is not one of the file's recipes`,
          });
        }
      });
    }
    const items = file.entries.length + (file.dishes ?? []).length;
    if (items > MAX_PLAN_ENTRIES) {
      context.addIssue({
        code: "custom",
        path: ["dishes"],
        message: `the plan file has ${items} entries and dishes; a plan holds at most ${MAX_PLAN_ENTRIES}`,
      });
    }
    file.entries.forEach((entry, index) => {
      if (entry.day > file.plan.dayCount) {
        context.addIssue({
          code: "custom",
          path: ["entries", index, "day"],
          message: `entries.${index}.day is ${entry.day}, past the plan's ${file.plan.dayCount} days`,
        });
      }
    });
  });
export type PlanFile = z.output<typeof planFileSchema>;

export const importPlanInput = z.object({ file: planFileSchema }).strict();
