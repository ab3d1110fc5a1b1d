/**
 * shopping.list on a full plan: 28 days × 4 meals × 8 entries (896 entries) for 20
 * people, through the service (SQLite load of entries, portions, supplements, marks and
 * extras + the pure aggregation), and the pure `buildShoppingList` alone.
 * Target (issue 5): under 10 ms server-side for the 28-day plan for 20 people.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { planEntries, planSupplements } from "../db/schema";
import { MEAL_ORDER } from "../server/domain/plan-totals";
import { buildShoppingList, type ShoppingEntryInput } from "../server/domain/shopping";
import { createPlan } from "../server/services/plans";
import { getShoppingList } from "../server/services/shopping";

import { printTable, type Row, timeRuns } from "./stats";

/** The bench acts as the household's owner (its own person eats the plan). */
const VIEWER = { accountId: "bench-owner", role: "owner" as const };

/** Foods with household portions (cup, large, slice) and without, from several aisles. */
const FOODS: { id: string; portionSeq: number | null }[] = [
  { id: "sr28-16139", portionSeq: 1 }, // soymilk, 1 cup
  { id: "sr28-01123", portionSeq: 1 }, // egg, 1 large
  { id: "sr28-08120", portionSeq: null }, // oats, grams
  { id: "sr28-09003", portionSeq: 1 }, // apple, 1 cup quartered
  { id: "sr28-18075", portionSeq: 1 }, // whole-wheat bread, slice
  { id: "sr28-16015", portionSeq: null }, // black beans, grams
  { id: "sr28-11090", portionSeq: null }, // broccoli, grams
  { id: "sr28-20044", portionSeq: null }, // rice, grams
];
const ENTRIES_PER_MEAL = 8;

const time = (iterations: number, run: () => unknown) => timeRuns(iterations, run, 20);

export async function benchShopping(): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-shopping-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  try {
    migrateDatabase(db);
    importFoodDatabase(db);
    const { id: planId } = await createPlan(db, "local", {
      name: "Full month",
      dayCount: 28,
      startDate: "2026-02-02",
    });
    const portionGrams = new Map(
      (
        db.$client
          .prepare(
            `SELECT id, grams FROM food_portions WHERE id IN (${FOODS.map(() => "?").join(",")})`,
          )
          .all(...FOODS.map((food) => `${food.id}:${food.portionSeq ?? 0}`)) as {
          id: string;
          grams: number;
        }[]
      ).map((row) => [row.id, row.grams]),
    );
    const rows: (typeof planEntries.$inferInsert)[] = [];
    for (let day = 1; day <= 28; day += 1) {
      for (const meal of MEAL_ORDER) {
        for (let i = 0; i < ENTRIES_PER_MEAL; i += 1) {
          const food = FOODS[i % FOODS.length] ?? { id: "sr28-16139", portionSeq: null };
          const portionId = food.portionSeq === null ? null : `${food.id}:${food.portionSeq}`;
          const grams = portionId ? (portionGrams.get(portionId) ?? 100) : 50 + i;
          rows.push({
            id: `${day}-${meal}-${i}`,
            planId,
            day,
            meal,
            foodId: food.id,
            portionId: portionId && portionGrams.has(portionId) ? portionId : null,
            quantity: portionId && portionGrams.has(portionId) ? 1 : null,
            grams,
            position: i + 1,
          });
        }
      }
    }
    for (let start = 0; start < rows.length; start += 500) {
      await db.insert(planEntries).values(rows.slice(start, start + 500));
    }
    await db
      .insert(planSupplements)
      .values({ id: "daily", planId, doseMicrograms: 1000, form: "tablet", everyNDays: 1 });

    const result: Row[] = [];
    const service = await time(200, () =>
      getShoppingList(db, "local", { planId, servings: 20, unitSystem: "metric" }, VIEWER),
    );
    const lines = (await getShoppingList(db, "local", { planId, servings: 20 }, VIEWER)).counts
      .lines;
    result.push({
      what: "shopping.list service, 28 days (896 entries), 20 people",
      lines,
      "p50 ms": service.p50,
      "p95 ms": service.p95,
      "max ms": service.max,
    });

    const entries: ShoppingEntryInput[] = rows.map((row, index) => ({
      day: row.day,
      meal: row.meal,
      foodId: row.foodId,
      foodName: `Food ${row.foodId}`,
      groupCode: index % 2 === 0 ? "1100" : "1600",
      grams: row.grams,
      portion: row.portionId
        ? { id: row.portionId, amount: 1, unit: "cup", grams: row.grams }
        : null,
    }));
    const pure = await time(500, () =>
      buildShoppingList({
        dayCount: 28,
        startDate: null,
        fromDay: 1,
        toDay: 28,
        servings: 20,
        unitSystem: "metric",
        entries,
      }),
    );
    result.push({
      what: "buildShoppingList alone, 896 entries, 20 people",
      lines: FOODS.length,
      "p50 ms": pure.p50,
      "p95 ms": pure.p95,
      "max ms": pure.max,
    });
    // Growth with plan length (issue 6): the pure aggregation on 7, 28 and 365 days of
    // 4 meals × 8 entries; µg per day should stay about flat (linear growth).
    for (const days of [7, 28, 365]) {
      const longEntries: ShoppingEntryInput[] = [];
      for (let day = 1; day <= days; day += 1) {
        for (const entry of entries.slice(0, 32)) longEntries.push({ ...entry, day });
      }
      const grown = await time(days > 100 ? 100 : 300, () =>
        buildShoppingList({
          dayCount: days,
          startDate: null,
          fromDay: 1,
          toDay: days,
          servings: 20,
          unitSystem: "metric",
          entries: longEntries,
        }),
      );
      result.push({
        what: `buildShoppingList, ${days} days (${longEntries.length} entries)`,
        lines: FOODS.length,
        "p50 ms": grown.p50,
        "p95 ms": grown.p95,
        "max ms": grown.max,
        "µs per day (p50)": Math.round((grown.p50 * 1000) / days),
      });
    }
    return result;
  } finally {
    db.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("shopping.bench.ts")) {
  void benchShopping().then((rows) =>
    printTable("shopping.list (target: 28-day plan for 20 people < 10 ms server-side)", rows),
  );
}
