/**
 * Meal plans: plans, their entries, copying days, totals, and the plan file format.
 *
 * Every write checks ownership and input against the stored plan first, then runs in one
 * transaction, so a failed edit changes nothing. Totals come from the pure
 * `calculatePlanTotals`; this file only loads what it needs.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import {
  foodPortions,
  foods,
  type Meal,
  planEntries,
  planSupplements,
  plans,
  type SupplementCompound,
  type SupplementForm,
} from "../../db/schema";
import { type AbsorptionProfile, absorptionProfile, crystallineShare } from "../domain/absorption";
import { b12MicrogramsForGrams } from "../domain/b12-amounts";
import {
  calculatePlanTotals,
  MEAL_ORDER,
  type MealTotal,
  type PlanTotals,
  planDayDate,
} from "../domain/plan-totals";
import { gramsForPortions } from "../domain/portions";
import { describeSchedule } from "../domain/supplements";
import type { B12Target } from "../domain/targets";
import { AppError, invalid, notFound } from "../errors";
import {
  type AddEntryInput,
  type AddToDaysInput,
  type Amount,
  type CopyDayInput,
  type CreatePlanInput,
  MAX_ENTRY_GRAMS,
  MAX_PLAN_ENTRIES,
  type MoveEntryInput,
  PLAN_FILE_FORMAT,
  PLAN_FILE_VERSION,
  type PlanFile,
  type UpdateEntryInput,
} from "../schemas/plans";
import { getProfile } from "./profile";
import { prepared } from "./statements";

export type Transaction = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];
export type Db = AppDatabase | Transaction;

const now = () => new Date().toISOString();

export type PlanSummary = {
  id: string;
  name: string;
  dayCount: number;
  startDate: string | null;
  entryCount: number;
  createdAt: string;
  updatedAt: string;
};

export type PlanRow = typeof plans.$inferSelect;

export function requirePlan(db: Db, ownerId: string, planId: string): PlanRow {
  const plan = db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.ownerId, ownerId)))
    .get();
  if (!plan) throw notFound(`No plan with id "${planId}"`, "planId");
  return plan;
}

function requireEntry(db: Db, ownerId: string, entryId: string) {
  const row = db
    .select({ entry: planEntries, plan: plans })
    .from(planEntries)
    .innerJoin(plans, eq(plans.id, planEntries.planId))
    .where(and(eq(planEntries.id, entryId), eq(plans.ownerId, ownerId)))
    .get();
  if (!row) throw notFound(`No plan entry with id "${entryId}"`, "entryId");
  return row;
}

function checkDay(plan: PlanRow, day: number, field = "day"): void {
  if (day < 1 || day > plan.dayCount) {
    throw invalid(
      `${field} must be between 1 and ${plan.dayCount} (the plan has ${plan.dayCount} day${plan.dayCount === 1 ? "" : "s"}); got ${day}`,
      field,
    );
  }
}

export function touchPlan(db: Db, planId: string): void {
  db.update(plans).set({ updatedAt: now() }).where(eq(plans.id, planId)).run();
}

/** Checks the food is visible to the owner and turns an amount into grams. */
function resolveAmount(
  db: Db,
  ownerId: string,
  foodId: string,
  amount: Amount,
): { grams: number; portionId: string | null; quantity: number | null } {
  const food = db
    .select({ id: foods.id, ownerId: foods.ownerId })
    .from(foods)
    .where(eq(foods.id, foodId))
    .get();
  if (!food || (food.ownerId !== null && food.ownerId !== ownerId)) {
    throw notFound(`No food with id "${foodId}"`, "foodId");
  }
  if ("grams" in amount) return { grams: amount.grams, portionId: null, quantity: null };
  const portion = db
    .select({ portion: foodPortions, ownerId: foods.ownerId })
    .from(foodPortions)
    .innerJoin(foods, eq(foods.id, foodPortions.foodId))
    .where(eq(foodPortions.id, amount.portionId))
    .get();
  // Another owner's portion is as unknown as one that does not exist.
  if (!portion || (portion.ownerId !== null && portion.ownerId !== ownerId)) {
    throw notFound(`No portion with id "${amount.portionId}"`, "portionId");
  }
  return checkedPortionAmount(foodId, portion.portion, amount.quantity);
}

