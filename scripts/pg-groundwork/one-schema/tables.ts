/**
 * The one description of (two of) the tables, written once against the PostgreSQL kit's
 * type. A generic over both kits does not type-check (TS2349: the union of pgTable and
 * sqliteTable is not callable), so schema.sqlite.ts passes the SQLite kit under this type;
 * at run time each kit builds its own dialect's tables.
 */
import type * as Kit from "./kit-pg";

const MEALS = ["breakfast", "lunch", "dinner", "snack"] as const;

export function defineTables(k: typeof Kit) {
  const plans = k.table(
    "plans",
    {
      id: k.text("id").primaryKey(),
      ownerId: k.text("owner_id").notNull(),
      name: k.text("name").notNull(),
      dayCount: k.int("day_count").notNull(),
      createdAt: k.isoNow("created_at"),
    },
    (t) => [k.index("plans_owner_idx").on(t.ownerId, t.createdAt)],
  );
  const planEntries = k.table("plan_entries", {
    key: k.serialKey("key"),
    planId: k
      .text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    meal: k.enumText("meal", MEALS).notNull(),
    grams: k.float("grams").notNull(),
    fortified: k.bool("fortified").notNull().default(false),
    weekdays: k.json<number[]>("weekdays"),
  });
  return { plans, planEntries };
}
