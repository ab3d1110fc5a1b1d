/** A plan's supplement regimens as the editor and the totals read them. */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { planSupplements } from "../../../db/schema";
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
  /** "Daily", "Once a week (day 1, 8, 15 …)", "Mon, Thu". */
  scheduleLabel: string;
};

export function loadSupplements(db: Db, planId: string): SupplementView[] {
  return db
    .select()
    .from(planSupplements)
    .where(eq(planSupplements.planId, planId))
    .orderBy(asc(planSupplements.createdAt), asc(planSupplements.id))
    .all()
    .map((row) => ({
      id: row.id,
      doseMicrograms: row.doseMicrograms,
      form: row.form,
      compound: row.compound,
      everyNDays: row.everyNDays,
      firstDay: row.firstDay,
      weekdays: row.weekdays ?? null,
      withMeal: row.withMeal,
      note: row.note,
      scheduleLabel: describeSchedule({
        everyNDays: row.everyNDays,
        firstDay: row.firstDay,
        weekdays: row.weekdays ?? null,
      }),
    }));
}

export function copySupplements(tx: Transaction, from: SupplementView[], planId: string): void {
  if (from.length === 0) return;
  tx.insert(planSupplements)
    .values(
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
      })),
    )
    .run();
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
