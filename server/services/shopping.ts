/**
 * Shopping lists: loads what `buildShoppingList` needs (entries in range with their
 * portions, supplements), applies the saved preferences, ticks, "already have" marks
 * and free-text extras. The list itself comes from the pure domain function.
 *
 * Every procedure checks the plan belongs to the owner first (another owner's plan is
 * as unknown as a missing one: NOT_FOUND). Edits answer with the list as it now is.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first, one, write } from "../../db/dialect";
import { jsonValue, rawArrays, rawGet } from "../../db/raw";
import {
  shoppingAisleChoices,
  shoppingExtras,
  shoppingMarks,
  shoppingPreferences,
} from "../../db/schema";
import { describeHousehold, householdPortions } from "../domain/household-portions";
import { planDayDate } from "../domain/plan-totals";
import { type Aisle, buildShoppingList, type ShoppingSupplementInput } from "../domain/shopping";
import type { MarkedLine } from "../domain/shopping-export";
import type { Meal, SupplementForm, UnitSystem } from "../domain/vocabulary";
import { invalid, notFound } from "../errors";
import { MAX_EXTRAS, type SetPreferencesInput, type ShoppingListInput } from "../schemas/shopping";
import { checkAisleChoiceRoom } from "./limits";
import {
  type EaterView,
  eaterViews,
  loadEaters,
  requirePlan as requirePlanRow,
  type Viewer,
} from "./plans";
import {
  type FoodRow,
  foodFactsFromRow,
  loadAisleChoices,
  loadShoppingSources,
  resolveRawForms,
} from "./shopping-sources";

/** The plan fields a shopping list needs and shows. */
type PlanRow = { id: string; name: string; dayCount: number; startDate: string | null };

/** The owner's plan (NOT_FOUND otherwise), narrowed to what the list shows. */
async function requirePlan(db: AppDatabase, ownerId: string, planId: string): Promise<PlanRow> {
  const { id, name, dayCount, startDate } = await requirePlanRow(db, ownerId, planId);
  return { id, name, dayCount, startDate };
}

export type ShoppingPreferences = {
  fromDay: number;
  toDay: number;
  /** A number of people set by hand (the override), or null: the eaters plus guests. */
  servings: number | null;
  /** Extra people at the plan's amounts, besides the plan's eaters. */
  guests: number;
  unitSystem: UnitSystem;
  /** Who eats the plan, at which portion factor. */
  eaters: EaterView[];
  /** How many times the plan's amounts the list buys (sum of portion factors + guests). */
  portions: number;
  /** "for Ana, Ben and Cleo (½) + 1 guest" (or "for 3 people" when set by hand). */
  household: string;
};

export type ShoppingListView = {
  plan: PlanRow;
  /** The preferences this list was built with (input, else saved, else defaults). */
  preferences: ShoppingPreferences;
  days: { day: number; date: string | null }[];
  aisles: { aisle: MarkedLine["aisle"]; label: string; lines: MarkedLine[] }[];
  extras: { id: string; itemKey: string; text: string; checked: boolean }[];
  counts: { lines: number; checked: number; inPantry: number };
};

function checkDayInPlan(plan: PlanRow, day: number, field: string): void {
  if (day < 1 || day > plan.dayCount) {
    throw invalid(
      `${field} must be between 1 and ${plan.dayCount} (the plan has ${plan.dayCount} day${plan.dayCount === 1 ? "" : "s"}); got ${day}`,
      field,
    );
  }
}

async function savedPreferences(db: AppDatabase, planId: string) {
  return await first(
    db.select().from(shoppingPreferences).where(eq(shoppingPreferences.planId, planId)),
  );
}

