/**
 * The SQLite tables the app runs on today, built from the one description in db/tables.ts
 * with the SQLite column helpers (db/kit/sqlite.ts). drizzle.config.ts generates
 * db/migrations from this file; db/schema.pg.ts is the PostgreSQL twin.
 *
 * Typing: defineTables() is written against the PostgreSQL kit's type, so what it returns
 * is typed as pg-core tables. The services still use SQLite's query builders, so the tables
 * exported here are re-typed as sqlite-core tables column by column (`AsSqliteTables`):
 * every column keeps its data type, nullability, default and key flags, and only the
 * dialect changes, as drizzle itself re-types a column for an alias
 * (`ChangeColumnTableName`). At run time these are real sqlite-core tables.
 *
 * The FTS5 search index (`foods_fts`) and the triggers that keep it in step with `foods`
 * are created by a hand-written migration: drizzle-kit does not model virtual tables.
 */
import type { Column } from "drizzle-orm";
import type { PgTableWithColumns, TableConfig } from "drizzle-orm/pg-core";
import type { SQLiteColumn, SQLiteTableWithColumns } from "drizzle-orm/sqlite-core";
import * as sqliteKit from "./kit/sqlite";
import type { Kit } from "./tables";
import { defineTables } from "./tables";

type AsSqliteColumn<C extends Column, TTableName extends string> = SQLiteColumn<{
  name: C["_"]["name"];
  tableName: TTableName;
  dataType: C["_"]["dataType"];
  columnType: C["_"]["columnType"];
  data: C["_"]["data"];
  driverParam: C["_"]["driverParam"];
  notNull: C["_"]["notNull"];
  hasDefault: C["_"]["hasDefault"];
  isPrimaryKey: C["_"]["isPrimaryKey"];
  isAutoincrement: C["_"]["isAutoincrement"];
  hasRuntimeDefault: C["_"]["hasRuntimeDefault"];
  enumValues: C["_"]["enumValues"];
  baseColumn: C["_"]["baseColumn"];
  identity: C["_"]["identity"];
  generated: C["_"]["generated"];
}>;
type AsSqliteTable<T> =
  T extends PgTableWithColumns<infer C extends TableConfig>
    ? SQLiteTableWithColumns<{
        name: C["name"];
        schema: undefined;
        dialect: "sqlite";
        columns: { [K in keyof C["columns"]]: AsSqliteColumn<C["columns"][K], C["name"]> };
      }>
    : never;
type AsSqliteTables<T> = { [K in keyof T]: AsSqliteTable<T[K]> };

const tables = defineTables(sqliteKit as unknown as Kit) as unknown as AsSqliteTables<
  ReturnType<typeof defineTables>
>;

export const {
  owners,
  foodGroups,
  foods,
  foodPortions,
  dietOverrides,
  favoriteFoods,
  profiles,
  plans,
  planEntries,
  removedPlanEntries,
  planSupplements,
  shoppingPreferences,
  shoppingMarks,
  shoppingExtras,
  shoppingAisleChoices,
  appMeta,
  authUsers,
  authSessions,
  authAccounts,
  authVerifications,
  authPasskeys,
  authRateLimits,
  householdMembers,
  householdInvitations,
  people,
  planEaters,
  recipes,
  recipeIngredients,
  planRecipes,
} = tables;
