/**
 * Fills an owner to every cap that backup.restore accepts (server/schemas/backup.ts):
 * 200 plans (the first 8 full: 5,600 entries each, every entry a household portion,
 * 44,800 in all), 1,000 custom foods with 20 portions, 5,000 diet corrections, every plan
 * with 20 supplements, 100 shopping extras and a mark on every item, 1,000 favourite foods
 * and 5,000 aisle choices, 50 people (the first the test account's own) eating every plan
 * with each supplement one person's, 500 recipes of 100 lines each, names and notes at their longest. Raw SQL in one transaction (seconds, not minutes). Used by
 * tests/limits/caps.test.ts and bench/limits.bench.ts.
 */
import { randomUUID } from "node:crypto";
import { write } from "@/db/dialect";
import { MEALS } from "@/server/domain/vocabulary";
import {
  MAX_BACKUP_AISLE_CHOICES,
  MAX_BACKUP_CUSTOM_FOODS,
  MAX_BACKUP_ENTRIES,
  MAX_BACKUP_FAVORITES,
  MAX_BACKUP_OVERRIDES,
  MAX_BACKUP_PEOPLE,
  MAX_BACKUP_PLANS,
} from "@/server/schemas/backup";
import { MAX_PLAN_ENTRIES } from "@/server/schemas/plans";
import {
  MAX_INGREDIENT_TEXT_LENGTH,
  MAX_RECIPE_INGREDIENTS,
  MAX_RECIPE_NOTES_LENGTH,
  MAX_RECIPE_STEPS_LENGTH,
  MAX_RECIPES_PER_OWNER,
} from "@/server/schemas/recipe-file";
import { MAX_EXTRAS } from "@/server/schemas/shopping";
import { MAX_SUPPLEMENTS_PER_PLAN } from "@/server/schemas/supplements";
import { createCustomFoodWithId } from "@/server/services/foods";
import type { TestDatabase } from "./database";
import { buildCustomFoodInput } from "./foods";

export const FULL_PLANS = MAX_BACKUP_ENTRIES / MAX_PLAN_ENTRIES;

export type FilledOwner = {
  /** A plan holding MAX_PLAN_ENTRIES entries. */
  fullPlanId: string;
  /** A plan with no entries. */
  emptyPlanId: string;
  /** Every shared food id; the first MAX_BACKUP_OVERRIDES have a diet correction. */
  sharedFoodIds: string[];
};

