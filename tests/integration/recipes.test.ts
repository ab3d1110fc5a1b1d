/**
 * recipes.* and dishes in plans, through the tRPC caller on a real, imported temporary
 * database. Every expected B12 figure is worked out by hand from the SR28 / curated
 * values written beside the food ids.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { expectTrpcError, malformed } from "../helpers";

let testDb: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

beforeAll(() => {
  testDb = createTestDatabase();
  api = testDb.caller();
});
afterAll(() => testDb.close());

const TOFU = "sr28-16126"; // firm tofu: 0.00 µg/100 g (SR28)
const YEAST = "curated-nutritional-yeast-fortified"; // 55 µg/100 g; "1 tablespoon, 5 g"
const YEAST_TBSP = "curated-nutritional-yeast-fortified:1";
const SOYMILK = "sr28-16139"; // 0.85 µg/100 g; 1 cup = 243 g (portion sr28-16139:1)
const SOYMILK_CUP = "sr28-16139:1";
const ONION = "sr28-11282"; // 0.00 µg/100 g
const EGG = "sr28-01123"; // 0.89 µg/100 g, vegetarian
const SALMON = "sr28-15076"; // 3.18 µg/100 g, omnivore
const CHEESE = "sr28-01188"; // B12 unknown in SR28

/** Tofu scramble for 2: 200 g tofu, 2 tbsp yeast, 1 cup soy milk, 80 g onion. */
const scramble = () => ({
  name: "Tofu scramble",
  servings: 2,
  ingredients: [
    { foodId: TOFU, grams: 200, text: "200 g firm tofu" },
    { foodId: YEAST, portionId: YEAST_TBSP, quantity: 2, text: "2 tbsp nutritional yeast" },
    { foodId: SOYMILK, portionId: SOYMILK_CUP, quantity: 1 },
    { foodId: ONION, grams: 80, text: "½ onion, chopped" },
  ],
  steps: "Crumble the tofu.\nFry with the onion; stir in yeast and milk.",
  notes: "Good with toast.",
});

// By hand: tofu 200 × 0/100 = 0; yeast 2 × 5 g = 10 g × 55/100 = 5.5; soy milk 243 × 0.85/100
// = 2.0655; onion 0 → total 7.5655 µg, per serving (÷ 2) 3.78275 µg.
const SCRAMBLE_TOTAL = 7.5655;
const SCRAMBLE_PER_SERVING = 3.78275;

