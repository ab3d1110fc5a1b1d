/**
 * One schema, two dialects (issue 17): db/schema.ts (SQLite) and db/schema.pg.ts
 * (PostgreSQL) are both built from db/tables.ts, so they cannot drift apart by hand; these
 * tests make sure nobody adds a table or column to one side only (e.g. an export added to
 * db/schema.ts outside defineTables), and that the SQLite migrations build exactly the
 * tables db/schema.ts declares. Needs no PostgreSQL.
 */
import { getTableConfig as getPgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import * as pgSchema from "@/db/schema.pg";
import * as sqliteSchema from "@/db/schema.sqlite";
import { createTestDatabase } from "../factories/database";

type TableShape = {
  columns: string[];
  notNull: string[];
  primaryKey: string[];
  foreignKeys: string[];
  indexes: string[];
};

/** What both dialects' table configs share (getTableConfig of sqlite-core and pg-core). */
type TableConfigLike = {
  name: string;
  columns: {
    name: string;
    notNull: boolean;
    primary: boolean;
    isUnique: boolean;
    uniqueName?: string;
  }[];
  primaryKeys: { columns: { name: string }[] }[];
  foreignKeys: {
    onDelete?: string;
    reference(): {
      columns: { name: string }[];
      foreignTable: unknown;
      foreignColumns: { name: string }[];
    };
  }[];
  indexes: { config: { unique: boolean; name: string; columns: unknown[] } }[];
};

function describeSchema(
  schema: Record<string, unknown>,
  configOf: (table: unknown) => TableConfigLike,
): Map<string, TableShape> {
  const shapes = new Map<string, TableShape>();
  for (const [exportName, table] of Object.entries(schema)) {
    const config = configOf(table);
    shapes.set(`${exportName}:${config.name}`, {
      columns: config.columns.map((column) => column.name),
      notNull: config.columns.filter((column) => column.notNull).map((column) => column.name),
      primaryKey: [
        ...config.columns.filter((column) => column.primary).map((column) => column.name),
        ...config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)),
      ],
      foreignKeys: config.foreignKeys.map((key) => {
        const reference = key.reference();
        return `${reference.columns.map((c) => c.name).join(",")}->${configOf(reference.foreignTable).name}(${reference.foreignColumns.map((c) => c.name).join(",")}) on delete ${key.onDelete ?? "no action"}`;
      }),
      indexes: [
        ...config.indexes.map(
          (index) =>
            `${index.config.unique ? "unique " : ""}${index.config.name}(${index.config.columns.map((c) => (c as { name: string }).name).join(",")})`,
        ),
        ...config.columns
          .filter((column) => column.isUnique)
          .map((column) => `unique ${column.uniqueName}(${column.name})`),
      ].sort(),
    });
  }
  return shapes;
}

const describeSqlite = () =>
  describeSchema(
    sqliteSchema,
    (table) => getSqliteTableConfig(table as SQLiteTable) as unknown as TableConfigLike,
  );
const describePg = () =>
  describeSchema(
    pgSchema,
    (table) => getPgTableConfig(table as PgTable) as unknown as TableConfigLike,
  );

describe("db/schema.ts and db/schema.pg.ts", () => {
  const sqlite = describeSqlite();
  const pg = describePg();

  it("export the same tables under the same names", () => {
    expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
    // Every table of today's app, and nothing else (a table lost from defineTables fails here).
    expect(sqlite.size).toBe(29);
  });

  it("declare the same columns, in the same order, per table", () => {
    for (const [table, shape] of sqlite) {
      expect({ table, columns: pg.get(table)?.columns }).toEqual({ table, columns: shape.columns });
    }
  });

  it("agree on NOT NULL, primary keys, foreign keys (with ON DELETE) and indexes", () => {
    for (const [table, shape] of sqlite) {
      expect({ table, ...pg.get(table) }).toEqual({ table, ...shape });
    }
  });

  it("carry the household's data_version on owners, NOT NULL on both", () => {
    expect(sqlite.get("owners:owners")?.notNull).toContain("data_version");
    expect(pg.get("owners:owners")?.notNull).toContain("data_version");
  });
});

describe("the SQLite migrations (db/migrations)", () => {
  const test = createTestDatabase({ seed: false });
  afterAll(() => test.close());

  it("build exactly the tables and columns db/schema.ts declares", () => {
    const sql = test.db.$client;
    const tables = (
      sql
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table'
            AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'foods_fts%'
            AND name <> '__drizzle_migrations' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    const actual = new Map(
      tables.map((name) => [
        name,
        (sql.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map(
          (row) => row.name,
        ),
      ]),
    );
    const declared = new Map(
      [...describeSqlite()].map(([key, shape]) => [key.slice(key.indexOf(":") + 1), shape.columns]),
    );
    expect([...actual.keys()]).toEqual([...declared.keys()].sort());
    // Sorted: a column added by a later migration sits at the end of the SQLite table.
    for (const [table, columns] of declared) {
      expect({ table, columns: actual.get(table)?.sort() }).toEqual({
        table,
        columns: [...columns].sort(),
      });
    }
    expect(sql.prepare("SELECT name, data_version FROM owners WHERE id = 'local'").get()).toEqual({
      name: "Local user",
      data_version: 0,
    });
  });
});

/*
 * Compile-time: both schemas give the app the same row types (`npx tsc --noEmit` fails
 * here otherwise). db/schema.ts re-types its tables as sqlite-core; this is what keeps
 * that re-typing honest against the PostgreSQL tables the one description builds.
 */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameRows<K extends keyof typeof sqliteSchema & keyof typeof pgSchema> = [
  Equal<(typeof sqliteSchema)[K]["$inferSelect"], (typeof pgSchema)[K]["$inferSelect"]>,
  Equal<(typeof sqliteSchema)[K]["$inferInsert"], (typeof pgSchema)[K]["$inferInsert"]>,
];
type AllSame = {
  [K in keyof typeof sqliteSchema & keyof typeof pgSchema]: SameRows<K> extends [true, true]
    ? true
    : K;
}[keyof typeof sqliteSchema & keyof typeof pgSchema];
const rowsAgree: AllSame = true;
void rowsAgree;