/** grams = quantity × portion, which must be a real amount between 0 and 5 kg. */
function checkedPortionAmount(
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

function countEntries(db: Db, planId: string): number {
  const row = db
    .select({ count: sql<number>`count(*)` })
    .from(planEntries)
    .where(eq(planEntries.planId, planId))
    .get();
  return row?.count ?? 0;
}

function checkRoom(db: Db, planId: string, adding: number): void {
  const count = countEntries(db, planId);
  if (count + adding > MAX_PLAN_ENTRIES) {
    throw invalid(
      `planId: the plan would hold ${count + adding} entries; a plan holds at most ${MAX_PLAN_ENTRIES}`,
      "planId",
    );
  }
}

/** Inserts rows in chunks: one statement may bind at most 32,766 values in SQLite. */
function insertEntries(tx: Db, rows: (typeof planEntries.$inferInsert)[]): void {
  for (let start = 0; start < rows.length; start += 500) {
    tx.insert(planEntries)
      .values(rows.slice(start, start + 500))
      .run();
  }
}

function nextPosition(db: Db, planId: string, day: number, meal: Meal): number {
  const row = db
    .select({ max: sql<number | null>`max(${planEntries.position})` })
    .from(planEntries)
    .where(
      and(eq(planEntries.planId, planId), eq(planEntries.day, day), eq(planEntries.meal, meal)),
    )
    .get();
  return (row?.max ?? 0) + 1;
}

export function listPlans(db: AppDatabase, ownerId: string): PlanSummary[] {
  return db
    .select({
      id: plans.id,
      name: plans.name,
      dayCount: plans.dayCount,
      startDate: plans.startDate,
      createdAt: plans.createdAt,
      updatedAt: plans.updatedAt,
      // Qualified by hand: inside a select list Drizzle writes a column unqualified ("id"),
      // which in this subquery would mean the entry's id.
      entryCount: sql<number>`(SELECT count(*) FROM plan_entries e WHERE e.plan_id = "plans"."id")`,
    })
    .from(plans)
    .where(eq(plans.ownerId, ownerId))
    .orderBy(desc(plans.updatedAt), asc(plans.name))
    .all();
}

export function createPlan(
  db: AppDatabase,
  ownerId: string,
  input: CreatePlanInput,
): { id: string } {
  const id = randomUUID();
  db.insert(plans)
    .values({
      id,
      ownerId,
      name: input.name,
      dayCount: input.dayCount,
      startDate: input.startDate ?? null,
    })
    .run();
  return { id };
}

export type PlanEntryView = {
  id: string;
  day: number;
  meal: Meal;
  position: number;
  foodId: string;
  foodName: string;
  foodSource: "usda" | "curated" | "custom";
  b12Fortified: boolean;
  portionId: string | null;
  portionLabel: string | null;
  portionGrams: number | null;
  quantity: number | null;
  grams: number;
  b12Micrograms: number | null;
};

export type PortionOption = { id: string; label: string; grams: number };

export type PlanView = PlanSummary & {
  days: { day: number; date: string | null }[];
  entries: PlanEntryView[];
  /** Each planned food's household portions (once per food), to change amounts in place. */
  portionsByFood: Record<string, PortionOption[]>;
  supplements: SupplementView[];
};

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

function copySupplements(tx: Transaction, from: SupplementView[], planId: string): void {
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

function loadEntries(db: Db, planId: string) {
  return db
    .select({
      id: planEntries.id,
      day: planEntries.day,
      meal: planEntries.meal,
      position: planEntries.position,
      foodId: planEntries.foodId,
      foodName: foods.name,
      foodSource: foods.source,
      b12Fortified: foods.b12Fortified,
      b12PerHundredGrams: foods.b12PerHundredGrams,
      portionId: planEntries.portionId,
      portionLabel: foodPortions.label,
      portionGrams: foodPortions.grams,
      quantity: planEntries.quantity,
      grams: planEntries.grams,
    })
    .from(planEntries)
    .innerJoin(foods, eq(foods.id, planEntries.foodId))
    .leftJoin(foodPortions, eq(foodPortions.id, planEntries.portionId))
    .where(eq(planEntries.planId, planId))
    .orderBy(asc(planEntries.day), asc(planEntries.position), asc(planEntries.createdAt))
    .all();
}

const PLAN_ENTRIES_SQL = `SELECT e.id, e.day, e.meal, e.position, e.food_id, f.name, f.source,
    f.b12_fortified, f.b12_per_100g, e.portion_id, p.label, p.grams, e.quantity, e.grams
  FROM plan_entries e
  JOIN foods f ON f.id = e.food_id
  LEFT JOIN food_portions p ON p.id = e.portion_id
  WHERE e.plan_id = ?
  ORDER BY e.day,
    CASE e.meal WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'dinner' THEN 3 ELSE 4 END,
    e.position, e.created_at`;

type PlanEntryRow = [
  string,
  number,
  Meal,
  number,
  string,
  string,
  PlanEntryView["foodSource"],
  number,
  number | null,
  string | null,
  string | null,
  number | null,
  number | null,
  number,
];

const PLAN_PORTIONS_SQL = `SELECT p.food_id, p.id, p.label, p.grams FROM food_portions p
  WHERE p.food_id IN (SELECT DISTINCT food_id FROM plan_entries WHERE plan_id = ?)
  ORDER BY p.food_id, p.seq`;

/** The plan with its entries (read with raw prepared statements: the editor's hot path). */
export function getPlan(db: AppDatabase, ownerId: string, planId: string): PlanView {
  const plan = requirePlan(db, ownerId, planId);
  const rows = prepared(db, PLAN_ENTRIES_SQL).raw(true).all(planId) as PlanEntryRow[];
  const portionsByFood: Record<string, PortionOption[]> = {};
  const portionRows = prepared(db, PLAN_PORTIONS_SQL).raw(true).all(planId) as [
    string,
    string,
    string,
    number,
  ][];
  for (const [foodId, id, label, grams] of portionRows) {
    const list = portionsByFood[foodId] ?? [];
    list.push({ id, label, grams });
    portionsByFood[foodId] = list;
  }
  return {
    id: plan.id,
    name: plan.name,
    dayCount: plan.dayCount,
    startDate: plan.startDate,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    entryCount: rows.length,
    days: Array.from({ length: plan.dayCount }, (_, index) => ({
      day: index + 1,
      date: planDayDate(plan.startDate, index + 1),
    })),
    entries: rows.map(
      ([
        id,
        day,
        meal,
        position,
        foodId,
        foodName,
        foodSource,
        fortified,
        b12PerHundredGrams,
        portionId,
        portionLabel,
        portionGrams,
        quantity,
        grams,
      ]) => ({
        id,
        day,
        meal,
        position,
        foodId,
        foodName,
        foodSource,
        b12Fortified: fortified === 1,
        portionId,
        portionLabel,
        portionGrams,
        quantity,
        grams,
        b12Micrograms: b12MicrogramsForGrams(b12PerHundredGrams, grams),
      }),
    ),
    portionsByFood,
    supplements: loadSupplements(db, planId),
  };
}

export function updatePlan(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; name?: string; startDate?: string | null },
): PlanSummary {
  requirePlan(db, ownerId, input.planId);
  if (input.startDate === null) {
    const byWeekday = loadSupplements(db, input.planId).filter((item) => item.weekdays !== null);
    if (byWeekday.length > 0) {
      throw new AppError(
        "CONFLICT",
        `startDate: ${byWeekday.length} supplement${byWeekday.length === 1 ? " is" : "s are"} taken on chosen weekdays, which needs a start date; change ${byWeekday.length === 1 ? "its" : "their"} schedule first`,
        "startDate",
      );
    }
  }
  db.update(plans)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
      updatedAt: now(),
    })
    .where(eq(plans.id, input.planId))
    .run();
  return summary(db, ownerId, input.planId);
}

