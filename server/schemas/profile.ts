/** Input contract of profile.update (zod), with messages that name the field. */
import { z } from "zod";
import { CONDITIONS, DIETS, REFERENCE_STANDARDS, SEXES } from "../domain/vocabulary";

/** The profile's fields, without the cross-field check (people.* extends them). */
export const profileFields = z
  .object({
    ageYears: z
      .number({ error: "ageYears must be a number" })
      .min(0, "ageYears must be between 0 and 120 (use fractions for infants, e.g. 0.5)")
      .max(120, "ageYears must be between 0 and 120 (use fractions for infants, e.g. 0.5)"),
    sex: z.enum(SEXES, { error: "sex must be one of: female, male" }),
    pregnant: z.boolean({ error: "pregnant must be true or false" }).default(false),
    breastfeeding: z.boolean({ error: "breastfeeding must be true or false" }).default(false),
    diet: z.enum(DIETS, { error: `diet must be one of: ${DIETS.join(", ")}` }),
    standard: z.enum(REFERENCE_STANDARDS, {
      error: `standard must be one of: ${REFERENCE_STANDARDS.join(", ")}`,
    }),
    conditions: z
      .array(
        z.enum(CONDITIONS, { error: `each condition must be one of: ${CONDITIONS.join(", ")}` }),
        { error: "conditions must be a list" },
      )
      .max(CONDITIONS.length, "conditions lists a condition twice")
      .default([])
      .transform((list) => [...new Set(list)]),
  })
  .strict();

/** pregnant / breastfeeding only with sex female (a partial update checks what it sends). */
export function checkPregnancy(
  profile: { sex?: string; pregnant?: boolean; breastfeeding?: boolean },
  context: z.RefinementCtx,
): void {
  for (const field of ["pregnant", "breastfeeding"] as const) {
    if (profile[field] && profile.sex !== "female") {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `${field} can only be true when sex is female`,
      });
    }
  }
}

export const profileInput = profileFields.superRefine(checkPregnancy);
export type ProfileInput = z.output<typeof profileInput>;
