/**
 * A 28-day plan made of recipes (issue 16): every meal of every day one dish of a recipe
 * with 8 ingredients (4 recipes in turn, one with an unmatched text line), so the totals
 * and the shopping list expand 112 dishes into 896 ingredient amounts, the same count as
 * the plain-entry plan of bench/plan-totals.bench.ts and bench/shopping.bench.ts. Both
 * plans are built in the same database and timed side by side:
 * - plans.totals (computed: the remembered totals made stale before each call),
 * - shopping.list for 20 people,
 * - plans.get (the editor's read: entries, or dishes with their ingredients).
 * Targets: as for plain entries, under 10 ms server-side for each.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { importFoodDatabase } from "../db/import/import-foods";
import { planEntries, planRecipes } from "../db/schema";
import { MEAL_ORDER } from "../server/domain/plan-totals";
import { createPlan, getPlan, getPlanTotals } from "../server/services/plans";
import { createRecipe } from "../server/services/recipes";
import { getShoppingList } from "../server/services/shopping";

/** Who asks (the shopping list answers for the signed-in caller's household). */
const VIEWER = { accountId: "bench-owner", role: "owner" as const };

import { printTable, type Row, timeRuns } from "./stats";

const FOODS = [
  "sr28-16139", // soymilk (cup portions)
  "sr28-01123", // egg
  "sr28-08120", // oats
  "sr28-09003", // apple
  "sr28-18075", // whole-wheat bread
  "sr28-16015", // black beans
  "sr28-11090", // broccoli
  "sr28-20044", // rice
  "sr28-16126", // firm tofu
  "curated-nutritional-yeast-fortified",
];

export const RECIPES_TITLE =
  "28-day plan made of recipes vs plain entries (targets: each < 10 ms server-side)";

export async function benchRecipes(): Promise<Row[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "b12-bench-recipes-"));
  const db = openDatabase(path.join(directory, "bench.db"));
  try {
    migrateDatabase(db);
    importFoodDatabase(db);
    const viewer = { accountId: "bench", role: "owner" as const };
    const recipeIds: string[] = [];
    for (const n of [0, 1, 2, 3]) {
      recipeIds.push(
        (
          await createRecipe(
            db,
            "local",
            {
              name: `Recipe ${n + 1}`,
              servings: 2 + n,
              ingredients: Array.from({ length: 8 }, (_, i) => {
                if (n === 3 && i === 7)
                  return { foodId: null, text: "a pinch of salt", amount: null };
                const foodId = FOODS[(n * 3 + i) % FOODS.length] ?? "sr28-16139";
                return {
                  foodId,
                  text: null,
                  amount:
                    foodId === "sr28-16139"
                      ? { portionId: "sr28-16139:1", quantity: 1 }
                      : { grams: 40 + 10 * i },
                };
              }),
            },
            viewer,
          )
        ).id,
      );
    }
    const { id: dishPlan } = await createPlan(db, "local", {
      name: "Recipes",
      dayCount: 28,
      startDate: "2026-02-02",
    });
    const { id: entryPlan } = await createPlan(db, "local", {
      name: "Entries",
      dayCount: 28,
      startDate: "2026-02-02",
    });
    const dishes: (typeof planRecipes.$inferInsert)[] = [];
    const entries: (typeof planEntries.$inferInsert)[] = [];
    for (let day = 1; day <= 28; day += 1) {
      MEAL_ORDER.forEach((meal, m) => {
        dishes.push({
          id: `d-${day}-${meal}`,
          planId: dishPlan,
          day,
          meal,
          recipeId: recipeIds[(day + m) % recipeIds.length] ?? "",
          servings: 1,
          position: 1,
        });
        for (let i = 0; i < 8; i += 1) {
          entries.push({
            id: `e-${day}-${meal}-${i}`,
            planId: entryPlan,
            day,
            meal,
            foodId: FOODS[i % FOODS.length] ?? "sr28-16139",
            grams: 50 + i,
            position: i + 1,
          });
        }
      });
    }
    await db.insert(planRecipes).values(dishes);
    for (let start = 0; start < entries.length; start += 500) {
      await db.insert(planEntries).values(entries.slice(start, start + 500));
    }
    const touch = db.$client.prepare(`UPDATE plans SET name = name WHERE id = ?`);
    // Both plans warmed up first: whichever is timed first otherwise pays for the JIT.
    for (let i = 0; i < 60; i += 1) {
      for (const planId of [dishPlan, entryPlan]) {
        touch.run(planId);
        await getPlanTotals(db, "local", planId);
        await getShoppingList(db, "local", { planId, servings: 20 }, VIEWER);
        await getPlan(db, "local", planId);
      }
    }
    const rows: Row[] = [];
    for (const [label, planId] of [
      ["plain: 896 entries", entryPlan],
      ["recipes: 112 dishes × 8 ingredients", dishPlan],
    ] as const) {
      const totals = await timeRuns(
        200,
        () => getPlanTotals(db, "local", planId),
        1,
        () => {
          touch.run(planId);
        },
      );
      rows.push({
        what: `plans.totals computed, ${label}`,
        "p50 ms": totals.p50,
        "p95 ms": totals.p95,
        "max ms": totals.max,
      });
      const list = await timeRuns(
        200,
        () => getShoppingList(db, "local", { planId, servings: 20 }, VIEWER),
        30,
      );
      rows.push({
        what: `shopping.list 20 people, ${label}`,
        "p50 ms": list.p50,
        "p95 ms": list.p95,
        "max ms": list.max,
      });
      const read = await timeRuns(200, () => getPlan(db, "local", planId), 30);
      rows.push({
        what: `plans.get, ${label}`,
        "p50 ms": read.p50,
        "p95 ms": read.p95,
        "max ms": read.max,
      });
    }
    return rows;
  } finally {
    db.$client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("recipes.bench.ts")) {
  void benchRecipes().then((rows) => printTable(RECIPES_TITLE, rows));
}
