/**
 * Input contracts of the foods API (zod). Messages name the field and the reason, so a
 * BAD_REQUEST tells a person or a client exactly what to fix.
 */
import { z } from "zod";
import { AMOUNT_UNITS } from "../domain/amount-units";
import type { LabelB12 } from "../domain/b12-amounts";
import { DIETS, LABEL_EDITIONS } from "../domain/vocabulary";
import { hasNoNul, nameField, noteField } from "./common";

export const MAX_QUERY_LENGTH = 200;
export const MAX_NAME_LENGTH = 200;
export const MAX_SERVING_GRAMS = 5000;
/** 5,000 %DV = 120 µg per serving on a current label: far above any food label seen. */
export const MAX_PERCENT_DAILY_VALUE = 5000;
export const MAX_MICROGRAMS_PER_SERVING = 5000;

/** zod 4 numbers already reject NaN and ±Infinity; the message names the field. */
const finite = (field: string) => z.number({ error: `${field} must be a finite number` });

export const foodIdSchema = z
  .string({ error: "id must be a string" })
  .trim()
  .min(1, "id must not be empty")
  .max(100, "id is too long (at most 100 characters)")
  .refine(hasNoNul, "id must not contain a NUL character");

export const dietSchema = z.enum(DIETS, {
  error: `diet must be one of: ${DIETS.join(", ")}`,
});

export const groupCodeSchema = z
  .string()
  .regex(/^\d{4}$/, "group must be a 4-digit SR28 food group code such as 1600");

export const searchFoodsInput = z
  .object({
    query: z
      .string({ error: "query must be a string" })
      .trim()
      .min(1, { message: "query must not be empty", abort: true })
      .max(MAX_QUERY_LENGTH, `query is too long (at most ${MAX_QUERY_LENGTH} characters)`)
      .refine((query) => /[\p{L}\p{N}]/u.test(query), "query must contain a letter or a digit"),
    diet: z
      .enum(["vegan", "vegetarian", "any"], {
        error: "diet must be one of: vegan, vegetarian, any",
      })
      .default("any"),
    fortifiedOnly: z.boolean({ error: "fortifiedOnly must be true or false" }).default(false),
    group: groupCodeSchema.optional(),
    sort: z
      .enum(["relevance", "b12"], { error: "sort must be one of: relevance, b12" })
      .default("relevance"),
    limit: z
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be between 1 and 100")
      .max(100, "limit must be between 1 and 100")
      .default(20),
    cursor: z
      .number({ error: "cursor must be a number" })
      .int("cursor must be a whole number")
      .min(0, "cursor must not be negative")
      .max(100_000, "cursor is past the end of any result")
      .nullish(),
    /** Sent by React Query's infinite queries; paging is forward only, so it is ignored. */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();
export type SearchFoodsInput = z.infer<typeof searchFoodsInput>;

export const getFoodInput = z
  .object(
    {
      id: foodIdSchema.optional(),
      ndbNumber: z
        .string({ error: "ndbNumber must be a string" })
        .regex(/^\d{5}$/, "ndbNumber must be a 5-digit SR28 number such as 16139")
        .optional(),
    },
    { error: "input must be an object: { id } or { ndbNumber }" },
  )
  .strict()
  .refine((value) => (value.id === undefined) !== (value.ndbNumber === undefined), {
    message: "give exactly one of id or ndbNumber",
  })
  .transform((value): { id: string } | { ndbNumber: string } =>
    value.id !== undefined ? { id: value.id } : { ndbNumber: value.ndbNumber ?? "" },
  );
export type GetFoodInput = z.output<typeof getFoodInput>;

const nameSchema = nameField("name", MAX_NAME_LENGTH);

const gramsSchema = (field: string) =>
  finite(field)
    .refine((grams) => grams > 0, `${field} must be greater than 0 g`)
    .refine(
      (grams) => grams <= MAX_SERVING_GRAMS,
      `${field} must be at most ${MAX_SERVING_GRAMS} g`,
    );

/**
 * B12 per serving as the label states it: `{ micrograms }` or `{ percentDailyValue,
 * labelEdition }`. One object with optional fields (rather than a union) so that each
 * wrong field gets its own message, e.g. "b12.percentDailyValue must not be negative".
 */
const labelB12Schema = z
  .object(
    {
      micrograms: finite("b12.micrograms")
        .refine((value) => value >= 0, "b12.micrograms must not be negative")
        .refine(
          (value) => value <= MAX_MICROGRAMS_PER_SERVING,
          `b12.micrograms must be at most ${MAX_MICROGRAMS_PER_SERVING} µg per serving`,
        )
        .optional(),
      percentDailyValue: finite("b12.percentDailyValue")
        .refine((value) => value >= 0, "b12.percentDailyValue must not be negative")
        .refine(
          (value) => value <= MAX_PERCENT_DAILY_VALUE,
          `b12.percentDailyValue must be at most ${MAX_PERCENT_DAILY_VALUE}%`,
        )
        .optional(),
      labelEdition: z
        .enum(LABEL_EDITIONS, {
          error: `b12.labelEdition must be one of: ${LABEL_EDITIONS.join(", ")}`,
        })
        .optional(),
    },
    { error: "b12 must be an object: { micrograms } or { percentDailyValue, labelEdition }" },
  )
  .strict()
  .superRefine((value, context) => {
    const hasMicrograms = value.micrograms !== undefined;
    const hasPercent = value.percentDailyValue !== undefined;
    if (hasMicrograms === hasPercent) {
      context.addIssue({
        code: "custom",
        message: "b12 needs exactly one of micrograms or percentDailyValue",
      });
    }
    if (hasPercent && value.labelEdition === undefined) {
      context.addIssue({
        code: "custom",
        path: ["labelEdition"],
        message: `b12.labelEdition is required with percentDailyValue: one of ${LABEL_EDITIONS.join(", ")}`,
      });
    }
    if (hasMicrograms && value.labelEdition !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["labelEdition"],
        message: "b12.labelEdition only goes with percentDailyValue",
      });
    }
  })
  .transform(
    (value): LabelB12 =>
      value.micrograms !== undefined
        ? { micrograms: value.micrograms }
        : {
            percentDailyValue: value.percentDailyValue ?? 0,
            labelEdition: value.labelEdition ?? "current",
          },
  );

