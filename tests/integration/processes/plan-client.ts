/**
 * A separate OS process that opens the shared database file through the app's own client
 * (`openDatabase`: WAL, busy timeout) and works on one plan through the tRPC caller, the
 * path an HTTP request takes. Given a postgres:// URL instead of a file, it opens its own
 * pool on that database: another app instance. Used by tests/integration/concurrency.test.ts.
 *
 *   node --import tsx plan-client.ts <database> <planId> writer <ops> <seed>
 *   node --import tsx plan-client.ts <database> <planId> reader
 *
 * Waits for "go" on stdin so all processes start together; a reader reads until "stop".
 * Prints one JSON line: what it did and every error it saw (message and SQLite code).
 */
import { createInterface } from "node:readline";
import { type AppDatabase, openDatabase } from "../../../db/client";
import { isPostgresUrl } from "../../../db/database-url";
import { openPostgres } from "../../../db/pg-client";
import { MEALS } from "../../../server/domain/vocabulary";
import { createInnerContext } from "../../../server/trpc/init";
import { createCaller } from "../../../server/trpc/root";

const [databasePath = "", planId = "", role = "writer", opsArg = "50", seedArg = "1"] =
  process.argv.slice(2);
const onPostgres = isPostgresUrl(databasePath);
const db: AppDatabase = onPostgres
  ? (openPostgres(databasePath, { max: 3 }) as unknown as AppDatabase)
  : openDatabase(databasePath);
const close = async () => {
  const client = (db as unknown as { $client: { close?: () => void; end?: () => Promise<void> } })
    .$client;
  if (onPostgres) await client.end?.();
  else client.close?.();
};
const api = createCaller(createInnerContext({ db }));
const FOODS = ["sr28-16139", "sr28-01129", "sr28-01079", "sr28-08013", "sr28-13327"];

let seed = Number(seedArg);
/** A small deterministic generator (mulberry32). */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const errors: string[] = [];
function record(error: unknown): void {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: string }).code;
  errors.push(`${code ?? ""} ${String(cause)}`.trim());
}

let stopped = false;
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => {
  lines.on("line", (line) => {
    if (line === "go") resolve();
    if (line === "stop") stopped = true;
  });
});

async function writer(ops: number) {
  const own: string[] = [];
  let added = 0;
  let removed = 0;
  let copied = 0;
  let updated = 0;
  for (let op = 1; op <= ops; op += 1) {
    try {
      if (op % 20 === 0) {
        const result = await api.plans.copyDay({
          planId,
          fromDay: 1,
          toDays: [3 + Math.floor(random() * 5)],
        });
        copied += result.copiedEntries;
      } else if (op % 6 === 0 && own.length > 0) {
        const entryId = own.splice(Math.floor(random() * own.length), 1)[0] ?? "";
        await api.plans.removeEntry({ entryId });
        removed += 1;
      } else if (op % 4 === 0 && own.length > 0) {
        await api.plans.updateEntry({ entryId: pick(own), grams: 10 + Math.floor(random() * 300) });
        updated += 1;
      } else {
        const { id } = await api.plans.addEntry({
          planId,
          day: 1 + Math.floor(random() * 2),
          meal: pick(MEALS),
          foodId: pick(FOODS),
          grams: 10 + Math.floor(random() * 300),
        });
        own.push(id);
        added += 1;
      }
    } catch (error) {
      record(error);
    }
  }
  return { role: "writer", added, removed, copied, updated, errors };
}

async function reader() {
  let reads = 0;
  let inconsistent = 0;
  while (!stopped) {
    try {
      const [totals, plan] = await Promise.all([
        api.plans.totals({ planId }),
        api.plans.get({ planId }),
      ]);
      if (!(totals.entryCount >= 0) || plan.entries.length !== plan.entryCount) inconsistent += 1;
      reads += 2;
    } catch (error) {
      record(error);
    }
    // Let the event loop see "stop" on stdin.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { role: "reader", reads, inconsistent, errors };
}

async function main() {
  process.stdout.write("ready\n");
  await go;
  const result = role === "reader" ? await reader() : await writer(Number(opsArg));
  await close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  lines.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
