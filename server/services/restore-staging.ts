/**
 * What a staged restore (backup.restore, ./backup.ts) needs besides its own steps: a
 * per-household "restore in progress" mark, short transactions that give the event loop
 * back between them, and the deletion of a hidden owner's rows in bounded chunks.
 *
 * A restore writes the file's data under a staging owner (an `owners` row nobody is a
 * member of, so no request reads it), swaps it with the household's data in one short
 * transaction, and deletes the old data, now under a trash owner, in chunks. A process
 * killed on the way leaves such rows behind: they are invisible, and the next restore
 * (or `npm run db:setup` at start) deletes them. One server process per database file
 * is assumed: a second process would see this one's live staging as a leftover.
 *
 * A hidden owner's id is random and exactly as long as the household's: the swap changes
 * owner ids in place, and SQLite rewrites a row in place (only the changed page) when its
 * size stays the same, where a longer id made it copy every recipe's long steps and notes
 * (bench/results.md: the swap of an owner at every cap). An app_meta row
 * `restore-hidden:<id>` marks the owners row as hidden, written in the same transaction.
 */
import { randomBytes } from "node:crypto";
import type { AppDatabase } from "../../db/client";
import { dialectOf, sqliteClient, write } from "../../db/dialect";
import { rawAll, rawGet, rawRun } from "../../db/raw";
import { AppError } from "../errors";

/** app_meta keys that mark an `owners` row as a restore's hidden owner (value: its kind). */
export const HIDDEN_KEY = "restore-hidden:";

export type HiddenKind = "staging" | "trash";

/** Rows per short transaction while writing or deleting: a few milliseconds each. */
export const CHUNK_ROWS = 2000;

/** Households with a restore under way, per database, with the hidden owners it uses. */
const active = new WeakMap<object, Map<string, Set<string>>>();

/** What identifies a database here: its better-sqlite3 connection, or its pool. */
function databaseKey(db: AppDatabase): object {
  if (dialectOf(db) === "sqlite") return sqliteClient(db);
  return (db as unknown as { $client?: object }).$client ?? db;
}

function activeOf(db: AppDatabase): Map<string, Set<string>> {
  const key = databaseKey(db);
  let map = active.get(key);
  if (!map) {
    map = new Map();
    active.set(key, map);
  }
  return map;
}

export const RESTORE_IN_PROGRESS =
  "A restore of this household's backup is in progress: try again when it has finished.";

/** Whether a restore of this household is under way (its writes wait for the end). */
export function restoreInProgress(db: AppDatabase, ownerId: string): boolean {
  return activeOf(db).has(ownerId);
}

export type RestoreLock = {
  /** Marks a hidden owner id as this restore's (so a leftover clean-up leaves it alone). */
  use(hiddenOwnerId: string): void;
  release(): void;
};

/** Marks the household as being restored, or CONFLICT if it already is. Synchronous. */
export function beginRestore(db: AppDatabase, ownerId: string): RestoreLock {
  const map = activeOf(db);
  if (map.has(ownerId)) throw new AppError("CONFLICT", RESTORE_IN_PROGRESS);
  const hidden = new Set<string>();
  map.set(ownerId, hidden);
  return {
    use: (id) => hidden.add(id),
    release: () => {
      if (map.get(ownerId) === hidden) map.delete(ownerId);
    },
  };
}

/** Gives the event loop back: other requests run here, between two short transactions. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Deletes, in chunks of child rows and then parents, everything a hidden owner has:
 * plans with their entries, dishes, supplements, eaters and shopping state; recipes and
 * their lines; diet corrections, favourites, aisle choices, profile; custom foods with
 * their portions; people; the owner row last. Each chunk is one short transaction.
 */
const PLAN_CHILDREN = [
  "plan_entries",
  "shopping_marks",
  "plan_recipes",
  "removed_plan_entries",
  "plan_supplements",
  "plan_eaters",
  "shopping_extras",
  "shopping_preferences",
];
const OWNED_BY_OWNER = [
  "diet_overrides",
  "favorite_foods",
  "shopping_aisle_choices",
  "profiles",
  "recipes",
  "plans",
];

/**
 * Statements that each delete one chunk of the owner's rows (`?` = the owner id), each
 * for SQLite (by rowid) and PostgreSQL (by ctid, the row's physical address).
 */