function summary(db: AppDatabase, ownerId: string, planId: string): PlanSummary {
  const found = listPlans(db, ownerId).find((plan) => plan.id === planId);
  if (!found) throw notFound(`No plan with id "${planId}"`, "planId");
  return found;
}

function copyEntries(
  tx: Transaction,
  rows: ReturnType<typeof loadEntries>,
  targetPlanId: string,
  dayMap: (day: number) => number,
): void {
  insertEntries(
    tx,
    rows.map((row) => ({
      id: randomUUID(),
      planId: targetPlanId,
      day: dayMap(row.day),
      meal: row.meal,
      foodId: row.foodId,
      portionId: row.portionId,
      quantity: row.quantity,
      grams: row.grams,
      position: row.position,
    })),
  );
}

export function duplicatePlan(db: AppDatabase, ownerId: string, planId: string): { id: string } {
  const plan = requirePlan(db, ownerId, planId);
  const id = randomUUID();
  const suffix = " (copy)";
  const name = `${plan.name.slice(0, 199 - suffix.length)}${suffix}`;
  db.transaction((tx) => {
    tx.insert(plans)
      .values({ id, ownerId, name, dayCount: plan.dayCount, startDate: plan.startDate })
      .run();
    copyEntries(tx, loadEntries(tx, planId), id, (day) => day);
    copySupplements(tx, loadSupplements(tx, planId), id);
  });
  return { id };
}

