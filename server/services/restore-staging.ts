/**
 * What a staged restore (backup.restore, ./backup.ts) needs besides its own steps: a
 * per-household "restore in progress" mark, short transactions that give the event loop
 * back between them, and the deletion of a hidden owner's rows in bounded chunks.
 *
 * A restore writes the file's data under a staging owner (an `owners` row nobody is a
 * member of, so no request reads it), swaps it with the household's data in one short
 * transaction, and deletes the old data, now under a trash owner, in chunks. A process
 * killed on the way leaves such rows behind: they are invisible, and the next restore
 * (or `npm run db:setup` at start) deletes them. On SQLite one server process per
 * database file is assumed (a second process would see this one's live staging as a
 * leftover); on PostgreSQL the advisory locks below tell live from left over across
 * instances.
 *
 * A hidden owner's id is random and exactly as long as the household's: the swap changes
 * owner ids in place, and SQLite rewrites a row in place (only the changed page) when its
 * size stays the same, where a longer id made it copy every recipe's long steps and notes
 * (bench/results.md: the swap of an owner at every cap). An app_meta row
 * `restore-hidden:<id>` marks the owners row as hidden, written in the same transaction.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { AppDatabase } from "../../db/client";
import { databaseKey, dialectOf, write } from "../../db/dialect";
import { rawAll, rawGet, rawRun } from "../../db/raw";
import { AppError } from "../errors";

/** app_meta keys that mark an `owners` row as a restore's hidden owner (value: its kind). */
export const HIDDEN_KEY = "restore-hidden:";

export type HiddenKind = "staging" | "trash";

/** Rows per short transaction while writing or deleting: a few milliseconds each. */
export const CHUNK_ROWS = 2000;

/** Households with a restore under way, per database, with the hidden owners it uses. */
const active = new WeakMap<object, Map<string, Set<string>>>();

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

/*
 * PostgreSQL with several app instances: the in-process marks above see only this
 * instance's restores, so a restore also holds session advisory locks on a connection of
 * its own, which the server drops if the instance dies: one on the household (a second
 * restore anywhere gets CONFLICT, and every instance's mutation check sees it in pg_locks)
 * and one on each hidden owner it uses (a leftover clean-up elsewhere skips those).
 */
const HOUSEHOLD_LOCK = 0x42313252;
const HIDDEN_LOCK = 0x42313248;

/** A string's advisory-lock key: 31-bit FNV-1a (a collision only makes a lock shared). */
function lockKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}

/** A connection of its own from a PostgreSQL database's pool. */
async function ownConnection(db: AppDatabase): Promise<pg.PoolClient> {
  const pool = (db as unknown as { $client?: pg.Pool }).$client;
  if (!pool || typeof pool.connect !== "function") {
    throw new Error("restore: not the root PostgreSQL database (no pool)");
  }
  return await pool.connect();
}

async function tryLock(client: pg.PoolClient, space: number, key: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock($1, $2) AS locked",
    [space, lockKey(key)],
  );
  return result.rows[0]?.locked === true;
}

/** Whether a restore of this household is under way here or, on PostgreSQL, anywhere. */
export async function restoreInProgress(db: AppDatabase, ownerId: string): Promise<boolean> {
  if (activeOf(db).has(ownerId)) return true;
  if (dialectOf(db) === "sqlite") return false;
  const held = await rawGet(
    db,
    `SELECT 1 AS held FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::bigint::oid
       AND objid = ?::bigint::oid AND objsubid = 2 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [HOUSEHOLD_LOCK, lockKey(ownerId)],
  );
  return held !== undefined;
}

export type RestoreLock = {
  /** Marks a hidden owner id as this restore's (so a leftover clean-up leaves it alone). */
  use(hiddenOwnerId: string): Promise<void>;
  release(): Promise<void>;
};

/**
 * Marks the household as being restored, or CONFLICT if it already is (here, or on
 * PostgreSQL by another instance). The in-process mark is set before the first await.
 */
export async function beginRestore(db: AppDatabase, ownerId: string): Promise<RestoreLock> {
  const map = activeOf(db);
  if (map.has(ownerId)) throw new AppError("CONFLICT", RESTORE_IN_PROGRESS);
  const hidden = new Set<string>();
  map.set(ownerId, hidden);
  const forget = () => {
    if (map.get(ownerId) === hidden) map.delete(ownerId);
  };
  let client: pg.PoolClient | null = null;
  if (dialectOf(db) === "pg") {
    try {
      client = await ownConnection(db);
      if (!(await tryLock(client, HOUSEHOLD_LOCK, ownerId))) {
        throw new AppError("CONFLICT", RESTORE_IN_PROGRESS);
      }
    } catch (error) {
      client?.release();
      forget();
      throw error;
    }
  }
  return {
    use: async (id) => {
      hidden.add(id);
      await client?.query("SELECT pg_advisory_lock($1, $2)", [HIDDEN_LOCK, lockKey(id)]);
    },
    release: async () => {
      forget();
      if (!client) return;
      const own = client;
      client = null;
      try {
        await own.query("SELECT pg_advisory_unlock_all()");
        own.release();
      } catch (error) {
        // A connection that cannot unlock is closed: the server drops its locks.
        own.release(error as Error);
      }
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
  const leftovers: string[] = [];
  await eachLeftover(db, async (id) => {
    leftovers.push(id);
  });
  return leftovers;
}

/**
 * Runs `found` for each hidden owner no restore uses: not this process's, and on
 * PostgreSQL not locked by another instance's (held locked while `found` runs).
 */
async function eachLeftover(db: AppDatabase, found: (id: string) => Promise<void>): Promise<void> {
  const inUse = new Set([...activeOf(db).values()].flatMap((ids) => [...ids]));
  const candidates = (await listHiddenOwners(db))
    .map((owner) => owner.id)
    .filter((id) => !inUse.has(id));
  if (candidates.length === 0) return;
  if (dialectOf(db) === "sqlite") {
    for (const id of candidates) await found(id);
    return;
  }
  const client = await ownConnection(db);
  try {
    for (const id of candidates) {
      if (!(await tryLock(client, HIDDEN_LOCK, id))) continue;
      try {
        await found(id);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [HIDDEN_LOCK, lockKey(id)]);
      }
    }
  } finally {
    client.release();
  }
}

/** Deletes what killed restores left behind (invisible rows), in short transactions. */
export async function deleteRestoreLeftovers(db: AppDatabase): Promise<number> {
  let deleted = 0;
  await eachLeftover(db, async (id) => {
    await deleteHiddenOwner(db, id);
    deleted += 1;
  });
  return deleted;
}
