import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./scripts/pg-groundwork/one-schema/schema.pg.ts",
  out: process.env.ONE_SCHEMA_OUT ?? "./tmp/one-schema/pg",
});