describe("recipes", () => {
  it("creates a recipe and gives B12 per ingredient, in total and per serving", async () => {
    const recipe = await api.recipes.create(scramble());
    expect(recipe.name).toBe("Tofu scramble");
    expect(recipe.servings).toBe(2);
    expect(recipe.ingredients.map((line) => line.text)).toEqual([
      "200 g firm tofu",
      "2 tbsp nutritional yeast",
      expect.stringContaining("Soymilk"),
      "½ onion, chopped",
    ]);
    expect(recipe.ingredients[1]?.grams).toBe(10);
    expect(recipe.ingredients[1]?.portionLabel).toBe("1 tablespoon, 5 g");
    expect(recipe.ingredients[1]?.b12Micrograms).toBeCloseTo(5.5, 10);
    expect(recipe.ingredients[2]?.grams).toBe(243);
    expect(recipe.ingredients[2]?.b12Micrograms).toBeCloseTo(2.0655, 10);
    expect(recipe.b12TotalMicrograms).toBeCloseTo(SCRAMBLE_TOTAL, 10);
    expect(recipe.b12PerServingMicrograms).toBeCloseTo(SCRAMBLE_PER_SERVING, 10);
    expect(recipe.b12Complete).toBe(true);
    expect(recipe.unknownCount).toBe(0);
    // Shares: 5.5 / 7.5655 = 72.70 %, 2.0655 / 7.5655 = 27.30 %.
    expect(recipe.ingredients[1]?.sharePercent).toBeCloseTo(72.6985, 3);
    expect(recipe.ingredients[2]?.sharePercent).toBeCloseTo(27.3015, 3);
    expect(recipe.ingredients.map((line) => line.carriesB12)).toEqual([false, true, true, false]);
    expect(recipe.diet).toBe("vegan");
    expect(recipe.dietComplete).toBe(true);
    expect(recipe.usedIn).toEqual([]);
    expect(await api.recipes.get({ recipeId: recipe.id })).toEqual(recipe);
  });

  it("judges one serving against the person's daily target (2.4 µg by default)", async () => {
    const recipe = await api.recipes.create(scramble());
    // 3.78 µg at one sitting: intake ≥ 2.4 µg, but the model absorbs 1.5 × 3.78275 /
    // (2.0612 + 3.78275) + 1 % = 1.009 µg, under the 1.282 µg absorbed target → short.
    expect(recipe.verdict.targetMicrograms).toBe(2.4);
    expect(recipe.verdict.status).toBe("short");
    expect(recipe.verdict.reason).toMatch(/3\.78 µg at one serving/);
    // 20 g yeast in one serving: 11 µg → 1.5 × 11 / 13.0612 + 0.11 = 1.373 µg absorbed → meets.
    const strong = await api.recipes.create({
      name: "Yeast gravy",
      servings: 1,
      ingredients: [{ foodId: YEAST, grams: 20 }],
    });
    expect(strong.b12PerServingMicrograms).toBeCloseTo(11, 10);
    expect(strong.verdict).toEqual({ status: "meets", reason: null, targetMicrograms: 2.4 });
  });

  it("keeps unmatched lines and foods of unknown B12 as unknown: the total is a lower bound", async () => {
    const recipe = await api.recipes.create({
      name: "Cheesy toast",
      servings: 1,
      ingredients: [
        { foodId: EGG, grams: 50 },
        { foodId: CHEESE, grams: 33 },
        { text: "a pinch of salt" },
        { foodId: SOYMILK, text: "a splash of soy milk" },
      ],
    });
    // Egg 50 × 0.89/100 = 0.445 µg; cheese (unknown), salt (no food), soy milk (no amount).
    expect(recipe.b12TotalMicrograms).toBeCloseTo(0.445, 10);
    expect(recipe.b12Complete).toBe(false);
    expect(recipe.unknownCount).toBe(3);
    expect(recipe.ingredients.map((line) => line.b12Micrograms)).toEqual([
      expect.closeTo(0.445, 10),
      null,
      null,
      null,
    ]);
    expect(recipe.ingredients[2]).toMatchObject({
      text: "a pinch of salt",
      foodId: null,
      grams: null,
    });
    expect(recipe.ingredients[3]).toMatchObject({
      foodId: SOYMILK,
      grams: null,
      sharePercent: null,
    });
    // The egg makes it vegetarian; the unmatched salt could not make it stricter, but it says so.
    expect(recipe.diet).toBe("vegetarian");
    expect(recipe.dietComplete).toBe(false);
  });

  it("takes the strictest diet of its foods", async () => {
    const recipe = await api.recipes.create({
      name: "Salmon and egg",
      servings: 2,
      ingredients: [
        { foodId: EGG, grams: 100 },
        { foodId: SALMON, grams: 200 },
      ],
    });
    expect(recipe.diet).toBe("omnivore");
    // 100 × 0.89/100 + 200 × 3.18/100 = 0.89 + 6.36 = 7.25 µg; per serving 3.625.
    expect(recipe.b12PerServingMicrograms).toBeCloseTo(3.625, 10);
  });

  it("lists recipes in name order with their per-serving B12", async () => {
    const other = testDb.caller("recipes-list-owner");
    await other.recipes.create({ name: "zucchini soup", servings: 4, ingredients: [] });
    await other.recipes.create({ name: "Éclairs", servings: 6, ingredients: [] });
    await other.recipes.create(scramble());
    await other.recipes.create({ name: "apple crumble", servings: 6, ingredients: [] });
    const list = await other.recipes.list();
    // ASCII case is ignored (by code point otherwise, so "É" comes after "z"), on both
    // databases: SQLite's NOCASE, PostgreSQL's lower() under the C collation.
    expect(list.items.map((item) => item.name)).toEqual([
      "apple crumble",
      "Tofu scramble",
      "zucchini soup",
      "Éclairs",
    ]);
    expect(list.items[1]).toMatchObject({
      servings: 2,
      ingredientCount: 4,
      b12Complete: true,
      diet: "vegan",
      usedInPlanCount: 0,
    });
    expect(list.items[1]?.b12PerServingMicrograms).toBeCloseTo(SCRAMBLE_PER_SERVING, 10);
    expect(list.items[2]?.b12PerServingMicrograms).toBe(0);
  });

  it("updates fields and replaces the ingredient list", async () => {
    const recipe = await api.recipes.create(scramble());
    const { recipe: updated, plansAffected } = await api.recipes.update({
      recipeId: recipe.id,
      name: "Big scramble",
      servings: 4,
      ingredients: [{ foodId: YEAST, grams: 8 }],
      notes: null,
    });
    expect(plansAffected).toEqual([]);
    expect(updated.name).toBe("Big scramble");
    expect(updated.notes).toBeNull();
    expect(updated.steps).toBe(recipe.steps);
    expect(updated.ingredients).toHaveLength(1);
    // 8 × 55/100 = 4.4 µg; per serving ÷ 4 = 1.1.
    expect(updated.b12PerServingMicrograms).toBeCloseTo(1.1, 10);
  });

  it("duplicates a recipe, scaled to other servings when asked", async () => {
    const recipe = await api.recipes.create(scramble());
    const copy = await api.recipes.duplicate({ recipeId: recipe.id });
    expect(copy.name).toBe("Tofu scramble (copy)");
    expect(copy.id).not.toBe(recipe.id);
    expect(copy.b12TotalMicrograms).toBeCloseTo(SCRAMBLE_TOTAL, 10);
    const scaled = await api.recipes.duplicate({ recipeId: recipe.id, servings: 6 });
    // × 3: tofu 600 g, yeast 6 tbsp = 30 g, soy milk 3 cups = 729 g; per serving unchanged.
    expect(scaled.servings).toBe(6);
    expect(scaled.ingredients.map((line) => line.grams)).toEqual([600, 30, 729, 240]);
    expect(scaled.ingredients[1]?.quantity).toBe(6);
    expect(scaled.b12TotalMicrograms).toBeCloseTo(SCRAMBLE_TOTAL * 3, 10);
    expect(scaled.b12PerServingMicrograms).toBeCloseTo(SCRAMBLE_PER_SERVING, 10);
  });

  it("refuses bad input naming the field, and unknown ids as NOT_FOUND", async () => {
    await expectTrpcError(
      api.recipes.create({ ...scramble(), servings: 0 }),
      "BAD_REQUEST",
      /servings must be greater than 0/,
    );
    await expectTrpcError(
      api.recipes.create({ ...scramble(), name: "  " }),
      "BAD_REQUEST",
      /name must not be empty/,
    );
    await expectTrpcError(
      api.recipes.create({ ...scramble(), ingredients: [{ foodId: TOFU, grams: -5 }] }),
      "BAD_REQUEST",
      /ingredients\.0\.grams/,
    );
    await expectTrpcError(
      api.recipes.create({ ...scramble(), ingredients: [malformed({})] }),
      "BAD_REQUEST",
      /ingredients\.0\.text/,
    );
    const missingFood = await expectTrpcError(
      api.recipes.create({ ...scramble(), ingredients: [{ foodId: "sr28-99999", grams: 5 }] }),
      "NOT_FOUND",
      /ingredients\.0\.foodId/,
    );
    expect(missingFood.message).toMatch(/sr28-99999/);
    await expectTrpcError(
      api.recipes.create({
        ...scramble(),
        ingredients: [{ foodId: TOFU, portionId: SOYMILK_CUP, quantity: 1 }],
      }),
      "BAD_REQUEST",
      /ingredients\.0\.portionId/,
    );
    await expectTrpcError(
      api.recipes.get({ recipeId: "00000000-0000-4000-8000-00000000dead" }),
      "NOT_FOUND",
    );
  });

  it("hides another household's recipe: NOT_FOUND, as for an id that does not exist", async () => {
    const recipe = await api.recipes.create(scramble());
    const stranger = testDb.caller("recipes-stranger");
    const theirs = await expectTrpcError(
      stranger.recipes.get({ recipeId: recipe.id }),
      "NOT_FOUND",
    );
    const none = await expectTrpcError(
      stranger.recipes.get({ recipeId: "00000000-0000-4000-8000-00000000beef" }),
      "NOT_FOUND",
    );
    expect(theirs.message.replace(recipe.id, "")).toBe(
      none.message.replace("00000000-0000-4000-8000-00000000beef", ""),
    );
    await expectTrpcError(stranger.recipes.delete({ recipeId: recipe.id }), "NOT_FOUND");
    expect((await stranger.recipes.list()).items).toEqual([]);
  });
});

