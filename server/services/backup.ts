/**
 * Backup and restore of all of one household's data: its name, its people (profiles),
 * the owner's profile, custom foods, diet corrections, plans (entries, eaters,
 * supplements with their person) and their shopping state, favourite foods and shopping
 * aisle choices. Left out on purpose: accounts, sessions, household membership and
 * invitations (who may sign in, not the data), and the few-minute undo buffer of
 * removed entries.
 *
 * People are matched, not copied blindly: the file's person of the exporting account
 * becomes the restoring account's own person (which stays linked to that account), a
 * file person who signed in is matched by name to a member's person of this household,
 * and everyone else (children, people without a login) replaces this household's
 * people without a login. A file without people (from before people) leaves them as
 * they are.
 *
 * A restore replaces the person's data in one transaction, after checking the whole
 * file: a custom food id taken by another food, a plan referring to a food this
 * database does not have, or shopping settings outside a plan's days reject the file
 * and change nothing. Plans, supplements and extras get new ids (shopping ticks follow
 * them); custom foods keep theirs, so the plans that use them still do.
 */

import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { write } from "../../db/dialect";
import {
  dietOverrides,
  favoriteFoods,
  foodGroups,
  foodPortions,
  foods,
  owners,
  people,
  plans,
  profiles,
  recipes,
  shoppingAisleChoices,
  shoppingExtras,
  shoppingMarks,
  shoppingPreferences,
} from "../../db/schema";
import { AppError, invalid, notFound } from "../errors";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  MAX_BACKUP_MARKS,
  MAX_BACKUP_PEOPLE,
} from "../schemas/backup";
import type { CustomFoodFields } from "../schemas/foods";
import { bulkInsert } from "./bulk-insert";
import { createCustomFoodsWithIds } from "./foods";
import { ensureOwnPerson, personProfile } from "./people";
import {
  exportPlan,
  insertPlanFile,
  listPlans,
  loadSupplements,
  lookupPortions,
  type PlanFilePeople,
  type PortionRow,
  storedEaters,
  type Transaction,
  type Viewer,
} from "./plans";
import { getProfile, updateProfile } from "./profile";
import {
  checkRecipeFoods,
  exportRecipes,
  insertFileRecipes,
  recipeLineFileNames,
  recipeLineIdsByFileName,
} from "./recipe-files";

type BackupInput = BackupFile;

