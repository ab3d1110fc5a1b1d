/**
 * Evidence for docs/postgresql-design.md (finding 1 and "SQLite transactions under
 * await"), on an in-memory better-sqlite3 database through Drizzle, as the app uses it:
 *  1. Drizzle's SQLite query builders can be awaited and give the same results;
 *  2. an async callback passed to db.transaction() throws, and the statements it awaited
 *     still run afterwards, outside any transaction, and stay written;
 *  3. on one connection, a transaction opened by hand and held across an await takes in
 *     another request's write, which then rolls back with it.
 *
 *   npx tsx scripts/pg-groundwork/async-sqlite-hazards.ts
 */
import BetterSqlite3 from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const rows = sqliteTable("rows", { id: integer("id").primaryKey(), note: text("note") });
const client = new BetterSqlite3(":memory:");
const db = drizzle(client);
db.run(sql`CREATE TABLE rows (id integer PRIMARY KEY, note text)`);
const ids = () =>
  (client.prepare("SELECT id FROM rows ORDER BY id").all() as { id: number }[]).map((r) => r.id);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const inserted = await db.insert(rows).values({ id: 1, note: "awaited insert" });
  const selected = await db.select().from(rows);
  console.log("1. await insert ->", inserted, "; await select ->", selected);

  try {
    await db.transaction((async (tx: typeof db) => {
      await tx.insert(rows).values({ id: 2, note: "inside an async transaction callback" });
      await tx.insert(rows).values({ id: 3, note: "inside an async transaction callback" });
    }) as unknown as Parameters<typeof db.transaction>[0]);
  } catch (error) {
    console.log(`2. db.transaction(async …) threw: ${(error as Error).message}`);
  }
  await pause(5);
  console.log(`   rows now: ${ids().join(", ")} (2 and 3 were written outside any transaction)`);

  const heldTransaction = (async () => {
    client.exec("BEGIN IMMEDIATE");
    await db.insert(rows).values({ id: 10, note: "request A, in its transaction" });
    await pause(20); // anything awaited: another query, a fetch
    client.exec("ROLLBACK");
  })();
  const otherRequest = (async () => {
    await pause(5);
    await db.insert(rows).values({ id: 20, note: "request B, no transaction" });
  })();
  await Promise.all([heldTransaction, otherRequest]);
  console.log(
    `3. after A rolled back, rows: ${ids().join(", ")} (B's row 20 was lost with A's rollback)`,
  );
}

void main().finally(() => client.close());
