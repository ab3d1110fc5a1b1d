/**
 * Backup restore: replaces all of one household's data with a backup file's (the file is
 * made by server/services/backup-export.ts; its format is server/schemas/backup.ts).
 *
 * People are matched, not copied blindly: the file's person of the exporting account
 * becomes the restoring account's own person (which stays linked to that account), a
 * file person who signed in is matched by name to a member's person of this household,
 * and everyone else (children, people without a login) replaces this household's
 * people without a login. A file without people (from before people) leaves them as
 * they are.
 *
 * All or nothing. The whole file is checked first: a custom food id taken by another
 * food, a plan referring to a food this database does not have, or shopping settings
 * outside a plan's days reject the file and change nothing. The file is then written under
 * a hidden staging owner in short transactions (other requests run in between) and swapped
 * in by one transaction, so the household sees its old data or the file's, never a mix;
 * the old data is deleted afterwards, in chunks (server/services/restore-staging.ts).
 * Plans, supplements and extras get new ids (shopping ticks follow them); custom foods
 * keep theirs, so the plans that use them still do.
 */

import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { dialectOf, sqliteClient, write } from "../../db/dialect";
import { rawRun, sqliteStatement } from "../../db/raw";
import {
  dietOverrides,
  favoriteFoods,
  foodGroups,
  foodPortions,
  foods,
  owners,
  people,
  shoppingAisleChoices,
  shoppingExtras,
  shoppingPreferences,
} from "../../db/schema";
import { AppError, invalid, notFound } from "../errors";
import { type BackupFile, MAX_BACKUP_PEOPLE } from "../schemas/backup";
import { insertRows } from "./bulk-insert";
import { customFoodValues, customPortions, storeFoodSearchTokens } from "./foods";
import { ensureOwnPerson } from "./people";
import {
  insertPlanFile,
  lookupPortions,
  type PlanFilePeople,
  type PortionRow,
  type Viewer,
} from "./plans";
import { updateProfile } from "./profile";
import { checkRecipeFoods, insertFileRecipes, recipeLineIdsByFileName } from "./recipe-files";
import {
  beginRestore,
  CHUNK_ROWS,
  createHiddenOwner,
  deleteHiddenOwner,
  deleteRestoreLeftovers,
  HIDDEN_KEY,
  pause,
  type RestoreLock,
} from "./restore-staging";