function customFoodsOf(db: AppDatabase, ownerId: string): BackupInput["customFoods"] {
  const rows = db
    .select()
    .from(foods)
    .where(and(eq(foods.ownerId, ownerId), eq(foods.source, "custom")))
    .orderBy(asc(foods.createdAt), asc(foods.id))
    .all();
  const portions =
    rows.length === 0
      ? []
      : db
          .select()
          .from(foodPortions)
          .where(
            inArray(
              foodPortions.foodId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(foodPortions.foodId), asc(foodPortions.seq))
          .all();
  return rows.map((row) => {
    const fields: CustomFoodFields = {
      name: row.name,
      servingGrams: row.labelServingGrams ?? 100,
      b12:
        row.labelPercentDailyValue !== null
          ? {
              percentDailyValue: row.labelPercentDailyValue,
              labelEdition: row.labelEdition ?? "current",
            }
          : { micrograms: row.labelB12Micrograms ?? 0 },
      diet: row.diet,
      fortified: row.b12Fortified,
      group: row.groupCode,
      // Portion 1 is the label's serving, made again from servingGrams.
      portions: portions
        .filter((portion) => portion.foodId === row.id && portion.seq > 1)
        .map((portion) => ({ label: portion.label, grams: portion.grams })),
    };
    return { id: row.id, fields };
  });
}

/** The household's people, oldest first; `exporter` marks the exporting account's own. */
async function peopleOf(
  db: AppDatabase,
  ownerId: string,
  viewer: Viewer,
): Promise<BackupInput["people"]> {
  await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
  return db
    .select()
    .from(people)
    .where(eq(people.householdId, ownerId))
    .orderBy(asc(people.createdAt), sql`rowid`)
    .all()
    .map((row) => ({
      id: row.id,
      name: row.name,
      hasLogin: row.accountId !== null,
      exporter: row.accountId === viewer.accountId,
      isDefault: row.isDefault,
      profile: personProfile(row),
    }));
}

/** Everything of one household, as one JSON document (docs/api.md, "Backup files"). */
export async function exportBackup(
  db: AppDatabase,
  ownerId: string,
  viewer: Viewer,
): Promise<BackupInput> {
  const { profile, isDefault } = await getProfile(db, ownerId);
  const lineNames = await recipeLineFileNames(db, ownerId);
  const household = db
    .select({ name: owners.name })
    .from(owners)
    .where(eq(owners.id, ownerId))
    .get();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    profile: isDefault ? null : profile,
    ...(household ? { household: { name: household.name } } : {}),
    people: await peopleOf(db, ownerId, viewer),
    customFoods: customFoodsOf(db, ownerId),
    dietOverrides: db
      .select({ foodId: dietOverrides.foodId, diet: dietOverrides.diet, note: dietOverrides.note })
      .from(dietOverrides)
      .where(eq(dietOverrides.ownerId, ownerId))
      .orderBy(asc(dietOverrides.foodId))
      .all(),
    plans: await Promise.all(
      (await listPlans(db, ownerId)).reverse().map(async (plan) => {
        // Ticks on recipe lines listed as text: named by recipe and line (new ids after a
        // restore), for the recipes this plan's dishes use.
        const preferences = db
          .select()
          .from(shoppingPreferences)
          .where(eq(shoppingPreferences.planId, plan.id))
          .get();
        // The plan file's eaters (names) are for plan files; a backup names people by id.
        const { eaters: _byName, ...file } = await exportPlan(db, ownerId, plan.id);
        const supplements = await loadSupplements(db, plan.id);
        const supplementIds = supplements.map((supplement) => supplement.id);
        const extras = db
          .select({ id: shoppingExtras.id, text: shoppingExtras.text })
          .from(shoppingExtras)
          .where(eq(shoppingExtras.planId, plan.id))
          .orderBy(asc(shoppingExtras.position))
          .all();
        // Only the marks of items the list can show (a removed food's tick stays in the
        // database but not in the file), so a plan's marks never pass MAX_BACKUP_MARKS.
        const { recipes: _recipes, ...planFile } = file;
        const planRecipeKeys = new Set((file.recipes ?? []).map((recipe) => recipe.key));
        const markKey = (itemKey: string): string | null => {
          if (!itemKey.startsWith("recipe-line:")) return itemKey;
          const name = lineNames.get(itemKey.slice("recipe-line:".length));
          return name && planRecipeKeys.has(name.split("#")[0] ?? "")
            ? `recipe-line:${name}`
            : null;
        };
        const liveItems = new Set([
          ...file.entries.map((entry) => entry.foodId),
          ...(file.recipes ?? []).flatMap((recipe) =>
            recipe.ingredients.flatMap((line) => (line.foodId ? [line.foodId] : [])),
          ),
          ...supplementIds.map((id) => `supplement:${id}`),
          ...extras.map((extra) => `extra:${extra.id}`),
        ]);
        return {
          id: plan.id,
          // Food names are for people reading a plan file; a restore looks foods up by
          // id, and leaving the names out halves the size of a large backup.
          // Recipes are listed once for the whole backup (`recipes`), not per plan.
          file: {
            ...planFile,
            entries: planFile.entries.map(({ foodName: _name, ...entry }) => entry),
          },
          supplementIds,
          eaters: (await storedEaters(db, plan.id)).map(({ person, portionFactor }) => ({
            personId: person.id,
            portionFactor,
          })),
          supplementPersonIds: supplements.map((supplement) => supplement.personId),
          shopping: {
            preferences: preferences
              ? {
                  servings: preferences.servings,
                  guests: preferences.guests,
                  unitSystem: preferences.unitSystem,
                  fromDay: preferences.fromDay,
                  toDay: preferences.toDay,
                }
              : null,
            marks: db
              .select({
                itemKey: shoppingMarks.itemKey,
                checked: shoppingMarks.checked,
                inPantry: shoppingMarks.inPantry,
              })
              .from(shoppingMarks)
              .where(eq(shoppingMarks.planId, plan.id))
              .orderBy(asc(shoppingMarks.itemKey))
              .all()
              .flatMap((mark) => {
                const key = markKey(mark.itemKey);
                if (key === null) return [];
                return liveItems.has(mark.itemKey) || key !== mark.itemKey
                  ? [{ ...mark, itemKey: key }]
                  : [];
              })
              .slice(0, MAX_BACKUP_MARKS),
            extras,
          },
        };
      }),
    ),
    favoriteFoods: db
      .select({ foodId: favoriteFoods.foodId, createdAt: favoriteFoods.createdAt })
      .from(favoriteFoods)
      .where(eq(favoriteFoods.ownerId, ownerId))
      .orderBy(asc(favoriteFoods.createdAt), asc(favoriteFoods.foodId))
      .all(),
    aisleChoices: db
      .select({ foodId: shoppingAisleChoices.foodId, aisle: shoppingAisleChoices.aisle })
      .from(shoppingAisleChoices)
      .where(eq(shoppingAisleChoices.ownerId, ownerId))
      .orderBy(asc(shoppingAisleChoices.foodId))
      .all() as BackupInput["aisleChoices"],
    // Food names are left out as for entries (a restore looks foods up by id).
    recipes: (await exportRecipes(db, ownerId)).map((recipe) => ({
      ...recipe,
      ingredients: recipe.ingredients.map(({ foodName: _name, ...line }) => line),
    })),
  };
}

