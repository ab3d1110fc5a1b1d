/**
 * The asynchronous data layer's two primitives that Drizzle does not give on
 * better-sqlite3 (issue 17, docs/postgresql-design.md section 2):
 *
 *  - `write(db, run)`: a transaction whose callback may `await`. better-sqlite3's own
 *    `transaction()` refuses a callback that returns a promise, and Drizzle's builders run
 *    when awaited, i.e. after that refusal, outside any transaction
 *    (scripts/pg-groundwork/async-sqlite-hazards.ts). `write` opens the transaction by hand:
 *    `BEGIN IMMEDIATE` (the write lock at BEGIN, see db/client.ts), awaits the callback,
 *    then `COMMIT`, or `ROLLBACK` and rethrow if it threw.
 *  - `first(query)`: the first row or undefined (what `.get()` gave), awaitable.
 *
 * Why one connection is enough on SQLite. An awaited Drizzle statement on better-sqlite3
 * runs synchronously inside `then()` and resolves in a microtask. A `write` callback that
 * awaits only database work therefore runs from BEGIN to COMMIT without giving the event
 * loop a turn: no other request's code (a macrotask: an HTTP request, a timer, I/O) can run
 * in between, so no other request's statement can land inside this transaction and none
 * of ours can land outside it. Two `write` calls that do overlap (both started in the same
 * macrotask, e.g. `Promise.all`) are queued per connection, so the second begins after the
 * first has committed and sees its rows.
 *
 * The danger is a callback that awaits something that is not the database (a timer, a
 * file, a fetch): the event loop turns while the transaction is open, another request's
 * autocommit statement joins it and is rolled back with it. The guard: `write` schedules
 * a `setImmediate` and a zero `setTimeout` at BEGIN and cancels both at the end; if
 * either fired, the event loop turned while the transaction was open. Outside production
 * that fails the transaction (rolled back, `WriteGuardError`), so tests find the bug; in
 * production it is logged and the transaction ends as it would have (rolling back
 * would also lose whatever another request wrote into it). Because of this guard the
 * design's second, read-only connection is not needed on SQLite (see the design doc).
 *
 * Nesting: a `write` inside a `write` on the same connection (found with
 * AsyncLocalStorage) becomes a SAVEPOINT: its throw rolls back only its own work, and the
 * outer transaction continues if the outer callback catches it.
 *
 * Inside a `write`, use the `tx` it passes (on SQLite it is the same connection, on
 * PostgreSQL it is the transaction's own pooled client).
 *
 * On PostgreSQL (issue 17) `write(db, household, run)` is drizzle's transaction (READ
 * COMMITTED) whose first statement is `UPDATE owners SET data_version = data_version + 1
 * WHERE id = household`: a row lock that serialises the household's writers for the rest of
 * the transaction, whichever app instance they run on (positions, caps and read-then-write
 * checks stay exact, as SQLite's single writer keeps them), and a version every instance
 * reads to key its caches (server/services/plans/totals.ts). A deadlock or serialisation
 * failure (40P01, 40001) reruns the whole callback, at most three times. Nested writes are
 * savepoints on both dialects.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type BetterSqlite3 from "better-sqlite3";
import { is, sql } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import { type PgDatabase, PgSelectBase } from "drizzle-orm/pg-core";
import { BaseSQLiteDatabase, SQLiteSelectBase } from "drizzle-orm/sqlite-core";
import type { SqliteDatabase } from "./client";
import type { Dialect } from "./database-url";

/**
 * What services accept: the database typed as PostgreSQL's (db/schema.ts explains why).
 * At run time either drizzle's better-sqlite3 database or its node-postgres one.
 */
export type AppDatabase = PgDatabase<NodePgQueryResultHKT>;

/** What a `write` callback receives: on SQLite the connection itself, inside BEGIN. */
export type Tx = AppDatabase;

/** The dialect a database (or a transaction of it) speaks. */
export function dialectOf(db: AppDatabase | SqliteDatabase): Dialect {
  return is(db, BaseSQLiteDatabase) ? "sqlite" : "pg";
}

/** The SQLite view of a database; throws on PostgreSQL (for SQLite-only code paths). */
export function asSqlite(db: AppDatabase | SqliteDatabase): SqliteDatabase {
  if (!is(db, BaseSQLiteDatabase)) {
    throw new Error("this code path runs on SQLite only, and the database is PostgreSQL");
  }
  return db as unknown as SqliteDatabase;
}

/**
 * What identifies a database for a per-process cache or mark: its better-sqlite3
 * connection, or its node-postgres pool, the same inside write() as outside. (A cache of
 * data a transaction may change must still not store what it reads inside one:
 * `insideTransaction`, as the totals cache does.)
 */