export function deletePlan(db: AppDatabase, ownerId: string, planId: string): { id: string } {
  requirePlan(db, ownerId, planId);
  db.delete(plans).where(eq(plans.id, planId)).run();
  return { id: planId };
}

/**
 * What an edit returns: the changed entry's id and the plan and totals as they now are,
 * so the editor shows the result after one round trip instead of two.
 */
export type PlanEditResult = { id: string; plan: PlanView; totals: PlanTotalsView };

export function editResult(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  id: string,
): PlanEditResult {
  return { id, plan: getPlan(db, ownerId, planId), totals: getPlanTotals(db, ownerId, planId) };
}

export function addEntry(db: AppDatabase, ownerId: string, input: AddEntryInput): PlanEditResult {
  const { id } = db.transaction((tx) => {
    const plan = requirePlan(tx, ownerId, input.planId);
    checkDay(plan, input.day);
    checkRoom(tx, plan.id, 1);
    const amount = resolveAmount(tx, ownerId, input.foodId, input.amount);
    const id = randomUUID();
    tx.insert(planEntries)
      .values({
        id,
        planId: plan.id,
        day: input.day,
        meal: input.meal,
        foodId: input.foodId,
        ...amount,
        position: nextPosition(tx, plan.id, input.day, input.meal),
      })
      .run();
    touchPlan(tx, plan.id);
    return { id };
  });
  return editResult(db, ownerId, input.planId, id);
}

/** Adds one food to the given meals of the given days (all days by default), all or nothing. */
export function addToDays(db: AppDatabase, ownerId: string, input: AddToDaysInput): PlanEditResult {
  const ids = db.transaction((tx) => {
    const plan = requirePlan(tx, ownerId, input.planId);
    const days = input.days ?? Array.from({ length: plan.dayCount }, (_, index) => index + 1);
    for (const day of days) checkDay(plan, day, "days");
    checkRoom(tx, plan.id, days.length * input.meals.length);
    const amount = resolveAmount(tx, ownerId, input.foodId, input.amount);
    const rows = days.flatMap((day) =>
      input.meals.map((meal) => ({
        id: randomUUID(),
        planId: plan.id,
        day,
        meal,
        foodId: input.foodId,
        ...amount,
        position: nextPosition(tx, plan.id, day, meal),
      })),
    );
    insertEntries(tx, rows);
    touchPlan(tx, plan.id);
    return rows.map((row) => row.id);
  });
  return editResult(db, ownerId, input.planId, ids[0] ?? "");
}

export function updateEntry(
  db: AppDatabase,
  ownerId: string,
  input: UpdateEntryInput,
): PlanEditResult {
  const { planId } = db.transaction((tx) => {
    const { entry } = requireEntry(tx, ownerId, input.entryId);
    const amount = resolveAmount(tx, ownerId, entry.foodId, input.amount);
    tx.update(planEntries)
      .set({ ...amount, updatedAt: now() })
      .where(eq(planEntries.id, entry.id))
      .run();
    touchPlan(tx, entry.planId);
    return { planId: entry.planId };
  });
  return editResult(db, ownerId, planId, input.entryId);
}

