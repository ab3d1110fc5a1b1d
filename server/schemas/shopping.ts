/** Input contracts of the shopping API (zod), with messages that name the field. */
import { z } from "zod";
import { AISLES } from "../domain/shopping";
import { UNIT_SYSTEMS } from "../domain/vocabulary";
import { idField, nameField } from "./common";
import { MAX_PLAN_DAYS } from "./plans";

export const MAX_SERVINGS = 20;
/** Extra guests on a shopping list (besides the plan's eaters). */
export const MAX_GUESTS = 20;
export const MAX_EXTRA_LENGTH = 200;
export const MAX_EXTRAS = 100;

const id = (field: string) => idField(field, 200);

const dayNumber = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(1, `${field} must be between 1 and ${MAX_PLAN_DAYS}`)
    .max(MAX_PLAN_DAYS, `${field} must be between 1 and ${MAX_PLAN_DAYS}`);

export const servingsSchema = z
  .number({ error: "servings must be a number" })
  .int("servings must be a whole number of people")
  .min(1, `servings must be between 1 and ${MAX_SERVINGS} people`)
  .max(MAX_SERVINGS, `servings must be between 1 and ${MAX_SERVINGS} people`);

/** Extra people eating the plan's amounts, besides the plan's eaters. */
export const guestsSchema = z
  .number({ error: "guests must be a number" })
  .int("guests must be a whole number of people")
  .min(0, `guests must be between 0 and ${MAX_GUESTS}`)
  .max(MAX_GUESTS, `guests must be between 0 and ${MAX_GUESTS}`);

export const unitSystemSchema = z.enum(UNIT_SYSTEMS, {
  error: `unitSystem must be one of: ${UNIT_SYSTEMS.join(", ")}`,
});

const rangeFields = {
  fromDay: dayNumber("fromDay").optional(),
  toDay: dayNumber("toDay").optional(),
};

function checkRange(value: { fromDay?: number; toDay?: number }, context: z.RefinementCtx) {
  if (value.fromDay !== undefined && value.toDay !== undefined && value.fromDay > value.toDay) {
    context.addIssue({
      code: "custom",
      path: ["fromDay"],
      message: `fromDay (${value.fromDay}) must not be after toDay (${value.toDay})`,
    });
  }
}

/**
 * shopping.list: missing fields fall back to the plan's saved preferences. The list is
 * for the plan's eaters (their portion factors added up) plus `guests`; `servings` is an
 * explicit override: that many people at the plan's amounts, eaters and guests ignored.
 */
export const shoppingListInput = z
  .object({
    planId: id("planId"),
    ...rangeFields,
    guests: guestsSchema.optional(),
    servings: servingsSchema.optional(),
    unitSystem: unitSystemSchema.optional(),
  })
  .strict()
  .superRefine(checkRange);
export type ShoppingListInput = z.output<typeof shoppingListInput>;

/**
 * shopping.setPreferences: null days mean "the whole plan"; null servings clears the
 * override (the list is for the plan's eaters plus guests again).
 */
export const setPreferencesInput = z
  .object({
    planId: id("planId"),
    fromDay: dayNumber("fromDay").nullable().optional(),
    toDay: dayNumber("toDay").nullable().optional(),
    guests: guestsSchema.optional(),
    servings: servingsSchema.nullable().optional(),
    unitSystem: unitSystemSchema.optional(),
  })
  .strict()
  .superRefine((value, context) =>
    checkRange({ fromDay: value.fromDay ?? undefined, toDay: value.toDay ?? undefined }, context),
  );
export type SetPreferencesInput = z.output<typeof setPreferencesInput>;

export const setCheckedInput = z
  .object({
    planId: id("planId"),
    itemKey: id("itemKey"),
    checked: z.boolean({ error: "checked must be true or false" }),
  })
  .strict();
export const setInPantryInput = z
  .object({
    planId: id("planId"),
    itemKey: id("itemKey"),
    inPantry: z.boolean({ error: "inPantry must be true or false" }),
  })
  .strict();

/** shopping.setAisle: null puts the food back in the aisle its food group gives. */
export const setAisleInput = z
  .object({
    planId: id("planId"),
    foodId: id("foodId"),
    aisle: z
      .enum(AISLES, { error: `aisle must be one of: ${AISLES.join(", ")}` })
      .refine((aisle) => aisle !== "supplements", "aisle: supplements are for supplements only")
      .nullable(),
  })
  .strict();

export const planOnlyInput = z.object({ planId: id("planId") }).strict();

export const addExtraInput = z
  .object({
    planId: id("planId"),
    text: nameField("text", MAX_EXTRA_LENGTH),
  })
  .strict();

export const removeExtraInput = z.object({ planId: id("planId"), extraId: id("extraId") }).strict();

/**
 * The download routes' query string (`?guests=1&from=1&to=7&units=imperial`, and
 * `servings=` as the override), parsed
 * into shopping.list input. Empty parameters count as absent.
 */
export function parseDownloadQuery(
  planId: string,
  params: URLSearchParams,
): Record<string, unknown> {
  const number = (name: string) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return undefined;
    return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  };
  const units = params.get("units");
  return {
    planId,
    ...(number("from") !== undefined ? { fromDay: number("from") } : {}),
    ...(number("to") !== undefined ? { toDay: number("to") } : {}),
    ...(number("guests") !== undefined ? { guests: number("guests") } : {}),
    ...(number("servings") !== undefined ? { servings: number("servings") } : {}),
    ...(units ? { unitSystem: units } : {}),
  };
}
