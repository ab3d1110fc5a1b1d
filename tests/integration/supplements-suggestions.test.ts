import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absorbedFromDose } from "@/server/domain/absorption";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { buildProfileInput, createPlanWith } from "@/tests/factories/plans";
import { expectTrpcError } from "@/tests/helpers";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(() => t.close());

const BANANA = "sr28-09040";
const BREAD = "sr28-18075"; // whole-wheat bread: 0 µg B12 (NIH ODS Table 2)

async function veganWeekWithoutB12(api: ReturnType<TestDatabase["caller"]>) {
  const planId = await createPlanWith(api, { dayCount: 7, startDate: "2026-11-23" });
  await api.plans.addToDays({ planId, foodId: BANANA, meals: ["breakfast"], grams: 120 });
  await api.plans.addToDays({ planId, foodId: BREAD, meals: ["lunch", "dinner"], grams: 60 });
  return planId;
}

describe("supplement regimens in a plan", () => {
  it("adds, changes and removes a supplement, with totals in each answer", async () => {
    const api = t.caller("supp-owner");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const planId = await createPlanWith(api, { dayCount: 14 });
    const added = await api.plans.addSupplement({
      planId,
      doseMicrograms: 2000,
      form: "tablet",
      everyNDays: 7,
    });
    expect(added.plan.supplements).toHaveLength(1);
    expect(added.plan.supplements[0]).toMatchObject({
      id: added.id,
      doseMicrograms: 2000,
      compound: "cyanocobalamin",
      everyNDays: 7,
      firstDay: 1,
      weekdays: null,
      withMeal: null,
      scheduleLabel: "Once a week (day 1, 8, 15 …)",
    });
    // Taken on days 1 and 8, counted at a seventh of a dose every day.
    expect(added.totals.days.map((day) => day.supplements.length)).toEqual([
      1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
    ]);
    for (const day of added.totals.days) {
      expect(day.supplementB12Micrograms).toBeCloseTo(2000 / 7, 10);
      expect(day.absorbedB12Micrograms).toBeCloseTo(absorbedFromDose(2000) / 7, 10);
    }
    expect(added.totals.absorbedTargetMicrograms).toBeCloseTo(1.2822, 4);
    expect(added.totals.meetsAbsorbedTarget).toBe(true);
    expect(added.totals.status).toBe("meets");

    const updated = await api.plans.updateSupplement({
      supplementId: added.id,
      doseMicrograms: 10,
      everyNDays: 1,
      withMeal: "breakfast",
      form: "sublingual",
    });
    expect(updated.plan.supplements[0]).toMatchObject({
      doseMicrograms: 10,
      everyNDays: 1,
      withMeal: "breakfast",
      form: "sublingual",
    });
    expect(updated.totals.days.every((day) => day.supplementB12Micrograms === 10)).toBe(true);
    expect(updated.totals.days[3]?.meals[0]?.supplementB12Micrograms).toBe(10);

    const removed = await api.plans.removeSupplement({ supplementId: added.id });
    expect(removed.plan.supplements).toEqual([]);
    expect(removed.totals.averageSupplementB12Micrograms).toBe(0);
  });

  it("takes weekday schedules on dated plans and refuses them on undated ones", async () => {
    const api = t.caller("weekday-owner");
    const dated = await createPlanWith(api, { dayCount: 7, startDate: "2026-11-23" });
    const result = await api.plans.addSupplement({
      planId: dated,
      doseMicrograms: 1000,
      form: "chewable",
      weekdays: [4, 1, 1],
    });
    expect(result.plan.supplements[0]?.weekdays).toEqual([1, 4]);
    expect(result.plan.supplements[0]?.scheduleLabel).toBe("Mon, Thu");
    expect(
      result.totals.days.filter((day) => day.supplements.length > 0).map((day) => day.day),
    ).toEqual([1, 4]);

    await expectTrpcError(
      api.plans.update({ planId: dated, startDate: null }),
      "CONFLICT",
      /startDate: 1 supplement is taken on chosen weekdays/,
    );
    const undated = await createPlanWith(api, { dayCount: 7 });
    await expectTrpcError(
      api.plans.addSupplement({
        planId: undated,
        doseMicrograms: 10,
        form: "tablet",
        weekdays: [1],
      }),
      "BAD_REQUEST",
      /weekdays: this plan has no start date/,
    );
  });

  it("rejects bad input with the field named and loses nothing", async () => {
    const api = t.caller("bad-supp-owner");
    const planId = await createPlanWith(api, { dayCount: 7 });
    await api.plans.addSupplement({ planId, doseMicrograms: 50, form: "tablet" });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ doseMicrograms: 0, form: "tablet" }, /doseMicrograms must be at least 0.1/],
      [{ doseMicrograms: 20_000, form: "tablet" }, /doseMicrograms must be at most 10000/],
      [{ doseMicrograms: Number.NaN, form: "tablet" }, /doseMicrograms/],
      [{ doseMicrograms: 10, form: "gummy" }, /form must be one of/],
      [{ doseMicrograms: 10, form: "tablet", everyNDays: 0 }, /everyNDays must be between 1/],
      [
        { doseMicrograms: 10, form: "tablet", everyNDays: 1.5 },
        /everyNDays must be a whole number/,
      ],
      [{ doseMicrograms: 10, form: "tablet", firstDay: 8 }, /firstDay must be between 1 and 7/],
      [{ doseMicrograms: 10, form: "tablet", withMeal: "brunch" }, /withMeal must be one of/],
      [{ doseMicrograms: 10, form: "tablet", weekdays: [0] }, /weekdays run from 1/],
      [{ doseMicrograms: 10, form: "tablet", everyNDays: 7, weekdays: [1] }, /not both/],
      [{ doseMicrograms: 10, form: "tablet", colour: "red" }, /colour/],
    ];
    for (const [input, message] of cases) {
      await expectTrpcError(
        // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input
        api.plans.addSupplement({ planId, ...input } as any),
        "BAD_REQUEST",
        message,
      );
    }
    await expectTrpcError(
      api.plans.addSupplement({ planId: "nope", doseMicrograms: 10, form: "tablet" }),
      "NOT_FOUND",
      /No plan/,
    );
    await expectTrpcError(
      api.plans.updateSupplement({ supplementId: "nope", doseMicrograms: 10 }),
      "NOT_FOUND",
      /No supplement/,
    );
    const plan = await api.plans.get({ planId });
    expect(plan.supplements.map((item) => item.doseMicrograms)).toEqual([50]);
  });

  it("keeps other owners out", async () => {
    const owner = t.caller("supp-a");
    const other = t.caller("supp-b");
    const planId = await createPlanWith(owner, { dayCount: 3 });
    const { id } = await owner.plans.addSupplement({ planId, doseMicrograms: 10, form: "tablet" });
    await expectTrpcError(
      other.plans.addSupplement({ planId, doseMicrograms: 10, form: "tablet" }),
      "NOT_FOUND",
    );
    await expectTrpcError(other.plans.removeSupplement({ supplementId: id }), "NOT_FOUND");
    expect((await owner.plans.get({ planId })).supplements).toHaveLength(1);
  });

  it("travels with duplicate and export/import", async () => {
    const api = t.caller("supp-copy");
    const planId = await createPlanWith(api, { dayCount: 7, startDate: "2026-11-23" });
    await api.plans.addSupplement({
      planId,
      doseMicrograms: 250,
      form: "spray-drops",
      weekdays: [3],
      note: "after the gym",
    });
    const copy = await api.plans.duplicate({ planId });
    expect((await api.plans.get({ planId: copy.id })).supplements[0]).toMatchObject({
      doseMicrograms: 250,
      weekdays: [3],
      note: "after the gym",
    });
    const file = await api.plans.export({ planId });
    expect(file.supplements).toEqual([
      expect.objectContaining({ doseMicrograms: 250, form: "spray-drops", weekdays: [3] }),
    ]);
    const imported = await api.plans.import({ file });
    const totals = await api.plans.totals({ planId: imported.id });
    expect(totals.days.map((day) => day.supplements.length)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    await expectTrpcError(
      api.plans.import({ file: { ...file, plan: { ...file.plan, startDate: null } } }),
      "BAD_REQUEST",
      /supplements.0.weekdays needs a plan with a start date/,
    );
  });
});