export function moveEntry(db: AppDatabase, ownerId: string, input: MoveEntryInput): PlanEditResult {
  const { planId } = db.transaction((tx) => {
    const { entry, plan } = requireEntry(tx, ownerId, input.entryId);
    checkDay(plan, input.day);
    if (entry.day !== input.day || entry.meal !== input.meal) {
      tx.update(planEntries)
        .set({
          day: input.day,
          meal: input.meal,
          position: nextPosition(tx, plan.id, input.day, input.meal),
          updatedAt: now(),
        })
        .where(eq(planEntries.id, entry.id))
        .run();
      touchPlan(tx, plan.id);
    }
    return { planId: plan.id };
  });
  return editResult(db, ownerId, planId, input.entryId);
}

export function removeEntry(db: AppDatabase, ownerId: string, entryId: string): PlanEditResult {
  const { planId } = db.transaction((tx) => {
    const { entry } = requireEntry(tx, ownerId, entryId);
    tx.delete(planEntries).where(eq(planEntries.id, entry.id)).run();
    touchPlan(tx, entry.planId);
    return { planId: entry.planId };
  });
  return editResult(db, ownerId, planId, entryId);
}

/** Copies one day's entries to other days, added to what is there or replacing it. */
export function copyDay(
  db: AppDatabase,
  ownerId: string,
  input: CopyDayInput,
): Omit<PlanEditResult, "id"> & { copiedEntries: number } {
  const { copiedEntries } = db.transaction((tx) => {
    const plan = requirePlan(tx, ownerId, input.planId);
    checkDay(plan, input.fromDay, "fromDay");
    for (const day of input.toDays) checkDay(plan, day, "toDays");
    const entries = loadEntries(tx, plan.id);
    const source = entries.filter((row) => row.day === input.fromDay);
    const replaced = input.replace ? entries.filter((row) => input.toDays.includes(row.day)) : [];
    checkRoom(tx, plan.id, source.length * input.toDays.length - replaced.length);
    if (input.replace) {
      tx.delete(planEntries)
        .where(and(eq(planEntries.planId, plan.id), inArray(planEntries.day, input.toDays)))
        .run();
    }
    for (const day of input.toDays) {
      const offset = input.replace
        ? 0
        : Math.max(0, ...MEAL_ORDER.map((meal) => nextPosition(tx, plan.id, day, meal) - 1));
      copyEntries(
        tx,
        source.map((row) => ({ ...row, position: row.position + offset })),
        plan.id,
        () => day,
      );
    }
    touchPlan(tx, plan.id);
    return { copiedEntries: source.length * input.toDays.length };
  });
  const { plan, totals } = editResult(db, ownerId, input.planId, "");
  return { copiedEntries, plan, totals };
}

type MealView = Omit<MealTotal, "entries"> & {
  /** Each entry's B12; only with `includeEntries` (plans.get has the entries anyway). */
  entries?: MealTotal["entries"];
};

export type PlanTotalsView = Omit<PlanTotals, "days"> & {
  planId: string;
  days: (Omit<PlanTotals["days"][number], "meals"> & {
    date: string | null;
    meals: MealView[];
  })[];
  target: B12Target;
  profileIsDefault: boolean;
  /** What the profile's age and conditions mean for absorption, with sourced reasons. */
  absorption: AbsorptionProfile;
};

/**
 * Only what the totals need, as arrays: the hot path of every edit in the editor. The
 * entries and their foods are read apart: a plan holds few distinct foods, and joining
 * every entry to its (wide) food row cost more than reading the entries (a 28-day plan of
 * 896 entries: 3.5 → 2.2 ms for the read).
 */
const TOTALS_ENTRIES_SQL = `SELECT id, day, meal, food_id, grams FROM plan_entries
  WHERE plan_id = ? ORDER BY day, position`;
const TOTALS_FOODS_SQL = `SELECT f.id, f.name, f.b12_per_100g, f.b12_added_per_100g,
    f.b12_fortified, COALESCE(o.diet, f.diet)
  FROM foods f LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = ?
  WHERE f.id IN (SELECT food_id FROM plan_entries WHERE plan_id = ?)`;

type TotalsEntryRow = [string, number, Meal, string, number];
type TotalsFoodRow = [string, string, number | null, number | null, number, string];

