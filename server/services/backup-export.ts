/**
 * Backup export: everything of one household as one JSON document (docs/api.md, "Backup
 * files"; the format is server/schemas/backup.ts): its name, its people (profiles), the
 * owner's profile, custom foods, diet corrections, plans (entries, eaters, supplements with
 * their person) and their shopping state, favourite foods, shopping aisle choices and
 * recipes. Left out on purpose: accounts, sessions, household membership and invitations
 * (who may sign in, not the data), and the few-minute undo buffer of removed entries.
 * The restore is server/services/backup.ts.
 */

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { dialectOf, first } from "../../db/dialect";
import {
  dietOverrides,
  favoriteFoods,
  foodPortions,
  foods,
  owners,
  people,
  shoppingAisleChoices,
  shoppingExtras,
  shoppingMarks,
  shoppingPreferences,
} from "../../db/schema";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  MAX_BACKUP_MARKS,
} from "../schemas/backup";
import type { CustomFoodFields } from "../schemas/foods";
import { ensureOwnPerson, personProfile } from "./people";
import { exportPlan, listPlans, loadSupplements, storedEaters, type Viewer } from "./plans";
import { getProfile } from "./profile";
import { exportRecipes, recipeLineFileNames } from "./recipe-files";

type BackupInput = BackupFile;

async function customFoodsOf(
  db: AppDatabase,
  ownerId: string,
): Promise<BackupInput["customFoods"]> {
  const rows = await db
    .select()
    .from(foods)
    .where(and(eq(foods.ownerId, ownerId), eq(foods.source, "custom")))
    .orderBy(asc(foods.createdAt), asc(foods.id));
  const portions =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(foodPortions)
          .where(
            inArray(
              foodPortions.foodId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(foodPortions.foodId), asc(foodPortions.seq));
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
  // Ties in creation time by insertion order (SQLite's rowid); PostgreSQL has none: by id.
  const tieBreak = dialectOf(db) === "sqlite" ? sql`rowid` : asc(people.id);
  const rows = await db
    .select()
    .from(people)
    .where(eq(people.householdId, ownerId))
    .orderBy(asc(people.createdAt), tieBreak);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    hasLogin: row.accountId !== null,
    exporter: row.accountId === viewer.accountId,
    isDefault: row.isDefault,
    profile: personProfile(row),
  }));
}

/**
 * Everything of one household, as one JSON document (docs/api.md, "Backup files"), as it
 * was at one moment. The exporting account's own person is made first if it is missing
 * (the one write). Then, on PostgreSQL, every read runs in one REPEATABLE READ, READ ONLY
 * transaction: one snapshot, so an edit committed by another request or instance while the
 * export runs is wholly in the file or wholly not (a plan using a custom food made
 * meanwhile would otherwise come without that food, and the file would not restore). On
 * SQLite the reads are synchronous calls on the process's one connection with no I/O
 * between them, so no other request's write can land in between.
 */
export async function exportBackup(
  db: AppDatabase,
  ownerId: string,
  viewer: Viewer,
): Promise<BackupInput> {
  await ensureOwnPerson(db, ownerId, viewer.accountId, viewer.role);
  if (dialectOf(db) === "sqlite") return await readBackup(db, ownerId, viewer);
  return await db.transaction((tx) => readBackup(tx as unknown as AppDatabase, ownerId, viewer), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function readBackup(db: AppDatabase, ownerId: string, viewer: Viewer): Promise<BackupInput> {
  const { profile, isDefault } = await getProfile(db, ownerId);
  const lineNames = await recipeLineFileNames(db, ownerId);
  const household = await first(
    db.select({ name: owners.name }).from(owners).where(eq(owners.id, ownerId)),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    profile: isDefault ? null : profile,
    ...(household ? { household: { name: household.name } } : {}),
    people: await peopleOf(db, ownerId, viewer),
    customFoods: await customFoodsOf(db, ownerId),
    dietOverrides: await db
      .select({ foodId: dietOverrides.foodId, diet: dietOverrides.diet, note: dietOverrides.note })
      .from(dietOverrides)
      .where(eq(dietOverrides.ownerId, ownerId))
      .orderBy(asc(dietOverrides.foodId)),
    plans: await Promise.all(
      (await listPlans(db, ownerId)).reverse().map(async (plan) => {
        // Ticks on recipe lines listed as text: named by recipe and line (new ids after a
        // restore), for the recipes this plan's dishes use.
        const preferences = await first(
          db.select().from(shoppingPreferences).where(eq(shoppingPreferences.planId, plan.id)),
        );
        // The plan file's eaters (names) are for plan files; a backup names people by id.
        const { eaters: _byName, ...file } = await exportPlan(db, ownerId, plan.id);
        const supplements = await loadSupplements(db, plan.id);
        const supplementIds = supplements.map((supplement) => supplement.id);
        const extras = await db
          .select({ id: shoppingExtras.id, text: shoppingExtras.text })
          .from(shoppingExtras)
          .where(eq(shoppingExtras.planId, plan.id))
          .orderBy(asc(shoppingExtras.position));
        const marks = await db
          .select({
            itemKey: shoppingMarks.itemKey,
            checked: shoppingMarks.checked,
            inPantry: shoppingMarks.inPantry,
          })
          .from(shoppingMarks)
          .where(eq(shoppingMarks.planId, plan.id))
          .orderBy(asc(shoppingMarks.itemKey));
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
            marks: marks
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
    favoriteFoods: await db
      .select({ foodId: favoriteFoods.foodId, createdAt: favoriteFoods.createdAt })
      .from(favoriteFoods)
      .where(eq(favoriteFoods.ownerId, ownerId))
      .orderBy(asc(favoriteFoods.createdAt), asc(favoriteFoods.foodId)),
    aisleChoices: (await db
      .select({ foodId: shoppingAisleChoices.foodId, aisle: shoppingAisleChoices.aisle })
      .from(shoppingAisleChoices)
      .where(eq(shoppingAisleChoices.ownerId, ownerId))
      .orderBy(asc(shoppingAisleChoices.foodId))) as BackupInput["aisleChoices"],
    // Food names are left out as for entries (a restore looks foods up by id).
    recipes: (await exportRecipes(db, ownerId)).map((recipe) => ({
      ...recipe,
      ingredients: recipe.ingredients.map(({ foodName: _name, ...line }) => line),
    })),
  };
}