describe("dishes in plans", () => {
  it("adds a recipe to a meal; the totals count its ingredients scaled by servings", async () => {
    const recipe = await api.recipes.create(scramble());
    const { id: planId } = await api.plans.create({ name: "Recipe week", dayCount: 2 });
    // A plain entry first: 1 cup soy milk at breakfast on day 1 (2.0655 µg).
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 243 });
    const added = await api.plans.addRecipe({
      planId,
      day: 1,
      meal: "breakfast",
      recipeId: recipe.id,
      servings: 1,
    });
    expect(added.dish).toMatchObject({
      day: 1,
      meal: "breakfast",
      position: 2,
      recipeId: recipe.id,
      recipeName: "Tofu scramble",
      servings: 1,
      recipeServings: 2,
      b12Complete: true,
    });
    // One serving of a 2-serving recipe: every ingredient halved.
    expect(added.dish?.ingredients.map((line) => line.grams)).toEqual([100, 5, 121.5, 40]);
    expect(added.dish?.b12Micrograms).toBeCloseTo(SCRAMBLE_PER_SERVING, 10);
    // Day 1: 2.0655 (entry) + 3.78275 (dish) = 5.84825 µg; day 2 empty; average 2.924125.
    const totals = await api.plans.totals({ planId });
    expect(totals.days[0]?.b12Micrograms).toBeCloseTo(5.84825, 10);
    expect(totals.days[0]?.complete).toBe(true);
    expect(totals.days[0]?.meals[0]?.b12Micrograms).toBeCloseTo(5.84825, 10);
    expect(totals.averageB12Micrograms).toBeCloseTo(2.924125, 10);
    // The edit's answer has the same totals.
    expect(added.totals.days[0]?.b12Micrograms).toBeCloseTo(5.84825, 10);
    const plan = await api.plans.get({ planId });
    expect(plan.dishes).toHaveLength(1);
    expect(plan.entries).toHaveLength(1);

    // Three servings instead: 3 × 3.78275 = 11.34825 + 2.0655 = 13.41375 µg on day 1.
    const updated = await api.plans.updateDish({ planId, dishId: added.id, servings: 3 });
    expect(updated.dish?.servings).toBe(3);
    expect((await api.plans.totals({ planId })).days[0]?.b12Micrograms).toBeCloseTo(13.41375, 10);

    // A plain entry added afterwards goes after the dish in the meal's one sequence.
    const after = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: TOFU,
      grams: 50,
    });
    expect(after.plan.entries.find((entry) => entry.id === after.id)?.position).toBe(3);

    // Moved to day 2's dinner, then back: it goes after what the meal holds.
    const moved = await api.plans.moveDish({ planId, dishId: added.id, day: 2, meal: "dinner" });
    expect(moved.dish).toMatchObject({ day: 2, meal: "dinner", position: 1 });
    expect((await api.plans.totals({ planId })).days[1]?.b12Micrograms).toBeCloseTo(11.34825, 10);
    const back = await api.plans.moveDish({ planId, dishId: added.id, day: 1, meal: "breakfast" });
    expect(back.dish).toMatchObject({ day: 1, meal: "breakfast", position: 4 });
    expect((await api.plans.list()).find((plan) => plan.id === planId)).toMatchObject({
      entryCount: 2,
      dishCount: 1,
    });
    const removed = await api.plans.removeDish({ planId, dishId: added.id });
    expect(removed.dish).toBeNull();
    expect(removed.plan.dishes).toEqual([]);
    expect((await api.plans.totals({ planId })).days[0]?.b12Micrograms).toBeCloseTo(2.0655, 10);
    await expectTrpcError(api.plans.removeDish({ planId, dishId: added.id }), "NOT_FOUND");
  });

  it("makes the meal and day incomplete when a dish has an unknown line", async () => {
    const recipe = await api.recipes.create({
      name: "Salted egg",
      servings: 1,
      ingredients: [{ foodId: EGG, grams: 50 }, { text: "a pinch of salt" }],
    });
    const { id: planId } = await api.plans.create({ name: "Unknown", dayCount: 1 });
    await api.plans.addRecipe({ planId, day: 1, meal: "lunch", recipeId: recipe.id, servings: 2 });
    const totals = await api.plans.totals({ planId });
    // 2 servings: egg 100 g × 0.89/100 = 0.89 µg, salt unknown.
    expect(totals.days[0]?.b12Micrograms).toBeCloseTo(0.89, 10);
    expect(totals.days[0]?.complete).toBe(false);
    expect(totals.days[0]?.unknownEntries).toBe(1);
    expect(totals.days[0]?.meals[1]?.complete).toBe(false);
    expect(totals.averageComplete).toBe(false);
  });

  it("changes the totals of the plans that use a recipe when the recipe is edited", async () => {
    const recipe = await api.recipes.create(scramble());
    const { id: planId } = await api.plans.create({ name: "Follows the recipe", dayCount: 1 });
    await api.plans.addRecipe({ planId, day: 1, meal: "dinner", recipeId: recipe.id, servings: 2 });
    expect((await api.plans.totals({ planId })).days[0]?.b12Micrograms).toBeCloseTo(
      SCRAMBLE_TOTAL,
      10,
    );
    const { plansAffected } = await api.recipes.update({
      recipeId: recipe.id,
      ingredients: [{ foodId: YEAST, grams: 4 }],
    });
    expect(plansAffected).toEqual([{ planId, planName: "Follows the recipe" }]);
    // 2 servings of a 2-serving recipe of 4 g yeast: 4 × 55/100 = 2.2 µg.
    expect((await api.plans.totals({ planId })).days[0]?.b12Micrograms).toBeCloseTo(2.2, 10);
    // The yield changes the scaling too: 2 servings of an 8-serving recipe = a quarter.
    await api.recipes.update({ recipeId: recipe.id, servings: 8 });
    expect((await api.plans.totals({ planId })).days[0]?.b12Micrograms).toBeCloseTo(0.55, 10);
  });

  it("refuses to delete a recipe in use, then deletes it and its dishes when asked", async () => {
    const recipe = await api.recipes.create(scramble());
    const { id: first } = await api.plans.create({ name: "First", dayCount: 1 });
    const { id: second } = await api.plans.create({ name: "Second", dayCount: 1 });
    await api.plans.addRecipe({
      planId: first,
      day: 1,
      meal: "lunch",
      recipeId: recipe.id,
      servings: 1,
    });
    await api.plans.addRecipe({
      planId: second,
      day: 1,
      meal: "lunch",
      recipeId: recipe.id,
      servings: 1,
    });
    await api.plans.addRecipe({
      planId: second,
      day: 1,
      meal: "dinner",
      recipeId: recipe.id,
      servings: 1,
    });
    expect((await api.recipes.get({ recipeId: recipe.id })).usedIn).toEqual([
      { planId: first, planName: "First", dishCount: 1 },
      { planId: second, planName: "Second", dishCount: 2 },
    ]);
    await expectTrpcError(
      api.recipes.delete({ recipeId: recipe.id }),
      "CONFLICT",
      /is in 2 plans \(3 dishes\)/,
    );
    expect((await api.plans.get({ planId: second })).dishes).toHaveLength(2);
    expect(await api.recipes.delete({ recipeId: recipe.id, removeFromPlans: true })).toEqual({
      id: recipe.id,
      removedDishes: 3,
    });
    expect((await api.plans.get({ planId: second })).dishes).toEqual([]);
    await expectTrpcError(api.recipes.get({ recipeId: recipe.id }), "NOT_FOUND");
  });

  it("refuses another household's recipe or dish as NOT_FOUND", async () => {
    const stranger = testDb.caller("dish-stranger");
    const theirs = await stranger.recipes.create(scramble());
    const { id: planId } = await api.plans.create({ name: "Mine", dayCount: 1 });
    await expectTrpcError(
      api.plans.addRecipe({ planId, day: 1, meal: "lunch", recipeId: theirs.id, servings: 1 }),
      "NOT_FOUND",
      /No recipe/,
    );
    const mine = await api.recipes.create(scramble());
    const { id: dishId } = await api.plans.addRecipe({
      planId,
      day: 1,
      meal: "lunch",
      recipeId: mine.id,
      servings: 1,
    });
    await expectTrpcError(stranger.plans.updateDish({ planId, dishId, servings: 2 }), "NOT_FOUND");
    await expectTrpcError(
      api.plans.addRecipe({ planId, day: 2, meal: "lunch", recipeId: mine.id, servings: 1 }),
      "BAD_REQUEST",
      /day must be between 1 and 1/,
    );
  });

  it("copies dishes when a plan is duplicated", async () => {
    const recipe = await api.recipes.create(scramble());
    const { id: planId } = await api.plans.create({ name: "Original", dayCount: 1 });
    await api.plans.addRecipe({ planId, day: 1, meal: "lunch", recipeId: recipe.id, servings: 2 });
    const { id: copyId } = await api.plans.duplicate({ planId });
    const copy = await api.plans.get({ planId: copyId });
    expect(copy.dishes).toHaveLength(1);
    expect((await api.plans.totals({ planId: copyId })).days[0]?.b12Micrograms).toBeCloseTo(
      SCRAMBLE_TOTAL,
      10,
    );
  });
});