/**
 * Computed totals, remembered per database connection and plan until the database
 * changes. The version is `PRAGMA data_version` (changes when another connection
 * commits) with `total_changes()` (rows this connection has changed): any write
 * anywhere, committed or not, makes every remembered total stale. Nothing is remembered
 * inside a transaction (it could still roll back).
 */
const totalsCache = new WeakMap<object, Map<string, { version: string; totals: PlanTotalsView }>>();
const TOTALS_CACHE_SIZE = 64;

function databaseVersion(db: AppDatabase): string {
  const [changes] = prepared(db, "SELECT total_changes()").raw(true).get() as [number];
  const dataVersion = db.$client.pragma("data_version", { simple: true }) as number;
  return `${dataVersion}:${changes}`;
}

export function getPlanTotals(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  options: { includeEntries?: boolean } = {},
): PlanTotalsView {
  const cacheable = !db.$client.inTransaction;
  const key = `${ownerId}\u0000${planId}`;
  const version = cacheable ? databaseVersion(db) : "";
  let cache = totalsCache.get(db.$client);
  let full = cacheable ? cache?.get(key) : undefined;
  if (!full || full.version !== version) {
    full = { version, totals: computePlanTotals(db, ownerId, planId) };
    if (cacheable) {
      if (!cache) {
        cache = new Map();
        totalsCache.set(db.$client, cache);
      }
      cache.delete(key);
      cache.set(key, full);
      if (cache.size > TOTALS_CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
    }
  }
  const totals = full.totals;
  return options.includeEntries
    ? totals
    : {
        ...totals,
        days: totals.days.map((day) => ({
          ...day,
          meals: day.meals.map(({ entries: _entries, ...meal }) => meal),
        })),
      };
}

function computePlanTotals(db: AppDatabase, ownerId: string, planId: string): PlanTotalsView {
  const plan = requirePlan(db, ownerId, planId);
  const { target, isDefault, profile } = getProfile(db, ownerId);
  const absorption = absorptionProfile(profile);
  const rows = prepared(db, TOTALS_ENTRIES_SQL).raw(true).all(planId) as TotalsEntryRow[];
  const foodRows = prepared(db, TOTALS_FOODS_SQL).raw(true).all(ownerId, planId) as TotalsFoodRow[];
  const foodsById = new Map(
    foodRows.map(([id, name, b12PerHundredGrams, added, fortified, diet]) => [
      id,
      {
        foodName: name,
        b12PerHundredGrams,
        crystallineShare: crystallineShare({
          b12PerHundredGrams,
          b12AddedPerHundredGrams: added,
          b12Fortified: fortified === 1,
          diet,
        }),
      },
    ]),
  );
  const totals = calculatePlanTotals({
    dayCount: plan.dayCount,
    targetMicrograms: target.micrograms,
    startDate: plan.startDate,
    absorption,
    supplements: loadSupplements(db, planId).map((supplement) => ({
      ...supplement,
      injected: supplement.form === "injection",
    })),
    // Every entry's food exists (a foreign key); the guard only keeps the types honest.
    entries: rows.flatMap(([id, day, meal, foodId, grams]) => {
      const food = foodsById.get(foodId);
      if (!food) return [];
      const { foodName, b12PerHundredGrams } = food;
      const share = food.crystallineShare;
      return [
        { id, day, meal, foodId, grams, foodName, b12PerHundredGrams, crystallineShare: share },
      ];
    }),
  });
  return {
    ...totals,
    planId,
    days: totals.days.map((day) => ({ ...day, date: planDayDate(plan.startDate, day.day) })),
    target,
    profileIsDefault: isDefault,
    absorption,
  };
}

/** The plan as a portable JSON document (see docs/api.md, "Plan files"). */
export function exportPlan(db: AppDatabase, ownerId: string, planId: string): PlanFile {
  const plan = requirePlan(db, ownerId, planId);
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    plan: { name: plan.name, dayCount: plan.dayCount, startDate: plan.startDate },
    entries: loadEntries(db, planId).map((row) => ({
      day: row.day,
      meal: row.meal,
      foodId: row.foodId,
      foodName: row.foodName,
      grams: row.grams,
      portionId: row.portionId,
      quantity: row.quantity,
    })),
    supplements: loadSupplements(db, planId).map(
      ({ id: _id, scheduleLabel: _label, ...rest }) => rest,
    ),
  };
}

