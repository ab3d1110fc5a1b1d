import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { createPlanWith } from "@/tests/factories/plans";

/**
 * plans.totals remembers computed totals until the database changes: these check that
 * no change, from this connection or another, leaves a stale total behind.
 */
let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(() => t.close());

const SOYMILK = "sr28-16139"; // 0.85 µg per 100 g

describe("remembered totals", () => {
  it("answers the same totals twice when nothing changed", async () => {
    const api = t.caller();
    const planId = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 200 });
    const first = await api.plans.totals({ planId });
    expect(await api.plans.totals({ planId })).toEqual(first);
    expect(first.averageB12Micrograms).toBeCloseTo(0.85, 10);
  });

  it("sees a write committed by another connection", async () => {
    const api = t.caller();
    const planId = await createPlanWith(api, { dayCount: 1 });
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBe(0);
    const other = openDatabase(t.filePath);
    try {
      other.$client
        .prepare(
          `INSERT INTO plan_entries (id, plan_id, day, meal, food_id, grams, position)
           VALUES ('from-elsewhere', ?, 1, 'lunch', ?, 100, 1)`,
        )
        .run(planId, SOYMILK);
    } finally {
      other.$client.close();
    }
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(0.85, 10);
  });

  it("sees a change on this connection that bypasses the services", async () => {
    const api = t.caller();
    const food = await api.foods.createCustom({
      name: "Cache test drink",
      servingGrams: 100,
      b12: { micrograms: 1 },
      diet: "vegan",
      fortified: true,
    });
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: food.id, grams: 100 });
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(1, 10);
    t.db.$client.prepare(`UPDATE foods SET b12_per_100g = 3 WHERE id = ?`).run(food.id);
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(3, 10);
  });

  it("follows profile changes (the target and the absorption profile)", async () => {
    const api = t.caller("cache-profile");
    const planId = await createPlanWith(api, { dayCount: 1 });
    const before = await api.plans.totals({ planId });
    await api.profile.update({ ageYears: 70, sex: "male", diet: "vegan", standard: "efsa" });
    const after = await api.plans.totals({ planId });
    expect(after.targetMicrograms).toBe(4);
    expect(before.targetMicrograms).toBe(2.4);
    expect(after.absorption.foodBoundRelease).toBe("uncertain");
  });

  it("gives each owner only their own plan", async () => {
    const planId = await createPlanWith(t.caller("cache-a"), { dayCount: 1 });
    await t.caller("cache-a").plans.totals({ planId });
    await expect(t.caller("cache-b").plans.totals({ planId })).rejects.toThrow(/No plan/);
  });
});
