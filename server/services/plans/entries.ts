/**
 * Plan entries: add, change, move, remove, copy a day. Each edit answers with the plan
 * and its totals as they now are (one round trip for the editor).
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { write } from "../../../db/dialect";
import { planEntries, planRecipes } from "../../../db/schema";
import { MEAL_ORDER } from "../../domain/plan-totals";
import { invalid } from "../../errors";
import type {
  AddEntryInput,
  AddToDaysInput,
  CopyDayInput,
  CopyMealInput,
  MoveEntryInput,
  UpdateEntryInput,
} from "../../schemas/plans";
import {
  checkDay,
  checkRoom,
  type Db,
  insertEntries,
  nextPosition,
  now,
  requireEntry,
  requirePlan,
  resolveAmount,
  touchPlan,
} from "./access";
import { copyEntries, getPlan, loadEntries, type PlanView } from "./crud";
import { insertDishes, loadDishRowsForCopy } from "./dishes";
import { keepForUndo } from "./removed-entries";

/**
 * What an edit returns: the changed entry's id and the plan as it now is. The router adds
 * the signed-in person's totals (`withOwnTotals`, ./people-totals.ts), so the editor shows
 * the result after one round trip instead of two; the edit computes no totals of its own
 * (they would be thrown away).
 */
export type PlanEditResult = { id: string; plan: PlanView };

export async function editResult(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  id: string,
): Promise<PlanEditResult> {
  return { id, plan: await getPlan(db, ownerId, planId) };
}

export async function addEntry(
  db: AppDatabase,
  ownerId: string,
  input: AddEntryInput,
): Promise<PlanEditResult> {
  const { id } = await write(db, ownerId, async (tx) => {
    const plan = await requirePlan(tx, ownerId, input.planId);
    checkDay(plan, input.day);
    await checkRoom(tx, plan.id, 1);
    const amount = await resolveAmount(tx, ownerId, input.foodId, input.amount);
    const id = randomUUID();
    await tx.insert(planEntries).values({
      id,
      planId: plan.id,
      day: input.day,
      meal: input.meal,
      foodId: input.foodId,
      ...amount,
      position: await nextPosition(tx, plan.id, input.day, input.meal),
    });
    await touchPlan(tx, plan.id);
    return { id };
  });
  return await editResult(db, ownerId, input.planId, id);
}

/** Adds one food to the given meals of the given days (all days by default), all or nothing. */
export async function addToDays(
  db: AppDatabase,
  ownerId: string,
  input: AddToDaysInput,
): Promise<PlanEditResult> {
  const ids = await write(db, ownerId, async (tx) => {
    const plan = await requirePlan(tx, ownerId, input.planId);
    const days = input.days ?? Array.from({ length: plan.dayCount }, (_, index) => index + 1);
    for (const day of days) checkDay(plan, day, "days");
    await checkRoom(tx, plan.id, days.length * input.meals.length);
    const amount = await resolveAmount(tx, ownerId, input.foodId, input.amount);
    const rows = [];
    for (const day of days) {
      for (const meal of input.meals) {
        rows.push({
          id: randomUUID(),
          planId: plan.id,
          day,
          meal,
          foodId: input.foodId,
          ...amount,
          position: await nextPosition(tx, plan.id, day, meal),
        });
      }
    }
    await insertEntries(tx, rows);
    await touchPlan(tx, plan.id);
    return rows.map((row) => row.id);
  });
  return await editResult(db, ownerId, input.planId, ids[0] ?? "");
}

export async function updateEntry(
  db: AppDatabase,
  ownerId: string,
  input: UpdateEntryInput,
): Promise<PlanEditResult> {
  const { planId } = await write(db, ownerId, async (tx) => {
    const { entry } = await requireEntry(tx, ownerId, input.entryId);
    const amount = await resolveAmount(tx, ownerId, entry.foodId, input.amount);
    await tx
      .update(planEntries)
      .set({ ...amount, updatedAt: now() })
      .where(eq(planEntries.id, entry.id));
    await touchPlan(tx, entry.planId);
    return { planId: entry.planId };
  });
  return await editResult(db, ownerId, planId, input.entryId);
}

export async function moveEntry(
  db: AppDatabase,
  ownerId: string,
  input: MoveEntryInput,
): Promise<PlanEditResult> {
  const { planId } = await write(db, ownerId, async (tx) => {
    const { entry, plan } = await requireEntry(tx, ownerId, input.entryId);
    checkDay(plan, input.day);
    if (entry.day !== input.day || entry.meal !== input.meal) {
      await tx
        .update(planEntries)
        .set({
          day: input.day,
          meal: input.meal,
          position: await nextPosition(tx, plan.id, input.day, input.meal),
          updatedAt: now(),
        })
        .where(eq(planEntries.id, entry.id));
      await touchPlan(tx, plan.id);
    }
    return { planId: plan.id };
  });
  return await editResult(db, ownerId, planId, input.entryId);
}