/** Input over saved over defaults; saved days past the plan's end are clamped. */
async function resolvePreferences(
  db: AppDatabase,
  ownerId: string,
  plan: PlanRow,
  input: Partial<Omit<ShoppingListInput, "planId">>,
  viewer: Viewer,
): Promise<ShoppingPreferences> {
  if (input.fromDay !== undefined) checkDayInPlan(plan, input.fromDay, "fromDay");
  if (input.toDay !== undefined) checkDayInPlan(plan, input.toDay, "toDay");
  const [saved, eaterRows] = await Promise.all([
    savedPreferences(db, plan.id),
    loadEaters(db, ownerId, plan.id, viewer),
  ]);
  const clamp = (day: number | null | undefined) =>
    day == null ? null : Math.min(Math.max(1, day), plan.dayCount);
  const fromDay = input.fromDay ?? clamp(saved?.fromDay) ?? 1;
  const toDay = input.toDay ?? clamp(saved?.toDay) ?? plan.dayCount;
  if (fromDay > toDay) {
    throw invalid(`fromDay (${fromDay}) must not be after toDay (${toDay})`, "fromDay");
  }
  const eaters = eaterViews(eaterRows);
  const household = {
    eaters,
    guests: input.guests ?? saved?.guests ?? 0,
    servings: input.servings ?? saved?.servings ?? null,
  };
  return {
    fromDay,
    toDay,
    ...household,
    unitSystem: input.unitSystem ?? saved?.unitSystem ?? "metric",
    portions: householdPortions(household),
    household: describeHousehold(household),
  };
}

const SUPPLEMENTS_SQL = `SELECT s.id, s.dose_micrograms, s.form, s.compound, s.every_n_days,
    s.first_day, s.weekdays, s.with_meal, s.person_id, p.name
  FROM plan_supplements s LEFT JOIN people p ON p.id = s.person_id
  WHERE s.plan_id = ? ORDER BY s.created_at, s.id`;

const MARKS_SQL = `SELECT item_key, checked, in_pantry FROM shopping_marks WHERE plan_id = ?`;

const EXTRAS_SQL = `SELECT id, text FROM shopping_extras WHERE plan_id = ? ORDER BY position, id`;

/** plan_supplements.weekdays: JSON text on SQLite, jsonb (already parsed) on PostgreSQL. */
function parseWeekdays(raw: unknown): number[] | null {
  if (raw === null || raw === undefined) return null;
  try {
    const value = jsonValue<unknown>(raw);
    return Array.isArray(value)
      ? value.filter((day): day is number => Number.isInteger(day))
      : null;
  } catch {
    return null;
  }
}

/**
 * The supplements of the plan's eaters, each counted once for its person (never times
 * the household): a supplement of someone who no longer eats the plan is not bought.
 */
async function loadSupplements(
  db: AppDatabase,
  planId: string,
  eaters: readonly EaterView[],
): Promise<ShoppingSupplementInput[]> {
  const eating = new Set(eaters.map((eater) => eater.personId));
  const rows = (await rawArrays(db, SUPPLEMENTS_SQL, [planId])) as [
    string,
    number,
    SupplementForm,
    string,
    number | null,
    number,
    unknown,
    Meal | null,
    string | null,
    string | null,
  ][];
  return rows
    .filter(([, , , , , , , , personId]) => personId === null || eating.has(personId))
    .map(
      ([
        id,
        doseMicrograms,
        form,
        compound,
        everyNDays,
        firstDay,
        weekdays,
        withMeal,
        personId,
        personName,
      ]) => ({
        id,
        doseMicrograms,
        form,
        compound,
        everyNDays,
        firstDay,
        weekdays: parseWeekdays(weekdays),
        withMeal,
        personName: personId === null ? (eaters[0]?.name ?? null) : personName,
      }),
    );
}

