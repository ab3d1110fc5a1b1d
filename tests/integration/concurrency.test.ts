/**
 * Concurrency on one plan, across OS processes: four writers (add, change, remove
 * entries, copy a day) and two readers (plans.totals and plans.get in a loop), each a
 * separate Node process with its own connection to the same temporary SQLite file in WAL
 * mode, opened by the app's own client and driven through the tRPC caller.
 *
 * Asserts: no call fails at all (so no "database is locked" / SQLITE_BUSY reaches a
 * user), nothing is lost (the plan holds exactly added + copied − removed entries, as the
 * writers counted them), positions within a meal stay unique, and the file passes
 * `PRAGMA integrity_check`.
 *
 * On PostgreSQL (the integration suite's PostgreSQL run) each process is another app
 * instance with its own pool on the test database: the household row lock that every
 * write() takes first keeps positions and counts exact across them (db/dialect.ts).
 *
 * Before the fix in db/client.ts (write transactions begin IMMEDIATE) this run saw dozens
 * of SQLITE_BUSY and SQLITE_BUSY_SNAPSHOT errors: a deferred transaction that has read
 * cannot wait for the write lock, so the busy timeout never applied.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSqlite, openDatabase } from "@/db/client";
import { rawAll, rawGet } from "@/db/raw";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { sqliteOnly, suiteOnPostgres } from "../pg-scratch";

const CLIENT = path.join(import.meta.dirname, "processes", "plan-client.ts");
const WRITERS = 4;
const READERS = 2;
const OPS_PER_WRITER = 40;
/** Six processes on a shared 2-core machine; PostgreSQL adds a round trip per statement. */
const CONCURRENCY_TIMEOUT_MS = suiteOnPostgres ? 300_000 : 120_000;

type Result = {
  role: "writer" | "reader";
  added?: number;
  removed?: number;
  copied?: number;
  updated?: number;
  reads?: number;
  inconsistent?: number;
  errors: string[];
};

type Client = { child: ChildProcess; ready: Promise<void>; result: Promise<Result> };

function startClient(args: string[]): Client {
  const child = spawn(process.execPath, ["--import", "tsx", CLIENT, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const result = new Promise<Result>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line === "ready") markReady();
      else if (line.startsWith("{")) resolve(JSON.parse(line) as Result);
    });
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`client ${args[2]} exited with ${code}:\n${stderr}`));
    });
  });
  return { child, ready, result };
}

let test: TestDatabase;

beforeAll(() => {
  test = createTestDatabase();
});

afterAll(() => test?.close());

describe("concurrent writers and readers on one plan (separate processes, WAL)", () => {
  it(
    "loses nothing and never surfaces SQLITE_BUSY",
    async () => {
      const api = test.caller();
      const { id: planId } = await api.plans.create({ name: "Shared", dayCount: 7 });
      const writers = Array.from({ length: WRITERS }, (_, i) =>
        startClient([test.filePath, planId, "writer", String(OPS_PER_WRITER), String(i + 1)]),
      );
      const readers = Array.from({ length: READERS }, () =>
        startClient([test.filePath, planId, "reader"]),
      );
      const all = [...writers, ...readers];
      await Promise.all(all.map((client) => client.ready));
      for (const client of all) client.child.stdin?.write("go\n");
      const writerResults = await Promise.all(writers.map((client) => client.result));
      for (const client of readers) client.child.stdin?.write("stop\n");
      const readerResults = await Promise.all(readers.map((client) => client.result));

      const errors = [...writerResults, ...readerResults].flatMap((result) => result.errors);
      expect(errors).toEqual([]);
      for (const result of readerResults) {
        expect(result.reads).toBeGreaterThan(0);
        expect(result.inconsistent).toBe(0);
      }

      const sum = (key: "added" | "removed" | "copied" | "updated") =>
        writerResults.reduce((total, result) => total + (result[key] ?? 0), 0);
      // Every writer did all of its operations (none failed, see above).
      expect(sum("added") + sum("removed") + sum("updated")).toBeGreaterThan(
        WRITERS * OPS_PER_WRITER * 0.8,
      );
      const { entryCount } = await api.plans.totals({ planId });
      expect(entryCount).toBe(sum("added") + sum("copied") - sum("removed"));
      const stored = await rawGet<{ n: number }>(
        test.db,
        `SELECT count(*) AS n FROM plan_entries WHERE plan_id = ?`,
        [planId],
      );
      expect(stored?.n).toBe(entryCount);
      const duplicatePositions = await rawAll(
        test.db,
        `SELECT day, meal, position, count(*) AS n FROM plan_entries WHERE plan_id = ?
       GROUP BY day, meal, position HAVING count(*) > 1`,
        [planId],
      );
      expect(duplicatePositions).toEqual([]);
      if (!suiteOnPostgres) {
        expect(test.db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      }
    },
    CONCURRENCY_TIMEOUT_MS,
  );

  it.skipIf(suiteOnPostgres)(
    sqliteOnly("app transactions hold the write lock from their first statement (BEGIN IMMEDIATE)"),
    () => {
      const other = openDatabase(test.filePath);
      other.$client.pragma("busy_timeout = 0");
      try {
        let lockedOut = false;
        asSqlite(test.db).transaction(() => {
          // Nothing read or written yet: only a transaction begun IMMEDIATE holds the lock.
          try {
            other.$client.prepare("BEGIN IMMEDIATE").run();
            other.$client.prepare("ROLLBACK").run();
          } catch (error) {
            lockedOut = (error as { code?: string }).code === "SQLITE_BUSY";
          }
        });
        expect(lockedOut).toBe(true);
      } finally {
        other.$client.close();
      }
    },
  );
});