export function databaseKey(db: AppDatabase): object {
  if (is(db, BaseSQLiteDatabase)) return sqliteClient(db);
  // Inside write() on PostgreSQL the transaction has its own pooled client: key it as the
  // database it belongs to, as SQLite's one connection already is.
  const scope = pgScopes.getStore();
  const root = scope !== undefined && scope.tx === db ? scope.root : db;
  return (root as unknown as { $client?: object }).$client ?? root;
}

/** The better-sqlite3 connection of a SQLite database; throws on PostgreSQL. */
export function sqliteClient(db: AppDatabase | SqliteDatabase): BetterSqlite3.Database {
  return asSqlite(db).$client;
}

/** Thrown (outside production) when a `write` callback let the event loop turn. */
export class WriteGuardError extends Error {
  constructor() {
    super(
      "write(): the transaction stayed open across an event-loop turn: its callback awaited " +
        "something that is not the database (a timer, I/O, a fetch). Another request could " +
        "have run inside it. Do that work before or after write(); the transaction was rolled back.",
    );
    this.name = "WriteGuardError";
  }
}

export type WriteGuardMode = "throw" | "log";
let guardMode: WriteGuardMode = process.env.NODE_ENV === "production" ? "log" : "throw";

/** How the guard reacts; "throw" outside production, "log" in production. */
export function setWriteGuardMode(mode: WriteGuardMode): WriteGuardMode {
  const previous = guardMode;
  guardMode = mode;
  return previous;
}

/** A first-come mutex: `acquire` is synchronous when free (no microtask spent). */
class Lock {
  private busy = false;
  private readonly waiters: (() => void)[] = [];