export type RestoreSummary = {
  profile: boolean;
  /** People written from the file (the own person and matched members included). */
  people: number;
  customFoods: number;
  dietOverrides: number;
  plans: number;
  entries: number;
  supplements: number;
  favoriteFoods: number;
  aisleChoices: number;
  recipes: number;
};

/** Checks what the file refers to against this database, before anything is written. */
async function checkReferences(db: AppDatabase, ownerId: string, file: BackupInput): Promise<void> {
  const customIds = file.customFoods.map((food) => food.id);
  if (customIds.length > 0) {
    const taken = db
      .select({ id: foods.id, ownerId: foods.ownerId })
      .from(foods)
      .where(inArray(foods.id, customIds))
      .all()
      .filter((row) => row.ownerId !== ownerId);
    if (taken.length > 0) {
      const index = customIds.indexOf(taken[0]?.id ?? "");
      throw new AppError(
        "CONFLICT",
        `file.customFoods.${index}.id: "${taken[0]?.id}" belongs to another food in this database`,
        `file.customFoods.${index}.id`,
      );
    }
  }
  const groups = [
    ...new Set(file.customFoods.flatMap((food) => (food.fields.group ? [food.fields.group] : []))),
  ];
  if (groups.length > 0) {
    const known = new Set(
      db
        .select({ code: foodGroups.code })
        .from(foodGroups)
        .where(inArray(foodGroups.code, groups))
        .all()
        .map((row) => row.code),
    );
    const index = file.customFoods.findIndex(
      (food) => food.fields.group && !known.has(food.fields.group),
    );
    if (index >= 0) {
      throw notFound(
        `file.customFoods.${index}.fields.group: no food group with code ${file.customFoods[index]?.fields.group}`,
        `file.customFoods.${index}.fields.group`,
      );
    }
  }
  const ownCustom = new Set(customIds);
  const referenced = [
    ...new Set([
      ...file.dietOverrides.map((override) => override.foodId),
      ...file.favoriteFoods.map((favorite) => favorite.foodId),
      ...file.plans.flatMap((plan) => plan.file.entries.map((entry) => entry.foodId)),
    ]),
  ].filter((id) => !ownCustom.has(id));
  const shared = new Set<string>();
  for (let start = 0; start < referenced.length; start += 500) {
    const chunk = referenced.slice(start, start + 500);
    for (const row of db
      .select({ id: foods.id })
      .from(foods)
      .where(and(inArray(foods.id, chunk), isNull(foods.ownerId)))
      .all()) {
      shared.add(row.id);
    }
  }
  const missing = referenced.filter((id) => !shared.has(id));
  if (missing.length > 0) {
    throw notFound(
      `file: ${missing.length} food${missing.length === 1 ? "" : "s"} the backup uses ${missing.length === 1 ? "is" : "are"} not in this database: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " …" : ""}`,
      "file",
    );
  }
  await checkRecipeFoods(db, ownerId, file.recipes, "file.recipes", ownCustom);
  for (const [index, plan] of file.plans.entries()) {
    await checkRecipeFoods(
      db,
      ownerId,
      plan.file.recipes ?? [],
      `file.plans.${index}.file.recipes`,
      ownCustom,
    );
    const preferences = plan.shopping.preferences;
    const days = plan.file.plan.dayCount;
    if (
      preferences &&
      ((preferences.fromDay ?? 1) > days ||
        (preferences.toDay ?? days) > days ||
        (preferences.fromDay ?? 1) > (preferences.toDay ?? days))
    ) {
      throw invalid(
        `file.plans.${index}.shopping.preferences: the range of days must lie within the plan's ${days} days, fromDay before toDay`,
        `file.plans.${index}.shopping.preferences`,
      );
    }
  }
}