describe("dishes in copies, shopping lists and custom foods", () => {
  it("copies a day's and a meal's dishes along with their entries, in order", async () => {
    const recipe = await api.recipes.create(scramble());
    const { id: planId } = await api.plans.create({ name: "Copies", dayCount: 3 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 100 });
    await api.plans.addRecipe({
      planId,
      day: 1,
      meal: "breakfast",
      recipeId: recipe.id,
      servings: 1,
    });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: TOFU, grams: 50 });
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [2] });
    await api.plans.copyMeal({
      planId,
      fromDay: 1,
      meal: "breakfast",
      toDays: [3],
      toMeal: "lunch",
    });
    const plan = await api.plans.get({ planId });
    const order = (day: number, meal: string) =>
      [
        ...plan.entries
          .filter((entry) => entry.day === day && entry.meal === meal)
          .map((entry) => ({ position: entry.position, what: entry.foodId })),
        ...plan.dishes
          .filter((dish) => dish.day === day && dish.meal === meal)
          .map((dish) => ({ position: dish.position, what: dish.recipeName })),
      ]
        .sort((a, b) => a.position - b.position)
        .map((item) => item.what);
    expect(order(1, "breakfast")).toEqual([SOYMILK, "Tofu scramble", TOFU]);
    expect(order(2, "breakfast")).toEqual([SOYMILK, "Tofu scramble", TOFU]);
    expect(order(3, "lunch")).toEqual([SOYMILK, "Tofu scramble", TOFU]);
    const totals = await api.plans.totals({ planId });
    // Each day: 100 × 0.85/100 = 0.85 + one serving 3.78275 = 4.63275 µg.
    for (const day of totals.days) expect(day.b12Micrograms).toBeCloseTo(4.63275, 10);
    // Replacing day 2 with day 3's (lunch) contents drops day 2's breakfast dish.
    await api.plans.copyDay({ planId, fromDay: 3, toDays: [2], replace: true });
    const replaced = await api.plans.get({ planId });
    expect(replaced.dishes.filter((dish) => dish.day === 2).map((dish) => dish.meal)).toEqual([
      "lunch",
    ]);
  });

  it("adds a dish's food to the same shopping line as plain entries, and lists unweighed lines as text", async () => {
    const recipe = await api.recipes.create({
      ...scramble(),
      ingredients: [...scramble().ingredients, { text: "a pinch of salt" }],
    });
    const { id: planId } = await api.plans.create({ name: "Shop", dayCount: 2 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      portionId: SOYMILK_CUP,
      quantity: 1,
    });
    await api.plans.addRecipe({ planId, day: 1, meal: "lunch", recipeId: recipe.id, servings: 2 });
    await api.plans.addRecipe({ planId, day: 2, meal: "lunch", recipeId: recipe.id, servings: 1 });
    const list = await api.shopping.list({ planId });
    const lines = list.aisles.flatMap((aisle) => aisle.lines);
    const soy = lines.filter((line) => line.foodId === SOYMILK && line.kind === "food");
    // One line: 243 g (entry) + 243 g (2 of 2 servings) + 121.5 g (1 of 2) = 607.5 g.
    expect(soy).toHaveLength(1);
    expect(soy[0]?.grams).toBeCloseTo(607.5, 10);
    expect(soy[0]?.usedOn).toEqual([
      { day: 1, meal: "breakfast" },
      { day: 1, meal: "lunch", dishes: ["Tofu scramble"] },
      { day: 2, meal: "lunch", dishes: ["Tofu scramble"] },
    ]);
    // Tofu comes only from the dish: 200 + 100 = 300 g.
    expect(lines.find((line) => line.foodId === TOFU)?.grams).toBeCloseTo(300, 10);
    const salt = lines.filter((line) => line.kind === "text");
    expect(salt).toHaveLength(1);
    expect(salt[0]).toMatchObject({
      text: "a pinch of salt",
      grams: null,
      aisle: "other",
      usedOn: [
        { day: 1, meal: "lunch", dishes: ["Tofu scramble"] },
        { day: 2, meal: "lunch", dishes: ["Tofu scramble"] },
      ],
    });
    // The text line can be ticked like any other.
    await api.shopping.setChecked({ planId, itemKey: salt[0]?.itemKey ?? "", checked: true });
    expect((await api.shopping.list({ planId })).counts.checked).toBe(1);
  });

  it("refuses to delete a custom food a recipe uses, and re-weighs lines in its portions", async () => {
    // 25 % of the 2.4 µg Daily Value in 240 g: 0.6 µg / 240 g = 0.25 µg per 100 g.
    const food = await api.foods.createCustom(
      buildCustomFoodInput({
        name: "House oat milk",
        portions: [{ label: "1 glass", grams: 200 }],
      }),
    );
    const recipe = await api.recipes.create({
      name: "Porridge",
      servings: 1,
      ingredients: [{ foodId: food.id, portionId: `${food.id}:2`, quantity: 1 }],
    });
    expect(recipe.ingredients[0]?.grams).toBe(200);
    await expectTrpcError(api.foods.deleteCustom({ id: food.id }), "CONFLICT", /Porridge/);
    await api.foods.updateCustom({
      id: food.id,
      ...buildCustomFoodInput({
        name: "House oat milk",
        portions: [{ label: "1 glass", grams: 250 }],
      }),
    });
    const after = await api.recipes.get({ recipeId: recipe.id });
    expect(after.ingredients[0]?.grams).toBe(250);
    // 250 × 0.25/100 = 0.625 µg.
    expect(after.b12TotalMicrograms).toBeCloseTo(0.625, 10);
  });
});