async function buildView(
  db: AppDatabase,
  ownerId: string,
  plan: PlanRow,
  preferences: ShoppingPreferences,
): Promise<ShoppingListView> {
  // Independent reads together (round trips on PostgreSQL; already run on SQLite).
  const [{ entries, portionsByFood, textItems }, supplements, aisleChoices, markRows, extraRows] =
    await Promise.all([
      loadShoppingSources(db, plan.id, preferences.fromDay, preferences.toDay),
      loadSupplements(db, plan.id, preferences.eaters),
      loadAisleChoices(db, ownerId),
      rawArrays(db, MARKS_SQL, [plan.id]),
      rawArrays(db, EXTRAS_SQL, [plan.id]),
    ]);
  const list = buildShoppingList({
    dayCount: plan.dayCount,
    startDate: plan.startDate,
    fromDay: preferences.fromDay,
    toDay: preferences.toDay,
    unitSystem: preferences.unitSystem,
    // The plan's amounts times the sum of the eaters' portion factors (plus guests).
    servings: preferences.portions,
    entries,
    portionsByFood,
    supplements,
    aisleChoices,
    textItems,
  });

  const marks = new Map<string, { checked: boolean; inPantry: boolean }>();
  // Booleans: 0/1 on SQLite, true/false on PostgreSQL.
  for (const [itemKey, checked, inPantry] of markRows as [string, unknown, unknown][]) {
    marks.set(itemKey, { checked: Boolean(checked), inPantry: Boolean(inPantry) });
  }
  const mark = (itemKey: string) => marks.get(itemKey) ?? { checked: false, inPantry: false };
  const aisles = list.aisles.map((group) => ({
    ...group,
    lines: group.lines.map((line) => ({ ...line, ...mark(line.itemKey) })),
  }));
  const extras = (extraRows as [string, string][]).map(([id, text]) => ({
    id,
    itemKey: `extra:${id}`,
    text,
    checked: mark(`extra:${id}`).checked,
  }));
  const all = aisles.flatMap((group) => group.lines);
  return {
    plan,
    preferences,
    days: Array.from({ length: plan.dayCount }, (_, index) => ({
      day: index + 1,
      date: planDayDate(plan.startDate, index + 1),
    })),
    aisles,
    extras,
    counts: {
      lines: all.length,
      checked: all.filter((line) => line.checked).length,
      inPantry: all.filter((line) => line.inPantry).length,
    },
  };
}

/** The plan's shopping list; input fields override the saved preferences for this call. */
export async function getShoppingList(
  db: AppDatabase,
  ownerId: string,
  input: ShoppingListInput,
  viewer: Viewer,
): Promise<ShoppingListView> {
  const plan = await requirePlan(db, ownerId, input.planId);
  return buildView(db, ownerId, plan, await resolvePreferences(db, ownerId, plan, input, viewer));
}

/**
 * Saves guests (or the people override; null clears it), units and range (null days: the
 * whole plan).
 */
export async function setShoppingPreferences(
  db: AppDatabase,
  ownerId: string,
  input: SetPreferencesInput,
  viewer: Viewer,
): Promise<ShoppingListView> {
  const plan = await requirePlan(db, ownerId, input.planId);
  // Read, merge, write: one transaction, so a concurrent change is not merged away.
  await write(db, ownerId, async (tx) => {
    const saved = await savedPreferences(tx, plan.id);
    const next = {
      servings: input.servings === undefined ? (saved?.servings ?? null) : input.servings,
      guests: input.guests ?? saved?.guests ?? 0,
      unitSystem: input.unitSystem ?? saved?.unitSystem ?? "metric",
      fromDay: input.fromDay === undefined ? (saved?.fromDay ?? null) : input.fromDay,
      toDay: input.toDay === undefined ? (saved?.toDay ?? null) : input.toDay,
    };
    if (next.fromDay !== null) checkDayInPlan(plan, next.fromDay, "fromDay");
    if (next.toDay !== null) checkDayInPlan(plan, next.toDay, "toDay");
    if ((next.fromDay ?? 1) > (next.toDay ?? plan.dayCount)) {
      throw invalid(
        `fromDay (${next.fromDay ?? 1}) must not be after toDay (${next.toDay ?? plan.dayCount})`,
        "fromDay",
      );
    }
    await tx
      .insert(shoppingPreferences)
      .values({ planId: plan.id, ...next })
      .onConflictDoUpdate({
        target: shoppingPreferences.planId,
        set: { ...next, updatedAt: new Date().toISOString() },
      });
  });
  return buildView(db, ownerId, plan, await resolvePreferences(db, ownerId, plan, {}, viewer));
}