const customPortionSchema = z
  .object({
    label: nameField("portion label", 100),
    grams: gramsSchema("portion grams"),
  })
  .strict();

export const labelPreviewInput = z
  .object({ servingGrams: gramsSchema("servingGrams"), b12: labelB12Schema })
  .strict();
export type LabelPreviewInput = z.output<typeof labelPreviewInput>;

export const customFoodFields = z
  .object({
    name: nameSchema,
    servingGrams: gramsSchema("servingGrams"),
    b12: labelB12Schema,
    diet: dietSchema,
    fortified: z.boolean({ error: "fortified must be true or false" }),
    group: groupCodeSchema.nullish(),
    portions: z.array(customPortionSchema).max(20, "at most 20 portions").optional(),
  })
  .strict();
export type CustomFoodFields = z.output<typeof customFoodFields>;

export const updateCustomFoodInput = customFoodFields.extend({ id: foodIdSchema }).strict();
export type UpdateCustomFoodInput = z.output<typeof updateCustomFoodInput>;

export const deleteCustomFoodInput = z.object({ id: foodIdSchema }).strict();

export const setDietOverrideInput = z
  .object({
    foodId: foodIdSchema,
    /** null removes the correction and returns to the classified diet. */
    diet: dietSchema.nullable(),
    note: noteField("note", 500).optional(),
  })
  .strict();
export type SetDietOverrideInput = z.infer<typeof setDietOverrideInput>;

export const recentFoodsInput = z
  .object({
    limit: z
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be between 1 and 50")
      .max(50, "limit must be between 1 and 50")
      .default(10),
  })
  .strict()
  .optional()
  .transform((value) => value ?? { limit: 10 });
export type RecentFoodsInput = z.output<typeof recentFoodsInput>;

export const setFavoriteInput = z
  .object({
    foodId: foodIdSchema,
    favorite: z.boolean({ error: "favorite must be true or false" }),
  })
  .strict();
export type SetFavoriteInput = z.infer<typeof setFavoriteInput>;

/**
 * An amount of a food to preview before adding it: grams, a number of one of its
 * household portions, or a number of a unit (ml, fl oz, oz, lb).
 */
export const amountPreviewInput = z
  .object({
    foodId: foodIdSchema,
    grams: finite("grams")
      .refine((grams) => grams > 0, "grams must be greater than 0 g")
      .optional(),
    portionId: foodIdSchema.optional(),
    unit: z
      .enum(AMOUNT_UNITS, { error: `unit must be one of: ${AMOUNT_UNITS.join(", ")}` })
      .optional(),
    quantity: finite("quantity")
      .refine((quantity) => quantity > 0, "quantity must be greater than 0")
      .optional(),
  })
  .strict()
  .superRefine((value, context) => {
    const ways = [value.grams, value.portionId, value.unit].filter((way) => way !== undefined);
    if (ways.length !== 1) {
      context.addIssue({
        code: "custom",
        path: ["grams"],
        message: "give the amount as grams, as portionId with quantity, or as unit with quantity",
      });
    } else if (value.grams === undefined && value.quantity === undefined) {
      context.addIssue({ code: "custom", path: ["quantity"], message: "quantity is required" });
    }
  });
export type AmountPreviewInput = z.output<typeof amountPreviewInput>;