describe("recipes in backups and plan files", () => {
  /** A household with two recipes (one unused), a plan using one of them twice. */
  async function household(ownerId: string) {
    const owner = testDb.caller(ownerId);
    const food = await owner.foods.createCustom(
      buildCustomFoodInput({
        name: "House oat milk",
        portions: [{ label: "1 glass", grams: 200 }],
      }),
    );
    const used = await owner.recipes.create({
      ...scramble(),
      ingredients: [
        ...scramble().ingredients,
        { foodId: food.id, portionId: `${food.id}:2`, quantity: 0.5, text: "½ glass oat milk" },
        { text: "a pinch of salt" },
      ],
    });
    const unused = await owner.recipes.create({ name: "Plain rice", servings: 4, ingredients: [] });
    const { id: planId } = await owner.plans.create({ name: "With dishes", dayCount: 2 });
    await owner.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 100 });
    await owner.plans.addRecipe({
      planId,
      day: 1,
      meal: "breakfast",
      recipeId: used.id,
      servings: 1,
    });
    await owner.plans.addRecipe({ planId, day: 2, meal: "dinner", recipeId: used.id, servings: 3 });
    return { owner, used, unused, planId };
  }

  const recipeShape = (recipe: Awaited<ReturnType<typeof api.recipes.get>>) => ({
    name: recipe.name,
    servings: recipe.servings,
    steps: recipe.steps,
    notes: recipe.notes,
    b12TotalMicrograms: recipe.b12TotalMicrograms,
    ingredients: recipe.ingredients.map(({ id: _id, ...line }) => line),
  });

  it("backs up recipes and dishes and restores them with the same totals", async () => {
    const { owner, used, planId } = await household("backup-recipes-owner");
    const totalsBefore = await owner.plans.totals({ planId });
    // The recipe's "a pinch of salt" line has no food: the list shows it as text. Tick it.
    const textLines = (list: Awaited<ReturnType<typeof owner.shopping.list>>) =>
      list.aisles.flatMap((aisle) => aisle.lines).filter((line) => line.kind === "text");
    const [saltLine] = textLines(await owner.shopping.list({ planId }));
    expect(saltLine?.itemKey).toMatch(/^recipe-line:/);
    await owner.shopping.setChecked({ planId, itemKey: saltLine?.itemKey ?? "", checked: true });
    const file = JSON.parse(JSON.stringify(await owner.backup.export()));
    expect(file.recipes.map((recipe: { name: string }) => recipe.name)).toEqual([
      "Tofu scramble",
      "Plain rice",
    ]);
    // Dishes name recipes by key; each recipe is listed once, not per plan.
    expect(file.plans[0].file.recipes).toBeUndefined();
    expect(file.plans[0].file.dishes).toHaveLength(2);

    // Into another database, as a backup travels (custom food ids are kept).
    const elsewhere = createTestDatabase();
    const restored = elsewhere.caller("backup-recipes-restored");
    const summary = await restored.backup.restore({ file });
    expect(summary).toMatchObject({ plans: 1, recipes: 2, customFoods: 1 });
    const recipes = (await restored.recipes.list()).items;
    expect(recipes.map((recipe) => recipe.name)).toEqual(["Plain rice", "Tofu scramble"]);
    const scrambleId = recipes.find((recipe) => recipe.name === "Tofu scramble")?.id ?? "";
    expect(recipeShape(await restored.recipes.get({ recipeId: scrambleId }))).toEqual(
      recipeShape(await owner.recipes.get({ recipeId: used.id })),
    );
    const [restoredPlan] = await restored.plans.list();
    const totalsAfter = await restored.plans.totals({ planId: restoredPlan?.id ?? "" });
    expect(totalsAfter.days.map((day) => day.b12Micrograms)).toEqual(
      totalsBefore.days.map((day) => day.b12Micrograms),
    );
    expect(totalsAfter.days.map((day) => day.unknownEntries)).toEqual([1, 1]);
    // The tick on the text line came along, onto the restored line's new id.
    const restoredText = textLines(
      await restored.shopping.list({ planId: restoredPlan?.id ?? "" }),
    );
    expect(restoredText.map((line) => [line.name, line.checked])).toEqual([[saltLine?.name, true]]);
    expect(restoredText[0]?.itemKey).not.toBe(saltLine?.itemKey);
    // Restoring over it again replaces, never doubles, the recipes.
    await restored.backup.restore({ file });
    expect((await restored.recipes.list()).items).toHaveLength(2);
    await elsewhere.close();
  });

  it("rejects a backup whose dish names a recipe it does not hold, changing nothing", async () => {
    const { owner } = await household("backup-recipes-bad");
    const file = JSON.parse(JSON.stringify(await owner.backup.export()));
    file.plans[0].file.dishes[0].recipeKey = "nowhere";
    await expectTrpcError(
      owner.backup.restore({ file }),
      "BAD_REQUEST",
      /dishes\.0\.recipeKey "nowhere" is not one of the backup's recipes/,
    );
    expect((await owner.recipes.list()).items).toHaveLength(2);
  });

  it("carries the recipes a plan uses in its plan file, and reuses identical ones on import", async () => {
    const { owner, used, unused, planId } = await household("plan-file-recipes");
    const exported = JSON.parse(JSON.stringify(await owner.plans.export({ planId })));
    expect(exported.recipes.map((recipe: { key: string }) => recipe.key)).toEqual([used.id]);
    expect(exported.recipes[0].ingredients[1]).toMatchObject({
      foodId: YEAST,
      foodName: expect.stringContaining("Nutritional yeast"),
      portionId: YEAST_TBSP,
      quantity: 2,
      grams: 10,
    });
    expect(exported.dishes).toEqual([
      { day: 1, meal: "breakfast", recipeKey: used.id, servings: 1 },
      { day: 2, meal: "dinner", recipeKey: used.id, servings: 3 },
    ]);
    // Into the same household: the identical recipe is reused, not copied.
    const { id: again } = await owner.plans.import({ file: exported });
    expect((await owner.recipes.list()).items.map((recipe) => recipe.id).sort()).toEqual(
      [used.id, unused.id].sort(),
    );
    const before = await owner.plans.totals({ planId });
    const after = await owner.plans.totals({ planId: again });
    expect(after.days.map((day) => day.b12Micrograms)).toEqual(
      before.days.map((day) => day.b12Micrograms),
    );
    // Into another household (the custom food is not there): NOT_FOUND naming the food.
    const stranger = testDb.caller("plan-file-stranger");
    await expectTrpcError(stranger.plans.import({ file: exported }), "NOT_FOUND", /House oat milk/);
    // Without the custom-food line it imports, and the recipe is created there.
    exported.recipes[0].ingredients.splice(4, 1);
    await stranger.plans.import({ file: exported });
    const theirs = (await stranger.recipes.list()).items;
    expect(theirs.map((recipe) => recipe.name)).toEqual(["Tofu scramble"]);
    expect(theirs[0]?.usedInPlanCount).toBe(1);
  });
});