const ITEM_EXISTS_SQL = {
  extra: `SELECT 1 FROM shopping_extras WHERE plan_id = ? AND id = ?`,
  supplement: `SELECT 1 FROM plan_supplements WHERE plan_id = ? AND id = ?`,
  food: `SELECT 1 FROM plan_entries WHERE plan_id = ? AND food_id = ? LIMIT 1`,
  dishFood: `SELECT 1 FROM plan_recipes d JOIN recipe_ingredients i ON i.recipe_id = d.recipe_id
    WHERE d.plan_id = ? AND i.food_id = ? LIMIT 1`,
  recipeLine: `SELECT 1 FROM plan_recipes d JOIN recipe_ingredients i ON i.recipe_id = d.recipe_id
    WHERE d.plan_id = ? AND i.id = ? LIMIT 1`,
} as const;

const PLAN_FOODS_SQL = `SELECT id, name, group_code, b12_fortified, energy_kcal_per_100g, source
  FROM foods WHERE id IN (SELECT DISTINCT food_id FROM plan_entries WHERE plan_id = ?
    UNION SELECT i.food_id FROM plan_recipes d
      JOIN recipe_ingredients i ON i.recipe_id = d.recipe_id WHERE d.plan_id = ?)`;

/** True when `foodId` is bought for the plan as the raw form of one of its prepared foods. */
async function isRawFormInPlan(db: AppDatabase, planId: string, foodId: string): Promise<boolean> {
  const foods = ((await rawArrays(db, PLAN_FOODS_SQL, [planId, planId])) as FoodRow[]).map(
    foodFactsFromRow,
  );
  for (const raw of (await resolveRawForms(db, foods)).values())
    if (raw.foodId === foodId) return true;
  return false;
}

/**
 * An item key names a food of the plan (as entered, or the raw form a prepared food is
 * bought as), one of its supplements or one of its extras.
 */
async function requireItem(db: AppDatabase, planId: string, itemKey: string): Promise<void> {
  const [kind, id] = itemKey.startsWith("extra:")
    ? (["extra", itemKey.slice(6)] as const)
    : itemKey.startsWith("supplement:")
      ? (["supplement", itemKey.slice(11)] as const)
      : itemKey.startsWith("recipe-line:")
        ? (["recipeLine", itemKey.slice(12)] as const)
        : (["food", itemKey] as const);
  if (await rawGet(db, ITEM_EXISTS_SQL[kind], [planId, id])) return;
  if (kind === "food" && (await rawGet(db, ITEM_EXISTS_SQL.dishFood, [planId, id]))) return;
  if (kind === "food" && (await isRawFormInPlan(db, planId, id))) return;
  throw notFound(`No shopping list item "${itemKey}" in this plan`, "itemKey");
}

/**
 * Moves a food to another aisle on every list of the owner (null: back to the aisle
 * the food's group gives). The food must be on this plan's list.
 */
export async function setAisle(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; foodId: string; aisle: Aisle | null },
  viewer: Viewer,
): Promise<ShoppingListView> {
  const plan = await requirePlan(db, ownerId, input.planId);
  if (
    input.foodId.startsWith("extra:") ||
    input.foodId.startsWith("supplement:") ||
    input.foodId.startsWith("recipe-line:")
  ) {
    throw invalid("foodId: only foods can be moved to another aisle", "foodId");
  }
  const aisle = input.aisle;
  // The item check and the cap check are reads the write depends on: one transaction.
  await write(db, ownerId, async (tx) => {
    await requireItem(tx, plan.id, input.foodId);
    if (aisle === null) {
      await tx
        .delete(shoppingAisleChoices)
        .where(
          and(
            eq(shoppingAisleChoices.ownerId, ownerId),
            eq(shoppingAisleChoices.foodId, input.foodId),
          ),
        );
    } else {
      await checkAisleChoiceRoom(tx, ownerId, input.foodId);
      await tx
        .insert(shoppingAisleChoices)
        .values({ ownerId, foodId: input.foodId, aisle })
        .onConflictDoUpdate({
          target: [shoppingAisleChoices.ownerId, shoppingAisleChoices.foodId],
          set: { aisle, updatedAt: new Date().toISOString() },
        });
    }
  });
  return buildView(db, ownerId, plan, await resolvePreferences(db, ownerId, plan, {}, viewer));
}

