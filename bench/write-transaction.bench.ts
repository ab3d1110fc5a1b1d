/**
 * The cost of db/dialect.ts's write() (async transaction: queue, AsyncLocalStorage, the
 * event-loop guard's setImmediate + setTimeout) against Drizzle's synchronous
 * db.transaction(), for the same small write: one insert and one primary-key read.
 * Alternating blocks, so both see the same machine load.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "../db/client";
import { asSqlite, first, write } from "../db/dialect";
import { owners } from "../db/schema";
import { printTable, type Row, summarise } from "./stats";

export async function benchWriteTransaction(blocks = 10, perBlock = 300): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-write-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  migrateDatabase(db);
  const sync: number[] = [];
  const awaited: number[] = [];
  let n = 0;
  for (let block = 0; block < blocks; block += 1) {
    for (let i = 0; i < perBlock; i += 1) {
      const id = `sync-${n++}`;
      const started = performance.now();
      asSqlite(db).transaction((tx) => {
        tx.insert(owners).values({ id, name: id }).run();
        tx.select().from(owners).where(eq(owners.id, id)).get();
      });
      sync.push(performance.now() - started);
    }
    for (let i = 0; i < perBlock; i += 1) {
      const id = `async-${n++}`;
      const started = performance.now();
      await write(db, null, async (tx) => {
        await tx.insert(owners).values({ id, name: id });
        await first(tx.select().from(owners).where(eq(owners.id, id)));
      });
      awaited.push(performance.now() - started);
    }
  }
  db.$client.close();
  rmSync(directory, { recursive: true, force: true });
  return [
    ["db.transaction (synchronous)", sync],
    ["write() (asynchronous)", awaited],
  ].map(([what, samples]) => {
    const stats = summarise(samples as number[]);
    return { what: what as string, n: stats.n, "p50 ms": stats.p50, "p95 ms": stats.p95 };
  });
}

if (process.argv[1]?.endsWith("write-transaction.bench.ts")) {
  void benchWriteTransaction().then((rows) =>
    printTable("One insert + one read in a transaction: synchronous vs write()", rows),
  );
}
