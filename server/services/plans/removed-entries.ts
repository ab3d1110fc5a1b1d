/**
 * Undo of a removal: plans.removeEntry keeps the entry as it was in
 * `removed_plan_entries` for UNDO_WINDOW_MINUTES; plans.restoreEntry puts it back under
 * the same id, day, meal, amount and position. Restoring twice, or after the window, finds
 * nothing to restore and says so; nothing else changes.
 */
import { and, eq, lt } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { first, write } from "../../../db/dialect";
import { foodPortions, foods, planEntries, removedPlanEntries } from "../../../db/schema";
import { invalid, notFound } from "../../errors";
import { checkDay, checkRoom, type Db, now, requirePlan, touchPlan } from "./access";
import { editResult, type PlanEditResult } from "./entries";

/** How long a removed entry can be put back (the editor offers it for a few seconds). */
export const UNDO_WINDOW_MINUTES = 10;

type EntryRow = typeof planEntries.$inferSelect;

/** Keeps a copy of an entry being removed, and forgets copies older than the window. */
export async function keepForUndo(tx: Db, entry: EntryRow): Promise<void> {
  const cutoff = new Date(Date.now() - UNDO_WINDOW_MINUTES * 60_000).toISOString();
  await tx.delete(removedPlanEntries).where(lt(removedPlanEntries.removedAt, cutoff));
  await tx
    .insert(removedPlanEntries)
    .values({
      id: entry.id,
      planId: entry.planId,
      day: entry.day,
      meal: entry.meal,
      foodId: entry.foodId,
      portionId: entry.portionId,
      quantity: entry.quantity,
      grams: entry.grams,
      position: entry.position,
      removedAt: now(),
    })
    .onConflictDoUpdate({ target: removedPlanEntries.id, set: { removedAt: now() } });
}

const GONE_MESSAGE =
  "This entry can no longer be put back: it was already restored, or removed more than " +
  `${UNDO_WINDOW_MINUTES} minutes ago. Add the food again instead.`;

/** Puts a removed entry back as it was; NOT_FOUND when there is nothing to restore. */
export async function restoreEntry(
  db: AppDatabase,
  ownerId: string,
  entryId: string,
): Promise<PlanEditResult> {
  const cutoff = new Date(Date.now() - UNDO_WINDOW_MINUTES * 60_000).toISOString();
  const { planId } = await write(db, ownerId, async (tx) => {
    const removed = await first(
      tx.select().from(removedPlanEntries).where(eq(removedPlanEntries.id, entryId)),
    );
    if (!removed || removed.removedAt < cutoff) throw notFound(GONE_MESSAGE, "entryId");
    // Another owner's removal reads the same as none at all.
    let plan: Awaited<ReturnType<typeof requirePlan>>;
    try {
      plan = await requirePlan(tx, ownerId, removed.planId);
    } catch {
      throw notFound(GONE_MESSAGE, "entryId");
    }
    const back = await first(
      tx.select({ id: planEntries.id }).from(planEntries).where(eq(planEntries.id, entryId)),
    );
    if (back) throw notFound(GONE_MESSAGE, "entryId");
    checkDay(plan, removed.day, "entryId");
    const food = await first(
      tx.select({ id: foods.id }).from(foods).where(eq(foods.id, removed.foodId)),
    );
    if (!food) {
      throw invalid(
        "entryId: the food of this entry has been deleted, so it cannot be put back",
        "entryId",
      );
    }
    await checkRoom(tx, plan.id, 1);
    const portion = removed.portionId
      ? await first(
          tx
            .select({ id: foodPortions.id })
            .from(foodPortions)
            .where(
              and(eq(foodPortions.id, removed.portionId), eq(foodPortions.foodId, removed.foodId)),
            ),
        )
      : undefined;
    await tx.insert(planEntries).values({
      id: removed.id,
      planId: plan.id,
      day: removed.day,
      meal: removed.meal,
      foodId: removed.foodId,
      portionId: portion ? removed.portionId : null,
      quantity: portion ? removed.quantity : null,
      grams: removed.grams,
      position: removed.position,
    });
    await tx.delete(removedPlanEntries).where(eq(removedPlanEntries.id, entryId));
    await touchPlan(tx, plan.id);
    return { planId: plan.id };
  });
  return await editResult(db, ownerId, planId, entryId);
}
