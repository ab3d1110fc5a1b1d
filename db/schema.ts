/**
 * The tables the services use: those of this process's database (db/database-url.ts),
 * built from the one description in db/tables.ts. On SQLite they are db/schema.sqlite.ts's
 * sqlite-core tables, on PostgreSQL db/schema.pg.ts's pg-core tables.
 *
 * Typing: always the pg-core types (what defineTables() is written against), so the
 * services are written against PostgreSQL's query builders, the common awaitable subset of
 * both dialects: no `.get()`, `.all()` or `.run()`, which PostgreSQL does not have (the
 * compiler enforces it; see docs/postgresql-design.md, finding 2). At run time SQLite's
 * builders receive SQLite's tables, so nothing is translated.
 *
 * Scripts that need one dialect's tables whatever the environment (drizzle-kit, the
 * importers, db:copy) import db/schema.sqlite.ts or db/schema.pg.ts directly.
 */
import { configuredDialect } from "./database-url";
import * as pgTables from "./schema.pg";
import * as sqliteTables from "./schema.sqlite";

const tables = (configuredDialect() === "pg"
  ? pgTables
  : sqliteTables) as unknown as typeof pgTables;

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