describe("plans.addToDays", () => {
  it("adds one food to several meals of every day, all or nothing", async () => {
    const api = t.caller("add-days");
    const planId = await createPlanWith(api, { dayCount: 5 });
    const result = await api.plans.addToDays({
      planId,
      foodId: BANANA,
      meals: ["breakfast", "snack", "breakfast"],
      grams: 100,
    });
    expect(result.plan.entries).toHaveLength(10);
    const some = await api.plans.addToDays({
      planId,
      foodId: BANANA,
      meals: ["lunch"],
      days: [2, 4],
      grams: 50,
    });
    expect(
      some.plan.entries.filter((entry) => entry.meal === "lunch").map((entry) => entry.day),
    ).toEqual([2, 4]);
    await expectTrpcError(
      api.plans.addToDays({ planId, foodId: BANANA, meals: ["lunch"], days: [1, 6], grams: 50 }),
      "BAD_REQUEST",
      /days must be between 1 and 5/,
    );
    await expectTrpcError(
      api.plans.addToDays({ planId, foodId: "sr28-99999", meals: ["lunch"], grams: 50 }),
      "NOT_FOUND",
    );
    expect((await api.plans.get({ planId })).entries).toHaveLength(12);
  });
});

describe("plans.suggestions", () => {
  it("a vegan week without fortified foods: shortfall, vegan foods only, the three options", async () => {
    const api = t.caller("vegan-short");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const planId = await veganWeekWithoutB12(api);
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.status).toBe("short");
    expect(suggestions.absorbedGapMicrograms).toBeCloseTo(1.2822, 4);
    expect(suggestions.foods.length).toBeGreaterThanOrEqual(3);
    for (const food of suggestions.foods) {
      const detail = await api.foods.get({ id: food.foodId });
      expect(detail.diet, food.name).toBe("vegan");
      expect(food.averageAbsorbedAfter).toBeGreaterThanOrEqual(1.2822);
      expect(new Set(food.meals).size).toBe(food.meals.length);
      expect(food.name).not.toMatch(/seaweed|energy drink|spirulina/i);
    }
    const ranks = suggestions.foods.map((food) => food.b12PerPortionMicrograms);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(suggestions.regimens.map((regimen) => regimen.kind)).toEqual([
      "daily-supplement",
      "weekly-supplement",
      "fortified-foods",
    ]);
    const daily = suggestions.regimens[0];
    expect(daily?.supplement).toEqual({ doseMicrograms: 10, everyNDays: 1, withMeal: null });
    const fortified = suggestions.regimens[2]?.food;
    expect(fortified?.meals.length).toBeGreaterThanOrEqual(2);
    for (const regimen of suggestions.regimens) {
      expect(regimen.source).toMatch(/Vegan Society/);
      expect(regimen.meetsAbsorbedTarget).toBe(true);
    }
    expect(suggestions.healthcareNote).toMatch(/doctor, dietitian or pharmacist/);
  });

  it("is stable for the same plan and applying a food suggestion closes the gap", async () => {
    const api = t.caller("vegan-apply");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const planId = await veganWeekWithoutB12(api);
    const first = await api.plans.suggestions({ planId });
    expect(await api.plans.suggestions({ planId })).toEqual(first);
    const food = first.foods.find((item) => item.portionId !== null);
    expect(food).toBeDefined();
    if (!food?.portionId) return;
    const applied = await api.plans.addToDays({
      planId,
      foodId: food.foodId,
      meals: food.meals,
      portionId: food.portionId,
      quantity: 1,
    });
    expect(applied.totals.averageAbsorbedB12Micrograms).toBeCloseTo(food.averageAbsorbedAfter, 9);
    expect(applied.totals.meetsAbsorbedTarget).toBe(true);
    const after = await api.plans.suggestions({ planId });
    expect(after.status).toBe("meets");
    expect(after.foods).toEqual([]);
    expect(after.regimens).toEqual([]);
  });

  it("adding the suggested weekly 2,000 µg closes the gap", async () => {
    const api = t.caller("vegan-weekly");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const planId = await veganWeekWithoutB12(api);
    const weekly = (await api.plans.suggestions({ planId })).regimens.find(
      (regimen) => regimen.kind === "weekly-supplement",
    );
    if (!weekly?.supplement) throw new Error("no weekly regimen suggested");
    const result = await api.plans.addSupplement({ planId, form: "tablet", ...weekly.supplement });
    expect(result.totals.meetsAbsorbedTarget).toBe(true);
    expect(result.totals.averageAbsorbedB12Micrograms).toBeCloseTo(
      weekly.averageAbsorbedAfter ?? 0,
      9,
    );
  });

  it("includes the owner's custom foods and never offers a vegan a non-vegan food", async () => {
    const api = t.caller("custom-suggest");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const strong = { micrograms: 12 };
    const custom = await api.foods.createCustom(
      buildCustomFoodInput({ name: "My fortified oat drink", diet: "vegan", b12: strong }),
    );
    const nonVegan = await api.foods.createCustom(
      buildCustomFoodInput({
        name: "My fortified dairy drink",
        diet: "vegetarian",
        b12: { micrograms: 20 },
      }),
    );
    const planId = await veganWeekWithoutB12(api);
    const foodIds = (await api.plans.suggestions({ planId })).foods.map((food) => food.foodId);
    expect(foodIds).toContain(custom.id);
    expect(foodIds).not.toContain(nonVegan.id);
    // Another owner's custom food is never offered.
    const stranger = t.caller("custom-stranger");
    await stranger.profile.update(buildProfileInput({ diet: "vegan" }));
    const strangerPlan = await veganWeekWithoutB12(stranger);
    const strangerFoods = (await stranger.plans.suggestions({ planId: strangerPlan })).foods;
    expect(strangerFoods.some((food) => food.foodId === custom.id)).toBe(false);
  });

  it("no intrinsic factor: no food suggestions, 1,000 µg daily and injections, see a clinician", async () => {
    const api = t.caller("pa-owner");
    await api.profile.update(
      buildProfileInput({ diet: "omnivore", conditions: ["no-intrinsic-factor"] }),
    );
    const planId = await veganWeekWithoutB12(api);
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.foods).toEqual([]);
    // Injections first: with nerve symptoms treatment usually starts with them (BNF; NICE).
    expect(suggestions.regimens.map((regimen) => regimen.kind)).toEqual([
      "injection",
      "high-dose-oral",
    ]);
    expect(suggestions.regimens[0]?.explanation).toMatch(/nerve symptoms/);
    expect(suggestions.regimens[0]?.source).toMatch(/BNF/);
    expect(suggestions.regimens[1]?.averageAbsorbedAfter).toBeCloseTo(10, 9);
    expect(suggestions.regimens[1]?.source).toMatch(/Kuzminski et al\. 1998/);
    expect(suggestions.notes.map((note) => note.id)).toEqual([
      "no-intrinsic-factor",
      "see-clinician",
    ]);
  });

  it("51 and over: normal release is the estimate, poor release the low end; fortified foods first", async () => {
    const api = t.caller("older-owner");
    await api.profile.update(buildProfileInput({ diet: "omnivore", ageYears: 72 }));
    const planId = await createPlanWith(api, { dayCount: 7 });
    // Atlantic salmon, farmed, cooked: 2.8 µg/100 g, all food-bound.
    await api.plans.addToDays({ planId, foodId: "sr28-15237", meals: ["dinner"], grams: 100 });
    const totals = await api.plans.totals({ planId });
    expect(totals.meetsTarget).toBe(true);
    // 2.8 µg in one sitting: absorbedFromDose(2.8) = 0.892 µg; the low end counts none of it.
    expect(totals.averageAbsorbedB12Micrograms).toBeCloseTo(0.892, 3);
    expect(totals.averageAbsorbedLowB12Micrograms).toBe(0);
    expect(totals.status).toBe("short");
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions.status).toBe("short");
    expect(suggestions.regimens[0]?.kind).toBe("fortified-foods");
    expect(suggestions.foods.slice(0, 1).every((food) => food.fortified)).toBe(true);
    expect(suggestions.notes.map((note) => note.id)).toContain("older-adult");
    expect(suggestions.notes.map((note) => note.id)).toContain("iom-advice-51");
  });

  it("pregnant vegans get the point made, with their own target", async () => {
    const api = t.caller("pregnant-owner");
    await api.profile.update(buildProfileInput({ diet: "vegan", pregnant: true }));
    const planId = await veganWeekWithoutB12(api);
    const suggestions = await api.plans.suggestions({ planId });
    const note = suggestions.notes.find((item) => item.id === "pregnant-vegan");
    expect(note?.text).toMatch(/2\.6 µg a day/);
    // 3 × absorbedFromDose(2.6 / 3)
    expect(suggestions.absorbedTargetMicrograms).toBeCloseTo(1.358, 3);
  });

  it("a plan that meets the target gets no push", async () => {
    const api = t.caller("meets-owner");
    await api.profile.update(buildProfileInput({ diet: "vegan" }));
    const planId = await veganWeekWithoutB12(api);
    await api.plans.addSupplement({ planId, doseMicrograms: 25, form: "tablet" });
    const suggestions = await api.plans.suggestions({ planId });
    expect(suggestions).toMatchObject({
      status: "meets",
      foods: [],
      regimens: [],
      absorbedGapMicrograms: 0,
    });
  });

  it("answers NOT_FOUND for another owner's plan", async () => {
    const planId = await createPlanWith(t.caller("sugg-a"));
    await expectTrpcError(t.caller("sugg-b").plans.suggestions({ planId }), "NOT_FOUND");
  });
});