describe("pasted ingredient lists and recipe pages", () => {
  it("parses and matches pasted lines, keeping lines it cannot match", async () => {
    const { lines } = await api.recipes.parseIngredients({
      text: "2 cups unsweetened soy milk\n1 tbsp nutritional yeast\n200 g firm tofu\n\nxyzzy plugh",
    });
    expect(lines.map((line) => line.text)).toEqual([
      "2 cups unsweetened soy milk",
      "1 tbsp nutritional yeast",
      "200 g firm tofu",
      "xyzzy plugh",
    ]);
    expect(lines[1]).toMatchObject({ quantity: 1, unit: "tbsp", food: { id: YEAST } });
    expect(lines[2]).toMatchObject({ quantity: 200, unit: "g", grams: 200, flag: null });
    expect(lines[2]?.food?.name).toMatch(/^Tofu\b.*firm/);
    expect(lines[3]).toMatchObject({ food: null, grams: null, flag: "no-food" });
    // Every alternative carries the line weighed for it: 200 g is 200 g of any tofu.
    expect(lines[2]?.candidates.length).toBeGreaterThan(1);
    expect(lines[2]?.candidates.every((candidate) => candidate.grams === 200)).toBe(true);
    expect(lines[2]?.food?.grams).toBe(200);
  });

  it("weighs each alternative with its own portions", async () => {
    // "2 large eggs": hens' eggs have SR28's "1 large" = 50 g, so 100 g; duck, goose,
    // quail and turkey eggs have no "large" portion, so choosing one empties the grams
    // (the person weighs it) instead of keeping 100 g of the wrong egg.
    const [line] = (await api.recipes.parseIngredients({ text: "2 large eggs" })).lines;
    expect(line?.grams).toBe(100);
    expect(line?.candidates.map((candidate) => [candidate.id, candidate.grams])).toEqual([
      ["sr28-01123", 100],
      ["sr28-01138", null],
      ["sr28-01139", null],
      ["sr28-01140", null],
      ["sr28-01141", null],
    ]);
  });

  it("refuses more than 200 lines or 20,000 characters at once", async () => {
    await expectTrpcError(
      api.recipes.parseIngredients({ text: "1 egg\n".repeat(201) }),
      "BAD_REQUEST",
      /at most 200/,
    );
    await expectTrpcError(
      api.recipes.parseIngredients({ text: "x".repeat(20_001) }),
      "BAD_REQUEST",
      /at most 20,000 characters/,
    );
  });

  it("reads a saved recipe page's JSON-LD into a draft, saving nothing", async () => {
    const html = readFileSync(path.join(__dirname, "../fixtures/recipe-page.html"), "utf8");
    const before = (await api.recipes.list()).items.length;
    const draft = await api.recipes.importJsonLd({ json: html });
    expect(draft.name).toBe("Creamy lentil & spinach soup");
    expect(draft.servings).toBe(4);
    expect(draft.steps).toBe(
      [
        "Warm the oil and soften the onion and garlic for 5 minutes.",
        "Add the lentils, stock and cumin; simmer for 25 minutes.",
        "Stir in the coconut milk, spinach and nutritional yeast; season.",
      ].join("\n"),
    );
    expect(draft.lines).toHaveLength(10);
    expect(draft.lines[3]).toMatchObject({ text: "200g red lentils, rinsed", grams: 200 });
    expect(draft.lines[7]).toMatchObject({ unit: "tbsp", food: { id: YEAST } });
    expect((await api.recipes.list()).items.length).toBe(before);
    // The JSON-LD alone (as pasted from the page source) gives the same draft.
    const json = html.split('<script type="application/ld+json">')[2]?.split("</script>")[0] ?? "";
    expect(await api.recipes.importJsonLd({ json })).toEqual(draft);
  });

  it("answers BAD_REQUEST on the json field when there is no Recipe", async () => {
    const error = await expectTrpcError(
      api.recipes.importJsonLd({ json: '{"@type":"WebSite","name":"Not a recipe"}' }),
      "BAD_REQUEST",
      /no schema\.org "Recipe"/,
    );
    expect((error.cause as { field?: string }).field).toBe("json");
    await expectTrpcError(
      api.recipes.importJsonLd({ json: "<html>nothing</html>" }),
      "BAD_REQUEST",
      /no <script type="application\/ld\+json"> block/,
    );
    await expectTrpcError(
      api.recipes.importJsonLd({ json: "{ not json" }),
      "BAD_REQUEST",
      /not valid JSON/,
    );
  });
});

