/**
 * Do the PostgreSQL migrations (db/migrations-pg) apply, and do they build what
 * db/schema.pg.ts describes? (issue 17)
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx tsx scripts/pg-migrate-check.ts
 *   DATABASE_URL=postgres://… npx tsx scripts/pg-migrate-check.ts
 *
 * Creates a throwaway database beside the one DATABASE_URL names (so it never touches that
 * database's tables), runs drizzle's node-postgres migrator on db/migrations-pg, runs it a
 * second time (nothing more may happen), then lists the tables and checks: every table and
 * column of db/schema.pg.ts exists, the hand-written search columns, generated tsvector and
 * GIN index exist, the first household's owners row is there, and rows written and read
 * through db/schema.pg.ts come back with the app's types. Prints the tables and one JSON
 * line (`RESULT {...}`), drops the database, exits 1 on any difference.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import * as pgSchema from "../db/schema.pg";

const MIGRATIONS = path.join(import.meta.dirname, "..", "db", "migrations-pg");

function fail(message: string): never {
  console.error(`pg-migrate-check: ${message}`);
  process.exit(1);
}

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(base)) {
    fail("DATABASE_URL must be a postgres:// URL (see scripts/pg-cluster.ts run).");
  }
  const host = new URL(base).host;
  const scratch = `b12_migrate_check_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    fail(`cannot connect to ${host}: ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const problems: string[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl(base, scratch), max: 2 });
  try {
    const db = drizzle(pool);
    const started = performance.now();
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const firstRunMs = Math.round(performance.now() - started);
    const applied = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM drizzle.__drizzle_migrations",
    );
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const appliedAgain = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM drizzle.__drizzle_migrations",
    );
    if (applied.rows[0]?.n !== appliedAgain.rows[0]?.n) {
      problems.push(
        `a second migrate applied more (${applied.rows[0]?.n} -> ${appliedAgain.rows[0]?.n})`,
      );
    }

    const columns = await pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const actual = new Map<string, string[]>();
    for (const row of columns.rows) {
      const list = actual.get(row.table_name) ?? [];
      list.push(row.column_name);
      actual.set(row.table_name, list);
    }
    for (const [table, names] of actual) console.log(`${table}: ${names.join(", ")}`);

    const expectedTables = Object.values(pgSchema).map((table) => getTableConfig(table as PgTable));
    for (const config of expectedTables) {
      const present = actual.get(config.name);
      if (!present) {
        problems.push(`table ${config.name} is missing`);
        continue;
      }
      for (const column of config.columns) {
        if (!present.includes(column.name)) {
          problems.push(`column ${config.name}.${column.name} is missing`);
        }
      }
    }
    // Hand-written tables no schema declares: search_corpus (db/migrations-pg/0002, the
    // version the search's cached BM25 figures are keyed on).
    const declared = new Set([...expectedTables.map((config) => config.name), "search_corpus"]);
    for (const table of actual.keys()) {
      if (!declared.has(table)) problems.push(`table ${table} is not in db/schema.pg.ts`);
    }

    const search = await pool.query<{ column_name: string; data_type: string; generated: string }>(
      `SELECT column_name, data_type, is_generated AS generated FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'foods'
          AND column_name IN ('search_tokens', 'search_name_tokens', 'search_document')
        ORDER BY column_name`,
    );
    const searchColumns = Object.fromEntries(
      search.rows.map((row) => [row.column_name, `${row.data_type}/${row.generated}`]),
    );
    const wanted = {
      search_document: "tsvector/ALWAYS",
      search_name_tokens: "integer/NEVER",
      search_tokens: "text/NEVER",
    };
    if (JSON.stringify(searchColumns) !== JSON.stringify(wanted)) {
      problems.push(
        `search columns ${JSON.stringify(searchColumns)}, wanted ${JSON.stringify(wanted)}`,
      );
    }
    const gin = await pool.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'foods' AND indexname = 'foods_search_document_idx'",
    );
    if (!/USING gin \(search_document\)/.test(gin.rows[0]?.indexdef ?? "")) {
      problems.push(`GIN index on foods.search_document: ${gin.rows[0]?.indexdef ?? "missing"}`);
    }
    // The generated column really tokenises what the app writes.
    await pool.query(
      `INSERT INTO foods (id, source, name, diet, diet_reason, b12_fortified, search_tokens, search_name_tokens)
       VALUES ('check-1', 'custom', 'Crème fraîche', 'vegetarian', 'check', false, 'creme fraiche soured cream', 2)`,
    );
    const matched = await pool.query<{ id: string; doc: string }>(
      `SELECT id, search_document::text AS doc FROM foods
        WHERE search_document @@ to_tsquery('simple', 'cre:* & fraiche')`,
    );
    const document = matched.rows[0]?.doc ?? "";
    // array_to_tsvector (0002): exactly the stored tokens, no positions.
    if (matched.rows.length !== 1 || document !== "'cream' 'creme' 'fraiche' 'soured'") {
      problems.push(`tsvector match: ${JSON.stringify(matched.rows)}`);
    }
    // The insert moved the search corpus version (0002's statement trigger).
    const corpus = await pool.query<{ version: number }>("SELECT version FROM search_corpus");
    if (corpus.rows.length !== 1 || !(Number(corpus.rows[0]?.version) > 0)) {
      problems.push(`search_corpus after an insert: ${JSON.stringify(corpus.rows)}`);
    }
    // db/schema.pg.ts through drizzle's node-postgres driver: the defaults and column types
    // come back as the app gets them on SQLite (ISO text with milliseconds, JSON, booleans,
    // doubles, Dates, the identity key).
    const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    await db.insert(pgSchema.owners).values({ id: "check-household", name: "Check" });
    await db.insert(pgSchema.people).values({
      id: "check-person",
      householdId: "check-household",
      name: "Ada",
      ageYears: 36.5,
      sex: "female",
      diet: "vegan",
      standard: "nih",
    });
    const [person] = await db.select().from(pgSchema.people);
    const [owner] = await db
      .select()
      .from(pgSchema.owners)
      .where(eq(pgSchema.owners.id, "check-household"));
    const [food] = await db
      .insert(pgSchema.foods)
      .values({
        id: "check-2",
        source: "custom",
        name: "Check",
        diet: "vegan",
        dietReason: "check",
        b12Fortified: true,
        b12PerHundredGrams: 0.1 + 0.2,
      })
      .returning();
    const now = new Date();
    await db.insert(pgSchema.authUsers).values({ id: "check-user", name: "C", email: "c@x" });
    const [user] = await db.select().from(pgSchema.authUsers);
    const rowChecks: [string, boolean][] = [
      ["people.created_at is ISO text with ms", ISO_MS.test(person?.createdAt ?? "")],
      ["people.conditions defaults to []", JSON.stringify(person?.conditions) === "[]"],
      ["people.pregnant is boolean false", person?.pregnant === false],
      ["people.age_years is 36.5", person?.ageYears === 36.5],
      ["owners.data_version is 0", owner?.dataVersion === 0],
      ["foods.key is a number", typeof food?.key === "number"],
      ["foods.b12 keeps a double", food?.b12PerHundredGrams === 0.1 + 0.2],
      ["foods.b12_fortified is true", food?.b12Fortified === true],
      [
        "auth_users.created_at is a Date near now",
        user?.createdAt instanceof Date &&
          Math.abs(user.createdAt.getTime() - now.getTime()) < 60_000,
      ],
    ];
    for (const [what, ok] of rowChecks) if (!ok) problems.push(`row check failed: ${what}`);

    const local = await pool.query<{ name: string; data_version: number }>(
      "SELECT name, data_version FROM owners WHERE id = 'local'",
    );
    if (local.rows[0]?.name !== "Local user" || local.rows[0]?.data_version !== 0) {
      problems.push(`owners 'local' row: ${JSON.stringify(local.rows)}`);
    }

    console.log(
      `RESULT ${JSON.stringify({
        host,
        migrations: Number(applied.rows[0]?.n),
        tables: actual.size,
        declaredTables: declared.size,
        firstRunMs,
        searchColumns,
        rowChecks: rowChecks.length,
        problems,
      })}`,
    );
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
    await admin.end();
  }
  if (problems.length > 0) fail(problems.join("; "));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
