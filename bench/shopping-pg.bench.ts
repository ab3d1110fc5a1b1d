/**
 * shopping.list on PostgreSQL (issue 17): the 28-day plan of bench/shopping.bench.ts
 * (896 entries, 20 people, a daily supplement) and a 28-day plan of 112 dishes × 8
 * ingredients, through the service, in a scratch database of a throwaway cluster
 * (scripts/pg-cluster.ts: fsync off, TCP on 127.0.0.1). The services' tables are those of
 * the process's dialect (db/schema.ts), so SQLite is measured by the other benches in
 * their own process; compare runs made in the same time window.
 *
 *   npx tsx scripts/pg-cluster.ts run -- npx tsx bench/shopping-pg.bench.ts
 */
import pg from "pg";
import { readImportSources } from "../db/import/import-foods";
import { importFoodDatabasePg } from "../db/import/import-foods-pg";
import { isPostgresUrl, migratePostgres, openPostgres } from "../db/pg-client";
import { rawAll, rawArrays } from "../db/raw";
import {
  planEntries,
  planRecipes,
  planSupplements,
  recipeIngredients,
  recipes,
} from "../db/schema";
import { MEAL_ORDER } from "../server/domain/plan-totals";
import { rawNameCandidates } from "../server/domain/raw-forms";
import { createPlan } from "../server/services/plans";
import { getShoppingList } from "../server/services/shopping";
import { RAW_CANDIDATES_SQL } from "../server/services/shopping-sources";
import { printTable, type Row, timeRuns } from "./stats";

const VIEWER = { accountId: "bench-owner", role: "owner" as const };
const FOODS: { id: string; portionSeq: number | null }[] = [
  { id: "sr28-16139", portionSeq: 1 },
  { id: "sr28-01123", portionSeq: 1 },
  { id: "sr28-08120", portionSeq: null },
  { id: "sr28-09003", portionSeq: 1 },
  { id: "sr28-18075", portionSeq: 1 },
  { id: "sr28-16015", portionSeq: null },
  { id: "sr28-11090", portionSeq: null },
  { id: "sr28-20044", portionSeq: null },
];
export const SHOPPING_PG_TITLE = "shopping.list on PostgreSQL (28-day plans, 20 people)";

export async function benchShoppingPg(base: string): Promise<Row[]> {
  const name = `b12_bench_shopping_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const postgres = openPostgres(url.toString());
  // The services take the app's database type; at run time it is this pool.
  const db = postgres as unknown as Parameters<typeof createPlan>[0];
  try {
    await migratePostgres(postgres);
    await importFoodDatabasePg(postgres, { sources: readImportSources() });
    const portionGrams = new Map(
      (
        await rawAll<{ id: string; grams: number }>(
          db,
          "SELECT id, grams FROM food_portions WHERE id = ANY(?::text[])",
          [FOODS.map((food) => `${food.id}:${food.portionSeq ?? 0}`)],
        )
      ).map((row) => [row.id, row.grams]),
    );
    const { id: planId } = await createPlan(db, "local", { name: "Full month", dayCount: 28 });
    const rows: (typeof planEntries.$inferInsert)[] = [];
    for (let day = 1; day <= 28; day += 1) {
      for (const meal of MEAL_ORDER) {
        for (let i = 0; i < 8; i += 1) {
          const food = FOODS[i % FOODS.length] ?? { id: "sr28-16139", portionSeq: null };
          const portionId = food.portionSeq === null ? null : `${food.id}:${food.portionSeq}`;
          const known = portionId !== null && portionGrams.has(portionId);
          rows.push({
            id: `${day}-${meal}-${i}`,
            planId,
            day,
            meal,
            foodId: food.id,
            portionId: known ? portionId : null,
            quantity: known ? 1 : null,
            grams: known && portionId ? (portionGrams.get(portionId) ?? 100) : 50 + i,
            position: i + 1,
          });
        }
      }
    }
    await db.insert(planEntries).values(rows);
    await db
      .insert(planSupplements)
      .values({ id: "daily", planId, doseMicrograms: 1000, form: "tablet", everyNDays: 1 });

    // The same foods as 8-line recipes, one dish per meal.
    const { id: dishPlan } = await createPlan(db, "local", { name: "Dishes", dayCount: 28 });
    await db
      .insert(recipes)
      .values(
        MEAL_ORDER.map((meal) => ({ id: `r-${meal}`, ownerId: "local", name: meal, servings: 2 })),
      );
    await db.insert(recipeIngredients).values(
      MEAL_ORDER.flatMap((meal) =>
        FOODS.map((food, i) => ({
          id: `r-${meal}-${i}`,
          recipeId: `r-${meal}`,
          position: i + 1,
          text: food.id,
          foodId: food.id,
          grams: 60 + i,
        })),
      ),
    );
    const dishes: (typeof planRecipes.$inferInsert)[] = [];
    for (let day = 1; day <= 28; day += 1) {
      for (const meal of MEAL_ORDER) {
        dishes.push({
          id: `d-${day}-${meal}`,
          planId: dishPlan,
          day,
          meal,
          recipeId: `r-${meal}`,
          servings: 1,
          position: 1,
        });
      }
    }
    await db.insert(planRecipes).values(dishes);

    const result: Row[] = [];
    for (const [what, id] of [
      ["plain: 896 entries", planId],
      ["recipes: 112 dishes × 8 ingredients", dishPlan],
    ] as const) {
      const list = () => getShoppingList(db, "local", { planId: id, servings: 20 }, VIEWER);
      const lines = (await list()).counts.lines;
      const timing = await timeRuns(200, list, 30);
      result.push({
        what: `shopping.list on PostgreSQL, ${what}`,
        lines,
        "p50 ms": timing.p50,
        "p95 ms": timing.p95,
        "max ms": timing.max,
      });
    }
    // The raw-form lookup on a cache miss (bench/raw-forms-query.bench.ts on SQLite): the
    // raw names of 40 prepared shared foods, and the plan PostgreSQL chooses for it.
    const names = (
      await rawAll<{ name: string }>(
        db,
        "SELECT name FROM foods WHERE owner_id IS NULL AND name LIKE '%cooked%' ORDER BY id LIMIT 40",
      )
    ).flatMap((row) => rawNameCandidates(row.name));
    const params = [names, [] as string[]];
    const plan = (await rawArrays(db, `EXPLAIN ${RAW_CANDIDATES_SQL.pg}`, params))
      .map((row) => String(row[0]).trim())
      .filter((line) => /Scan/.test(line));
    const lookup = await timeRuns(200, () => rawArrays(db, RAW_CANDIDATES_SQL, params), 20);
    result.push({
      what: `raw-form candidates, ${names.length} names (${plan.join("; ")})`,
      lines: "",
      "p50 ms": lookup.p50,
      "p95 ms": lookup.p95,
      "max ms": lookup.max,
    });
    return result;
  } finally {
    await postgres.$client.end();
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1]?.endsWith("shopping-pg.bench.ts")) {
  const base = process.env.DATABASE_URL ?? "";
  if (!isPostgresUrl(base)) {
    console.error(
      "shopping-pg.bench: run it in a cluster: npx tsx scripts/pg-cluster.ts run -- npx tsx bench/shopping-pg.bench.ts",
    );
    process.exit(2);
  }
  void benchShoppingPg(base).then((rows) => printTable(SHOPPING_PG_TITLE, rows));
}
