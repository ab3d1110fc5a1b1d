import { and, eq } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { dialectOf, first } from "../../../db/dialect";
import { rawGet, sqliteStatement } from "../../../db/raw";
import { foodPortions, foods, planEntries, plans } from "../../../db/schema";
import { gramsForPortions } from "../../domain/portions";
import type { Meal } from "../../domain/vocabulary";
import { invalid, notFound } from "../../errors";
import { type Amount, MAX_ENTRY_GRAMS, MAX_PLAN_ENTRIES } from "../../schemas/plans";
import { insertRows } from "../bulk-insert";
import { checkOwnerEntryRoom } from "../limits";

/** A transaction: `write()`'s (the connection itself on SQLite, the transaction on PostgreSQL). */
export type Transaction = AppDatabase;
export type Db = AppDatabase;

export const now = () => new Date().toISOString();

export type PlanRow = typeof plans.$inferSelect;

export async function requirePlan(db: Db, ownerId: string, planId: string): Promise<PlanRow> {
  const plan = await first(
    db
      .select()
      .from(plans)
      .where(and(eq(plans.id, planId), eq(plans.ownerId, ownerId))),
  );
  if (!plan) throw notFound(`No plan with id "${planId}"`, "planId");
  return plan;
}

export async function requireEntry(db: Db, ownerId: string, entryId: string) {
  const row = await first(
    db
      .select({ entry: planEntries, plan: plans })
      .from(planEntries)
      .innerJoin(plans, eq(plans.id, planEntries.planId))
      .where(and(eq(planEntries.id, entryId), eq(plans.ownerId, ownerId))),
  );
  if (!row) throw notFound(`No plan entry with id "${entryId}"`, "entryId");
  return row;
}

export function checkDay(plan: PlanRow, day: number, field = "day"): void {
  if (day < 1 || day > plan.dayCount) {
    throw invalid(
      `${field} must be between 1 and ${plan.dayCount} (the plan has ${plan.dayCount} day${plan.dayCount === 1 ? "" : "s"}); got ${day}`,
      field,
    );
  }
}

export async function touchPlan(db: Db, planId: string): Promise<void> {
  await db.update(plans).set({ updatedAt: now() }).where(eq(plans.id, planId));
}

/** Checks the food is visible to the owner and turns an amount into grams. */
export async function resolveAmount(
  db: Db,
  ownerId: string,
  foodId: string,
  amount: Amount,
): Promise<{ grams: number; portionId: string | null; quantity: number | null }> {
  const food = await first(
    db.select({ id: foods.id, ownerId: foods.ownerId }).from(foods).where(eq(foods.id, foodId)),
  );
  if (!food || (food.ownerId !== null && food.ownerId !== ownerId)) {
    throw notFound(`No food with id "${foodId}"`, "foodId");
  }
  if ("grams" in amount) return { grams: amount.grams, portionId: null, quantity: null };
  const portion = await first(
    db
      .select({ portion: foodPortions, ownerId: foods.ownerId })
      .from(foodPortions)
      .innerJoin(foods, eq(foods.id, foodPortions.foodId))
      .where(eq(foodPortions.id, amount.portionId)),
  );
  // Another owner's portion is as unknown as one that does not exist.
  if (!portion || (portion.ownerId !== null && portion.ownerId !== ownerId)) {
    throw notFound(`No portion with id "${amount.portionId}"`, "portionId");
  }
  return checkedPortionAmount(foodId, portion.portion, amount.quantity);
}