type Connection = AppDatabase["$client"];

const INSERT_EXTRA_SQL = `INSERT INTO shopping_extras (id, plan_id, text, position) VALUES (?, ?, ?, ?)`;
const INSERT_MARK_SQL = `INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry)
  VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** The plan's eaters and supplement owners as this household's person ids. */
function planPeople(
  plan: BackupInput["plans"][number],
  personMap: Map<string, string>,
): PlanFilePeople | undefined {
  if (plan.eaters === undefined) return undefined;
  const mapped = (personId: string | null) =>
    personId === null ? null : (personMap.get(personId) ?? null);
  return {
    eaters: plan.eaters.flatMap((eater) => {
      const personId = personMap.get(eater.personId);
      return personId ? [{ personId, portionFactor: eater.portionFactor }] : [];
    }),
    supplementPersonIds: plan.supplementIds.map((_, index) =>
      mapped(plan.supplementPersonIds?.[index] ?? null),
    ),
  };
}

async function restorePlan(
  tx: AppDatabase,
  connection: Connection,
  ownerId: string,
  plan: BackupInput["plans"][number],
  portionsById: Map<string, PortionRow>,
  personMap: Map<string, string>,
  recipeIds: ReadonlyMap<string, string>,
  recipeLineIds: ReadonlyMap<string, string>,
): Promise<{ entries: number; supplements: number }> {
  // The file's schema holds it to the owner caps (plans, entries over all plans), and
  // checkReferences found every food it uses.
  const { id, supplementIds } = await insertPlanFile(tx, ownerId, plan.file, portionsById, {
    capsChecked: true,
    people: planPeople(plan, personMap),
    // A plan file carrying its own recipes (pasted from plans.export) makes its own.
    ...(plan.file.recipes === undefined ? { recipeIds } : {}),
  });
  const supplementMap = new Map(
    plan.supplementIds.map((oldId, index) => [oldId, supplementIds[index] ?? oldId]),
  );
  const extraMap = new Map(plan.shopping.extras.map((extra) => [extra.id, randomUUID()]));
  const preferences = plan.shopping.preferences;
  if (preferences) {
    // A file from before guests saved 1 person by default: now the plan's eaters count.
    const servings =
      preferences.guests === undefined && preferences.servings === 1 ? null : preferences.servings;
    tx.insert(shoppingPreferences)
      .values({ planId: id, ...preferences, servings, guests: preferences.guests ?? 0 })
      .run();
  }
  // One prepared statement per row: a restore at the caps writes ~290,000 marks, and
  // Drizzle's multi-row inserts spent most of the restore's time building their SQL.
  const insertExtra = connection.prepare(INSERT_EXTRA_SQL);
  plan.shopping.extras.forEach((extra, index) => {
    insertExtra.run(extraMap.get(extra.id) ?? randomUUID(), id, extra.text, index + 1);
  });
  const remap = (key: string): string | null => {
    const [kind, ...rest] = key.split(":");
    const old = rest.join(":");
    if (kind === "supplement") {
      const next = supplementMap.get(old);
      return next ? `supplement:${next}` : null;
    }
    if (kind === "extra") {
      const next = extraMap.get(old);
      return next ? `extra:${next}` : null;
    }
    if (kind === "recipe-line") {
      const next = recipeLineIds.get(old);
      return next ? `recipe-line:${next}` : null;
    }
    return key;
  };
  const insertMark = connection.prepare(INSERT_MARK_SQL);
  for (const mark of plan.shopping.marks) {
    const key = remap(mark.itemKey);
    if (key !== null) insertMark.run(id, key, mark.checked ? 1 : 0, mark.inPantry ? 1 : 0);
  }
  return { entries: plan.file.entries.length, supplements: supplementIds.length };
}

/**
 * The file's people in this household: the exporter's becomes the restoring account's
 * own person, a file person with a login takes over a member's person of the same name,
 * the rest replace the household's people without a login. Answers file id → person id.
 */
async function restorePeople(
  tx: Transaction,
  ownerId: string,
  file: BackupInput,
  viewer: Viewer,
): Promise<Map<string, string>> {
  const personMap = new Map<string, string>();
  const own = await ensureOwnPerson(tx, ownerId, viewer.accountId, viewer.role);
  if (file.people.length === 0) return personMap;
  const members = tx
    .select({ id: people.id, name: people.name, accountId: people.accountId })
    .from(people)
    .where(eq(people.householdId, ownerId))
    .all()
    .filter((person) => person.accountId !== null && person.id !== own.id);
  const taken = new Set<string>();
  const matchOf = (person: BackupInput["people"][number]): string | undefined => {
    if (person.exporter) return own.id;
    if (!person.hasLogin) return undefined;
    const key = person.name.trim().toLocaleLowerCase("en");
    return members.find(
      (member) => !taken.has(member.id) && member.name.trim().toLocaleLowerCase("en") === key,
    )?.id;
  };
  tx.delete(people)
    .where(and(eq(people.householdId, ownerId), isNull(people.accountId)))
    .run();
  const fresh: BackupInput["people"] = [];
  for (const person of file.people) {
    const match = matchOf(person);
    if (match === undefined) {
      fresh.push(person);
      continue;
    }
    taken.add(match);
    personMap.set(person.id, match);
    tx.update(people)
      .set({
        name: person.name,
        ...person.profile,
        isDefault: person.isDefault,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(people.id, match))
      .run();
  }
  // Members keep their people; with the file's others they must fit under the cap.
  const total = members.length + 1 + fresh.length;
  if (total > MAX_BACKUP_PEOPLE) {
    throw invalid(
      `file.people: with this household's ${members.length + 1} members the household would have ${total} people, more than ${MAX_BACKUP_PEOPLE}`,
      "file.people",
    );
  }
  const base = Date.now();
  fresh.forEach((person, index) => {
    const id = `person-${randomUUID()}`;
    personMap.set(person.id, id);
    tx.insert(people)
      .values({
        id,
        householdId: ownerId,
        name: person.name,
        ...person.profile,
        isDefault: person.isDefault,
        // In the file's order (people are listed by creation time).
        createdAt: new Date(base + index).toISOString(),
      })
      .run();
  });
  return personMap;
}

