/**
 * Crash safety: processes killed with SIGKILL (no clean-up, no exit handlers) in the
 * middle of the food import and of a stream of plan edits. After each kill the database
 * must open, pass `PRAGMA integrity_check`, `foreign_key_check` and the FTS5 index's own
 * integrity check, show no half-applied work, and the next start must complete the import.
 * A backup restore killed while it stages the file shows the old data, one killed while it
 * deletes the old data shows the file's, and the next start deletes what either left.
 *
 * The children are the real scripts (`scripts/db-seed.ts`, `scripts/db-setup.ts`, via
 * tsx) and tests/integration/processes/edit-stream.ts; kill moments are a progress line
 * of the import (certainly mid-transaction), a line the edit stream prints from inside a
 * transaction it then holds open, or a seeded random delay. Slow-ish (each child starts
 * tsx, and the import children read and classify the SR28 files), so it keeps to seven
 * child processes (and two restores).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type SqliteAppDatabase } from "@/db/client";
import {
  importFoodDatabase,
  prepareImport,
  storedFingerprint,
  summariseFoodDatabase,
} from "@/db/import/import-foods";
import { listHiddenOwners } from "@/server/services/restore-staging";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase, importSources } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";

const ROOT = process.cwd();
const EDIT_STREAM = path.join(import.meta.dirname, "processes", "edit-stream.ts");
const RESTORE_STREAM = path.join(import.meta.dirname, "processes", "restore-stream.ts");
const IMPORT_ENTRIES = 1500;
const IMPORTED_PLAN_NAME = "Imported by the edit stream";
const directory = mkdtempSync(path.join(tmpdir(), "b12-crash-"));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Seeded delays (mulberry32), so a failing run can be repeated. */
function delays(seed: number, count: number, min: number, max: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min));
  });
}

type Run = { killed: boolean; output: string; code: number | null };

/**
 * Runs a tsx script and SIGKILLs it `afterMs` after the first line `when` matches (never,
 * if `when` is null). Resolves when the process is gone.
 */
function runScript(
  args: string[],
  databasePath: string,
  when: RegExp | null,
  afterMs = 0,
): Promise<Run> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let armed = false;
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      output += `${line}\n`;
      if (when && !armed && when.test(line)) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), afterMs);
      }
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code, signal) => resolve({ killed: signal === "SIGKILL", output, code }));
  });
}

/** Opens the file as the app does after a crash and checks every layer of integrity. */
function openAndCheck(databasePath: string): SqliteAppDatabase {
  const db = openDatabase(databasePath);
  expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(db.$client.pragma("foreign_key_check")).toEqual([]);
  // FTS5's own check: the index matches the foods table it is built from.
  db.$client.prepare(`INSERT INTO foods_fts(foods_fts) VALUES ('integrity-check')`).run();
  return db;
}