/** `plans`: how many plans to make (all caps but the plan count are reached from 50). */
export async function fillToEveryCap(
  testDb: Pick<TestDatabase, "db">,
  ownerId = "local",
  plans = MAX_BACKUP_PLANS,
  /** The account whose own person is the household's first (the test callers' account). */
  accountId = "test-account",
): Promise<FilledOwner> {
  const client = testDb.db.$client;
  let fullPlanId = "";
  let emptyPlanId = "";
  const shared = client
    .prepare(
      `SELECT f.id AS foodId, p.id AS portionId, p.grams AS grams
         FROM foods f JOIN food_portions p ON p.food_id = f.id AND p.seq = 1
        WHERE f.owner_id IS NULL ORDER BY length(f.id) DESC, f.id`,
    )
    .all() as { foodId: string; portionId: string; grams: number }[];
  const sharedFoodIds = (
    client.prepare("SELECT id FROM foods WHERE owner_id IS NULL").all() as { id: string }[]
  ).map((row) => row.id);
  // The custom foods go through the service (asynchronous), in a write() of their own
  // before the rest, which is plain statements in one native transaction.
  await write(testDb.db, ownerId, async (tx) => {
    for (let index = 0; index < MAX_BACKUP_CUSTOM_FOODS; index++) {
      await createCustomFoodWithId(tx, ownerId, `custom-${randomUUID()}`, {
        ...buildCustomFoodInput(),
        b12: { percentDailyValue: 25, labelEdition: "current" },
        name: `${String(index).padStart(4, "0")} ${"Fortified oat drink ".repeat(10)}`.slice(
          0,
          200,
        ),
        portions: Array.from({ length: 20 }, (_, n) => ({
          label: `${n + 1} ${"glass ".repeat(20)}`.slice(0, 100),
          grams: 100 + n,
        })),
      });
    }
  });
  const fill = client.transaction(() => {
    const override = client.prepare(
      "INSERT INTO diet_overrides (owner_id, food_id, diet, note) VALUES (?, ?, 'vegan', ?)",
    );
    for (const foodId of sharedFoodIds.slice(0, MAX_BACKUP_OVERRIDES)) {
      override.run(ownerId, foodId, "n".repeat(500));
    }
    const favorite = client.prepare("INSERT INTO favorite_foods (owner_id, food_id) VALUES (?, ?)");
    for (const foodId of sharedFoodIds.slice(0, MAX_BACKUP_FAVORITES))
      favorite.run(ownerId, foodId);
    const aisleChoice = client.prepare(
      "INSERT INTO shopping_aisle_choices (owner_id, food_id, aisle) VALUES (?, ?, 'other')",
    );
    for (const foodId of sharedFoodIds.slice(0, MAX_BACKUP_AISLE_CHOICES)) {
      aisleChoice.run(ownerId, foodId);
    }
    const person = client.prepare(
      `INSERT INTO people (id, household_id, name, account_id, age_years, sex, diet, standard, conditions, created_at)
       VALUES (?, ?, ?, ?, 40, 'female', 'vegan', 'nih', '["metformin"]', ?)`,
    );
    const personIds = Array.from({ length: MAX_BACKUP_PEOPLE }, (_, index) => {
      const id = `person-${randomUUID()}`;
      person.run(
        id,
        ownerId,
        `${String(index).padStart(2, "0")} ${"Person name ".repeat(6)}`.slice(0, 60),
        index === 0 ? accountId : null,
        new Date(Date.UTC(2026, 0, 1) + index).toISOString(),
      );
      return id;
    });
    const eater = client.prepare(
      "INSERT INTO plan_eaters (plan_id, person_id, portion_factor, position) VALUES (?, ?, ?, ?)",
    );
    const plan = client.prepare(
      "INSERT INTO plans (id, owner_id, name, day_count, start_date) VALUES (?, ?, ?, 28, '2026-01-05')",
    );
    const entry = client.prepare(
      `INSERT INTO plan_entries (id, plan_id, day, meal, food_id, portion_id, quantity, grams, position)
       VALUES (?, ?, ?, ?, ?, ?, 1.5, ?, ?)`,
    );
    const supplement = client.prepare(
      `INSERT INTO plan_supplements (id, plan_id, dose_micrograms, form, compound, every_n_days, first_day, with_meal, note, person_id)
       VALUES (?, ?, 250, 'tablet', 'cyanocobalamin', 1, 1, 'breakfast', ?, ?)`,
    );
    const extra = client.prepare(
      "INSERT INTO shopping_extras (id, plan_id, text, position) VALUES (?, ?, ?, ?)",
    );
    const mark = client.prepare(
      "INSERT INTO shopping_marks (plan_id, item_key, checked, in_pantry) VALUES (?, ?, 1, 0)",
    );
    const preferences = client.prepare(
      "INSERT INTO shopping_preferences (plan_id, servings, unit_system, from_day, to_day) VALUES (?, 20, 'imperial', 1, 28)",
    );
    const recipe = client.prepare(
      "INSERT INTO recipes (id, owner_id, name, servings, steps, notes) VALUES (?, ?, ?, 4, ?, ?)",
    );
    const line = client.prepare(
      `INSERT INTO recipe_ingredients (id, recipe_id, position, text, food_id, portion_id, quantity, grams)
       VALUES (?, ?, ?, ?, ?, ?, 1.5, ?)`,
    );
    for (let r = 0; r < MAX_RECIPES_PER_OWNER; r++) {
      const recipeId = randomUUID();
      recipe.run(
        recipeId,
        ownerId,
        `${String(r).padStart(3, "0")} ${"A long recipe name ".repeat(12)}`.slice(0, 199),
        "s".repeat(MAX_RECIPE_STEPS_LENGTH),
        "n".repeat(MAX_RECIPE_NOTES_LENGTH),
      );
      for (let i = 0; i < MAX_RECIPE_INGREDIENTS; i++) {
        const food = shared[(r * 31 + i) % shared.length];
        if (!food) throw new Error("no shared foods with portions");
        line.run(
          randomUUID(),
          recipeId,
          i + 1,
          `${i} ${"chopped onion ".repeat(20)}`.slice(0, MAX_INGREDIENT_TEXT_LENGTH),
          food.foodId,
          food.portionId,
          Math.min(5000, food.grams * 1.5),
        );
      }
    }
    for (let p = 0; p < plans; p++) {
      const planId = randomUUID();
      if (p === 0) fullPlanId = planId;
      if (p === plans - 1) emptyPlanId = planId;
      plan.run(
        planId,
        ownerId,
        `${String(p).padStart(3, "0")} ${"A long plan name ".repeat(12)}`.slice(0, 199),
      );
      preferences.run(planId);
      personIds.forEach((personId, position) => {
        eater.run(planId, personId, position === 0 ? 1 : 0.5, position);
      });
      if (p < FULL_PLANS) {
        const foodsInPlan = new Set<string>();
        for (let i = 0; i < MAX_PLAN_ENTRIES; i++) {
          const food = shared[(p * 97 + i) % shared.length];
          if (!food) throw new Error("no shared foods with portions");
          foodsInPlan.add(food.foodId);
          entry.run(
            randomUUID(),
            planId,
            Math.floor(i / 200) + 1,
            MEALS[Math.floor(i / 50) % 4],
            food.foodId,
            food.portionId,
            Math.min(5000, food.grams * 1.5),
            (i % 50) + 1,
          );
        }
        for (const foodId of foodsInPlan) mark.run(planId, foodId);
      }
      for (let s = 0; s < MAX_SUPPLEMENTS_PER_PLAN; s++) {
        const id = randomUUID();
        supplement.run(id, planId, "s".repeat(200), personIds[s % personIds.length] ?? null);
        mark.run(planId, `supplement:${id}`);
      }
      for (let x = 0; x < MAX_EXTRAS; x++) {
        const id = randomUUID();
        extra.run(id, planId, `${x} ${"paper towels ".repeat(20)}`.slice(0, 200), x + 1);
        mark.run(planId, `extra:${id}`);
      }
    }
  });
  fill();
  return { fullPlanId, emptyPlanId, sharedFoodIds };
}
