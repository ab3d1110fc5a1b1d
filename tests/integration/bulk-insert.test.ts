/**
 * insertRows and insertEntries on both dialects: SQLite binds one cached statement per
 * row; PostgreSQL sends multi-row inserts, each within the protocol's 65,535 bound
 * parameters. Rows past one chunk's worth must all arrive, with SQL defaults filled in,
 * and a failing row must roll the whole write back.
 */
import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { write } from "@/db/dialect";
import { rawAll, rawGet } from "@/db/raw";
import { planEntries, shoppingAisleChoices } from "@/db/schema";
import { insertRows, MAX_PG_PARAMETERS, pgChunkSize } from "@/server/services/bulk-insert";
import { insertEntries } from "@/server/services/plans/access";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { createPlanWith } from "../factories/plans";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(() => t.close());

const SOYMILK = "sr28-16139";

describe("pgChunkSize", () => {
  it("keeps rows × columns within PostgreSQL's parameter limit", () => {
    expect(MAX_PG_PARAMETERS).toBe(65_535);
    // plan_entries: 11 columns → 5,957 rows (65,527 parameters); 5,958 would be 65,538.
    expect(pgChunkSize(11)).toBe(5957);
    expect(pgChunkSize(3)).toBe(21_845);
    expect(pgChunkSize(70_000)).toBe(1);
  });
});

describe("insertRows", () => {
  it("writes more rows than one PostgreSQL chunk holds, defaults filled in", async () => {
    const columns = Object.keys(getTableColumns(shoppingAisleChoices)).length;
    const count = pgChunkSize(columns) + 5;
    const rows = Array.from({ length: count }, (_, index) => ({
      ownerId: "local",
      foodId: `bulk-food-${String(index).padStart(6, "0")}`,
      aisle: "other" as const,
    }));
    await write(t.db, "local", (tx) => insertRows(tx, shoppingAisleChoices, rows));
    const stored = await rawGet<{ n: number; stamped: number; first: string; last: string }>(
      t.db,
      `SELECT count(*) AS n, count(updated_at) AS stamped, min(food_id) AS first, max(food_id) AS last
         FROM shopping_aisle_choices WHERE owner_id = 'local' AND food_id LIKE 'bulk-food-%'`,
    );
    expect(stored).toEqual({
      n: count,
      stamped: count,
      first: "bulk-food-000000",
      last: `bulk-food-${String(count - 1).padStart(6, "0")}`,
    });
  });

  it("rolls the whole write back when one row fails (the last chunk's)", async () => {
    const planId = await createPlanWith(t.caller(), { dayCount: 1 });
    const size = pgChunkSize(Object.keys(getTableColumns(planEntries)).length);
    const rows = Array.from({ length: size + 1 }, (_, index) => ({
      id: `bulk-bad-${index}`,
      planId,
      day: 1,
      meal: "lunch" as const,
      // The very last row names a food that does not exist: a foreign-key failure.
      foodId: index === size ? "no-such-food" : SOYMILK,
      grams: 10,
      position: index + 1,
    }));
    await expect(write(t.db, "local", (tx) => insertEntries(tx, rows))).rejects.toThrow();
    const stored = await rawGet<{ n: number }>(
      t.db,
      `SELECT count(*) AS n FROM plan_entries WHERE plan_id = ?`,
      [planId],
    );
    expect(stored?.n).toBe(0);
  });
});

describe("insertEntries", () => {
  it("writes entries past one PostgreSQL chunk with their given and default timestamps", async () => {
    const planId = await createPlanWith(t.caller(), { dayCount: 7 });
    const size = pgChunkSize(Object.keys(getTableColumns(planEntries)).length);
    const stamped = "2026-01-02T03:04:05.678Z";
    const rows = Array.from({ length: size + 3 }, (_, index) => ({
      id: `bulk-entry-${String(index).padStart(6, "0")}`,
      planId,
      day: 1 + (index % 7),
      meal: "dinner" as const,
      foodId: SOYMILK,
      grams: 1 + (index % 50),
      position: index + 1,
      // Every other row brings its own timestamps; the rest take the column default.
      ...(index % 2 === 0 ? { createdAt: stamped, updatedAt: stamped } : {}),
    }));
    await write(t.db, "local", (tx) => insertEntries(tx, rows));
    const stored = await rawAll<{ id: string; grams: number; created_at: string }>(
      t.db,
      `SELECT id, grams, created_at FROM plan_entries WHERE plan_id = ? ORDER BY id`,
      [planId],
    );
    expect(stored).toHaveLength(size + 3);
    expect(stored.map((row) => row.grams)).toEqual(rows.map((row) => row.grams));
    expect(stored[0]?.created_at).toBe(stamped);
    const defaulted = stored[1]?.created_at ?? "";
    expect(defaulted).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(defaulted).not.toBe(stamped);
  });
});
