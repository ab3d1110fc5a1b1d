import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./scripts/pg-groundwork/one-schema/schema.sqlite.ts",
  out: process.env.ONE_SCHEMA_OUT ?? "./tmp/one-schema/sqlite",
});
