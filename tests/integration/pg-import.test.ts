/**
 * The food import on PostgreSQL (db/import/import-foods-pg.ts) against a fresh SQLite
 * import of the same sources (the seeded test template, made by the real SQLite importer):
 * same row counts, same foods with the same keys, same progress and summary; the search
 * tokens; the fingerprint rule; and an import killed with SIGKILL (the real `db:seed`
 * script in a child process) leaving the previous state. Runs only on PostgreSQL:
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx vitest run tests/integration/pg-import.test.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { asc } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSqlite } from "@/db/dialect";
import {
  type ImportProgress,
  type ImportSources,
  importFoodDatabase,
} from "@/db/import/import-foods";
import { importFoodDatabasePg, storedFingerprintPg } from "@/db/import/import-foods-pg";
import { migratePostgres, openPostgres, type PostgresDatabase } from "@/db/pg-client";
import * as pgSchema from "@/db/schema.pg";
import * as sqliteSchema from "@/db/schema.sqlite";
import { foodSearchTokens } from "@/server/domain/search-tokens";
import { createTestDatabase, importSources, type TestDatabase } from "../factories/database";
import { createScratchDatabase, onPostgres, postgresTitle } from "../pg-scratch";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Every food column the importer writes (all but the timestamps). */
function comparableFood(row: Record<string, unknown>): Record<string, unknown> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

/** The sources with the first curated food's B12 raised by 1.25 µg. */
function alteredSources(): ImportSources {
  const sources = importSources();
  const curated = JSON.parse(sources.curatedFoodsJson) as {
    foods: { id: string; b12PerHundredGrams: number }[];
  };
  const first = curated.foods[0];
  if (!first) throw new Error("no curated food");
  first.b12PerHundredGrams += 1.25;
  return { ...sources, curatedFoodsJson: JSON.stringify(curated) };
}