/**
 * Creates a new plan from a plan file; rejects the whole file if any food is unknown.
 * Answers with the new plan's id and its supplements' ids in the file's order.
 */
export function importPlan(
  db: Db,
  ownerId: string,
  file: PlanFile,
): { id: string; supplementIds: string[] } {
  const foodIds = [...new Set(file.entries.map((entry) => entry.foodId))];
  const known = new Set(
    foodIds.length === 0
      ? []
      : db
          .select({ id: foods.id, ownerId: foods.ownerId })
          .from(foods)
          .where(inArray(foods.id, foodIds))
          .all()
          .filter((food) => food.ownerId === null || food.ownerId === ownerId)
          .map((food) => food.id),
  );
  const missing = file.entries.filter((entry) => !known.has(entry.foodId));
  if (missing.length > 0) {
    const names = [...new Set(missing.map((entry) => entry.foodName ?? entry.foodId))];
    throw new AppError(
      "NOT_FOUND",
      `file.entries: ${names.length} food${names.length === 1 ? "" : "s"} in the file ${names.length === 1 ? "is" : "are"} not in this database: ${names.slice(0, 5).join("; ")}${names.length > 5 ? " …" : ""}`,
      "file.entries",
    );
  }
  const portionIds = [
    ...new Set(file.entries.flatMap((entry) => (entry.portionId ? [entry.portionId] : []))),
  ];
  const portionsById = new Map(
    (portionIds.length === 0
      ? []
      : db
          .select({
            id: foodPortions.id,
            foodId: foodPortions.foodId,
            label: foodPortions.label,
            grams: foodPortions.grams,
          })
          .from(foodPortions)
          .where(inArray(foodPortions.id, portionIds))
          .all()
    ).map((portion) => [portion.id, portion]),
  );
  // An entry kept in a household portion weighs what the portion says (the file's grams
  // could disagree); a portion that no longer exists, or is of another food, only loses
  // its label and the file's grams stand.
  const amounts = file.entries.map((entry, index) => {
    const portion = entry.portionId ? portionsById.get(entry.portionId) : undefined;
    if (!portion || portion.foodId !== entry.foodId || entry.quantity == null) {
      return { grams: entry.grams, portionId: null, quantity: null };
    }
    try {
      return checkedPortionAmount(entry.foodId, portion, entry.quantity);
    } catch (error) {
      if (error instanceof AppError) {
        throw invalid(`file.entries.${index}.${error.message}`, `file.entries.${index}.quantity`);
      }
      throw error;
    }
  });
  const id = randomUUID();
  const supplementIds = (file.supplements ?? []).map(() => randomUUID());
  const importedAt = Date.now();
  db.transaction((tx) => {
    tx.insert(plans)
      .values({
        id,
        ownerId,
        name: file.plan.name,
        dayCount: file.plan.dayCount,
        startDate: file.plan.startDate,
      })
      .run();
    const positions = new Map<string, number>();
    const rows = file.entries.map((entry, index) => {
      const key = `${entry.day}:${entry.meal}`;
      const position = (positions.get(key) ?? 0) + 1;
      positions.set(key, position);
      return {
        id: randomUUID(),
        planId: id,
        day: entry.day,
        meal: entry.meal,
        foodId: entry.foodId,
        ...(amounts[index] ?? { grams: entry.grams, portionId: null, quantity: null }),
        position,
      };
    });
    insertEntries(tx, rows);
    const supplements = file.supplements ?? [];
    if (supplements.length > 0) {
      tx.insert(planSupplements)
        .values(
          supplements.map((supplement, index) => ({
            ...scheduleFields(supplement),
            id: supplementIds[index] ?? randomUUID(),
            // Listed in the file's order (supplements are listed by creation time).
            createdAt: new Date(importedAt + index).toISOString(),
            planId: id,
            doseMicrograms: supplement.doseMicrograms,
            form: supplement.form,
            compound: supplement.compound ?? "cyanocobalamin",
            withMeal: supplement.withMeal ?? null,
            note: supplement.note ?? null,
          })),
        )
        .run();
    }
  });
  return { id, supplementIds };
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