  acquire(): Promise<void> | undefined {
    if (!this.busy) {
      this.busy = true;
      return undefined;
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }
}

type Scope = { client: BetterSqlite3.Database; depth: number; lock: Lock };

const scopes = new AsyncLocalStorage<Scope>();
const connectionLocks = new WeakMap<BetterSqlite3.Database, Lock>();
type Control = {
  begin: BetterSqlite3.Statement;
  commit: BetterSqlite3.Statement;
  rollback: BetterSqlite3.Statement;
};
const controls = new WeakMap<BetterSqlite3.Database, Control>();

function controlOf(client: BetterSqlite3.Database): Control {
  let control = controls.get(client);
  if (!control) {
    control = {
      begin: client.prepare("BEGIN IMMEDIATE"),
      commit: client.prepare("COMMIT"),
      rollback: client.prepare("ROLLBACK"),
    };
    controls.set(client, control);
  }
  return control;
}

function lockOf(client: BetterSqlite3.Database): Lock {
  let lock = connectionLocks.get(client);
  if (!lock) {
    lock = new Lock();
    connectionLocks.set(client, lock);
  }
  return lock;
}

/**
 * Runs `run` in a write transaction (a savepoint when nested) on behalf of `household`
 * (the owners row whose data it changes, or null when it changes no household's data); see
 * the file comment.
 */
export async function write<T>(
  db: AppDatabase,
  household: string | null,
  run: (tx: Tx) => T | Promise<T>,
): Promise<T> {
  if (!is(db, BaseSQLiteDatabase)) return await writePg(db, household, run);
  const client = sqliteClient(db);
  const outer = scopes.getStore();
  const nested = outer !== undefined && outer.client === client;
  const lock = nested ? outer.lock : lockOf(client);
  const waiting = lock.acquire();
  if (waiting) await waiting;
  try {
    return nested ? await inSavepoint(db, outer.depth + 1, run) : await inTransaction(db, run);
  } finally {
    lock.release();
  }
}

async function inTransaction<T>(db: AppDatabase, run: (tx: Tx) => T | Promise<T>): Promise<T> {
  const client = sqliteClient(db);
  if (client.inTransaction) {
    throw new Error(
      "write(): the connection is already inside a transaction not opened by write() " +
        "(a synchronous db.transaction() or a BEGIN by hand); nest write() calls instead",
    );
  }
  const control = controlOf(client);
  control.begin.run();
  let turned = false;
  const onTurn = () => {
    turned = true;
  };
  const immediate = setImmediate(onTurn);
  const timeout = setTimeout(onTurn, 0);
  let result: T;
  try {
    result = await scopes.run({ client, depth: 0, lock: new Lock() }, () => run(db));
  } catch (error) {
    clearImmediate(immediate);
    clearTimeout(timeout);
    if (client.inTransaction) control.rollback.run();
    if (turned) reportTurn();
    throw error;
  }
  clearImmediate(immediate);
  clearTimeout(timeout);
  if (turned && guardMode === "throw") {
    if (client.inTransaction) control.rollback.run();
    throw new WriteGuardError();
  }
  if (turned) reportTurn();
  try {
    control.commit.run();
  } catch (error) {
    if (client.inTransaction) control.rollback.run();
    throw error;
  }
  return result;
}

async function inSavepoint<T>(
  db: AppDatabase,
  depth: number,
  run: (tx: Tx) => T | Promise<T>,
): Promise<T> {
  const client = sqliteClient(db);
  const name = `write_${depth}`;
  client.exec(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await scopes.run({ client, depth, lock: new Lock() }, () => run(db));
  } catch (error) {
    if (client.inTransaction) client.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    throw error;
  }
  client.exec(`RELEASE ${name}`);
  return result;
}

function reportTurn(): void {
  if (guardMode === "log") {
    console.error(
      "write(): a transaction stayed open across an event-loop turn (its callback awaited " +
        "something that is not the database); another request could have run inside it",
    );
  }
}

/** Whether the caller runs inside a `write` on this database (its connection, or its pool). */
export function inWrite(db: AppDatabase): boolean {
  if (!is(db, BaseSQLiteDatabase)) {
    const scope = pgScopes.getStore();
    return scope !== undefined && (scope.root === db || scope.tx === db);
  }
  return scopes.getStore()?.client === sqliteClient(db);
}

type PgScope = { root: AppDatabase; tx: AppDatabase };
const pgScopes = new AsyncLocalStorage<PgScope>();
/** Deadlock and serialisation failure: the transaction may simply be run again. */
const RETRYABLE = new Set(["40P01", "40001"]);
const PG_ATTEMPTS = 3;

async function writePg<T>(
  db: AppDatabase,
  household: string | null,
  run: (tx: Tx) => T | Promise<T>,
): Promise<T> {
  const scope = pgScopes.getStore();
  if (scope && (scope.root === db || scope.tx === db)) {
    // Nested: a savepoint inside the open transaction, on its client.
    return await scope.tx.transaction(async (savepoint) =>
      pgScopes.run({ root: scope.root, tx: savepoint as unknown as AppDatabase }, () =>
        run(savepoint as unknown as AppDatabase),
      ),
    );
  }
  if (household === null) return await transactionPg(db, household, run);
  return await inHouseholdQueue(db, household, () => transactionPg(db, household, run));
}

/**
 * This process's writers of one household, one at a time, before each takes a pooled
 * connection. The row lock alone would serialise them too, but each waiter would hold a
 * connection while it waits: a burst of writes to one household (50 parallel adds) then
 * empties the pool, and every other request, reads included, fails with node-postgres'
 * "timeout exceeded when trying to connect". Other instances still queue on the row lock.
 */
type HouseholdQueue = { lock: Lock; users: number };
const householdQueues = new WeakMap<object, Map<string, HouseholdQueue>>();

async function inHouseholdQueue<T>(
  db: AppDatabase,
  household: string,
  run: () => Promise<T>,
): Promise<T> {
  let queues = householdQueues.get(db);
  if (!queues) {
    queues = new Map();
    householdQueues.set(db, queues);
  }
  let queue = queues.get(household);
  if (!queue) {
    queue = { lock: new Lock(), users: 0 };
    queues.set(household, queue);
  }
  queue.users += 1;
  try {
    const waiting = queue.lock.acquire();
    if (waiting) await waiting;
    try {
      return await run();
    } finally {
      queue.lock.release();
    }
  } finally {
    queue.users -= 1;
    if (queue.users === 0) queues.delete(household);
  }
}

async function transactionPg<T>(
  db: AppDatabase,
  household: string | null,
  run: (tx: Tx) => T | Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(async (tx) => {
        if (household !== null) {
          await tx.execute(
            sql`UPDATE owners SET data_version = data_version + 1 WHERE id = ${household}`,
          );
        }
        const scoped = tx as unknown as AppDatabase;
        return await pgScopes.run({ root: db, tx: scoped }, () => run(scoped));
      });
    } catch (error) {
      const code = (error as { code?: unknown; cause?: { code?: unknown } } | null) ?? {};
      const sqlState = code.code ?? code.cause?.code;
      if (attempt < PG_ATTEMPTS && typeof sqlState === "string" && RETRYABLE.has(sqlState)) {
        continue;
      }
      throw error;
    }
  }
}

/**
 * The one row a write with `returning` gives (an insert always returns its row): what
 * `.returning().get()` was typed as. Throws if there is none.
 */
export async function one<R>(query: PromiseLike<R[]>): Promise<R> {
  const [row] = await query;
  if (row === undefined) throw new Error("one(): the statement returned no row");
  return row;
}

/**
 * The first row of a query, or undefined: the awaitable `.get()`. A select is limited to
 * one row (as `.get()` stepped once); anything else (an insert, update or delete with
 * `returning`; SQLite's update and delete also have a `limit` that must not be touched)
 * is awaited whole.
 */
export async function first<R>(query: PromiseLike<R[]>): Promise<R | undefined> {
  const rows =
    is(query, SQLiteSelectBase) || is(query, PgSelectBase)
      ? await (query as unknown as { limit: (count: number) => PromiseLike<R[]> }).limit(1)
      : await query;
  return rows[0];
}