type BackupInput = BackupFile;

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
    const taken = (
      await db
        .select({ id: foods.id, ownerId: foods.ownerId })
        .from(foods)
        .where(inArray(foods.id, customIds))
    ).filter((row) => row.ownerId !== ownerId);
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
      (
        await db
          .select({ code: foodGroups.code })
          .from(foodGroups)
          .where(inArray(foodGroups.code, groups))
      ).map((row) => row.code),
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
    for (const row of await db
      .select({ id: foods.id })
      .from(foods)
      .where(and(inArray(foods.id, chunk), isNull(foods.ownerId)))) {
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

type Plan = BackupInput["plans"][number];

const INSERT_EXTRA_SQL = `INSERT INTO shopping_extras (id, plan_id, text, position) VALUES (?, ?, ?, ?)`;
const INSERT_MARK_SQL = `INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry)
  VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`;
/** PostgreSQL: a chunk of marks in one statement, one array per column. */
const INSERT_MARKS_PG = `INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry)
  SELECT * FROM unnest(?::text[], ?::text[], ?::boolean[], ?::boolean[]) ON CONFLICT DO NOTHING`;

/**
 * Writes shopping marks, in the caller's transaction: on SQLite one prepared statement
 * per row (a restore at the caps writes ~45,000 marks, and Drizzle's multi-row inserts
 * spent most of the restore's time building their SQL), on PostgreSQL one statement.
 */
async function insertMarks(tx: AppDatabase, marks: readonly MarkRow[]): Promise<void> {
  if (marks.length === 0) return;
  if (dialectOf(tx) === "sqlite") {
    const statement = sqliteStatement(tx, INSERT_MARK_SQL);
    for (const mark of marks) statement.run(...mark);
    return;
  }
  await rawRun(tx, INSERT_MARKS_PG, [
    marks.map((mark) => mark[0]),
    marks.map((mark) => mark[1]),
    marks.map((mark) => mark[2] === 1),
    marks.map((mark) => mark[3] === 1),
  ]);
}

/** A plan's shopping extras, in the caller's transaction. */
async function insertExtras(
  tx: AppDatabase,
  rows: readonly { id: string; planId: string; text: string; position: number }[],
): Promise<void> {
  if (dialectOf(tx) === "sqlite") {
    const statement = sqliteStatement(tx, INSERT_EXTRA_SQL);
    for (const row of rows) statement.run(row.id, row.planId, row.text, row.position);
    return;
  }
  await insertRows(tx, shoppingExtras, rows);
}

/** The plan's eaters and supplement owners as this household's person ids. */
function planPeople(plan: Plan, personMap: Map<string, string>): PlanFilePeople | undefined {
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

/** What the file's recipes became: recipe ids by key, recipe-line ids by file name. */
type StagedRecipes = { recipeIds: Map<string, string>; recipeLineIds: Map<string, string> };

type MarkRow = readonly [string, string, number, number];

/**
 * Writes one plan of the file under the staging owner (with its entries, dishes,
 * supplements, eaters, shopping preferences and extras), in the caller's transaction;
 * answers its shopping marks as rows still to write.
 */
async function writePlan(
  tx: AppDatabase,
  stagingId: string,
  plan: Plan,
  portionsById: Map<string, PortionRow>,
  personMap: Map<string, string>,
  { recipeIds, recipeLineIds }: StagedRecipes,
): Promise<{ entries: number; supplements: number; marks: MarkRow[] }> {
  // The file's schema holds it to the owner caps (plans, entries over all plans), and
  // checkReferences found every food it uses.
  const { id, supplementIds } = await insertPlanFile(tx, stagingId, plan.file, portionsById, {
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
    await tx
      .insert(shoppingPreferences)
      .values({ planId: id, ...preferences, servings, guests: preferences.guests ?? 0 });
  }
  await insertExtras(
    tx,
    plan.shopping.extras.map((extra, index) => ({
      id: extraMap.get(extra.id) ?? randomUUID(),
      planId: id,
      text: extra.text,
      position: index + 1,
    })),
  );
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
  const marks = plan.shopping.marks.flatMap((mark) => {
    const key = remap(mark.itemKey);
    return key === null ? [] : [[id, key, mark.checked ? 1 : 0, mark.inPantry ? 1 : 0] as const];
  });
  return { entries: plan.file.entries.length, supplements: supplementIds.length, marks };
}

/** Rows a plan of the file writes (its size for one short transaction). */
function planRows(plan: Plan): number {
  return (
    1 +
    plan.file.entries.length +
    (plan.file.dishes ?? []).length +
    (plan.file.supplements ?? []).length +
    (plan.eaters ?? []).length +
    plan.shopping.extras.length +
    plan.shopping.marks.length
  );
}

/**
 * Writes the file's plans under the staging owner: small plans several to a short
 * transaction (about CHUNK_ROWS rows), a large one alone (a plan holds at most 5,600
 * entries) with its shopping marks CHUNK_ROWS at a time after it.
 */
async function stagePlans(
  db: AppDatabase,
  stagingId: string,
  plans: readonly Plan[],
  portionsById: Map<string, PortionRow>,
  personMap: Map<string, string>,
  recipes: StagedRecipes,
): Promise<{ entries: number; supplements: number }> {
  let entries = 0;
  let supplements = 0;
  const writeOne = async (tx: AppDatabase, plan: Plan) => {
    const counts = await writePlan(tx, stagingId, plan, portionsById, personMap, recipes);
    entries += counts.entries;
    supplements += counts.supplements;
    return counts.marks;
  };
  let batch: Plan[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const plansNow = batch;
    batch = [];
    rows = 0;
    await pause();
    await write(db, stagingId, async (tx) => {
      for (const plan of plansNow) await insertMarks(tx, await writeOne(tx, plan));
    });
  };
  for (const plan of plans) {
    const size = planRows(plan);
    if (size <= CHUNK_ROWS) {
      if (rows + size > CHUNK_ROWS) await flush();
      batch.push(plan);
      rows += size;
      continue;
    }
    await flush();
    await pause();
    const marks = await write(db, stagingId, (tx) => writeOne(tx, plan));
    for (let start = 0; start < marks.length; start += CHUNK_ROWS) {
      await pause();
      await write(db, stagingId, (tx) => insertMarks(tx, marks.slice(start, start + CHUNK_ROWS)));
    }
  }
  await flush();
  return { entries, supplements };
}

/**
 * How the file's people land in this household: the exporter's becomes the restoring
 * account's own person, a file person with a login takes over a member's person of the
 * same name (updated at the swap), the rest are new people that replace the household's
 * people without a login. `personMap` answers file id → person id.
 */
type PeoplePlan = {
  personMap: Map<string, string>;
  matched: { id: string; person: BackupInput["people"][number] }[];
  fresh: { id: string; person: BackupInput["people"][number] }[];
  /** False for a file from before people: the household's people stay as they are. */
  replace: boolean;
};

async function planPeopleRestore(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
  viewer: Viewer,
): Promise<PeoplePlan> {
  const personMap = new Map<string, string>();
  const own = await write(db, ownerId, (tx) =>
    ensureOwnPerson(tx, ownerId, viewer.accountId, viewer.role),
  );
  if (file.people.length === 0) return { personMap, matched: [], fresh: [], replace: false };
  const members = (
    await db
      .select({ id: people.id, name: people.name, accountId: people.accountId })
      .from(people)
      .where(eq(people.householdId, ownerId))
  ).filter((person) => person.accountId !== null && person.id !== own.id);
  const taken = new Set<string>();
  const matchOf = (person: BackupInput["people"][number]): string | undefined => {
    if (person.exporter) return own.id;
    if (!person.hasLogin) return undefined;
    const key = person.name.trim().toLocaleLowerCase("en");
    return members.find(
      (member) => !taken.has(member.id) && member.name.trim().toLocaleLowerCase("en") === key,
    )?.id;
  };
  const matched: PeoplePlan["matched"] = [];
  const fresh: PeoplePlan["fresh"] = [];
  for (const person of file.people) {
    const match = matchOf(person);
    const id = match ?? `person-${randomUUID()}`;
    personMap.set(person.id, id);
    if (match === undefined) {
      fresh.push({ id, person });
    } else {
      taken.add(match);
      matched.push({ id, person });
    }
  }
  // Members keep their people; with the file's others they must fit under the cap.
  const total = members.length + 1 + fresh.length;
  if (total > MAX_BACKUP_PEOPLE) {
    throw invalid(
      `file.people: with this household's ${members.length + 1} members the household would have ${total} people, more than ${MAX_BACKUP_PEOPLE}`,
      "file.people",
    );
  }
  return { personMap, matched, fresh, replace: true };
}

/**
 * The file's custom foods keep their ids. Those this household has already (restoring
 * its own backup) are not written twice: the staged rows refer to the existing food row,
 * whose fields and portions the swap replaces in place; portions the existing food lacks
 * are staged on a placeholder food of the staging owner until then. The others are new
 * rows of the staging owner.
 */
type FoodsPlan = {
  reused: BackupInput["customFoods"];
  fresh: BackupInput["customFoods"];
  /** Every portion of the file's custom foods, as the file has them. */
  portions: Map<string, PortionRow>;
  ids: Set<string>;
  createdAt: Map<string, string>;
  /** The existing foods the file changes, and what of them. */
  changes: Map<string, { fields: boolean; portions: boolean }>;
};

async function planFoodsRestore(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
): Promise<FoodsPlan> {
  const ids = new Set(file.customFoods.map((food) => food.id));
  const existing = new Set<string>();
  const list = [...ids];
  for (let start = 0; start < list.length; start += 500) {
    for (const row of await db
      .select({ id: foods.id })
      .from(foods)
      .where(and(inArray(foods.id, list.slice(start, start + 500)), eq(foods.ownerId, ownerId)))) {
      existing.add(row.id);
    }
  }
  const portions = new Map<string, PortionRow>();
  for (const food of file.customFoods) {
    for (const portion of customPortions(food.id, food.fields)) portions.set(portion.id, portion);
  }
  // In the file's order (custom foods are listed by creation time).
  const base = Date.now() - file.customFoods.length;
  const createdAt = new Map(
    file.customFoods.map((food, index) => [food.id, new Date(base + index).toISOString()]),
  );
  const reused = file.customFoods.filter((food) => existing.has(food.id));
  return {
    reused,
    fresh: file.customFoods.filter((food) => !existing.has(food.id)),
    portions,
    ids,
    createdAt,
    changes: await changedFoods(db, reused),
  };
}

/**
 * Which existing custom foods the file changes (label fields, portions): only those are
 * written at the swap. Restoring a recent backup of one's own changes few or none.
 */
async function changedFoods(
  db: AppDatabase,
  reused: BackupInput["customFoods"],
): Promise<Map<string, { fields: boolean; portions: boolean }>> {
  const changes = new Map<string, { fields: boolean; portions: boolean }>();
  for (let start = 0; start < reused.length; start += 200) {
    await pause();
    const chunk = reused.slice(start, start + 200);
    const ids = chunk.map((food) => food.id);
    const rows = new Map(
      (await db.select().from(foods).where(inArray(foods.id, ids))).map(
        (row) => [row.id, row as Record<string, unknown>] as const,
      ),
    );
    const stored = new Map<string, string[]>();
    for (const portion of await db
      .select()
      .from(foodPortions)
      .where(inArray(foodPortions.foodId, ids))
      .orderBy(asc(foodPortions.foodId), asc(foodPortions.seq))) {
      const list = stored.get(portion.foodId) ?? [];
      list.push(JSON.stringify(portion));
      stored.set(portion.foodId, list);
    }
    for (const { id, fields } of chunk) {
      const row = rows.get(id);
      const fieldsChanged =
        !row || Object.entries(customFoodValues(fields)).some(([key, value]) => row[key] !== value);
      const wanted = customPortions(id, fields).map((portion) => JSON.stringify(portion));
      const portionsChanged = JSON.stringify(wanted) !== JSON.stringify(stored.get(id) ?? []);
      if (fieldsChanged || portionsChanged) {
        changes.set(id, { fields: fieldsChanged, portions: portionsChanged });
      }
    }
  }
  return changes;
}

/** Replaces all of a household's data with a backup's, all or nothing (docs/api.md). */
export async function restoreBackup(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
  viewer: Viewer,
): Promise<RestoreSummary> {
  const lock = await beginRestore(db, ownerId);
  // The body's JSON.parse and the schema check ran just now, without a break.
  await pause();
  // A restore at the caps touches ~100 MB of table and index pages: a larger page cache
  // keeps SQLite from spilling and re-reading them (PostgreSQL's is the server's).
  const sqlite = dialectOf(db) === "sqlite" ? sqliteClient(db) : null;
  const cacheSize = sqlite?.pragma("cache_size", { simple: true }) as number | undefined;
  sqlite?.pragma("cache_size = -131072");
  try {
    await checkReferences(db, ownerId, file);
    const peoplePlan = await planPeopleRestore(db, ownerId, file, viewer);
    await deleteRestoreLeftovers(db);
    return await stageAndSwap(db, ownerId, file, peoplePlan, lock);
  } finally {
    await lock.release();
    sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

async function stageAndSwap(
  db: AppDatabase,
  ownerId: string,
  file: BackupInput,
  peoplePlan: PeoplePlan,
  lock: RestoreLock,
): Promise<RestoreSummary> {
  // Short transactions from here: a held-up process leaves only hidden rows.
  await pause();
  // Marked as this restore's before it commits (another instance's clean-up skips it).
  const stagingId = await write(db, ownerId, async (tx) => {
    const id = await createHiddenOwner(tx, ownerId, "staging");
    await lock.use(id);
    return id;
  });
  let counts: Awaited<ReturnType<typeof stage>>;
  try {
    counts = await stage(db, ownerId, stagingId, file, peoplePlan);
  } catch (error) {
    await deleteHiddenOwner(db, stagingId);
    throw error;
  }
  await pause();
  let trashId: string;
  try {
    trashId = await swap(db, ownerId, stagingId, counts, file, peoplePlan, lock);
  } catch (error) {
    await deleteHiddenOwner(db, stagingId);
    throw error;
  }
  // The household shows the file's data from here on; the old data goes in chunks.
  await deleteHiddenOwner(db, trashId);
  return {
    profile: file.profile !== null,
    people: file.people.length,
    customFoods: file.customFoods.length,
    dietOverrides: file.dietOverrides.length,
    plans: file.plans.length,
    entries: counts.entries,
    supplements: counts.supplements,
    favoriteFoods: file.favoriteFoods.length,
    aisleChoices: file.aisleChoices.length,
    recipes: file.recipes.length,
  };
}

/** Slices of a list, `size` at a time, each after a pause (one short transaction each). */
async function inChunks<T>(
  list: readonly T[],
  size: number,
  writeChunk: (chunk: readonly T[]) => unknown,
): Promise<void> {
  for (let start = 0; start < list.length; start += size) {
    await pause();
    await writeChunk(list.slice(start, start + size));
  }
}

/** Text of recipes written in one short transaction (see stage). */
const RECIPE_CHUNK_CHARS = 256 * 1024;

/** Writes the whole file under the staging owner, in short transactions. */
async function stage(
  db: AppDatabase,
  ownerId: string,
  stagingId: string,
  file: BackupInput,
  peoplePlan: PeoplePlan,
): Promise<{ entries: number; supplements: number; placeholder: string; foodsPlan: FoodsPlan }> {
  const foodsPlan = await planFoodsRestore(db, ownerId, file);
  const placeholder = `custom-${randomUUID()}`;
  await write(db, ownerId, async (tx) => {
    // Holds the portions the household's existing custom foods lack until the swap.
    await tx.insert(foods).values({
      id: placeholder,
      source: "custom",
      ownerId: stagingId,
      name: "Restore placeholder",
      diet: "vegan",
      dietReason: "restore placeholder",
      b12Fortified: false,
    });
    if (file.profile) await updateProfile(tx, stagingId, file.profile);
    const base = Date.now();
    for (const [index, { id, person }] of peoplePlan.fresh.entries()) {
      await tx.insert(people).values({
        id,
        householdId: stagingId,
        name: person.name,
        ...person.profile,
        isDefault: person.isDefault,
        // In the file's order (people are listed by creation time).
        createdAt: new Date(base + index).toISOString(),
      });
    }
  });
  await inChunks(foodsPlan.fresh, 200, (chunk) =>
    write(db, ownerId, async (tx) => {
      await insertRows(
        tx,
        foods,
        chunk.map(({ id, fields }) => ({
          id,
          source: "custom" as const,
          ownerId: stagingId,
          searchKeywords: "",
          ...customFoodValues(fields),
          createdAt: foodsPlan.createdAt.get(id),
        })),
      );
      await insertRows(
        tx,
        foodPortions,
        chunk.flatMap(({ id, fields }) => customPortions(id, fields)),
      );
      // PostgreSQL's search reads stored tokens (SQLite's FTS5 triggers need nothing).
      await storeFoodSearchTokens(
        tx,
        chunk.map(({ id }) => id),
      );
    }),
  );
  // Portions of the existing foods that the database lacks: on the placeholder for now
  // (seq below -10^12 on SQLite, -2·10^9 on PostgreSQL's 4-byte integer: unique, and never
  // a real food's nor a seq the swap's clearing sets).
  const stagedSeq = dialectOf(db) === "sqlite" ? -1e12 : -2e9;
  const wanted = foodsPlan.reused
    .filter((food) => foodsPlan.changes.get(food.id)?.portions)
    .flatMap(({ id, fields }) => customPortions(id, fields));
  const present = new Set<string>();
  let staged = 0;
  for (let start = 0; start < wanted.length; start += 500) {
    for (const row of await db
      .select({ id: foodPortions.id })
      .from(foodPortions)
      .where(
        inArray(
          foodPortions.id,
          wanted.slice(start, start + 500).map((portion) => portion.id),
        ),
      )) {
      present.add(row.id);
    }
  }
  await inChunks(
    wanted.filter((portion) => !present.has(portion.id)),
    CHUNK_ROWS,
    (chunk) =>
      write(db, ownerId, (tx) =>
        insertRows(
          tx,
          foodPortions,
          chunk.map((portion) => ({ ...portion, foodId: placeholder, seq: stagedSeq - staged++ })),
        ),
      ),
  );
  const withOwner = <T extends object>(rows: readonly T[]) =>
    rows.map((row) => ({ ...row, ownerId: stagingId }));
  await inChunks(file.dietOverrides, CHUNK_ROWS, (chunk) =>
    write(db, ownerId, (tx) => insertRows(tx, dietOverrides, withOwner(chunk))),
  );
  await inChunks(file.favoriteFoods, CHUNK_ROWS, (chunk) =>
    write(db, ownerId, (tx) =>
      insertRows(
        tx,
        favoriteFoods,
        chunk.map((favorite) => ({
          ownerId: stagingId,
          foodId: favorite.foodId,
          ...(favorite.createdAt ? { createdAt: favorite.createdAt } : {}),
        })),
      ),
    ),
  );
  await inChunks(file.aisleChoices, CHUNK_ROWS, (chunk) =>
    write(db, ownerId, (tx) => insertRows(tx, shoppingAisleChoices, withOwner(chunk))),
  );
  // Recipes in groups of about CHUNK_ROWS lines or RECIPE_CHUNK_CHARS of text (steps,
  // notes and lines at their longest make a recipe ~40 KB).
  const known = { foods: foodsPlan.ids, portions: foodsPlan.portions };
  const recipes: StagedRecipes = { recipeIds: new Map(), recipeLineIds: new Map() };
  const groups: BackupInput["recipes"][] = [];
  let lines = CHUNK_ROWS;
  let chars = 0;
  for (const recipe of file.recipes) {
    if (lines >= CHUNK_ROWS || chars >= RECIPE_CHUNK_CHARS) {
      groups.push([]);
      lines = 0;
      chars = 0;
    }
    groups[groups.length - 1]?.push(recipe);
    lines += recipe.ingredients.length + 1;
    chars +=
      (recipe.steps?.length ?? 0) +
      (recipe.notes?.length ?? 0) +
      recipe.ingredients.reduce((sum, line) => sum + line.text.length + 100, 0);
  }
  for (const group of groups) {
    await pause();
    const ids = await write(db, ownerId, (tx) =>
      insertFileRecipes(tx, stagingId, group, { reuseIdentical: false, capsChecked: true, known }),
    );
    for (const [key, id] of ids) recipes.recipeIds.set(key, id);
    await pause();
    for (const [name, id] of await recipeLineIdsByFileName(db, ids))
      recipes.recipeLineIds.set(name, id);
  }
  // Portions as the file has them for its custom foods, as the database has them else
  // (looked up a plan at a time).
  const portionsById = new Map(foodsPlan.portions);
  for (const plan of file.plans) {
    await pause();
    const found = await lookupPortions(
      db,
      plan.file.entries.flatMap((entry) =>
        entry.portionId && !portionsById.has(entry.portionId) ? [entry.portionId] : [],
      ),
    );
    for (const [id, portion] of found) {
      if (!foodsPlan.ids.has(portion.foodId)) portionsById.set(id, portion);
    }
  }
  const counts = await stagePlans(
    db,
    stagingId,
    file.plans,
    portionsById,
    peoplePlan.personMap,
    recipes,
  );
  return { ...counts, placeholder, foodsPlan };
}

/** Owner columns a swap moves: table, column. */
const OWNED: [string, string][] = [
  ["plans", "owner_id"],
  ["recipes", "owner_id"],
  ["diet_overrides", "owner_id"],
  ["favorite_foods", "owner_id"],
  ["shopping_aisle_choices", "owner_id"],
  ["profiles", "owner_id"],
];

/**
 * The one short transaction readers see: the household's data moves to the trash owner,
 * the staged data takes the household's id, the existing custom foods the file keeps
 * take the file's fields and portions, matched people take the file's profiles.
 */
async function swap(
  db: AppDatabase,
  ownerId: string,
  stagingId: string,
  { placeholder, foodsPlan }: { placeholder: string; foodsPlan: FoodsPlan },
  file: BackupInput,
  peoplePlan: PeoplePlan,
  lock: RestoreLock,
): Promise<string> {
  const sqlite = dialectOf(db) === "sqlite";
  /** A list of ids as a parameter: JSON text for json_each on SQLite, an array on PostgreSQL. */
  const idList = (ids: readonly string[]) => (sqlite ? JSON.stringify(ids) : [...ids]);
  const keptIds = idList(foodsPlan.reused.map((food) => food.id));
  return await write(db, ownerId, async (tx) => {
    const trashId = await createHiddenOwner(tx, ownerId, "trash");
    await lock.use(trashId);
    const moveOwned = async (from: string, to: string) => {
      for (const [table, column] of OWNED) {
        await rawRun(tx, `UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`, [to, from]);
      }
    };
    await moveOwned(ownerId, trashId);
    await rawRun(
      tx,
      {
        sqlite: `UPDATE foods SET owner_id = ? WHERE owner_id = ? AND source = 'custom'
           AND id NOT IN (SELECT value FROM json_each(?))`,
        pg: `UPDATE foods SET owner_id = ? WHERE owner_id = ? AND source = 'custom'
           AND NOT (id = ANY(?::text[]))`,
      },
      [trashId, ownerId, keptIds],
    );
    if (peoplePlan.replace) {
      await rawRun(
        tx,
        "UPDATE people SET household_id = ? WHERE household_id = ? AND account_id IS NULL",
        [trashId, ownerId],
      );
    }
    // The existing custom foods the file keeps: its fields, its portions (the old ones it
    // lacks go to the placeholder, now in the trash). Their seqs are cleared first to
    // values unique over every food (the unique (food_id, seq) index): -rowid on SQLite;
    // on PostgreSQL, which has no rowid, -(10,000 × the food's turn + seq), above the
    // placeholder's staged seqs (a custom food has at most 21 portions).
    const now = new Date().toISOString();
    let turn = 0;
    for (const { id, fields } of foodsPlan.reused) {
      const change = foodsPlan.changes.get(id);
      if (change === undefined) continue;
      if (change.fields) {
        await tx
          .update(foods)
          .set({ ...customFoodValues(fields), updatedAt: now })
          .where(eq(foods.id, id));
        await storeFoodSearchTokens(tx, [id]);
      }
      if (!change.portions) continue;
      const portions = customPortions(id, fields);
      turn += 1;
      if (sqlite) await rawRun(tx, "UPDATE food_portions SET seq = -rowid WHERE food_id = ?", [id]);
      else {
        await rawRun(tx, "UPDATE food_portions SET seq = -(? * 10000 + seq) WHERE food_id = ?", [
          turn,
          id,
        ]);
      }
      await rawRun(
        tx,
        {
          sqlite: `UPDATE food_portions SET food_id = ? WHERE food_id = ?
             AND id NOT IN (SELECT value FROM json_each(?))`,
          pg: `UPDATE food_portions SET food_id = ? WHERE food_id = ?
             AND NOT (id = ANY(?::text[]))`,
        },
        [placeholder, id, idList(portions.map((portion) => portion.id))],
      );
      for (const portion of portions) {
        await rawRun(
          tx,
          `UPDATE food_portions SET food_id = ?, seq = ?, amount = ?, unit = ?, label = ?, grams = ?
             WHERE id = ?`,
          [id, portion.seq, portion.amount, portion.unit, portion.label, portion.grams, portion.id],
        );
      }
    }
    await rawRun(tx, "UPDATE foods SET owner_id = ? WHERE id = ?", [trashId, placeholder]);
    await moveOwned(stagingId, ownerId);
    await rawRun(tx, "UPDATE foods SET owner_id = ? WHERE owner_id = ?", [ownerId, stagingId]);
    await rawRun(tx, "UPDATE people SET household_id = ? WHERE household_id = ?", [
      ownerId,
      stagingId,
    ]);
    for (const { id, person } of peoplePlan.matched) {
      await tx
        .update(people)
        .set({ name: person.name, ...person.profile, isDefault: person.isDefault, updatedAt: now })
        .where(eq(people.id, id));
    }
    if (file.household) {
      await tx.update(owners).set({ name: file.household.name }).where(eq(owners.id, ownerId));
    }
    await tx.delete(owners).where(eq(owners.id, stagingId));
    await rawRun(tx, "DELETE FROM app_meta WHERE key = ?", [`${HIDDEN_KEY}${stagingId}`]);
    return trashId;
  });
}
