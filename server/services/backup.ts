/**
 * Backup and restore of all of one person's data: profile, custom foods, diet
 * corrections, plans (entries, supplements) and their shopping state, favourite foods
 * and shopping aisle choices. Left out on purpose: accounts, sessions, household
 * membership and invitations (who may see the data, not the data), and the few-minute
 * undo buffer of removed entries.
 *
 * A restore replaces the person's data in one transaction, after checking the whole
 * file: a custom food id taken by another food, a plan referring to a food this
 * database does not have, or shopping settings outside a plan's days reject the file
 * and change nothing. Plans, supplements and extras get new ids (shopping ticks follow
 * them); custom foods keep theirs, so the plans that use them still do.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import {
  dietOverrides,
  favoriteFoods,
  foodGroups,
  foodPortions,
  foods,
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
} from "../schemas/backup";
import type { CustomFoodFields } from "../schemas/foods";
import { createCustomFoodsWithIds } from "./foods";
import {
  exportPlan,
  insertPlanFile,
  listPlans,
  loadSupplements,
  lookupPortions,
  type PortionRow,
  type Transaction,
} from "./plans";
import { getProfile, updateProfile } from "./profile";
import { checkRecipeFoods, exportRecipes, insertFileRecipes } from "./recipe-files";

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

/** Everything of one owner, as one JSON document (docs/api.md, "Backup files"). */
export function exportBackup(db: AppDatabase, ownerId: string): BackupInput {
  const { profile, isDefault } = getProfile(db, ownerId);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    profile: isDefault ? null : profile,
    customFoods: customFoodsOf(db, ownerId),
    dietOverrides: db
      .select({ foodId: dietOverrides.foodId, diet: dietOverrides.diet, note: dietOverrides.note })
      .from(dietOverrides)
      .where(eq(dietOverrides.ownerId, ownerId))
      .orderBy(asc(dietOverrides.foodId))
      .all(),
    plans: listPlans(db, ownerId)
      .reverse()
      .map((plan) => {
        const preferences = db
          .select()
          .from(shoppingPreferences)
          .where(eq(shoppingPreferences.planId, plan.id))
          .get();
        const file = exportPlan(db, ownerId, plan.id);
        const supplementIds = loadSupplements(db, plan.id).map((supplement) => supplement.id);
        const extras = db
          .select({ id: shoppingExtras.id, text: shoppingExtras.text })
          .from(shoppingExtras)
          .where(eq(shoppingExtras.planId, plan.id))
          .orderBy(asc(shoppingExtras.position))
          .all();
        // Only the marks of items the list can show (a removed food's tick stays in the
        // database but not in the file), so a plan's marks never pass MAX_BACKUP_MARKS.
        const { recipes: _recipes, ...planFile } = file;
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
          shopping: {
            preferences: preferences
              ? {
                  servings: preferences.servings,
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
              .filter((mark) => liveItems.has(mark.itemKey))
              .slice(0, MAX_BACKUP_MARKS),
            extras,
          },
        };
      }),
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
    recipes: exportRecipes(db, ownerId).map((recipe) => ({
      ...recipe,
      ingredients: recipe.ingredients.map(({ foodName: _name, ...line }) => line),
    })),
  };
}

export type RestoreSummary = {
  profile: boolean;
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
function checkReferences(db: AppDatabase, ownerId: string, file: BackupInput): void {
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
  checkRecipeFoods(db, ownerId, file.recipes, "file.recipes", ownCustom);
  file.plans.forEach((plan, index) => {
    checkRecipeFoods(
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
  });
}

type Connection = AppDatabase["$client"];

const INSERT_EXTRA_SQL = `INSERT INTO shopping_extras (id, plan_id, text, position) VALUES (?, ?, ?, ?)`;
const INSERT_MARK_SQL = `INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry)
  VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`;

function restorePlan(
  tx: Transaction,
  connection: Connection,
  ownerId: string,
  plan: BackupInput["plans"][number],
  portionsById: Map<string, PortionRow>,
  recipeIds: ReadonlyMap<string, string>,
): { entries: number; supplements: number } {
  // The file's schema holds it to the owner caps (plans, entries over all plans), and
  // checkReferences found every food it uses.
  const { id, supplementIds } = insertPlanFile(tx, ownerId, plan.file, portionsById, {
    capsChecked: true,
    // A plan file carrying its own recipes (pasted from plans.export) makes its own.
    ...(plan.file.recipes === undefined ? { recipeIds } : {}),
  });
  const supplementMap = new Map(
    plan.supplementIds.map((oldId, index) => [oldId, supplementIds[index] ?? oldId]),
  );
  const extraMap = new Map(plan.shopping.extras.map((extra) => [extra.id, randomUUID()]));
  if (plan.shopping.preferences) {
    tx.insert(shoppingPreferences)
      .values({ planId: id, ...plan.shopping.preferences })
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
    return key;
  };
  const insertMark = connection.prepare(INSERT_MARK_SQL);
  for (const mark of plan.shopping.marks) {
    const key = remap(mark.itemKey);
    if (key !== null) insertMark.run(id, key, mark.checked ? 1 : 0, mark.inPantry ? 1 : 0);
  }
  return { entries: plan.file.entries.length, supplements: supplementIds.length };
}

/** Replaces all of an owner's data with a backup's, all or nothing. */
export function restoreBackup(db: AppDatabase, ownerId: string, file: BackupInput): RestoreSummary {
  checkReferences(db, ownerId, file);
  // A restore at the caps touches ~100 MB of table and index pages: a larger page cache
  // for its one transaction keeps SQLite from spilling and re-reading them.
  const cacheSize = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma("cache_size = -131072");
  try {
    return writeBackup(db, ownerId, file);
  } finally {
    db.$client.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

function writeBackup(db: AppDatabase, ownerId: string, file: BackupInput): RestoreSummary {
  return db.transaction((tx) => {
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

    if (file.profile) updateProfile(tx, ownerId, file.profile);
    createCustomFoodsWithIds(tx, ownerId, file.customFoods);
    if (file.dietOverrides.length > 0) {
      tx.insert(dietOverrides)
        .values(file.dietOverrides.map((override) => ({ ...override, ownerId })))
        .run();
    }
    if (file.favoriteFoods.length > 0) {
      tx.insert(favoriteFoods)
        .values(
          file.favoriteFoods.map((favorite) => ({
            ownerId,
            foodId: favorite.foodId,
            ...(favorite.createdAt ? { createdAt: favorite.createdAt } : {}),
          })),
        )
        .run();
    }
    if (file.aisleChoices.length > 0) {
      tx.insert(shoppingAisleChoices)
        .values(file.aisleChoices.map((choice) => ({ ownerId, ...choice })))
        .run();
    }
    const recipeIds = insertFileRecipes(tx, ownerId, file.recipes, {
      reuseIdentical: false,
      capsChecked: true,
    });
    // Portions looked up once for all plans (custom foods' portions exist by now).
    const portionsById = lookupPortions(
      tx,
      file.plans.flatMap((plan) =>
        plan.file.entries.flatMap((entry) => (entry.portionId ? [entry.portionId] : [])),
      ),
    );
    let entries = 0;
    let supplements = 0;
    for (const plan of file.plans) {
      const counts = restorePlan(tx, db.$client, ownerId, plan, portionsById, recipeIds);
      entries += counts.entries;
      supplements += counts.supplements;
    }
    return {
      profile: file.profile !== null,
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