describe("recipe suggestions", () => {
  it("offers the household's recipes that close the gap first, with the days and meal", async () => {
    const owner = testDb.caller("recipe-suggestions-owner");
    await owner.recipes.create(scramble());
    await owner.recipes.create({
      name: "Yeast gravy",
      servings: 1,
      ingredients: [{ foodId: YEAST, grams: 20 }],
    });
    await owner.recipes.create({
      name: "Plain tofu",
      servings: 1,
      ingredients: [{ foodId: TOFU, grams: 100 }],
    });
    const { id: planId } = await owner.plans.create({ name: "Empty day", dayCount: 1 });
    const suggestions = await owner.plans.suggestions({ planId });
    expect(suggestions.status).toBe("short");
    // Yeast gravy: 11 µg at one meal → 1.373 µg absorbed ≥ 1.282 µg: closes the gap. One
    // serving of the scramble (3.78 µg → 1.009 µg absorbed) only narrows it. Plain tofu
    // has no B12 and is not offered.
    expect(suggestions.recipes.map((item) => [item.name, item.closesGap])).toEqual([
      ["Yeast gravy", true],
      ["Tofu scramble", false],
    ]);
    expect(suggestions.recipes[0]).toMatchObject({ meal: "breakfast", days: [1], servings: 1 });
    expect(suggestions.recipes[0]?.explanation).toMatch(
      /^Add a serving of Yeast gravy \(11 µg\) to breakfast on day 1: .*meets your target\.$/,
    );
    expect(suggestions.recipes[0]?.averageAbsorbedAfter).toBeCloseTo(1.3733, 3);
  });

  it("never offers a recipe that does not fit the person's diet", async () => {
    const owner = testDb.caller("recipe-suggestions-vegan");
    await owner.profile.update({ ageYears: 30, sex: "female", diet: "vegan", standard: "nih" });
    await owner.recipes.create({
      name: "Salmon",
      servings: 1,
      ingredients: [{ foodId: SALMON, grams: 200 }],
    });
    await owner.recipes.create({
      name: "Mystery gravy",
      servings: 1,
      ingredients: [{ foodId: YEAST, grams: 20 }, { text: "2 spoons of something" }],
    });
    const { id: planId } = await owner.plans.create({ name: "Vegan day", dayCount: 1 });
    const suggestions = await owner.plans.suggestions({ planId });
    expect(suggestions.status).toBe("short");
    expect(suggestions.recipes).toEqual([]);
  });
});
