import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppDatabase, openDatabase } from "@/db/client";
import { openPostgres } from "@/db/pg-client";
import { rawRun } from "@/db/raw";
import { getPlanTotals } from "@/server/services/plans/totals";
import { createInnerContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { createPlanWith } from "@/tests/factories/plans";
import { sqliteOnly, suiteOnPostgres } from "@/tests/pg-scratch";

/**
 * plans.totals remembers computed totals until the database changes: these check that
 * no change, from this connection or another (on PostgreSQL: another app instance, i.e.
 * another pool on the same database), leaves a stale total behind, and that a total is
 * reused while nothing changed.
 */
let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(() => t.close());

const SOYMILK = "sr28-16139"; // 0.85 µg per 100 g

/** A second connection (SQLite) or pool (PostgreSQL) on the test database. */
function openOther(): { db: AppDatabase; close: () => Promise<void> } {
  if (suiteOnPostgres) {
    const db = openPostgres(t.filePath, { max: 2 });
    return { db: db as unknown as AppDatabase, close: () => db.$client.end() };
  }
  const db = openDatabase(t.filePath);
  return {
    db,
    close: async () => {
      db.$client.close();
    },
  };
}

describe("remembered totals", () => {
  it("answers the same totals twice when nothing changed", async () => {
    const api = t.caller();
    const planId = await createPlanWith(api, { dayCount: 2 });
    await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: SOYMILK, grams: 200 });
    const first = await api.plans.totals({ planId });
    expect(await api.plans.totals({ planId })).toEqual(first);
    expect(first.averageB12Micrograms).toBeCloseTo(0.85, 10);
  });

  it("reuses the remembered total while nothing changed, and only then", async () => {
    const api = t.caller("cache-reuse");
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 100 });
    const first = await getPlanTotals(t.db, "cache-reuse", planId, { includeEntries: true });
    // The very object computed before: nothing was computed again.
    expect(await getPlanTotals(t.db, "cache-reuse", planId, { includeEntries: true })).toBe(first);
    // Another household's write does not touch it on PostgreSQL (its version is per
    // household); on SQLite every write counts, so this only checks freshness there.
    await createPlanWith(t.caller("cache-reuse-other"), { dayCount: 1 });
    const afterOther = await getPlanTotals(t.db, "cache-reuse", planId, { includeEntries: true });
    if (suiteOnPostgres) expect(afterOther).toBe(first);
    else expect(afterOther).toEqual(first);
    await api.plans.addEntry({ planId, day: 1, meal: "dinner", foodId: SOYMILK, grams: 100 });
    const changed = await getPlanTotals(t.db, "cache-reuse", planId, { includeEntries: true });
    expect(changed).not.toBe(first);
    expect(changed.averageB12Micrograms).toBeCloseTo(1.7, 10);
  });

  it("sees a write made through the services of another connection (another instance)", async () => {
    const api = t.caller("cache-instance");
    const planId = await createPlanWith(api, { dayCount: 1 });
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBe(0);
    const other = openOther();
    try {
      const elsewhere = createCaller(
        createInnerContext({ db: other.db, ownerId: "cache-instance" }),
      );
      await elsewhere.plans.addEntry({
        planId,
        day: 1,
        meal: "lunch",
        foodId: SOYMILK,
        grams: 100,
      });
      expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(0.85, 10);
      // And back: this instance's write, seen by the other one's next totals.
      const seen = await elsewhere.plans.totals({ planId });
      expect(seen.averageB12Micrograms).toBeCloseTo(0.85, 10);
      await api.plans.addEntry({ planId, day: 1, meal: "dinner", foodId: SOYMILK, grams: 100 });
      expect((await elsewhere.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(1.7, 10);
      await elsewhere.plans.updateEntry({
        entryId: (await api.plans.get({ planId })).entries[0]?.id ?? "",
        grams: 300,
      });
      expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(3.4, 10);
    } finally {
      await other.close();
    }
  });

  it.skipIf(suiteOnPostgres)(
    sqliteOnly("sees a raw write committed by another connection (PRAGMA data_version)"),
    async () => {
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
    },
  );

  it.skipIf(suiteOnPostgres)(
    sqliteOnly("sees a change on this connection that bypasses the services (total_changes)"),
    async () => {
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
      await rawRun(t.db, `UPDATE foods SET b12_per_100g = 3 WHERE id = ?`, [food.id]);
      expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(3, 10);
    },
  );

  it("follows a custom food's change made through the services", async () => {
    const api = t.caller("cache-food");
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
    await api.foods.updateCustom({
      id: food.id,
      name: "Cache test drink",
      servingGrams: 100,
      b12: { micrograms: 3 },
      diet: "vegan",
      fortified: true,
    });
    expect((await api.plans.totals({ planId })).averageB12Micrograms).toBeCloseTo(3, 10);
  });

  it("follows a plan's new start date (its days' dates)", async () => {
    const api = t.caller("cache-dates");
    const planId = await createPlanWith(api, { dayCount: 1 });
    expect((await api.plans.totals({ planId })).days[0]?.date).toBeNull();
    await api.plans.update({ planId, startDate: "2026-03-02" });
    expect((await api.plans.totals({ planId })).days[0]?.date).toBe("2026-03-02");
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

  it("never finds totals computed from a person's old profile for their new one", async () => {
    // The person is read before the version: a request holding Mia at 2 years old may
    // compute after her change to 6 has committed, under the new version.
    const api = t.caller("cache-person");
    const planId = await createPlanWith(api, { dayCount: 1 });
    await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 100 });
    const profile = {
      ageYears: 2,
      sex: "female" as const,
      pregnant: false,
      breastfeeding: false,
      diet: "vegan" as const,
      standard: "nih" as const,
      conditions: [],
    };
    const mia = { id: "mia", isDefault: false, portionFactor: 1, isFirstEater: false };
    const asRead = { ...mia, profile };
    await createPlanWith(api, { dayCount: 1 }); // any write: a new version
    const stale = await getPlanTotals(t.db, "cache-person", planId, { person: asRead });
    expect(stale.targetMicrograms).toBe(0.9); // NIH, 1-3 years
    const now = { ...mia, profile: { ...profile, ageYears: 6 } };
    const fresh = await getPlanTotals(t.db, "cache-person", planId, { person: now });
    expect(fresh.targetMicrograms).toBe(1.2); // NIH, 4-8 years
  });

  it("gives each owner only their own plan", async () => {
    const planId = await createPlanWith(t.caller("cache-a"), { dayCount: 1 });
    await t.caller("cache-a").plans.totals({ planId });
    await expect(t.caller("cache-b").plans.totals({ planId })).rejects.toThrow(/No plan/);
  });
});