function deletionStatements(): { sqlite: string; pg: string }[] {
  const chunk = (table: string, where: string, rows = CHUNK_ROWS) => ({
    sqlite: `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${where} LIMIT ${rows})`,
    pg: `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${where} LIMIT ${rows})`,
  });
  const ofPlans = "plan_id IN (SELECT id FROM plans WHERE owner_id = ?)";
  return [
    ...PLAN_CHILDREN.map((table) => chunk(table, ofPlans)),
    chunk("recipe_ingredients", "recipe_id IN (SELECT id FROM recipes WHERE owner_id = ?)"),
    // Recipes and diet corrections carry long text (steps, notes): fewer per chunk.
    ...OWNED_BY_OWNER.map((table) => chunk(table, "owner_id = ?", table === "recipes" ? 25 : 500)),
    chunk("food_portions", "food_id IN (SELECT id FROM foods WHERE owner_id = ?)"),
    // Foods last of the owner's data: entries and recipe lines restrict their deletion.
    chunk("foods", "owner_id = ?", 200),
    chunk("people", "household_id = ?"),
  ];
}

/** Registers a new hidden owner (same length as the household's id), inside a transaction. */
export async function createHiddenOwner(
  tx: AppDatabase,
  householdId: string,
  kind: HiddenKind,
): Promise<string> {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (;;) {
    const bytes = randomBytes(householdId.length);
    const id = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
    if (
      id === householdId ||
      (await rawGet(tx, "SELECT 1 AS taken FROM owners WHERE id = ?", [id]))
    ) {
      continue;
    }
    await rawRun(tx, "INSERT INTO owners (id, name) VALUES (?, ?)", [
      id,
      `Restore of ${householdId} (${kind === "staging" ? "staging" : "old data"})`,
    ]);
    await rawRun(tx, "INSERT INTO app_meta (key, value) VALUES (?, ?)", [
      `${HIDDEN_KEY}${id}`,
      kind,
    ]);
    return id;
  }
}

/** Every hidden owner in the database, with its kind (staging or trash). */
export async function listHiddenOwners(
  db: AppDatabase,
): Promise<{ id: string; kind: HiddenKind }[]> {
  const rows = await rawAll<{ key: string; value: HiddenKind }>(
    db,
    "SELECT key, value FROM app_meta WHERE key LIKE ? ORDER BY key",
    [`${HIDDEN_KEY}%`],
  );
  return rows.map(({ key, value }) => ({ id: key.slice(HIDDEN_KEY.length), kind: value }));
}

/** Deletes a hidden (staging or trash) owner and all its rows, in short transactions. */
export async function deleteHiddenOwner(db: AppDatabase, ownerId: string): Promise<void> {
  const marked = await rawGet(db, "SELECT 1 AS marked FROM app_meta WHERE key = ?", [
    `${HIDDEN_KEY}${ownerId}`,
  ]);
  if (!marked) throw new Error(`not a restore's hidden owner: ${ownerId}`);
  for (const statement of deletionStatements()) {
    for (;;) {
      await pause();
      const changes = await write(db, ownerId, (tx) => rawRun(tx, statement, [ownerId]));
      if (changes === 0) break;
    }
  }
  await pause();
  await write(db, ownerId, async (tx) => {
    await rawRun(tx, "DELETE FROM owners WHERE id = ?", [ownerId]);
    await rawRun(tx, "DELETE FROM app_meta WHERE key = ?", [`${HIDDEN_KEY}${ownerId}`]);
  });
}

/** The hidden owners a killed restore left behind (not those of a restore under way here). */
export async function restoreLeftovers(db: AppDatabase): Promise<string[]> {
  const inUse = new Set([...activeOf(db).values()].flatMap((ids) => [...ids]));
  return (await listHiddenOwners(db)).map((owner) => owner.id).filter((id) => !inUse.has(id));
}

/** Deletes what killed restores left behind (invisible rows), in short transactions. */
export async function deleteRestoreLeftovers(db: AppDatabase): Promise<number> {
  const leftovers = await restoreLeftovers(db);
  for (const id of leftovers) await deleteHiddenOwner(db, id);
  return leftovers.length;
}