export type ShoppingMark = { itemKey: string; checked: boolean; inPantry: boolean };

async function setMark(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; itemKey: string },
  change: { checked: boolean } | { inPantry: boolean },
): Promise<ShoppingMark> {
  const plan = await requirePlan(db, ownerId, input.planId);
  // No mark for an item removed between the check and the write: one transaction.
  return await write(db, ownerId, async (tx) => {
    await requireItem(tx, plan.id, input.itemKey);
    return await one(
      tx
        .insert(shoppingMarks)
        .values({ planId: plan.id, itemKey: input.itemKey, ...change })
        .onConflictDoUpdate({
          target: [shoppingMarks.planId, shoppingMarks.itemKey],
          set: { ...change, updatedAt: new Date().toISOString() },
        })
        .returning({
          itemKey: shoppingMarks.itemKey,
          checked: shoppingMarks.checked,
          inPantry: shoppingMarks.inPantry,
        }),
    );
  });
}

export async function setChecked(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; itemKey: string; checked: boolean },
): Promise<ShoppingMark> {
  return await setMark(db, ownerId, input, { checked: input.checked });
}

export async function setInPantry(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; itemKey: string; inPantry: boolean },
): Promise<ShoppingMark> {
  return await setMark(db, ownerId, input, { inPantry: input.inPantry });
}

/** Unticks every line and extra ("already have" marks stay). */
export async function clearChecked(
  db: AppDatabase,
  ownerId: string,
  planId: string,
  viewer: Viewer,
): Promise<ShoppingListView> {
  const plan = await requirePlan(db, ownerId, planId);
  await db
    .update(shoppingMarks)
    .set({ checked: false, updatedAt: new Date().toISOString() })
    .where(and(eq(shoppingMarks.planId, plan.id), eq(shoppingMarks.checked, true)));
  return buildView(db, ownerId, plan, await resolvePreferences(db, ownerId, plan, {}, viewer));
}

export async function addExtra(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; text: string },
  viewer: Viewer,
): Promise<ShoppingListView & { extraId: string }> {
  const plan = await requirePlan(db, ownerId, input.planId);
  const extraId = randomUUID();
  await write(db, ownerId, async (tx) => {
    const row = await first(
      tx
        .select({
          count: sql<number>`count(*)`,
          max: sql<number | null>`max(${shoppingExtras.position})`,
        })
        .from(shoppingExtras)
        .where(eq(shoppingExtras.planId, plan.id)),
    );
    if ((row?.count ?? 0) >= MAX_EXTRAS) {
      throw invalid(`text: a shopping list holds at most ${MAX_EXTRAS} extra items`, "text");
    }
    await tx
      .insert(shoppingExtras)
      .values({ id: extraId, planId: plan.id, text: input.text, position: (row?.max ?? 0) + 1 });
  });
  return {
    ...(await buildView(
      db,
      ownerId,
      plan,
      await resolvePreferences(db, ownerId, plan, {}, viewer),
    )),
    extraId,
  };
}

export async function removeExtra(
  db: AppDatabase,
  ownerId: string,
  input: { planId: string; extraId: string },
  viewer: Viewer,
): Promise<ShoppingListView> {
  const plan = await requirePlan(db, ownerId, input.planId);
  await write(db, ownerId, async (tx) => {
    const removed = await tx
      .delete(shoppingExtras)
      .where(and(eq(shoppingExtras.planId, plan.id), eq(shoppingExtras.id, input.extraId)))
      .returning({ id: shoppingExtras.id });
    if (removed.length === 0) throw notFound(`No extra item with id "${input.extraId}"`, "extraId");
    await tx
      .delete(shoppingMarks)
      .where(
        and(eq(shoppingMarks.planId, plan.id), eq(shoppingMarks.itemKey, `extra:${input.extraId}`)),
      );
  });
  return buildView(db, ownerId, plan, await resolvePreferences(db, ownerId, plan, {}, viewer));
}