describe.skipIf(!onPostgres)(postgresTitle("Food import on PostgreSQL"), () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let pgDb: PostgresDatabase;
  let sqlite: TestDatabase;
  let pgSummary: Awaited<ReturnType<typeof importFoodDatabasePg>>;
  const pgProgress: ImportProgress[] = [];

  beforeAll(async () => {
    const scratch = await createScratchDatabase("import");
    pgDb = openPostgres(scratch.url, { max: 2 });
    cleanups.push(scratch.drop, () => pgDb.$client.end());
    await migratePostgres(pgDb);
    pgSummary = await importFoodDatabasePg(pgDb, {
      sources: importSources(),
      onProgress: (progress) => pgProgress.push(progress),
    });
    sqlite = createTestDatabase();
    cleanups.push(() => sqlite.close());
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("gives the same row count in every table as a fresh SQLite import", async () => {
    const counts = { sqlite: {} as Record<string, number>, pg: {} as Record<string, number> };
    for (const table of Object.values(pgSchema)) {
      const name = getTableConfig(table as PgTable).name;
      counts.sqlite[name] = (
        sqlite.db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }
      ).n;
      const result = await pgDb.$client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${name}"`,
      );
      counts.pg[name] = result.rows[0]?.n ?? -1;
    }
    expect(Object.keys(counts.pg)).toHaveLength(29);
    expect(counts.pg.foods).toBe(8793);
    expect(counts.pg.food_portions).toBe(15448);
    expect(counts.pg).toEqual(counts.sqlite);
  });

  it("writes the same foods (key, id, name, B12, search heads and prior, …), portions and groups", async () => {
    const sqliteFoods = asSqlite(sqlite.db)
      .select()
      .from(sqliteSchema.foods)
      .orderBy(asc(sqliteSchema.foods.key))
      .all()
      .map(comparableFood);
    const pgFoods = (await pgDb.select().from(pgSchema.foods).orderBy(asc(pgSchema.foods.key))).map(
      comparableFood,
    );
    expect(pgFoods.length).toBe(sqliteFoods.length);
    // Keys are 1..n in source order on both (the search's tie-break uses them).
    expect(pgFoods.map((food) => food.key)).toEqual(sqliteFoods.map((food) => food.key));
    expect(pgFoods[0]).toMatchObject({ key: 1, id: "sr28-01001" });
    for (let index = 0; index < pgFoods.length; index += 1) {
      if (JSON.stringify(pgFoods[index]) !== JSON.stringify(sqliteFoods[index])) {
        expect(pgFoods[index]).toEqual(sqliteFoods[index]);
      }
    }
    const sqlitePortions = asSqlite(sqlite.db)
      .select()
      .from(sqliteSchema.foodPortions)
      .orderBy(asc(sqliteSchema.foodPortions.id))
      .all();
    const pgPortions = await pgDb
      .select()
      .from(pgSchema.foodPortions)
      .orderBy(asc(pgSchema.foodPortions.id));
    // PostgreSQL's text order (collation) may differ from SQLite's byte order: compare sets.
    const byId = (rows: { id: string }[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(byId(pgPortions)).toEqual(byId(sqlitePortions));
    expect(
      byId((await pgDb.select().from(pgSchema.foodGroups)).map((g) => ({ ...g, id: g.code }))),
    ).toEqual(
      byId(
        asSqlite(sqlite.db)
          .select()
          .from(sqliteSchema.foodGroups)
          .all()
          .map((g) => ({ ...g, id: g.code })),
      ),
    );
  });

  it("reports the same progress and summary as the SQLite import", () => {
    const sqliteProgress: ImportProgress[] = [];
    const sqliteSummary = importFoodDatabase(sqlite.db, {
      sources: importSources(),
      force: true,
      onProgress: (progress) => sqliteProgress.push(progress),
    });
    expect(pgProgress).toEqual(sqliteProgress);
    expect(pgProgress.filter((p) => p.stage === "foods").map((p) => p.done)).toEqual([
      2000, 4000, 6000, 8000, 8793,
    ]);
    expect({ ...pgSummary, fingerprint: "" }).toEqual({ ...sqliteSummary, fingerprint: "" });
    expect(pgSummary).toMatchObject({ foods: 8793, portions: 15448, changed: true });
  }, 60_000);

  it("stores foodSearchTokens of name and keywords for every food, and the tsvector holds them", async () => {
    const rows = await pgDb.$client.query<{
      id: string;
      name: string;
      search_keywords: string;
      search_tokens: string;
      search_name_tokens: number;
      lexemes: string[];
    }>(
      `SELECT id, name, search_keywords, search_tokens, search_name_tokens,
              tsvector_to_array(search_document) AS lexemes
         FROM foods ORDER BY key`,
    );
    expect(rows.rows).toHaveLength(8793);
    const wrong = rows.rows.filter((row) => {
      const expected = foodSearchTokens(row.name, row.search_keywords);
      return (
        row.search_tokens !== expected.tokens || row.search_name_tokens !== expected.nameTokenCount
      );
    });
    expect(wrong.map((row) => row.id)).toEqual([]);
    const egg = rows.rows.find((row) => row.id === "sr28-01123");
    expect(egg?.search_tokens.split(" ").slice(0, egg.search_name_tokens)).toEqual([
      "egg",
      "whole",
      "raw",
      "fresh",
    ]);
    const lexemesDiffer = rows.rows.filter(
      (row) =>
        [...new Set(row.search_tokens.split(" ").filter(Boolean))].sort().join(" ") !==
        [...row.lexemes].sort().join(" "),
    );
    expect(lexemesDiffer.map((row) => row.id)).toEqual([]);
  });

  it("a second run is a no-op by fingerprint; a forced one changes no row; keys stay as on SQLite", async () => {
    const snapshot = async () =>
      (
        await pgDb.$client.query(
          `SELECT key, id, updated_at, b12_per_100g, search_tokens FROM foods ORDER BY key`,
        )
      ).rows;
    const before = await snapshot();
    const again = await importFoodDatabasePg(pgDb, { sources: importSources() });
    expect(again).toEqual({ ...pgSummary, changed: false });
    expect(await storedFingerprintPg(pgDb.$client)).toBe(pgSummary.fingerprint);
    const forced = await importFoodDatabasePg(pgDb, { sources: importSources(), force: true });
    expect(forced.changed).toBe(true);
    expect(await snapshot()).toEqual(before);

    // Both databases have now been written by one fresh and one forced import: the next
    // food gets the same key on both (each upsert takes a key per proposed row).
    const insert = `INSERT INTO foods (id, source, name, diet, diet_reason, b12_fortified)
      VALUES ('custom-key-probe', 'custom', 'Key probe', 'vegan', 'test', false) RETURNING key`;
    const pgKey = (await pgDb.$client.query<{ key: number }>(insert)).rows[0]?.key;
    const sqliteKey = (sqlite.db.$client.prepare(insert).get() as { key: number }).key;
    expect(pgKey).toBe(sqliteKey);
    expect(pgKey).toBe(2 * 8793 + 1);
    await pgDb.$client.query(`DELETE FROM foods WHERE id = 'custom-key-probe'`);
    sqlite.db.$client.prepare(`DELETE FROM foods WHERE id = 'custom-key-probe'`).run();
  }, 120_000);

  it("an import killed mid-way (SIGKILL) leaves the previous state; the next one completes", async () => {
    const scratch = await createScratchDatabase("import_kill");
    const db = openPostgres(scratch.url, { max: 2 });
    cleanups.push(scratch.drop, () => db.$client.end());
    await migratePostgres(db);
    const previous = await importFoodDatabasePg(db, { sources: alteredSources() });
    const curatedId = (JSON.parse(importSources().curatedFoodsJson) as { foods: { id: string }[] })
      .foods[0]?.id;
    const state = async () =>
      (
        await db.$client.query(
          `SELECT (SELECT value FROM app_meta WHERE key = 'food_import_fingerprint') AS fingerprint,
                  (SELECT b12_per_100g FROM foods WHERE id = $1) AS curated_b12,
                  (SELECT count(*)::int FROM foods) AS foods,
                  (SELECT count(*)::int FROM food_portions) AS portions,
                  (SELECT max(updated_at) FROM foods) AS last_update,
                  (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory'
                     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS advisory_locks`,
          [curatedId],
        )
      ).rows[0];
    const before = await state();
    expect(before).toMatchObject({ fingerprint: previous.fingerprint, foods: 8793 });

    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", "db-seed.ts")],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: scratch.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const killed = await new Promise<boolean>((resolve) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
        output += `${line}\n`;
        // A foods progress line: the transaction is open and has written foods.
        if (/^\s+foods\s+4000\//.test(line)) child.kill("SIGKILL");
      });
      child.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      child.on("exit", (_code, signal) => resolve(signal === "SIGKILL"));
    });
    expect(killed, output).toBe(true);
    expect(output).not.toContain("Food database imported");

    // The server rolls back when the connection goes; wait until it has noticed.
    let after = await state();
    for (let tries = 0; tries < 50 && after?.advisory_locks !== 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await state();
    }
    expect(after).toEqual(before);

    const next = await importFoodDatabasePg(db, { sources: importSources() });
    expect(next.changed).toBe(true);
    const done = await state();
    expect(done?.fingerprint).toBe(next.fingerprint);
    expect(done?.fingerprint).not.toBe(previous.fingerprint);
    expect(done?.curated_b12).toBeCloseTo(Number(before?.curated_b12) - 1.25, 10);
  }, 180_000);

  it("two instances importing a fresh database together import once (the set-up lock)", async () => {
    const scratch = await createScratchDatabase("import_race");
    const first = openPostgres(scratch.url, { max: 2 });
    const second = openPostgres(scratch.url, { max: 2 });
    cleanups.push(
      scratch.drop,
      () => first.$client.end(),
      () => second.$client.end(),
    );
    await Promise.all([migratePostgres(first), migratePostgres(second)]);
    const results = await Promise.all([
      importFoodDatabasePg(first, { sources: importSources() }),
      importFoodDatabasePg(second, { sources: importSources() }),
    ]);
    expect(results.map((result) => result.changed).sort()).toEqual([false, true]);
    expect(results[0]).toEqual({ ...results[1], changed: results[0]?.changed });
    const keys = await first.$client.query<{ min: number; max: number; n: number }>(
      `SELECT min(key)::int AS min, max(key)::int AS max, count(*)::int AS n FROM foods`,
    );
    expect(keys.rows[0]).toEqual({ min: 1, max: 8793, n: 8793 });
  }, 180_000);

  it("re-imports without a curated food and with it again give the same foods and keys as on SQLite", async () => {
    const all = importSources();
    const curated = JSON.parse(all.curatedFoodsJson) as { foods: { id: string }[] };
    const dropped = curated.foods[1]?.id as string;
    const without: ImportSources = {
      ...all,
      curatedFoodsJson: JSON.stringify({
        ...curated,
        foods: curated.foods.filter((food) => food.id !== dropped),
      }),
    };
    const scratch = await createScratchDatabase("import_drop");
    const db = openPostgres(scratch.url, { max: 2 });
    cleanups.push(scratch.drop, () => db.$client.end());
    await migratePostgres(db);
    const other = createTestDatabase();
    cleanups.push(() => other.close());
    await importFoodDatabasePg(db, { sources: all });

    const pgWithout = await importFoodDatabasePg(db, { sources: without });
    const sqliteWithout = importFoodDatabase(other.db, { sources: without });
    expect({ ...pgWithout, fingerprint: "" }).toEqual({ ...sqliteWithout, fingerprint: "" });
    const gone = await db.$client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM foods WHERE id = $1) + (SELECT count(*) FROM food_portions WHERE food_id = $1) AS n`,
      [dropped],
    );
    expect(Number(gone.rows[0]?.n)).toBe(0);

    await importFoodDatabasePg(db, { sources: all });
    importFoodDatabase(other.db, { sources: all });
    const sqliteFoods = asSqlite(other.db)
      .select()
      .from(sqliteSchema.foods)
      .orderBy(asc(sqliteSchema.foods.key))
      .all()
      .map(comparableFood);
    const pgFoods = (await db.select().from(pgSchema.foods).orderBy(asc(pgSchema.foods.key))).map(
      comparableFood,
    );
    expect(pgFoods.find((food) => food.id === dropped)?.key).toBeGreaterThan(8793);
    expect(pgFoods).toEqual(sqliteFoods);
  }, 240_000);
});
