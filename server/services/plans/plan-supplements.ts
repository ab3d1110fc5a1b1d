/** A plan's supplement regimens as the editor and the totals read them. */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { people, planSupplements } from "../../../db/schema";
import { describeSchedule } from "../../domain/supplements";
import type { Meal, SupplementCompound, SupplementForm } from "../../domain/vocabulary";
import type { Db, Transaction } from "./access";

export type SupplementView = {
  id: string;
  doseMicrograms: number;
  form: SupplementForm;
  compound: SupplementCompound;
  everyNDays: number | null;
  firstDay: number;
  weekdays: number[] | null;
  withMeal: Meal | null;
  note: string | null;
  /** Whose supplement it is (null: not assigned, counts for the plan's first eater). */
  personId: string | null;
  /** That person's name, for "for Ana" beside the regimen. */
  personName: string | null;
  /** "Daily", "Once a week (day 1, 8, 15 …)", "Mon, Thu". */
  scheduleLabel: string;
};

export async function loadSupplements(db: Db, planId: string): Promise<SupplementView[]> {
  return (
    await db
      .select({ row: planSupplements, personName: people.name })
      .from(planSupplements)
      .leftJoin(people, eq(people.id, planSupplements.personId))
      .where(eq(planSupplements.planId, planId))
      .orderBy(asc(planSupplements.createdAt), asc(planSupplements.id))
  ).map(({ row, personName }) => ({
    id: row.id,
    doseMicrograms: row.doseMicrograms,
    form: row.form,
    compound: row.compound,
    everyNDays: row.everyNDays,
    firstDay: row.firstDay,
    weekdays: row.weekdays ?? null,
    withMeal: row.withMeal,
    note: row.note,
    personId: row.personId,
    personName: personName ?? null,
    scheduleLabel: describeSchedule({
      everyNDays: row.everyNDays,
      firstDay: row.firstDay,
      weekdays: row.weekdays ?? null,
    }),
  }));
}

/**
 * Copies regimens to another plan of the same household; each keeps its person
 * (`personFor` may map it, e.g. to a person who eats the copy).
 */
export async function copySupplements(
  tx: Transaction,
  from: SupplementView[],
  planId: string,
  personFor: (personId: string | null) => string | null = (personId) => personId,
): Promise<void> {
  if (from.length === 0) return;
  await tx.insert(planSupplements).values(
    from.map((supplement) => ({
      id: randomUUID(),
      planId,
      doseMicrograms: supplement.doseMicrograms,
      form: supplement.form,
      compound: supplement.compound,
      everyNDays: supplement.everyNDays,
      firstDay: supplement.firstDay,
      weekdays: supplement.weekdays,
      withMeal: supplement.withMeal,
      note: supplement.note,
      personId: personFor(supplement.personId),
    })),
  );
}

/** A regimen's schedule columns: weekdays, or every N days (daily when neither is given). */
export function scheduleFields(input: {
  everyNDays?: number | null;
  weekdays?: number[] | null;
  firstDay?: number;
}): { everyNDays: number | null; weekdays: number[] | null; firstDay: number } {
  const weekdays = input.weekdays ?? null;
  return {
    weekdays,
    everyNDays: weekdays !== null ? null : (input.everyNDays ?? 1),
    firstDay: input.firstDay ?? 1,
  };
}
