/**
 * Supplement regimens in a plan: add, change, remove. Each write checks the plan belongs
 * to the owner and the schedule fits the plan, then returns the plan and its totals as
 * they now are (like entry edits), so the editor needs one round trip.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first, write } from "../../db/dialect";
import { planSupplements, plans } from "../../db/schema";
import { AppError, invalid, notFound } from "../errors";
import {
  type AddSupplementInput,
  MAX_SUPPLEMENTS_PER_PLAN,
  type UpdateSupplementInput,
} from "../schemas/supplements";
import { ensureOwnPerson, requirePerson } from "./people";
import {
  type Db,
  type Eater,
  editResult,
  loadEaters,
  type PlanEditResult,
  type PlanRow,
  requirePlan,
  scheduleFields,
  touchPlan,
  type Viewer,
} from "./plans";

async function requireSupplement(db: Db, ownerId: string, supplementId: string) {
  const row = await first(
    db
      .select({ supplement: planSupplements, plan: plans })
      .from(planSupplements)
      .innerJoin(plans, eq(plans.id, planSupplements.planId))
      .where(and(eq(planSupplements.id, supplementId), eq(plans.ownerId, ownerId))),
  );
  if (!row) throw notFound(`No supplement with id "${supplementId}"`, "supplementId");
  return row;
}

function checkSchedule(
  plan: PlanRow,
  schedule: { firstDay: number; weekdays: number[] | null },
): void {
  if (schedule.weekdays !== null && plan.startDate === null) {
    throw invalid(
      "weekdays: this plan has no start date, so it has no weekdays; give it a start date or use everyNDays",
      "weekdays",
    );
  }
  if (schedule.firstDay > plan.dayCount) {
    throw invalid(
      `firstDay must be between 1 and ${plan.dayCount} (the plan has ${plan.dayCount} day${plan.dayCount === 1 ? "" : "s"}); got ${schedule.firstDay}`,
      "firstDay",
    );
  }
}

/**
 * Whose a supplement is: `personId` must be a person of the household (NOT_FOUND
 * otherwise) who eats the plan (BAD_REQUEST otherwise). Without one: the signed-in
 * account's own person if they eat the plan, else the plan's first eater.
 */
export async function supplementPerson(
  db: Db,
  ownerId: string,
  planId: string,
  viewer: Viewer,
  personId: string | undefined,
): Promise<string> {
  const eaters: Eater[] = await loadEaters(db, ownerId, planId, viewer);
  if (personId === undefined) {
    const own = await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
    const eating = eaters.find((eater) => eater.person.id === own.id) ?? eaters[0];
    return (eating?.person ?? own).id;
  }
  const person = await requirePerson(db, ownerId, personId);
  if (!eaters.some((eater) => eater.person.id === person.id)) {
    throw invalid(
      `personId: ${person.name} does not eat this plan; add them to the plan's eaters first`,
      "personId",
    );
  }
  return person.id;
}

export async function addSupplement(
  db: AppDatabase,
  ownerId: string,
  input: AddSupplementInput,
  viewer: Viewer,
): Promise<PlanEditResult> {
  const id = randomUUID();
  await write(db, ownerId, async (tx) => {
    const plan = await requirePlan(tx, ownerId, input.planId);
    const personId = await supplementPerson(tx, ownerId, plan.id, viewer, input.personId);
    const schedule = scheduleFields(input);
    checkSchedule(plan, schedule);
    const existing =
      (
        await first(
          tx
            .select({ value: count() })
            .from(planSupplements)
            .where(eq(planSupplements.planId, plan.id)),
        )
      )?.value ?? 0;
    if (existing >= MAX_SUPPLEMENTS_PER_PLAN) {
      throw new AppError(
        "CONFLICT",
        `planId: a plan holds at most ${MAX_SUPPLEMENTS_PER_PLAN} supplements`,
        "planId",
      );
    }
    await tx.insert(planSupplements).values({
      id,
      planId: plan.id,
      doseMicrograms: input.doseMicrograms,
      form: input.form,
      compound: input.compound ?? "cyanocobalamin",
      ...schedule,
      withMeal: input.withMeal ?? null,
      note: input.note || null,
      personId,
    });
    await touchPlan(tx, plan.id);
  });
  return await editResult(db, ownerId, input.planId, id);
}

export async function updateSupplement(
  db: AppDatabase,
  ownerId: string,
  input: UpdateSupplementInput,
  viewer: Viewer,
): Promise<PlanEditResult> {
  const planId = await write(db, ownerId, async (tx) => {
    const { supplement, plan } = await requireSupplement(tx, ownerId, input.supplementId);
    const personId =
      input.personId === undefined
        ? undefined
        : await supplementPerson(tx, ownerId, plan.id, viewer, input.personId);
    // A new schedule of one kind replaces the other kind.
    const changesSchedule = input.weekdays != null || input.everyNDays != null;
    const schedule = scheduleFields({
      ...(changesSchedule ? input : supplement),
      firstDay: input.firstDay ?? supplement.firstDay,
    });
    checkSchedule(plan, schedule);
    await tx
      .update(planSupplements)
      .set({
        ...(input.doseMicrograms !== undefined ? { doseMicrograms: input.doseMicrograms } : {}),
        ...(input.form !== undefined ? { form: input.form } : {}),
        ...(input.compound !== undefined ? { compound: input.compound } : {}),
        ...(input.withMeal !== undefined ? { withMeal: input.withMeal } : {}),
        ...(input.note !== undefined ? { note: input.note || null } : {}),
        ...(personId !== undefined ? { personId } : {}),
        ...schedule,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(planSupplements.id, supplement.id));
    await touchPlan(tx, plan.id);
    return plan.id;
  });
  return await editResult(db, ownerId, planId, input.supplementId);
}

export async function removeSupplement(
  db: AppDatabase,
  ownerId: string,
  supplementId: string,
): Promise<PlanEditResult> {
  const planId = await write(db, ownerId, async (tx) => {
    const { supplement, plan } = await requireSupplement(tx, ownerId, supplementId);
    await tx.delete(planSupplements).where(eq(planSupplements.id, supplement.id));
    await touchPlan(tx, plan.id);
    return plan.id;
  });
  return await editResult(db, ownerId, planId, supplementId);
}
