/**
 * plans.* and profile.* through the tRPC caller on a real, imported temporary database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawGet } from "@/db/raw";
import { createTestDatabase, type TestDatabase } from "../factories/database";
import { buildCustomFoodInput } from "../factories/foods";
import { buildProfileInput, createPlanWith } from "../factories/plans";
import { expectTrpcError, malformed } from "../helpers";

let testDb: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;

beforeAll(() => {
  testDb = createTestDatabase();
  api = testDb.caller();
});
afterAll(() => testDb.close());

const SOYMILK = "sr28-16139"; // 0.85 µg/100 g; 1 cup = 243 g (portion sr28-16139:1)
const CHEESE = "sr28-01188"; // B12 unknown in SR28

const countEntries = async () =>
  (await rawGet<{ n: number }>(testDb.db, `SELECT count(*) AS n FROM plan_entries`))?.n;

describe("profile", () => {
  it("starts from a flagged default adult profile with the US RDA", async () => {
    const other = testDb.caller("profile-default-owner");
    const result = await other.profile.get();
    expect(result.isDefault).toBe(true);
    expect(result.target.micrograms).toBe(2.4);
    expect(result.target.standard).toBe("nih");
  });

  it("saves a profile and gives the target of its life stage and standard", async () => {
    const saved = await api.profile.update(
      buildProfileInput({
        ageYears: 29,
        sex: "female",
        breastfeeding: true,
        standard: "efsa",
        conditions: ["metformin", "metformin"],
      }),
    );
    expect(saved.isDefault).toBe(false);
    expect(saved.target.micrograms).toBe(5.0);
    expect(saved.profile.conditions).toEqual(["metformin"]);
    expect((await api.profile.get()).profile).toEqual(saved.profile);
  });

  it.each([
    [{ ageYears: -1 }, /ageYears must be between 0 and 120/],
    [{ ageYears: 121 }, /ageYears must be between 0 and 120/],
    [{ sex: "male", pregnant: true }, /pregnant can only be true when sex is female/],
    [{ standard: "fda" }, /standard must be one of/],
    [{ conditions: ["scurvy"] }, /each condition must be one of/],
  ])("rejects %j and keeps the saved profile", async (override, message) => {
    const before = await api.profile.get();
    await expectTrpcError(
      api.profile.update(malformed(buildProfileInput(malformed(override)))),
      "BAD_REQUEST",
      message,
    );
    expect(await api.profile.get()).toEqual(before);
  });
});

describe("plans: create, list, rename, duplicate, delete", () => {
  it("creates a dated plan and lists it with its days", async () => {
    const id = await createPlanWith(api, {
      name: "December week",
      dayCount: 3,
      startDate: "2026-12-07",
    });
    const plan = await api.plans.get({ planId: id });
    expect(plan).toMatchObject({
      name: "December week",
      dayCount: 3,
      startDate: "2026-12-07",
      entryCount: 0,
    });
    expect(plan.days.map((day) => day.date)).toEqual(["2026-12-07", "2026-12-08", "2026-12-09"]);
    expect((await api.plans.list()).map((p) => p.id)).toContain(id);
  });

  it("renames, duplicates with entries, and deletes", async () => {
    const id = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId: id, day: 2, meal: "lunch", foodId: SOYMILK, grams: 100 });
    expect((await api.plans.rename({ planId: id, name: "Renamed" })).name).toBe("Renamed");
    const copy = await api.plans.duplicate({ planId: id });
    const copied = await api.plans.get({ planId: copy.id });
    expect(copied.name).toBe("Renamed (copy)");
    const listed = await api.plans.list();
    expect(listed.find((p) => p.id === copy.id)?.entryCount).toBe(1);
    expect(listed.find((p) => p.id === id)?.entryCount).toBe(1);
    expect(copied.entries.map((e) => [e.day, e.meal, e.foodId, e.grams])).toEqual([
      [2, "lunch", SOYMILK, 100],
    ]);
    await api.plans.delete({ planId: id });
    await expectTrpcError(api.plans.get({ planId: id }), "NOT_FOUND", /No plan with id/);
    expect((await api.plans.get({ planId: copy.id })).entryCount).toBe(1);
  });

  it.each([
    [{ name: "", dayCount: 7 }, /name must not be empty/],
    [{ name: "x".repeat(200), dayCount: 7 }, /name is too long/],
    [{ name: "Plan", dayCount: 0 }, /dayCount must be between 1 and 28/],
    [{ name: "Plan", dayCount: 29 }, /dayCount must be between 1 and 28/],
    [{ name: "Plan", dayCount: 2.5 }, /dayCount must be a whole number/],
    [
      { name: "Plan", dayCount: 7, startDate: "2026-02-30" },
      /startDate is not a real calendar date/,
    ],
    [
      { name: "Plan", dayCount: 7, startDate: "7 Dec" },
      /startDate must be a date written YYYY-MM-DD/,
    ],
  ])("rejects plan %j", async (input, message) => {
    const before = (await api.plans.list()).length;
    await expectTrpcError(api.plans.create(malformed(input)), "BAD_REQUEST", message);
    expect((await api.plans.list()).length).toBe(before);
  });

  it("answers NOT_FOUND for another owner's plan", async () => {
    const id = await createPlanWith(api);
    const stranger = testDb.caller("stranger");
    await expectTrpcError(stranger.plans.get({ planId: id }), "NOT_FOUND");
    await expectTrpcError(stranger.plans.delete({ planId: id }), "NOT_FOUND");
    await expectTrpcError(
      stranger.plans.addEntry({ planId: id, day: 1, meal: "lunch", foodId: SOYMILK, grams: 10 }),
      "NOT_FOUND",
    );
    expect((await api.plans.get({ planId: id })).id).toBe(id);
  });
});

describe("plan entries", () => {
  it("adds food by household portion or by grams, with its B12", async () => {
    const planId = await createPlanWith(api, { dayCount: 3 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      portionId: `${SOYMILK}:1`,
      quantity: 1.5,
    });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 100 });
    const plan = await api.plans.get({ planId });
    expect(plan.entries[0]).toMatchObject({ portionLabel: "1 cup", quantity: 1.5, grams: 364.5 });
    expect(plan.entries[0]?.b12Micrograms).toBeCloseTo(3.09825, 10);
    expect(plan.entries[1]?.b12Micrograms).toBeCloseTo(0.85, 12);
  });

  it.each([
    [{ day: 0 }, "BAD_REQUEST", /day must be 1 or more/],
    [{ day: 4 }, "BAD_REQUEST", /day must be between 1 and 3/],
    [{ grams: 0 }, "BAD_REQUEST", /grams must be greater than 0/],
    [{ grams: -5 }, "BAD_REQUEST", /grams must be greater than 0/],
    [{ grams: Number.NaN }, "BAD_REQUEST", /grams must be a finite number/],
    [{ grams: Number.POSITIVE_INFINITY }, "BAD_REQUEST", /grams/],
    [{ grams: 5001 }, "BAD_REQUEST", /grams must be at most 5000 g/],
    [{ meal: "brunch" }, "BAD_REQUEST", /meal must be one of/],
    [{ foodId: "sr28-99999" }, "NOT_FOUND", /No food with id "sr28-99999"/],
    [{ grams: undefined, portionId: "sr28-99999:1", quantity: 1 }, "NOT_FOUND", /No portion/],
    [
      { grams: undefined, portionId: "sr28-01001:1", quantity: 1 },
      "BAD_REQUEST",
      /portion of another food/,
    ],
    [
      { grams: undefined, portionId: `${SOYMILK}:1`, quantity: 25 },
      "BAD_REQUEST",
      /more than 5000 g/,
    ],
    [
      { grams: undefined, portionId: `${SOYMILK}:1` },
      "BAD_REQUEST",
      /portionId and quantity go together/,
    ],
    [{ portionId: `${SOYMILK}:1`, quantity: 1 }, "BAD_REQUEST", /either as grams or as portionId/],
    [{ planId: "no-such-plan" }, "NOT_FOUND", /No plan with id/],
  ] as const)("rejects %j and changes nothing", async (override, code, message) => {
    const planId = await createPlanWith(api, { dayCount: 3 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 50 });
    const before = await countEntries();
    const input = { planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 100, ...override };
    await expectTrpcError(api.plans.addEntry(malformed(input)), code, message);
    expect(await countEntries()).toBe(before);
  });

  it("answers an edit with the plan and totals as they now are", async () => {
    const planId = await createPlanWith(api, { dayCount: 1 });
    const added = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: SOYMILK,
      grams: 200,
    });
    expect(added.plan.entries.map((entry) => entry.id)).toEqual([added.id]);
    expect(added.totals.days[0]?.b12Micrograms).toBeCloseTo(1.7, 12);
    const removed = await api.plans.removeEntry({ entryId: added.id });
    expect(removed.totals).toEqual(await api.plans.totals({ planId }));
    expect(removed.plan.entries).toEqual([]);
  });

  it("changes an amount, moves an entry and removes it", async () => {
    const planId = await createPlanWith(api, { dayCount: 2 });
    const { id } = await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      grams: 100,
    });
    await api.plans.updateEntry({ entryId: id, portionId: `${SOYMILK}:1`, quantity: 2 });
    await api.plans.moveEntry({ entryId: id, day: 2, meal: "dinner" });
    let entry = (await api.plans.get({ planId })).entries[0];
    expect(entry).toMatchObject({ day: 2, meal: "dinner", grams: 486, quantity: 2 });
    await api.plans.updateEntry({ entryId: id, grams: 10 });
    entry = (await api.plans.get({ planId })).entries[0];
    expect(entry).toMatchObject({ grams: 10, portionId: null, quantity: null });
    await expectTrpcError(
      api.plans.moveEntry({ entryId: id, day: 3, meal: "lunch" }),
      "BAD_REQUEST",
      /day must be between 1 and 2/,
    );
    await expectTrpcError(
      api.plans.updateEntry({ entryId: id, grams: -1 }),
      "BAD_REQUEST",
      /grams/,
    );
    expect((await api.plans.get({ planId })).entries[0]).toMatchObject({
      day: 2,
      meal: "dinner",
      grams: 10,
    });
    await api.plans.removeEntry({ entryId: id });
    expect((await api.plans.get({ planId })).entries).toEqual([]);
    await expectTrpcError(api.plans.removeEntry({ entryId: id }), "NOT_FOUND", /No plan entry/);
  });

  it("copies a day to other days, adding or replacing", async () => {
    const planId = await createPlanWith(api, { dayCount: 4 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 243 });
    await api.plans.addEntry({ planId, day: 1, meal: "dinner", foodId: "sr28-01129", grams: 50 });
    await api.plans.addEntry({ planId, day: 3, meal: "lunch", foodId: SOYMILK, grams: 10 });
    expect(await api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 3] })).toMatchObject({
      copiedEntries: 4,
    });
    await api.plans.copyDay({ planId, fromDay: 1, toDays: [4], replace: true });
    const totals = await api.plans.totals({ planId });
    expect(totals.days.map((day) => day.entryCount)).toEqual([2, 2, 3, 2]);
    expect(totals.days[1]?.b12Micrograms).toBeCloseTo(totals.days[0]?.b12Micrograms ?? -1, 12);
    await expectTrpcError(
      api.plans.copyDay({ planId, fromDay: 1, toDays: [1] }),
      "BAD_REQUEST",
      /toDays must not include fromDay/,
    );
    await expectTrpcError(
      api.plans.copyDay({ planId, fromDay: 1, toDays: [2, 9] }),
      "BAD_REQUEST",
      /toDays must be between 1 and 4/,
    );
    expect((await api.plans.totals({ planId })).entryCount).toBe(9);
  });

  it("keeps 50 parallel additions to one plan", async () => {
    const planId = await createPlanWith(api, { dayCount: 1 });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.plans.addEntry({ planId, day: 1, meal: "snack", foodId: SOYMILK, grams: i + 1 }),
      ),
    );
    const plan = await api.plans.get({ planId });
    expect(plan.entryCount).toBe(50);
    expect(new Set(plan.entries.map((entry) => entry.position)).size).toBe(50);
  });

  it("does not let a custom food in use be deleted", async () => {
    const food = await api.foods.createCustom(buildCustomFoodInput({ name: "Planned drink" }));
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: food.id,
      portionId: food.portions[0]?.id,
      quantity: 1,
    });
    await expectTrpcError(
      api.foods.deleteCustom({ id: food.id }),
      "CONFLICT",
      /used 1 time in 1 plan/,
    );
    const updated = await api.foods.updateCustom({
      id: food.id,
      ...buildCustomFoodInput({ name: "Planned drink v2" }),
    });
    expect((await api.plans.get({ planId })).entries[0]).toMatchObject({
      foodName: "Planned drink v2",
      portionId: updated.portions[0]?.id,
    });
  });
});

describe("plans.totals", () => {
  it("reproduces the NIH fact sheet's µg figures for its example portions", async () => {
    await api.profile.update(
      buildProfileInput({ ageYears: 40, standard: "nih", diet: "omnivore" }),
    );
    const planId = await createPlanWith(api, { name: "NIH examples", dayCount: 1 });
    // NIH ODS Table 2 (3 oz = 85 g); the expected µg are the fact sheet's own figures.
    const cases = [
      { foodId: "sr28-13327", grams: 85, nih: 70.7 }, // beef liver, pan-fried, 3 oz
      { foodId: "sr28-15159", portionId: "sr28-15159:1", quantity: 1, nih: 84.1 }, // clams, 3 oz (2008 edition)
      { foodId: "sr28-15209", portionId: "sr28-15209:1", quantity: 1, nih: 2.6 }, // Atlantic salmon, 3 oz
      { foodId: "sr28-23570", portionId: "sr28-23570:1", quantity: 1, nih: 2.4 }, // ground beef 85% lean, 3 oz
      { foodId: "sr28-01079", portionId: "sr28-01079:1", quantity: 1, nih: 1.3 }, // milk 2%, 1 cup
      { foodId: "sr28-01118", portionId: "sr28-01118:1", quantity: 1, nih: 1.0 }, // fat-free yogurt, 6-oz container
      { foodId: "sr28-01009", portionId: "sr28-01009:4", quantity: 1.5, nih: 0.5 }, // cheddar, 1.5 oz
      { foodId: "sr28-01129", portionId: "sr28-01129:3", quantity: 1, nih: 0.56 }, // egg, 1 large (SR28 0.56)
      { foodId: "sr28-05220", portionId: "sr28-05220:1", quantity: 1, nih: 0.3 }, // turkey breast, 3 oz
    ];
    for (const item of cases) {
      const amount =
        "grams" in item
          ? { grams: item.grams }
          : { portionId: item.portionId, quantity: item.quantity };
      await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: item.foodId, ...amount });
    }
    const totals = await api.plans.totals({ planId, includeEntries: true });
    const entries = totals.days[0]?.meals.find((meal) => meal.meal === "lunch")?.entries ?? [];
    expect(entries).toHaveLength(cases.length);
    // Without includeEntries the meals carry their totals only (plans.get has the entries).
    const lean = await api.plans.totals({ planId });
    const leanLunch = lean.days[0]?.meals.find((meal) => meal.meal === "lunch");
    expect(leanLunch?.entries).toBeUndefined();
    expect(leanLunch?.b12Micrograms).toBe(
      totals.days[0]?.meals.find((meal) => meal.meal === "lunch")?.b12Micrograms,
    );
    cases.forEach((item, index) => {
      const value = entries[index]?.b12Micrograms ?? Number.NaN;
      // The fact sheet rounds to its last decimal: the value must round to its figure.
      const decimals = String(item.nih).split(".")[1]?.length ?? 0;
      const tolerance = 0.5 * 10 ** -decimals + 1e-9;
      expect(
        Math.abs(value - item.nih),
        `${item.foodId}: ${value} vs NIH ${item.nih}`,
      ).toBeLessThanOrEqual(tolerance);
    });
    const sum = entries.reduce((total, entry) => total + (entry.b12Micrograms ?? 0), 0);
    expect(totals.days[0]?.b12Micrograms).toBeCloseTo(sum, 10);
    expect(totals.days[0]?.targetMicrograms).toBe(2.4);
    expect(totals.days[0]?.percentOfTarget).toBeCloseTo((sum / 2.4) * 100, 8);
    expect(totals.topFoods[0]?.foodId).toBe("sr28-15159");
  });

  it("says how many items have no B12 data and keeps the total as a lower bound", async () => {
    const planId = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 243 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: CHEESE, grams: 30 });
    const totals = await api.plans.totals({ planId });
    expect(totals.days[0]).toMatchObject({ complete: false, unknownEntries: 1, entryCount: 2 });
    expect(totals.days[0]?.b12Micrograms).toBeCloseTo(2.0655, 10);
    expect(totals.days[1]).toMatchObject({ complete: true, b12Micrograms: 0 });
    expect(totals.averageB12Micrograms).toBeCloseTo(2.0655 / 2, 10);
    expect(totals.averageComplete).toBe(false);
  });

  it("follows the profile's target", async () => {
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.profile.update(buildProfileInput({ ageYears: 30, standard: "uk" }));
    expect((await api.plans.totals({ planId })).days[0]?.targetMicrograms).toBe(1.5);
    await api.profile.update(buildProfileInput({ ageYears: 30, standard: "nih", pregnant: true }));
    expect((await api.plans.totals({ planId })).days[0]?.targetMicrograms).toBe(2.6);
  });
});

describe("plan files: export and import", () => {
  it("exports a plan and imports it back as an identical new plan", async () => {
    const planId = await createPlanWith(api, {
      name: "Round trip ü µ",
      dayCount: 2,
      startDate: "2026-12-07",
    });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "breakfast",
      foodId: SOYMILK,
      portionId: `${SOYMILK}:1`,
      quantity: 1,
    });
    await api.plans.addEntry({ planId, day: 2, meal: "snack", foodId: CHEESE, grams: 30 });
    const file = await api.plans.export({ planId });
    expect(file).toMatchObject({
      format: "b12-planner-plan",
      version: 1,
      plan: { name: "Round trip ü µ", dayCount: 2 },
    });
    const imported = await api.plans.import({ file: JSON.parse(JSON.stringify(file)) });
    const [a, b] = await Promise.all([
      api.plans.totals({ planId }),
      api.plans.totals({ planId: imported.id }),
    ]);
    expect(b.days.map((d) => [d.b12Micrograms, d.unknownEntries, d.date])).toEqual(
      a.days.map((d) => [d.b12Micrograms, d.unknownEntries, d.date]),
    );
    expect((await api.plans.get({ planId: imported.id })).entries[0]).toMatchObject({
      portionLabel: "1 cup",
      quantity: 1,
    });
  });

  it("rejects a malformed or foreign file whole", async () => {
    const before = (await api.plans.list()).length;
    const good = {
      format: "b12-planner-plan",
      version: 1,
      plan: { name: "X", dayCount: 1, startDate: null },
      entries: [],
    };
    await expectTrpcError(
      api.plans.import(malformed({ file: { ...good, format: "other" } })),
      "BAD_REQUEST",
      /format must be/,
    );
    await expectTrpcError(
      api.plans.import(
        malformed({
          file: { ...good, entries: [{ day: 2, meal: "lunch", foodId: SOYMILK, grams: 10 }] },
        }),
      ),
      "BAD_REQUEST",
      /past the plan's 1 days/,
    );
    await expectTrpcError(
      api.plans.import(
        malformed({
          file: {
            ...good,
            entries: [
              { day: 1, meal: "lunch", foodId: "custom-gone", foodName: "Old drink", grams: 10 },
            ],
          },
        }),
      ),
      "NOT_FOUND",
      /Old drink/,
    );
    expect((await api.plans.list()).length).toBe(before);
  });
});

describe("limits and consistency", () => {
  it("refuses an amount that comes to no weight", async () => {
    const planId = await createPlanWith(api, { dayCount: 1 });
    await expectTrpcError(
      api.plans.addEntry({
        planId,
        day: 1,
        meal: "lunch",
        foodId: SOYMILK,
        portionId: `${SOYMILK}:1`,
        quantity: 1e-323,
      }),
      "BAD_REQUEST",
      /quantity must be at least 0.001/,
    );
    expect((await api.plans.totals({ planId })).entryCount).toBe(0);
  });

  it("imports and duplicates a full plan of 5,600 entries, then refuses one more", async () => {
    const entries = Array.from({ length: 5600 }, (_, i) => ({
      day: (i % 28) + 1,
      meal: "snack" as const,
      foodId: SOYMILK,
      grams: 10,
    }));
    const file = {
      format: "b12-planner-plan" as const,
      version: 1 as const,
      plan: { name: "Full", dayCount: 28, startDate: null },
      entries,
    };
    const { id } = await api.plans.import({ file });
    expect((await api.plans.totals({ planId: id })).entryCount).toBe(5600);
    const copy = await api.plans.duplicate({ planId: id });
    expect((await api.plans.get({ planId: copy.id })).entryCount).toBe(5600);
    await expectTrpcError(
      api.plans.addEntry({ planId: id, day: 1, meal: "lunch", foodId: SOYMILK, grams: 5 }),
      "BAD_REQUEST",
      /at most 5600/,
    );
    await expectTrpcError(
      api.plans.copyDay({ planId: id, fromDay: 1, toDays: [2] }),
      "BAD_REQUEST",
      /at most 5600/,
    );
  });

  it("weighs an imported portion entry by its portion, not by the file's grams", async () => {
    const file = {
      format: "b12-planner-plan" as const,
      version: 1 as const,
      plan: { name: "Mismatch", dayCount: 1, startDate: null },
      entries: [
        {
          day: 1,
          meal: "lunch" as const,
          foodId: SOYMILK,
          grams: 1,
          portionId: `${SOYMILK}:1`,
          quantity: 3,
        },
      ],
    };
    const { id } = await api.plans.import({ file });
    expect((await api.plans.get({ planId: id })).entries[0]).toMatchObject({
      grams: 729,
      quantity: 3,
    });
  });

  it("re-weighs plan entries when a custom food's serving changes", async () => {
    const food = await api.foods.createCustom(buildCustomFoodInput({ servingGrams: 30 }));
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({
      planId,
      day: 1,
      meal: "lunch",
      foodId: food.id,
      portionId: food.portions[0]?.id,
      quantity: 2,
    });
    await api.foods.updateCustom({ id: food.id, ...buildCustomFoodInput({ servingGrams: 60 }) });
    expect((await api.plans.get({ planId })).entries[0]).toMatchObject({ grams: 120, quantity: 2 });
    await expectTrpcError(
      api.foods.updateCustom({ id: food.id, ...buildCustomFoodInput({ servingGrams: 4000 }) }),
      "BAD_REQUEST",
      /would weigh 8000 g/,
    );
    expect((await api.foods.get({ id: food.id })).label?.servingGrams).toBe(60);
  });

  it("keeps start dates within the calendar", async () => {
    await expectTrpcError(
      api.plans.create({ name: "Far", dayCount: 2, startDate: "9999-12-31" }),
      "BAD_REQUEST",
      /startDate must be between/,
    );
  });

  it("does not reveal another owner's portions", async () => {
    const food = await api.foods.createCustom(buildCustomFoodInput({ name: "Private portion" }));
    const stranger = testDb.caller("portion-stranger");
    const { id: planId } = await stranger.plans.create({ name: "Mine", dayCount: 1 });
    await expectTrpcError(
      stranger.plans.addEntry({
        planId,
        day: 1,
        meal: "lunch",
        foodId: SOYMILK,
        portionId: food.portions[0]?.id ?? "",
        quantity: 1,
      }),
      "NOT_FOUND",
      /No portion/,
    );
  });
});
