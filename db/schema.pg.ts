/**
 * The PostgreSQL tables: the one description in db/tables.ts built with the PostgreSQL
 * column helpers (db/kit/pg.ts). drizzle.pg.config.ts generates db/migrations-pg from this
 * file. Same export names as db/schema.ts (the SQLite tables the app runs on today).
 */
import * as pgKit from "./kit/pg";
import { defineTables } from "./tables";

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
} = defineTables(pgKit);
