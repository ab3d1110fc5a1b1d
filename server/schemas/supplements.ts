/** Input contracts for supplement regimens in plans (zod), with messages that name the field. */
import { z } from "zod";
import { MEALS, SUPPLEMENT_COMPOUNDS, SUPPLEMENT_FORMS } from "../domain/vocabulary";
import { idField, noteField } from "./common";

/** A sanity bound, twice the largest common dose; no upper intake level is set (IOM 1998). */
export const MAX_DOSE_MICROGRAMS = 10_000;
export const MAX_EVERY_N_DAYS = 90;
export const MAX_SUPPLEMENTS_PER_PLAN = 20;
export const MAX_NOTE_LENGTH = 200;

const id = (field: string) => idField(field);

const doseMicrograms = z
  .number({ error: "doseMicrograms must be a finite number" })
  .min(0.1, "doseMicrograms must be at least 0.1 µg")
  .max(MAX_DOSE_MICROGRAMS, `doseMicrograms must be at most ${MAX_DOSE_MICROGRAMS} µg`);

const form = z.enum(SUPPLEMENT_FORMS, {
  error: `form must be one of: ${SUPPLEMENT_FORMS.join(", ")}`,
});
const compound = z.enum(SUPPLEMENT_COMPOUNDS, {
  error: `compound must be one of: ${SUPPLEMENT_COMPOUNDS.join(", ")}`,
});
const everyNDays = z
  .number({ error: "everyNDays must be a number" })
  .int("everyNDays must be a whole number")
  .min(1, `everyNDays must be between 1 (daily) and ${MAX_EVERY_N_DAYS}`)
  .max(MAX_EVERY_N_DAYS, `everyNDays must be between 1 (daily) and ${MAX_EVERY_N_DAYS}`);
const firstDay = z
  .number({ error: "firstDay must be a number" })
  .int("firstDay must be a whole number")
  .min(1, "firstDay must be 1 or more");
const weekdays = z
  .array(
    z
      .number({ error: "weekdays must hold numbers" })
      .int("weekdays must hold whole numbers")
      .min(1, "weekdays run from 1 (Monday) to 7 (Sunday)")
      .max(7, "weekdays run from 1 (Monday) to 7 (Sunday)"),
    { error: "weekdays must be a list of weekday numbers" },
  )
  .min(1, "weekdays must name at least one day")
  .max(7, "weekdays may name at most 7 days")
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));
const withMeal = z
  .enum(MEALS, { error: `withMeal must be one of: ${MEALS.join(", ")}, or null (on its own)` })
  .nullable();
const note = noteField("note", MAX_NOTE_LENGTH);

/** The regimen's fields as stored and as written in plan files. */
export const supplementFields = {
  doseMicrograms,
  form,
  compound: compound.optional(),
  everyNDays: everyNDays.nullable().optional(),
  firstDay: firstDay.optional(),
  weekdays: weekdays.nullable().optional(),
  withMeal: withMeal.optional(),
  note: note.nullable().optional(),
};

type ScheduleFields = { everyNDays?: number | null; weekdays?: number[] | null };

function oneSchedule(value: ScheduleFields, context: z.RefinementCtx): void {
  if (value.everyNDays != null && value.weekdays != null) {
    context.addIssue({
      code: "custom",
      path: ["weekdays"],
      message: "give either everyNDays or weekdays, not both",
    });
  }
}

/** Whose supplement: a person who eats the plan (default: you if you eat it, else its first eater). */
const personId = id("personId");

export const addSupplementInput = z
  .object({ planId: id("planId"), personId: personId.optional(), ...supplementFields })
  .strict()
  .superRefine(oneSchedule);
export type AddSupplementInput = z.output<typeof addSupplementInput>;

export const updateSupplementInput = z
  .object({
    supplementId: id("supplementId"),
    personId: personId.optional(),
    ...supplementFields,
    // Every field may change on its own.
    doseMicrograms: doseMicrograms.optional(),
    form: form.optional(),
  })
  .strict()
  .superRefine(oneSchedule);
export type UpdateSupplementInput = z.output<typeof updateSupplementInput>;

export const removeSupplementInput = z.object({ supplementId: id("supplementId") }).strict();

/**
 * A regimen in a plan file; `personName` says whose it is (one of the file's eaters, by
 * name; files from before supplements had a person have none: the first eater's).
 */
export const planFileSupplement = z
  .object({
    ...supplementFields,
    personName: z.string().max(100, "personName is too long").nullable().optional(),
  })
  .superRefine(oneSchedule);
export type PlanFileSupplement = z.output<typeof planFileSupplement>;
