/** Plan files: a plan as a portable JSON document, and a new plan made from one. */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { AppDatabase } from "../../../db/client";
import { write } from "../../../db/dialect";
import {
  foodPortions,
  foods,
  people,
  planEaters,
  planSupplements,
  plans,
} from "../../../db/schema";
import { AppError, invalid } from "../../errors";
import { PLAN_FILE_FORMAT, PLAN_FILE_VERSION, type PlanFile } from "../../schemas/plans";
import { checkOwnerEntryRoom, checkPlanRoom } from "../limits";
import { orderedId } from "../ordered-id";
import { ensureOwnPerson, personProfile } from "../people";
import {
  checkRecipeFoods,
  exportDishes,
  exportRecipes,
  insertFileDishes,
  insertFileRecipes,
} from "../recipe-files";
import { checkedPortionAmount, type Db, insertEntries, requirePlan } from "./access";
import { loadEntries } from "./crud";
import { storedEaters, type Viewer } from "./eaters";
import { loadSupplements, scheduleFields } from "./plan-supplements";

/** The plan as a portable JSON document (see docs/api.md, "Plan files"). */
export async function exportPlan(
  db: AppDatabase,
  ownerId: string,
  planId: string,
): Promise<PlanFile> {
  const plan = await requirePlan(db, ownerId, planId);
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    plan: { name: plan.name, dayCount: plan.dayCount, startDate: plan.startDate },
    entries: (await loadEntries(db, planId)).map((row) => ({
      day: row.day,
      meal: row.meal,
      foodId: row.foodId,
      foodName: row.foodName,
      grams: row.grams,
      portionId: row.portionId,
      quantity: row.quantity,
    })),
    eaters: (await storedEaters(db, planId)).map(({ person, portionFactor }) => ({
      name: person.name,
      portionFactor,
      profile: personProfile(person),
    })),
    supplements: (await loadSupplements(db, planId)).map(
      ({ id: _id, scheduleLabel: _label, personId: _person, ...rest }) => rest,
    ),
    ...(await recipesOf(db, ownerId, planId)),
  };
}

/** Who eats a new plan and whose each of its supplements is, as person ids of the household. */
export type PlanFilePeople = {
  eaters: { personId: string; portionFactor: number }[];
  /** One per file supplement, in the file's order (null: the plan's first eater's). */
  supplementPersonIds: (string | null)[];
};

const nameKey = (name: string) => name.trim().toLocaleLowerCase("en");

/**
 * A plan file's eaters as the household's people: each name matched to a person of the
 * household with that name (case and spaces aside). A file from another household, or
 * one without eaters, is eaten by the importing account's own person at the plan's
 * amounts. A supplement is its named eater's, else the importer's (if they eat the
 * plan), else the first eater's.
 */
export async function resolvePlanFilePeople(
  db: Db,
  ownerId: string,
  file: PlanFile,
  viewer: Viewer,
): Promise<PlanFilePeople> {
  const household = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.householdId, ownerId));
  const eaters: PlanFilePeople["eaters"] = [];
  const byName = new Map<string, string>();
  for (const eater of file.eaters ?? []) {
    const key = nameKey(eater.name);
    const match = household.find(
      (person) => nameKey(person.name) === key && !eaters.some((e) => e.personId === person.id),
    );
    if (!match) continue;
    eaters.push({ personId: match.id, portionFactor: eater.portionFactor });
    byName.set(key, match.id);
  }
  const own = await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
  if (eaters.length === 0) eaters.push({ personId: own.id, portionFactor: 1 });
  const fallback = eaters.some((eater) => eater.personId === own.id)
    ? own.id
    : (eaters[0]?.personId ?? own.id);
  return {
    eaters,
    supplementPersonIds: (file.supplements ?? []).map(
      (supplement) =>
        (supplement.personName ? byName.get(nameKey(supplement.personName)) : undefined) ??
        fallback,
    ),
  };
}

/** The plan's dishes and the recipes they use (nothing when the plan has no dishes). */
async function recipesOf(db: AppDatabase, ownerId: string, planId: string) {
  const dishes = await exportDishes(db, planId);
  if (dishes.length === 0) return {};
  const recipeIds = [...new Set(dishes.map((dish) => dish.recipeKey))];
  return { recipes: await exportRecipes(db, ownerId, recipeIds), dishes };
}

/**
 * Creates a new plan from a plan file; rejects the whole file if any food is unknown.
 * Answers with the new plan's id and its supplements' ids in the file's order.
 */
