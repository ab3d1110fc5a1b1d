/**
 * Plans themselves: list, create, read with entries, rename, duplicate, delete.
 * Every write checks ownership first and runs in one transaction.
 */
import { randomUUID } from "node:crypto";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { write } from "../../../db/dialect";
import { rawArrays } from "../../../db/raw";
import { foodPortions, foods, planEaters, planEntries, plans } from "../../../db/schema";
import { b12MicrogramsForGrams } from "../../domain/b12-amounts";
import { planDayDate } from "../../domain/plan-totals";
import type { Meal } from "../../domain/vocabulary";
import { AppError, notFound } from "../../errors";
import type { CreatePlanInput } from "../../schemas/plans";
import { checkOwnerEntryRoom, checkPlanRoom } from "../limits";
import { type Db, insertEntries, now, planRoom, requirePlan, type Transaction } from "./access";
import { type DishView, insertDishes, loadDishes, loadDishRowsForCopy } from "./dishes";
import { copySupplements, loadSupplements, type SupplementView } from "./plan-supplements";

export type PlanSummary = {
  id: string;
  name: string;
  dayCount: number;
  startDate: string | null;
  entryCount: number;
  /** Recipes eaten in the plan's meals (dishes). */
  dishCount: number;
  createdAt: string;
  updatedAt: string;
};

export async function listPlans(db: AppDatabase, ownerId: string): Promise<PlanSummary[]> {
  return await db
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
      dishCount: sql<number>`(SELECT count(*) FROM plan_recipes d WHERE d.plan_id = "plans"."id")`,
    })
    .from(plans)
    .where(eq(plans.ownerId, ownerId))
    .orderBy(desc(plans.updatedAt), asc(plans.name));
}

/** Inside a `write(db, ownerId, …)` (the cap check and the insert must not be split). */
export async function createPlan(
  db: Db,
  ownerId: string,
  input: CreatePlanInput,
): Promise<{ id: string }> {
  await checkPlanRoom(db, ownerId, "name");
  const id = randomUUID();
  await db.insert(plans).values({
    id,
    ownerId,
    name: input.name,
    dayCount: input.dayCount,
    startDate: input.startDate ?? null,
  });
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
  /** Recipes eaten in the plan's meals, each with its ingredients scaled to the dish. */
  dishes: DishView[];
};

export async function loadEntries(db: Db, planId: string) {
  return await db
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
    .orderBy(asc(planEntries.day), asc(planEntries.position), asc(planEntries.createdAt));
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
  number | boolean,
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

/** The plan with its entries (read with raw SQL, prepared once on SQLite: the editor's hot path). */
export async function getPlan(db: AppDatabase, ownerId: string, planId: string): Promise<PlanView> {
  const plan = await requirePlan(db, ownerId, planId);
  const rows = (await rawArrays(db, PLAN_ENTRIES_SQL, [planId])) as PlanEntryRow[];
  const portionsByFood: Record<string, PortionOption[]> = {};
  const portionRows = (await rawArrays(db, PLAN_PORTIONS_SQL, [planId])) as [
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
  const dishes = await loadDishes(db, ownerId, planId);
  return {
    id: plan.id,
    name: plan.name,
    dayCount: plan.dayCount,
    startDate: plan.startDate,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    entryCount: rows.length,
    dishCount: dishes.length,
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
        // 0/1 on SQLite, a boolean on PostgreSQL.
        b12Fortified: Boolean(fortified),
        portionId,
        portionLabel,
        portionGrams,
        quantity,
        grams,
        b12Micrograms: b12MicrogramsForGrams(b12PerHundredGrams, grams),
      }),
    ),
    portionsByFood,
    supplements: await loadSupplements(db, planId),
    dishes,
  };
}

export async function updatePlan(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; name?: string; startDate?: string | null },
): Promise<PlanSummary> {
  await write(db, ownerId, async (tx) => {
    await requirePlan(tx, ownerId, input.planId);
    if (input.startDate === null) {
      const byWeekday = (await loadSupplements(tx, input.planId)).filter(
        (item) => item.weekdays !== null,
      );
      if (byWeekday.length > 0) {
        throw new AppError(
          "CONFLICT",
          `startDate: ${byWeekday.length} supplement${byWeekday.length === 1 ? " is" : "s are"} taken on chosen weekdays, which needs a start date; change ${byWeekday.length === 1 ? "its" : "their"} schedule first`,
          "startDate",
        );
      }
    }
    await tx
      .update(plans)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
        updatedAt: now(),
      })
      .where(eq(plans.id, input.planId));
  });
  return summary(db, ownerId, input.planId);
}

async function summary(db: AppDatabase, ownerId: string, planId: string): Promise<PlanSummary> {
  const found = (await listPlans(db, ownerId)).find((plan) => plan.id === planId);
  if (!found) throw notFound(`No plan with id "${planId}"`, "planId");
  return found;
}

export async function copyEntries(
  tx: Transaction,
  rows: Awaited<ReturnType<typeof loadEntries>>,
  targetPlanId: string,
  dayMap: (day: number) => number,
): Promise<void> {
  await insertEntries(
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

export async function duplicatePlan(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<{ id: string }> {
  const id = randomUUID();
  const suffix = " (copy)";
  await write(db, ownerId, async (tx) => {
    const plan = await requirePlan(tx, ownerId, planId);
    const name = `${plan.name.slice(0, 199 - suffix.length)}${suffix}`;
    await checkPlanRoom(tx, ownerId);
    await checkOwnerEntryRoom(tx, ownerId, (await planRoom(tx, planId)).count);
    await tx
      .insert(plans)
      .values({ id, ownerId, name, dayCount: plan.dayCount, startDate: plan.startDate });
    await copyEntries(tx, await loadEntries(tx, planId), id, (day) => day);
    await copySupplements(tx, await loadSupplements(tx, planId), id);
    await copyEaters(tx, planId, id);
    await insertDishes(tx, id, await loadDishRowsForCopy(tx, planId));
  });
  return { id };
}

/** The copy of a plan is eaten by the same people at the same portion factors. */
async function copyEaters(tx: Transaction, fromPlanId: string, toPlanId: string): Promise<void> {
  const rows = await tx.select().from(planEaters).where(eq(planEaters.planId, fromPlanId));
  if (rows.length === 0) return;
  await tx.insert(planEaters).values(rows.map((row) => ({ ...row, planId: toPlanId })));
}

export async function deletePlan(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<{ id: string }> {
  await write(db, ownerId, async (tx) => {
    await requirePlan(tx, ownerId, planId);
    await tx.delete(plans).where(eq(plans.id, planId));
  });
  return { id: planId };
}