/** Removes an entry; it can be put back for a few minutes (restoreEntry, removed-entries.ts). */
export async function removeEntry(
  db: AppDatabase,
  ownerId: string,
  entryId: string,
): Promise<PlanEditResult> {
  const { planId } = await write(db, ownerId, async (tx) => {
    const { entry } = await requireEntry(tx, ownerId, entryId);
    await keepForUndo(tx, entry);
    await tx.delete(planEntries).where(eq(planEntries.id, entry.id));
    await touchPlan(tx, entry.planId);
    return { planId: entry.planId };
  });
  return await editResult(db, ownerId, planId, entryId);
}

/** The plan a copy works in, with its source day and target days checked against it. */
async function requireCopyDays(
  tx: Db,
  ownerId: string,
  input: { planId: string; fromDay: number; toDays: number[] },
) {
  const plan = await requirePlan(tx, ownerId, input.planId);
  checkDay(plan, input.fromDay, "fromDay");
  for (const day of input.toDays) checkDay(plan, day, "toDays");
  return plan;
}

/** Copies one day's entries to other days, added to what is there or replacing it. */
export async function copyDay(
  db: AppDatabase,
  ownerId: string,
  input: CopyDayInput,
): Promise<Omit<PlanEditResult, "id"> & { copiedEntries: number }> {
  const { copiedEntries } = await write(db, ownerId, async (tx) => {
    const plan = await requireCopyDays(tx, ownerId, input);
    const entries = await loadEntries(tx, plan.id);
    const source = entries.filter((row) => row.day === input.fromDay);
    const replaced = input.replace ? entries.filter((row) => input.toDays.includes(row.day)) : [];
    // Dishes travel with the day's entries (one position sequence per meal) and count
    // with them against the plan's cap.
    const dishes = await loadDishRowsForCopy(tx, plan.id);
    const sourceDishes = dishes.filter((row) => row.day === input.fromDay);
    const replacedDishes = input.replace
      ? dishes.filter((row) => input.toDays.includes(row.day)).length
      : 0;
    await checkRoom(
      tx,
      plan.id,
      (source.length + sourceDishes.length) * input.toDays.length -
        replaced.length -
        replacedDishes,
    );
    if (input.replace) {
      await tx
        .delete(planEntries)
        .where(and(eq(planEntries.planId, plan.id), inArray(planEntries.day, input.toDays)));
      await tx
        .delete(planRecipes)
        .where(and(eq(planRecipes.planId, plan.id), inArray(planRecipes.day, input.toDays)));
    }
    for (const day of input.toDays) {
      let offset = 0;
      if (!input.replace) {
        for (const meal of MEAL_ORDER) {
          offset = Math.max(offset, (await nextPosition(tx, plan.id, day, meal)) - 1);
        }
      }
      await copyEntries(
        tx,
        source.map((row) => ({ ...row, position: row.position + offset })),
        plan.id,
        () => day,
      );
      await insertDishes(
        tx,
        plan.id,
        sourceDishes.map((row) => ({ ...row, day, position: row.position + offset })),
      );
    }
    await touchPlan(tx, plan.id);
    return { copiedEntries: source.length * input.toDays.length };
  });
  const { plan } = await editResult(db, ownerId, input.planId, "");
  return { copiedEntries, plan };
}

/**
 * Copies the entries of one meal of one day to other days (into `toMeal`, by default the
 * same meal), each added after what the target meal holds, in the same order.
 */
export async function copyMeal(
  db: AppDatabase,
  ownerId: string,
  input: CopyMealInput,
): Promise<Omit<PlanEditResult, "id"> & { copiedEntries: number }> {
  const { copiedEntries } = await write(db, ownerId, async (tx) => {
    const plan = await requireCopyDays(tx, ownerId, input);
    const source = (await loadEntries(tx, plan.id))
      .filter((row) => row.day === input.fromDay && row.meal === input.meal)
      .sort((a, b) => a.position - b.position);
    const sourceDishes = (await loadDishRowsForCopy(tx, plan.id)).filter(
      (row) => row.day === input.fromDay && row.meal === input.meal,
    );
    if (source.length === 0 && sourceDishes.length === 0) {
      throw invalid(`meal: day ${input.fromDay} has no ${input.meal} to copy`, "meal");
    }
    await checkRoom(tx, plan.id, (source.length + sourceDishes.length) * input.toDays.length);
    // Entries and dishes keep their order: ranked together by their positions.
    const order = [...source, ...sourceDishes].map((row) => row.position).sort((a, b) => a - b);
    const rank = (position: number) => order.indexOf(position);
    for (const day of input.toDays) {
      const start = await nextPosition(tx, plan.id, day, input.toMeal);
      await copyEntries(
        tx,
        source.map((row) => ({ ...row, meal: input.toMeal, position: start + rank(row.position) })),
        plan.id,
        () => day,
      );
      await insertDishes(
        tx,
        plan.id,
        sourceDishes.map((row) => ({
          ...row,
          day,
          meal: input.toMeal,
          position: start + rank(row.position),
        })),
      );
    }
    await touchPlan(tx, plan.id);
    return { copiedEntries: source.length * input.toDays.length };
  });
  const { plan } = await editResult(db, ownerId, input.planId, "");
  return { copiedEntries, plan };
}