export async function importPlan(
  db: AppDatabase,
  ownerId: string,
  file: PlanFile,
  viewer: Viewer,
): Promise<{ id: string; supplementIds: string[] }> {
  // Checked and written in one transaction: a food or portion removed meanwhile (by
  // another member, on any app instance) cannot slip between the check and the insert.
  return await write(db, ownerId, async (tx) => {
    const foodIds = [...new Set(file.entries.map((entry) => entry.foodId))];
    const known = new Set(
      foodIds.length === 0
        ? []
        : (
            await tx
              .select({ id: foods.id, ownerId: foods.ownerId })
              .from(foods)
              .where(inArray(foods.id, foodIds))
          )
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
    await checkRecipeFoods(tx, ownerId, file.recipes ?? [], "file.recipes");
    if ((file.dishes ?? []).length > 0 && file.recipes === undefined) {
      throw invalid("file.dishes: the file has dishes but no recipes for them", "file.dishes");
    }
    const portionsById = await lookupPortions(
      tx,
      file.entries.flatMap((entry) => (entry.portionId ? [entry.portionId] : [])),
    );
    return await insertPlanFile(tx, ownerId, file, portionsById, {
      people: await resolvePlanFilePeople(tx, ownerId, file, viewer),
    });
  });
}

export type PortionRow = { id: string; foodId: string; label: string; grams: number };

/** The household portions with these ids (unknown ids are left out), in chunks. */
export async function lookupPortions(
  db: Db,
  ids: Iterable<string>,
): Promise<Map<string, PortionRow>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, PortionRow>();
  for (let start = 0; start < unique.length; start += 500) {
    for (const portion of await db
      .select({
        id: foodPortions.id,
        foodId: foodPortions.foodId,
        label: foodPortions.label,
        grams: foodPortions.grams,
      })
      .from(foodPortions)
      .where(inArray(foodPortions.id, unique.slice(start, start + 500)))) {
      found.set(portion.id, portion);
    }
  }
  return found;
}

/**
 * Writes a plan file whose foods are known to exist for the owner (importPlan and
 * backup.restore check them first) as a new plan; `portionsById` holds at least the
 * portions its entries name that still exist.
 */
export async function insertPlanFile(
  db: AppDatabase,
  ownerId: string,
  file: PlanFile,
  portionsById: Map<string, PortionRow>,
  options: {
    /** backup.restore has checked the owner's caps for the whole file already. */
    capsChecked?: boolean;
    /** Who eats the plan and whose its supplements are (else: nobody set, as before people). */
    people?: PlanFilePeople;
    /** backup.restore: the recipe id of each recipe key (its recipes are written already). */
    recipeIds?: ReadonlyMap<string, string>;
  } = {},
): Promise<{ id: string; supplementIds: string[] }> {
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
  await write(db, ownerId, async (tx) => {
    if (!options.capsChecked) {
      await checkPlanRoom(tx, ownerId, "file");
      await checkOwnerEntryRoom(
        tx,
        ownerId,
        file.entries.length + (file.dishes ?? []).length,
        "file.entries",
      );
    }
    await tx.insert(plans).values({
      id,
      ownerId,
      name: file.plan.name,
      dayCount: file.plan.dayCount,
      startDate: file.plan.startDate,
    });
    const positions = new Map<string, number>();
    const rows = file.entries.map((entry, index) => {
      const key = `${entry.day}:${entry.meal}`;
      const position = (positions.get(key) ?? 0) + 1;
      positions.set(key, position);
      return {
        id: orderedId(),
        planId: id,
        day: entry.day,
        meal: entry.meal,
        foodId: entry.foodId,
        ...(amounts[index] ?? { grams: entry.grams, portionId: null, quantity: null }),
        position,
      };
    });
    await insertEntries(tx, rows);
    if ((file.dishes ?? []).length > 0) {
      // Recipes first (a plan import reuses the household's identical ones), then the
      // dishes after each meal's entries.
      const recipeIds =
        options.recipeIds ??
        (await insertFileRecipes(tx, ownerId, file.recipes ?? [], {
          reuseIdentical: true,
          field: "file.recipes",
        }));
      await insertFileDishes(tx, id, file.dishes ?? [], recipeIds, positions);
    }
    const supplements = file.supplements ?? [];
    if (supplements.length > 0) {
      await tx.insert(planSupplements).values(
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
          personId: options.people?.supplementPersonIds[index] ?? null,
        })),
      );
    }
    const eaters = options.people?.eaters ?? [];
    if (eaters.length > 0) {
      await tx
        .insert(planEaters)
        .values(eaters.map((eater, position) => ({ planId: id, ...eater, position })));
    }
  });
  return { id, supplementIds };
}