/** Replaces all of a household's data with a backup's, all or nothing. */
export async function restoreBackup(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
  viewer: Viewer,
): Promise<RestoreSummary> {
  await checkReferences(db, ownerId, file);
  // A restore at the caps touches ~100 MB of table and index pages: a larger page cache
  // for its one transaction keeps SQLite from spilling and re-reading them.
  const cacheSize = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma("cache_size = -131072");
  try {
    return await writeBackup(db, ownerId, file, viewer);
  } finally {
    db.$client.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

async function writeBackup(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
  viewer: Viewer,
): Promise<RestoreSummary> {
  return await write(db, async (tx) => {
    // Out with the old: plans first (their entries restrict custom foods), then recipes
    // (their lines restrict custom foods too).
    tx.delete(plans).where(eq(plans.ownerId, ownerId)).run();
    tx.delete(recipes).where(eq(recipes.ownerId, ownerId)).run();
    tx.delete(dietOverrides).where(eq(dietOverrides.ownerId, ownerId)).run();
    tx.delete(foods)
      .where(and(eq(foods.ownerId, ownerId), eq(foods.source, "custom")))
      .run();
    tx.delete(profiles).where(eq(profiles.ownerId, ownerId)).run();
    tx.delete(favoriteFoods).where(eq(favoriteFoods.ownerId, ownerId)).run();
    tx.delete(shoppingAisleChoices).where(eq(shoppingAisleChoices.ownerId, ownerId)).run();

    if (file.profile) await updateProfile(tx, ownerId, file.profile);
    if (file.household) {
      tx.update(owners).set({ name: file.household.name }).where(eq(owners.id, ownerId)).run();
    }
    const personMap = await restorePeople(tx, ownerId, file, viewer);
    createCustomFoodsWithIds(tx, ownerId, file.customFoods);
    bulkInsert(
      tx,
      dietOverrides,
      file.dietOverrides.map((override) => ({ ...override, ownerId })),
    );
    bulkInsert(
      tx,
      favoriteFoods,
      file.favoriteFoods.map((favorite) => ({
        ownerId,
        foodId: favorite.foodId,
        ...(favorite.createdAt ? { createdAt: favorite.createdAt } : {}),
      })),
    );
    bulkInsert(
      tx,
      shoppingAisleChoices,
      file.aisleChoices.map((choice) => ({ ownerId, ...choice })),
    );
    const recipeIds = await insertFileRecipes(tx, ownerId, file.recipes, {
      reuseIdentical: false,
      capsChecked: true,
    });
    const recipeLineIds = await recipeLineIdsByFileName(tx, recipeIds);
    // Portions looked up once for all plans (custom foods' portions exist by now).
    const portionsById = await lookupPortions(
      tx,
      file.plans.flatMap((plan) =>
        plan.file.entries.flatMap((entry) => (entry.portionId ? [entry.portionId] : [])),
      ),
    );
    let entries = 0;
    let supplements = 0;
    for (const plan of file.plans) {
      const counts = await restorePlan(
        tx,
        db.$client,
        ownerId,
        plan,
        portionsById,
        personMap,
        recipeIds,
        recipeLineIds,
      );
      entries += counts.entries;
      supplements += counts.supplements;
    }
    return {
      profile: file.profile !== null,
      people: file.people.length,
      customFoods: file.customFoods.length,
      dietOverrides: file.dietOverrides.length,
      plans: file.plans.length,
      entries,
      supplements,
      favoriteFoods: file.favoriteFoods.length,
      aisleChoices: file.aisleChoices.length,
      recipes: file.recipes.length,
    };
  });
}
