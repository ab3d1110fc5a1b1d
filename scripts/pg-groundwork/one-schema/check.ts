/**
 * Evidence for docs/postgresql-design.md (section 1 and finding 2): one table description,
 * two dialects.
 *  1. drizzle-kit generates a migration for each dialect from tables.ts;
 *  2. service functions typed against pg-core (no .get/.all/.run: only awaitable builders)
 *     run on better-sqlite3 with the SQLite tables;
 *  3. on a throwaway PostgreSQL cluster the generated SQL applies, and, when the `pg`
 *     package can be resolved (the project does not depend on it yet: run with
 *     NODE_PATH=<a directory with pg installed>), the same functions give the same JSON.
 *
 *   npx tsx scripts/pg-groundwork/one-schema/check.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { and, count, eq } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { findPostgresBin, startCluster } from "../../pg-cluster";
import * as pgTables from "./schema.pg";
import * as sqliteTables from "./schema.sqlite";

type AppDb = PgDatabase<PgQueryResultHKT>;
type Tables = typeof pgTables;

async function addPlan(db: AppDb, t: Tables, id: string) {
  return db.transaction(async (tx) => {
    await tx.insert(t.plans).values({ id, ownerId: "owner", name: `plan ${id}`, dayCount: 7 });
    const [first] = await tx
      .insert(t.planEntries)
      .values({ planId: id, meal: "lunch", grams: 12.5, weekdays: [1, 3] })
      .returning({ key: t.planEntries.key });
    await tx
      .insert(t.planEntries)
      .values({ key: 2, planId: id, meal: "lunch", grams: 1, fortified: true })
      .onConflictDoUpdate({ target: t.planEntries.key, set: { grams: 2 } });
    return first?.key;
  });
}

async function readPlan(db: AppDb, t: Tables, id: string) {
  const [plan] = await db.select().from(t.plans).where(eq(t.plans.id, id)).limit(1);
  const entries = await db
    .select()
    .from(t.planEntries)
    .where(and(eq(t.planEntries.planId, id), eq(t.planEntries.meal, "lunch")))
    .orderBy(t.planEntries.key);
  const [total] = await db.select({ n: count() }).from(t.planEntries);
  const renamed = await db
    .update(t.plans)
    .set({ name: "renamed" })
    .where(eq(t.plans.id, id))
    .returning({ id: t.plans.id });
  let rolledBack = "no";
  try {
    await db.transaction(async (tx) => {
      await tx.insert(t.plans).values({ id: "doomed", ownerId: "owner", name: "x", dayCount: 1 });
      throw new Error("roll back");
    });
  } catch {
    const left = await db.select().from(t.plans).where(eq(t.plans.id, "doomed"));
    rolledBack = left.length === 0 ? "yes" : "no";
  }
  const { createdAt, ...stable } = plan ?? { createdAt: "" };
  return {
    plan: stable,
    createdAtIsIso: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(createdAt),
    entries,
    total: total?.n,
    renamed: renamed.length,
    rolledBack,
  };
}

/** SQLite's db.transaction cannot take an async callback: a queue + BEGIN IMMEDIATE instead. */
function sqliteDb(client: BetterSqlite3.Database): AppDb {
  const db = drizzleSqlite(client);
  let queue: Promise<unknown> = Promise.resolve();
  Object.assign(db, {
    transaction: <T>(run: (tx: unknown) => Promise<T>) => {
      const result = queue.then(async () => {
        client.exec("BEGIN IMMEDIATE");
        try {
          const value = await run(db);
          client.exec("COMMIT");
          return value;
        } catch (error) {
          client.exec("ROLLBACK");
          throw error;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
  });
  return db as unknown as AppDb;
}

const statementsOf = (folder: string) => {
  const file = readdirSync(folder).find((name) => name.endsWith(".sql")) as string;
  return readFileSync(path.join(folder, file), "utf8")
    .split("--> statement-breakpoint")
    .map((statement) => statement.trim())
    .filter(Boolean);
};

async function main() {
  const out = mkdtempSync(path.join(tmpdir(), "b12-one-schema-"));
  try {
    const kit = path.join(process.cwd(), "node_modules", ".bin", "drizzle-kit");
    for (const dialect of ["sqlite", "pg"]) {
      execFileSync(
        kit,
        [
          "generate",
          "--config",
          `scripts/pg-groundwork/one-schema/drizzle.${dialect}.config.ts`,
          "--name",
          "init",
        ],
        { env: { ...process.env, ONE_SCHEMA_OUT: path.join(out, dialect) }, stdio: "ignore" },
      );
      console.log(
        `--- ${dialect} migration\n${statementsOf(path.join(out, dialect)).join("\n")}\n`,
      );
    }

    const client = new BetterSqlite3(":memory:");
    for (const statement of statementsOf(path.join(out, "sqlite"))) client.exec(statement);
    const db = sqliteDb(client);
    const onSqlite = { key: await addPlan(db, sqliteTables as unknown as Tables, "p1") };
    const sqliteResult = JSON.stringify({
      ...onSqlite,
      ...(await readPlan(db, sqliteTables as unknown as Tables, "p1")),
    });
    console.log(`sqlite:   ${sqliteResult}`);
    client.close();

    const cluster = await startCluster();
    try {
      const psql = path.join(findPostgresBin(), "psql");
      for (const statement of statementsOf(path.join(out, "pg"))) {
        execFileSync(psql, ["-XAtq", cluster.url, "-v", "ON_ERROR_STOP=1", "-c", statement]);
      }
      console.log("postgres: the generated migration applied");
      let hasPg = true;
      try {
        require.resolve("pg");
      } catch {
        hasPg = false;
      }
      if (!hasPg) {
        console.log(
          "postgres: `pg` not resolvable, service run skipped (set NODE_PATH to include it)",
        );
        return 0;
      }
      // require, not import(): only CommonJS resolution honours NODE_PATH.
      const { drizzle } =
        require("drizzle-orm/node-postgres") as typeof import("drizzle-orm/node-postgres");
      const pgDb = drizzle(cluster.url);
      try {
        const onPg = { key: await addPlan(pgDb as unknown as AppDb, pgTables, "p1") };
        const pgResult = JSON.stringify({
          ...onPg,
          ...(await readPlan(pgDb as unknown as AppDb, pgTables, "p1")),
        });
        console.log(`postgres: ${pgResult}`);
        console.log(pgResult === sqliteResult ? "same JSON on both" : "DIFFERENT");
        return pgResult === sqliteResult ? 0 : 1;
      } finally {
        await pgDb.$client.end();
      }
    } finally {
      cluster.stop();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