/** grams = quantity × portion, which must be a real amount between 0 and 5 kg. */
export function checkedPortionAmount(
  foodId: string,
  portion: { id: string; foodId: string; label: string; grams: number },
  quantity: number,
): { grams: number; portionId: string; quantity: number } {
  const amount = { portionId: portion.id, quantity };
  if (portion.foodId !== foodId) {
    throw invalid(
      `portionId "${amount.portionId}" is a portion of another food, not of "${foodId}"`,
      "portionId",
    );
  }
  const grams = gramsForPortions(amount.quantity, portion.grams);
  if (!(grams > 0) || !Number.isFinite(grams)) {
    throw invalid(`quantity: ${amount.quantity} × ${portion.label} comes to no weight`, "quantity");
  }
  if (grams > MAX_ENTRY_GRAMS) {
    throw invalid(
      `quantity: ${amount.quantity} × ${portion.label} is ${Math.round(grams)} g, more than ${MAX_ENTRY_GRAMS} g (5 kg)`,
      "quantity",
    );
  }
  return { grams, portionId: portion.id, quantity: amount.quantity };
}

/**
 * A plan's entries and dishes (recipes in meals: they count together against the caps) and
 * its owner, in one query: `checkRoom` runs in every adding edit's transaction.
 */
const ROOM_SQL = `SELECT
    (SELECT count(*) FROM plan_entries WHERE plan_id = ?)
      + (SELECT count(*) FROM plan_recipes WHERE plan_id = ?) AS count,
    (SELECT owner_id FROM plans WHERE id = ?) AS owner_id`;
/** `count` is a bigint on PostgreSQL (a string unless parsed), an integer on SQLite. */
type RoomRow = { count: number | string; owner_id: string | null };

/** How many entries and dishes a plan holds, and whose plan it is (null: no such plan). */
export async function planRoom(
  db: Db,
  planId: string,
): Promise<{ count: number; ownerId: string | null }> {
  const row = await rawGet<RoomRow>(db, ROOM_SQL, [planId, planId, planId]);
  return { count: Number(row?.count ?? 0), ownerId: row?.owner_id ?? null };
}

export async function checkRoom(db: Db, planId: string, adding: number): Promise<void> {
  const { count, ownerId } = await planRoom(db, planId);
  if (count + adding > MAX_PLAN_ENTRIES) {
    throw invalid(
      `planId: the plan would hold ${count + adding} entries and dishes; a plan holds at most ${MAX_PLAN_ENTRIES}`,
      "planId",
    );
  }
  if (ownerId) await checkOwnerEntryRoom(db, ownerId, adding);
}

const INSERT_ENTRY_SQL = `INSERT INTO plan_entries
  (id, plan_id, day, meal, food_id, portion_id, quantity, grams, position, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
    coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`;

/**
 * Inserts entries. SQLite: one cached prepared statement run per row, about 6 times
 * faster than Drizzle's multi-row insert (bench/results.md, "Heaviest single requests"),
 * which matters for duplicate, import, copyDay and restore at the caps. PostgreSQL:
 * multi-row inserts within the parameter limit (../bulk-insert.ts).
 */
export async function insertEntries(
  tx: Db,
  rows: (typeof planEntries.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(tx) === "pg") {
    await insertRows(tx, planEntries, rows);
    return;
  }
  const statement = sqliteStatement(tx, INSERT_ENTRY_SQL);
  for (const row of rows) {
    statement.run(
      row.id,
      row.planId,
      row.day,
      row.meal,
      row.foodId,
      row.portionId ?? null,
      row.quantity ?? null,
      row.grams,
      row.position,
      row.createdAt ?? null,
      row.updatedAt ?? null,
    );
  }
}

/** The last position in a meal, over its entries and dishes together (one order). */
const NEXT_POSITION_SQL = `SELECT max(position) AS max FROM (
    SELECT position FROM plan_entries WHERE plan_id = ? AND day = ? AND meal = ?
    UNION ALL
    SELECT position FROM plan_recipes WHERE plan_id = ? AND day = ? AND meal = ?
  ) AS positions`;
type NextPositionRow = { max: number | string | null };

/** The next position in a meal: one sequence for its plain entries and its dishes. */
export async function nextPosition(
  db: Db,
  planId: string,
  day: number,
  meal: Meal,
): Promise<number> {
  const row = await rawGet<NextPositionRow>(db, NEXT_POSITION_SQL, [
    planId,
    day,
    meal,
    planId,
    day,
    meal,
  ]);
  return Number(row?.max ?? 0) + 1;
}
