/**
 * Several app instances on one database (issue 17, "Tests and CI"): two app processes
 * (tests/integration/processes/app-server.ts: the real tRPC router over HTTP, each with its
 * own connection pool and its own totals cache) on one PostgreSQL database, writers and
 * readers on both.
 *
 *  1. Turn by turn: a write on one instance, then plans.totals on the OTHER equals the
 *     total written out by hand from the foods' B12 per 100 g (SR28: egg 0.89 µg, clams
 *     11.28 µg; a custom food of 2 µg per 100 g serving). A stale per-process cache fails it.
 *  2. At once: two writer loops per instance add entries to one plan (and extras, custom
 *     foods) while each instance's reader polls totals. Every read starts after some
 *     writes have been answered and must count at least those; no call fails (no 5xx);
 *     afterwards the entry count, the B12 total and the extras and custom foods match what
 *     was written, and positions within the meal are unique.
 *
 * The same checks run on SQLite too (two processes on one WAL file), which the app has
 * always supported: the PostgreSQL half needs `npm run test:pg` (B12_PG_TEST_URL), or alone
 * `npx tsx scripts/pg-cluster.ts run -- sh -c 'B12_PG_TEST_URL=$DATABASE_URL DATABASE_URL= npx vitest run tests/integration/pg-instances.test.ts'`.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/dialect";
import { importFoodDatabasePg } from "@/db/import/import-foods-pg";
import { migratePostgres, openPostgres, type PostgresDatabase } from "@/db/pg-client";
import { rawAll } from "@/db/raw";
import { createTestDatabase, importSources } from "../factories/database";
import { createScratchDatabase, onPostgres, postgresTitle } from "../pg-scratch";
import { type AppInstance, call, startAppInstance } from "./app-instance";

const EGG = "sr28-01123"; // Egg, whole, raw, fresh: 0.89 µg B12 per 100 g
const CLAMS = "sr28-15157"; // Mollusks, clam, mixed species, raw: 11.28 µg per 100 g
const WRITER_LOOPS = 2;
const ADDS_PER_LOOP = 15;

type Totals = { entryCount: number; days: { foodB12Micrograms: number }[] };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function ok<T>(answer: Promise<Awaited<ReturnType<typeof call>>>): Promise<T> {
  const result = await answer;
  if (result.status !== 200) {
    throw new Error(`HTTP ${result.status}: ${result.error?.message ?? "no message"}`);
  }
  return result.data as T;
}

async function exercise(instances: [AppInstance, AppInstance], db: AppDatabase): Promise<void> {
  const [a, b] = instances;
  const mutate = <T>(on: AppInstance, procedure: string, input: unknown) =>
    ok<T>(call(on.baseUrl, procedure, input, { mutation: true }));
  const totals = (on: AppInstance, planId: string) =>
    ok<Totals>(call(on.baseUrl, "plans.totals", { planId }));
  const day1 = (value: Totals) => value.days[0]?.foodB12Micrograms ?? Number.NaN;

  // 1. Turn by turn, each write read back on the other instance.
  const { id: planId } = await mutate<{ id: string }>(a, "plans.create", {
    name: "Shared by two instances",
    dayCount: 1,
  });
  expect(day1(await totals(b, planId))).toBe(0);
  const egg = await mutate<{ id: string }>(a, "plans.addEntry", {
    planId,
    day: 1,
    meal: "breakfast",
    foodId: EGG,
    grams: 100,
  });
  expect(day1(await totals(b, planId))).toBeCloseTo(0.89, 6);
  await mutate(b, "plans.addEntry", { planId, day: 1, meal: "lunch", foodId: CLAMS, grams: 50 });
  expect(day1(await totals(a, planId))).toBeCloseTo(0.89 + 5.64, 6);
  const custom = await mutate<{ id: string }>(a, "foods.createCustom", {
    name: "Drink of instance A",
    servingGrams: 100,
    b12: { micrograms: 2 },
    diet: "vegan",
    fortified: true,
  });
  await mutate(b, "plans.addEntry", {
    planId,
    day: 1,
    meal: "dinner",
    foodId: custom.id,
    grams: 100,
  });
  expect(day1(await totals(a, planId))).toBeCloseTo(0.89 + 5.64 + 2, 6);
  await mutate(b, "plans.removeEntry", { entryId: egg.id });
  expect(day1(await totals(a, planId))).toBeCloseTo(5.64 + 2, 6);
  await mutate(a, "plans.updateEntry", { entryId: egg.id, grams: 10 }).then(
    () => expect.unreachable("the entry was removed on the other instance"),
    (error: Error) => expect(error.message).toMatch(/^HTTP 404/),
  );

  // 2. At once: writer loops on both instances, a reader on each.
  const { id: busyPlan } = await mutate<{ id: string }>(b, "plans.create", {
    name: "Busy",
    dayCount: 1,
  });
  let answered = 0;
  let writing = true;
  const problems: string[] = [];
  const writer = async (on: AppInstance, foodId: string, loop: number) => {
    for (let i = 0; i < ADDS_PER_LOOP; i += 1) {
      await mutate(on, "plans.addEntry", {
        planId: busyPlan,
        day: 1,
        meal: "snack",
        foodId,
        grams: 100,
      });
      answered += 1;
      if (i % 5 === 0) {
        await mutate(on, "shopping.addExtra", {
          planId: busyPlan,
          text: `extra ${foodId} ${loop} ${i}`,
        });
        await mutate(on, "foods.createCustom", {
          name: `Custom ${foodId} ${loop} ${i}`,
          servingGrams: 50,
          b12: { micrograms: 1 },
          diet: "vegan",
          fortified: false,
        });
      }
    }
  };
  const reader = async (on: AppInstance) => {
    let reads = 0;
    let last = 0;
    while (writing || reads === 0) {
      const atLeast = answered;
      const { entryCount } = await totals(on, busyPlan);
      if (entryCount < atLeast) problems.push(`read ${entryCount} entries after ${atLeast} adds`);
      if (entryCount < last) problems.push(`entry count went back from ${last} to ${entryCount}`);
      last = entryCount;
      reads += 1;
    }
    return reads;
  };
  const readers = [reader(a), reader(b)];
  await Promise.all(
    Array.from({ length: WRITER_LOOPS }, (_, loop) => [
      writer(a, EGG, loop),
      writer(b, CLAMS, loop),
    ]).flat(),
  );
  writing = false;
  const reads = await Promise.all(readers);
  expect(problems).toEqual([]);
  expect(Math.min(...reads)).toBeGreaterThan(0);

  const adds = WRITER_LOOPS * ADDS_PER_LOOP; // per instance
  for (const on of [a, b]) {
    const final = await totals(on, busyPlan);
    expect(final.entryCount).toBe(2 * adds);
    // 30 eggs (0.89 µg) and 30 servings of clams (11.28 µg), 100 g each.
    expect(day1(final)).toBeCloseTo(30 * 0.89 + 30 * 11.28, 6);
    const list = await ok<{ extras: unknown[] }>(
      call(on.baseUrl, "shopping.list", { planId: busyPlan }),
    );
    expect(list.extras).toHaveLength(2 * WRITER_LOOPS * 3);
  }
  const duplicates = await rawAll(
    db,
    `SELECT meal, position, count(*) AS n FROM plan_entries WHERE plan_id = ?
      GROUP BY meal, position HAVING count(*) > 1`,
    [busyPlan],
  );
  expect(duplicates).toEqual([]);
  const customs = await rawAll<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM foods WHERE owner_id = 'local' AND name LIKE 'Custom %'`,
    [],
  );
  expect(Number(customs[0]?.n)).toBe(2 * WRITER_LOOPS * 3);
  for (const instance of instances) expect(instance.stderr()).not.toMatch(/^(5xx|503) /m);
}

describe("two app instances on one SQLite file", () => {
  it("lose nothing and never serve stale totals", async () => {
    const test = createTestDatabase();
    cleanups.push(() => test.close());
    const instances = await Promise.all([
      startAppInstance({ DATABASE_PATH: test.filePath, DATABASE_URL: "" }),
      startAppInstance({ DATABASE_PATH: test.filePath, DATABASE_URL: "" }),
    ]);
    for (const instance of instances) cleanups.push(instance.stop);
    await exercise(instances, test.db);
  }, 120_000);
});

describe.skipIf(!onPostgres)(postgresTitle("two app instances on one PostgreSQL database"), () => {
  it("lose nothing and never serve stale totals", async () => {
    const scratch = await createScratchDatabase("instances");
    cleanups.push(scratch.drop);
    const db: PostgresDatabase = openPostgres(scratch.url, { max: 2 });
    cleanups.push(() => db.$client.end());
    await migratePostgres(db);
    await importFoodDatabasePg(db, { sources: importSources() });
    const instances = await Promise.all([
      startAppInstance({ DATABASE_URL: scratch.url }),
      startAppInstance({ DATABASE_URL: scratch.url }),
    ]);
    for (const instance of instances) cleanups.push(instance.stop);
    await exercise(instances, db as unknown as AppDatabase);
  }, 240_000);
});