describe("crash safety (SIGKILL)", () => {
  it("an import killed mid-way leaves a sound database, and the next start completes it", async () => {
    const databasePath = path.join(directory, "import.db");
    const setup = openDatabase(databasePath);
    migrateDatabase(setup);
    setup.$client.close();
    const expected = prepareImport(importSources());

    // The first import, killed while it writes foods: one transaction, so nothing of it
    // may be left.
    const first = await runScript(["scripts/db-seed.ts"], databasePath, /^\s+foods\s+\d+\//);
    expect(first.killed, first.output).toBe(true);
    let db = openAndCheck(databasePath);
    expect(storedFingerprint(db)).toBeNull();
    expect(summariseFoodDatabase(db).foods).toBe(0);
    db.$client.close();

    // The next start (`npm start` runs db:setup) imports everything.
    const start = await runScript(["scripts/db-setup.ts"], databasePath, null);
    expect(start.code, start.output).toBe(0);
    expect(start.output).toContain("Food database imported");
    db = openAndCheck(databasePath);
    expect(storedFingerprint(db)).toBe(expected.fingerprint);
    expect(summariseFoodDatabase(db).foods).toBe(expected.foods.length);
    expect(summariseFoodDatabase(db).portions).toBe(expected.portions.length);

    // User data, then forced re-imports (`npm run db:seed`) killed at random moments.
    const api = createCaller(createInnerContext({ db }));
    const food = await api.foods.createCustom(buildCustomFoodInput());
    const { id: planId } = await api.plans.create({ name: "Kept", dayCount: 2 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: food.id, grams: 240 });
    await api.plans.addEntry({ planId, day: 2, meal: "dinner", foodId: "sr28-01129", grams: 50 });
    const totalsBefore = await api.plans.totals({ planId });
    db.$client.close();

    let killedMidWay = 0;
    for (const delay of delays(6, 2, 0, 1200)) {
      const run = await runScript(["scripts/db-seed.ts"], databasePath, /^Database /, delay);
      if (run.killed) killedMidWay += 1;
      else expect(run.code, run.output).toBe(0);
      db = openAndCheck(databasePath);
      expect(storedFingerprint(db)).toBe(expected.fingerprint);
      expect(summariseFoodDatabase(db).foods).toBe(expected.foods.length);
      const after = createCaller(createInnerContext({ db }));
      expect(await after.plans.totals({ planId })).toEqual(totalsBefore);
      expect((await after.foods.get({ id: food.id })).name).toBe(food.name);
      db.$client.close();
    }
    expect(killedMidWay).toBeGreaterThan(0);
  }, 90_000);

  it("a stream of plan edits killed mid-way leaves no half-applied edit", async () => {
    const databasePath = path.join(directory, "edits.db");
    let db = openDatabase(databasePath);
    migrateDatabase(db);
    importFoodDatabase(db, { sources: importSources() });
    const api = createCaller(createInnerContext({ db }));
    const { id: planId } = await api.plans.create({ name: "Edited", dayCount: 7 });
    const foods = ["sr28-16139", "sr28-01129", "sr28-01079", "sr28-08013"];
    const perDay = 40;
    for (let i = 0; i < perDay; i += 1) {
      await api.plans.addEntry({
        planId,
        day: 1,
        meal: (["breakfast", "lunch", "dinner", "snack"] as const)[i % 4] ?? "snack",
        foodId: foods[i % foods.length] ?? "sr28-16139",
        grams: 10 + i,
      });
    }
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3, 4, 5, 6, 7], replace: true });
    db.$client.close();

    let killed = 0;
    // At a random moment, then certainly inside a transaction: half-way through a
    // 1,500-row plans.import and through a 240-row copyDay (see edit-stream.ts).
    const kills: [string, RegExp, number][] = [
      ["", /^running$/, delays(11, 1, 100, 1000)[0] ?? 500],
      ["import", /^inside import$/, 0],
      ["copy", /^inside copy$/, 0],
    ];
    for (const [pauseIn, when, delay] of kills) {
      const args = [
        EDIT_STREAM,
        databasePath,
        planId,
        String(IMPORT_ENTRIES),
        IMPORTED_PLAN_NAME,
        pauseIn,
      ];
      const run = await runScript(args, databasePath, when, delay);
      if (pauseIn) expect(run.output).toContain(`inside ${pauseIn}`);
      expect(run.killed, run.output).toBe(true);
      killed += 1;
      db = openAndCheck(databasePath);
      const sqlite = db.$client;
      // Day 1 never changes size; days 2-7 are one copy of it, all or nothing.
      const days = sqlite
        .prepare(
          `SELECT day, count(*) AS n,
             group_concat(meal || ':' || food_id || ':' || grams || ':' || position, ',') AS content
           FROM (SELECT * FROM plan_entries WHERE plan_id = ? ORDER BY meal, position, food_id, grams)
           GROUP BY day ORDER BY day`,
        )
        .all(planId) as { day: number; n: number; content: string }[];
      expect(days.map((day) => day.n)).toEqual(Array(7).fill(perDay));
      expect(new Set(days.slice(1).map((day) => day.content)).size).toBe(1);
      // Every duplicate holds the whole plan; every imported plan the whole file.
      const counts = sqlite
        .prepare(
          `SELECT p.name, (SELECT count(*) FROM plan_entries e WHERE e.plan_id = p.id) AS n
           FROM plans p WHERE p.id <> ?`,
        )
        .all(planId) as { name: string; n: number }[];
      for (const plan of counts) {
        if (plan.name === IMPORTED_PLAN_NAME) expect(plan.n).toBe(IMPORT_ENTRIES);
        else expect(plan).toEqual({ name: "Edited (copy)", n: perDay * 7 });
      }
      expect(counts.length).toBeGreaterThan(0);
      db.$client.close();
    }
    expect(killed).toBe(3);
  }, 60_000);
  it("a restore killed while staging or deleting the old data leaves one whole household", async () => {
    const databasePath = path.join(directory, "restore.db");
    const backupPath = path.join(directory, "backup.json");
    // A copy of the seeded test database (importing here would take most of a minute).
    const seeded = createTestDatabase();
    seeded.db.$client.exec(`VACUUM INTO '${databasePath}'`);
    await seeded.close();
    let db = openDatabase(databasePath);
    const api = createCaller(createInnerContext({ db }));
    const food = await api.foods.createCustom(buildCustomFoodInput({ name: "In the backup" }));
    const { id: backedUpPlan } = await api.plans.create({ name: "Backed up", dayCount: 28 });
    await api.plans.addToDays({
      planId: backedUpPlan,
      foodId: food.id,
      meals: ["lunch"],
      grams: 240,
    });
    writeFileSync(backupPath, JSON.stringify(await api.backup.export()));
    /** The household's plans and custom food, as a reader sees them. */
    const view = async (caller: typeof api) => ({
      plans: (await caller.plans.list()).map((plan) => `${plan.name}: ${plan.entryCount}`),
      food: (await caller.foods.get({ id: food.id })).name,
    });
    const backedUp = await view(api);
    await api.plans.delete({ planId: backedUpPlan });
    await api.foods.updateCustom({ id: food.id, ...buildCustomFoodInput({ name: "Renamed" }) });
    const { id: keptPlan } = await api.plans.create({ name: "Made later", dayCount: 7 });
    await api.plans.addToDays({ planId: keptPlan, foodId: food.id, meals: ["dinner"], grams: 100 });
    const later = await view(api);
    db.$client.close();

    const hiddenIds = async (sqlite: SqliteAppDatabase) =>
      (await listHiddenOwners(sqlite)).map((owner) => owner.kind);
    // Killed while staging: the old data, the staged rows hidden.
    const staging = await runScript(
      [RESTORE_STREAM, databasePath, backupPath, "staging"],
      databasePath,
      /^inside staging$/,
    );
    expect(staging.killed, staging.output).toBe(true);
    db = openAndCheck(databasePath);
    expect(await view(createCaller(createInnerContext({ db })))).toEqual(later);
    const left = await hiddenIds(db);
    expect(left).toEqual(["staging"]);
    db.$client.close();
    // The next restore deletes them first; killed while it deletes the old data after the
    // swap: the file's data, the old data hidden.
    const trash = await runScript(
      [RESTORE_STREAM, databasePath, backupPath, "trash"],
      databasePath,
      /^inside trash$/,
    );
    expect(trash.killed, trash.output).toBe(true);
    db = openAndCheck(databasePath);
    expect(await view(createCaller(createInnerContext({ db })))).toEqual(backedUp);
    expect(await hiddenIds(db)).toEqual(["trash"]);
    db.$client.close();
    // The next start (`npm start` runs db:setup) deletes what is left.
    const start = await runScript(["scripts/db-setup.ts"], databasePath, null);
    expect(start.code, start.output).toBe(0);
    expect(start.output).toContain("1 interrupted restore");
    db = openAndCheck(databasePath);
    expect(await hiddenIds(db)).toEqual([]);
    expect(await view(createCaller(createInnerContext({ db })))).toEqual(backedUp);
    db.$client.close();
  }, 120_000);
});
