/** Input contracts of people.* and plans.setEaters (zod), with messages that name the field. */
import { z } from "zod";
import { hasNoNul, idField, removeControlCharacters } from "./common";
import { checkPregnancy, profileFields } from "./profile";

/**
 * The most people one household keeps (each with a profile), and the most members
 * (accounts). Every member has a person, so members never outnumber the people cap;
 * backups hold the same number of people (server/schemas/backup.ts), so every export
 * restores.
 */
export const MAX_PEOPLE_PER_HOUSEHOLD = 50;
export const MAX_HOUSEHOLD_MEMBERS = 50;
export const MAX_PERSON_NAME_LENGTH = 60;
/** A portion factor: 0.1 (a tenth of each meal) to 3 (three times the plan's amounts). */
export const MIN_PORTION_FACTOR = 0.1;
export const MAX_PORTION_FACTOR = 3;

const personId = z
  .string({ error: "personId must be a string" })
  .min(1, "personId must not be empty")
  .max(100, "personId is too long")
  .refine(hasNoNul, "personId must not contain a NUL character");

/** Control characters removed (as other names: server/schemas/common.ts), then trimmed. */
const personName = z
  .string({ error: "name must be a string" })
  .transform(removeControlCharacters)
  .pipe(
    z
      .string()
      .trim()
      .min(1, "name must not be empty")
      .max(MAX_PERSON_NAME_LENGTH, `name must be at most ${MAX_PERSON_NAME_LENGTH} characters`),
  );

export const createPersonInput = profileFields
  .extend({ name: personName })
  .strict()
  .superRefine(checkPregnancy);

export const updatePersonInput = profileFields
  .partial()
  .extend({ personId, name: personName.optional() })
  .strict();

export const personIdInput = z.object({ personId }).strict();

export const portionFactor = z
  .number({ error: "portionFactor must be a number" })
  .min(
    MIN_PORTION_FACTOR,
    `portionFactor must be between ${MIN_PORTION_FACTOR} and ${MAX_PORTION_FACTOR}`,
  )
  .max(
    MAX_PORTION_FACTOR,
    `portionFactor must be between ${MIN_PORTION_FACTOR} and ${MAX_PORTION_FACTOR}`,
  );

export const setEatersInput = z
  .object({
    planId: idField("planId"),
    eaters: z
      .array(z.object({ personId, portionFactor: portionFactor.default(1) }).strict(), {
        error: "eaters must be a list",
      })
      .min(1, "eaters must name at least one person")
      .max(MAX_PEOPLE_PER_HOUSEHOLD, `eaters must name at most ${MAX_PEOPLE_PER_HOUSEHOLD} people`)
      .superRefine((list, context) => {
        const seen = new Set<string>();
        list.forEach((eater, index) => {
          if (seen.has(eater.personId)) {
            context.addIssue({
              code: "custom",
              path: [index, "personId"],
              message: "eaters names a person twice",
            });
          }
          seen.add(eater.personId);
        });
      }),
  })
  .strict();

export type CreatePersonInput = z.output<typeof createPersonInput>;
export type UpdatePersonInput = z.output<typeof updatePersonInput>;
export type SetEatersInput = z.output<typeof setEatersInput>;
