import { defineConfig } from "drizzle-kit";

/**
 * PostgreSQL migrations (issue 17): generated from db/schema.pg.ts, the same tables as
 * db/schema.ts (db/tables.ts) built with the PostgreSQL column helpers. drizzle.config.ts
 * is the SQLite twin; `npm run db:generate` runs both.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/b12" },
});
