import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawAll } from "@/db/raw";
import type { BackupFile } from "@/server/schemas/backup";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { buildProfileInput, createPlanWith } from "@/tests/factories/plans";
import { expectTrpcError } from "@/tests/helpers";

const SOYMILK = "sr28-16139";
const EGG = "sr28-01123";

let source: TestDatabase;
let target: TestDatabase;
beforeAll(() => {
  source = createTestDatabase();
  target = createTestDatabase();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

/** A person with something of every kind of data. */
async function buildRichData(api: ReturnType<TestDatabase["caller"]>) {
  await api.profile.update(
    buildProfileInput({ ageYears: 63, diet: "vegetarian", conditions: ["acid-reducers"] }),
  );
  const custom = await api.foods.createCustom(
    buildCustomFoodInput({
      name: "Crème fraîche oat drink µ",
      portions: [{ label: "1 glass", grams: 200 }],
    }),
  );
  await api.foods.setDietOverride({ foodId: EGG, diet: "vegan", note: "test correction" });
  const week = await createPlanWith(api, { name: "Week A", dayCount: 7, startDate: "2026-11-23" });
  await api.plans.addToDays({
    planId: week,
    foodId: SOYMILK,
    meals: ["breakfast"],
    portionId: `${SOYMILK}:1`,
    quantity: 1,
  });
  await api.plans.addToDays({
    planId: week,
    foodId: custom.id,
    meals: ["dinner"],
    portionId: `${custom.id}:2`,
    quantity: 1.5,
  });
  await api.plans.addEntry({ planId: week, day: 3, meal: "lunch", foodId: EGG, grams: 50 });
  const weekly = await api.plans.addSupplement({
    planId: week,
    doseMicrograms: 2000,
    form: "tablet",
    weekdays: [1],
  });
  await api.plans.addSupplement({
    planId: week,
    doseMicrograms: 10,
    form: "sublingual",
    everyNDays: 1,
    withMeal: "lunch",
  });
  await api.shopping.setPreferences({ planId: week, servings: 3, unitSystem: "imperial" });
  await api.shopping.setChecked({ planId: week, itemKey: SOYMILK, checked: true });
  await api.shopping.setChecked({
    planId: week,
    itemKey: `supplement:${weekly.id}`,
    checked: true,
  });
  await api.shopping.setInPantry({ planId: week, itemKey: custom.id, inPantry: true });
  const extra = await api.shopping.addExtra({ planId: week, text: 'Kitchen roll, 2 × "big"' });
  const extraLine = extra.extras.find((item) => item.text.startsWith("Kitchen roll"));
  if (extraLine)
    await api.shopping.setChecked({ planId: week, itemKey: extraLine.itemKey, checked: true });
  const small = await createPlanWith(api, { name: "Weekend", dayCount: 2 });
  await api.plans.addEntry({ planId: small, day: 2, meal: "snack", foodId: SOYMILK, grams: 100 });
  // Starred in this order (the favourites list shows the newest first).
  await api.foods.setFavorite({ foodId: EGG, favorite: true });
  await api.foods.setFavorite({ foodId: custom.id, favorite: true });
  await api.foods.setFavorite({ foodId: SOYMILK, favorite: true });
  await api.shopping.setAisle({ planId: week, foodId: SOYMILK, aisle: "pantry-and-grains" });
  await api.shopping.setAisle({ planId: week, foodId: custom.id, aisle: "other" });
  return { custom, week, small };
}

/** The aisle the soy milk line sits in. */
function list0(list: { aisles: { aisle: string; lines: { foodId?: string | null }[] }[] }) {
  return list.aisles.find((aisle) => aisle.lines.some((line) => line.foodId === SOYMILK))?.aisle;
}

/** What must survive a round trip: every total, list and setting, by plan name. */
async function snapshot(api: ReturnType<TestDatabase["caller"]>) {
  const plans = await api.plans.list();
  const byName: Record<string, unknown> = {};
  for (const plan of plans) {
    const totals = await api.plans.totals({ planId: plan.id });
    const list = await api.shopping.list({ planId: plan.id });
    const strip = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, inner) =>
          // personId: people are made anew per household (not yet in backups).
          [
            "planId",
            "id",
            "itemKey",
            "supplementId",
            "personId",
            "createdAt",
            "updatedAt",
          ].includes(key)
            ? undefined
            : inner,
        ),
      );
    byName[plan.name] = {
      dayCount: plan.dayCount,
      startDate: plan.startDate,
      totals: strip({ ...totals, days: totals.days }),
      shopping: strip(list),
    };
  }
  const profile = await api.profile.get();
  const favorites = (await api.foods.favorites()).items.map((food) => food.id);
  return { profile: profile.profile, plans: byName, favorites };
}

/** Every table a restore writes, hashed (slow-ish: foods and portions are thousands of rows). */
async function tableHash(db: TestDatabase["db"]): Promise<string> {
  const hash = createHash("sha256");
  for (const table of [
    "profiles",
    "foods",
    "food_portions",
    "diet_overrides",
    "plans",
    "plan_entries",
    "plan_supplements",
    "shopping_preferences",
    "shopping_marks",
    "shopping_extras",
    "favorite_foods",
    "shopping_aisle_choices",
  ]) {
    const rows = await rawAll(db, `SELECT * FROM ${table} ORDER BY 1, 2`);
    hash.update(table).update(JSON.stringify(rows));
  }
  return hash.digest("hex");
}

describe("backup and restore", () => {
  it("restores everything into a fresh database with identical totals and lists", async () => {
    const api = source.caller("backup-owner");
    await buildRichData(api);
    const before = await snapshot(api);
    const file = await api.backup.export();
    expect(file.format).toBe("b12-planner-backup");
    expect(file.plans).toHaveLength(2);
    // Through JSON text, as a downloaded file would travel.
    const travelled = JSON.parse(JSON.stringify(file)) as BackupFile;

    const restoredApi = target.caller("someone-new");
    const summary = await restoredApi.backup.restore({ file: travelled });
    expect(summary).toEqual({
      profile: true,
      people: 1, // the exporting account's own person
      customFoods: 1,
      dietOverrides: 1,
      plans: 2,
      entries: 16,
      supplements: 2,
      favoriteFoods: 3,
      aisleChoices: 2,
      recipes: 0,
    });
    const after = await snapshot(restoredApi);
    expect(after).toEqual(before);
    // The same favourites in the same order (stars keep their time, which orders the list).
    expect([...before.favorites].sort()).toEqual(
      [EGG, SOYMILK, file.customFoods[0]?.id ?? ""].sort(),
    );
    expect(file.aisleChoices).toEqual(
      [
        { foodId: SOYMILK, aisle: "pantry-and-grains" },
        { foodId: file.customFoods[0]?.id, aisle: "other" },
      ].sort((a, b) => String(a.foodId).localeCompare(String(b.foodId))),
    );
    const soymilkLine = list0(
      await restoredApi.shopping.list({
        planId: (await restoredApi.plans.list()).find((plan) => plan.name === "Week A")?.id ?? "",
      }),
    );
    expect(soymilkLine).toBe("pantry-and-grains");
    const weekA = (await restoredApi.plans.list()).find((plan) => plan.name === "Week A");
    const list = await restoredApi.shopping.list({ planId: weekA?.id ?? "" });
    const lines = list.aisles.flatMap((aisle) => aisle.lines);
    expect(lines.filter((line) => line.checked).map((line) => line.name).length).toBe(2);
    expect(list.extras.find((extra) => extra.text.startsWith("Kitchen roll"))?.checked).toBe(true);
  });

  it("replaces an owner's data when restoring over it, and a second export matches the first", async () => {
    const api = source.caller("backup-owner");
    const first = await api.backup.export();
    await createPlanWith(api, { name: "To be replaced" });
    await api.backup.restore({ file: first });
    const second = await api.backup.export();
    const names = (await api.plans.list()).map((plan) => plan.name).sort();
    expect(names).toEqual(["Week A", "Weekend"]);
    const comparable = (file: typeof first) =>
      JSON.parse(
        JSON.stringify({ ...file, exportedAt: null }, (key, value) =>
          ["id", "supplementIds", "itemKey"].includes(key) ? undefined : value,
        ),
      );
    expect(comparable(second)).toEqual(comparable(first));
  });

  it("rejects malformed and hostile files whole, changing nothing", async () => {
    const fresh = createTestDatabase();
    const api = fresh.caller("careful-owner");
    await api.profile.update(buildProfileInput());
    await createPlanWith(api, { name: "Keep me" });
    const good = (await source.caller("backup-owner").backup.export()) as BackupFile;
    const hash = await tableHash(fresh.db);
    const otherFood = await fresh
      .caller("another-owner")
      .foods.createCustom(buildCustomFoodInput());
    const hashWithOther = await tableHash(fresh.db);
    expect(hashWithOther).not.toBe(hash);

    const week = good.plans[0];
    if (!week) throw new Error("no plan");
    const cases: [unknown, string, RegExp][] = [
      [null, "BAD_REQUEST", /file/],
      [{ ...good, format: "something-else" }, "BAD_REQUEST", /format must be/],
      [{ ...good, version: 2 }, "BAD_REQUEST", /version must be 1/],
      [{ ...good, profile: { ...good.profile, ageYears: -4 } }, "BAD_REQUEST", /ageYears/],
      [{ ...good, extra: true }, "BAD_REQUEST", /extra/],
      [
        { ...good, customFoods: [{ id: "sr28-01001", fields: good.customFoods[0]?.fields }] },
        "BAD_REQUEST",
        /custom-<uuid>/,
      ],
      [
        { ...good, customFoods: [{ id: otherFood.id, fields: good.customFoods[0]?.fields }] },
        "CONFLICT",
        /belongs to another food/,
      ],
      [
        { ...good, dietOverrides: [{ foodId: "sr28-99999", diet: "vegan", note: null }] },
        "NOT_FOUND",
        /not in this database: sr28-99999/,
      ],
      [
        {
          ...good,
          plans: [
            {
              ...week,
              file: { ...week.file, entries: [{ ...week.file.entries[0], grams: Number.NaN }] },
            },
          ],
        },
        "BAD_REQUEST",
        /grams/,
      ],
      [
        {
          ...good,
          plans: [
            {
              ...week,
              file: { ...week.file, plan: { ...week.file.plan, name: "x".repeat(100_000) } },
            },
          ],
        },
        "BAD_REQUEST",
        /name is too long/,
      ],
      [
        {
          ...good,
          plans: [
            {
              ...week,
              shopping: {
                ...week.shopping,
                preferences: { servings: 2, unitSystem: "metric", fromDay: 9, toDay: 3 },
              },
            },
          ],
        },
        "BAD_REQUEST",
        /range of days/,
      ],
      [
        { ...good, plans: [{ ...week, supplementIds: [] }] },
        "BAD_REQUEST",
        /one id per supplement/,
      ],
      // A plan that uses a custom food the file does not include.
      [{ ...good, customFoods: [] }, "NOT_FOUND", /not in this database/],
    ];
    for (const [file, code, message] of cases) {
      await expectTrpcError(api.backup.restore({ file } as never), code as "BAD_REQUEST", message);
      expect(await tableHash(fresh.db), String(message)).toBe(hashWithOther);
    }
    expect((await api.plans.list()).map((plan) => plan.name)).toEqual(["Keep me"]);
    await fresh.close();
    // 14 restores, each followed by a hash of every row of the food tables (24,000 rows):
    // about 12 s on an idle machine, so more time than the default on a busy one.
  }, 90_000);

  it("restores a file from before favourites and aisle choices, leaving none of either", async () => {
    const fresh = createTestDatabase();
    const api = fresh.caller("old-file-owner");
    await api.foods.setFavorite({ foodId: EGG, favorite: true });
    const current = (await source.caller("backup-owner").backup.export()) as BackupFile;
    // A version-1 file as exported before these sections existed: the keys are absent.
    const { favoriteFoods: _favorites, aisleChoices: _aisles, ...old } = current;
    expect(Object.keys(old)).not.toContain("favoriteFoods");
    const summary = await api.backup.restore({ file: old as BackupFile });
    expect(summary).toMatchObject({ plans: 2, entries: 16, favoriteFoods: 0, aisleChoices: 0 });
    // Replaced, like everything else: the star from before the restore is gone.
    expect((await api.foods.favorites()).items).toEqual([]);
    const week = (await api.plans.list()).find((plan) => plan.name === "Week A");
    expect(list0(await api.shopping.list({ planId: week?.id ?? "" }))).toBe("drinks");
    await fresh.close();
  });

  it("rejects duplicate or unknown favourites and aisle choices, changing nothing", async () => {
    const fresh = createTestDatabase();
    const api = fresh.caller("careful-owner");
    await createPlanWith(api, { name: "Keep me" });
    await api.foods.setFavorite({ foodId: SOYMILK, favorite: true });
    const hash = await tableHash(fresh.db);
    const good = (await source.caller("backup-owner").backup.export()) as BackupFile;
    const cases: [unknown, string, RegExp, string | undefined][] = [
      [
        { ...good, favoriteFoods: [{ foodId: EGG }, { foodId: SOYMILK }, { foodId: EGG }] },
        "BAD_REQUEST",
        /favoriteFoods\.2: the favourite food "sr28-01123" appears twice/,
        "file.favoriteFoods.2",
      ],
      [
        {
          ...good,
          aisleChoices: [
            { foodId: SOYMILK, aisle: "drinks" },
            { foodId: SOYMILK, aisle: "other" },
          ],
        },
        "BAD_REQUEST",
        /aisleChoices\.1: an aisle choice for food "sr28-16139" appears twice/,
        "file.aisleChoices.1",
      ],
      [
        { ...good, aisleChoices: [{ foodId: SOYMILK, aisle: "supplements" }] },
        "BAD_REQUEST",
        /supplements are for supplements only/,
        undefined,
      ],
      [
        { ...good, aisleChoices: [{ foodId: SOYMILK, aisle: "basement" }] },
        "BAD_REQUEST",
        /aisle must be one of/,
        undefined,
      ],
      [
        { ...good, favoriteFoods: [{ foodId: "sr28-99999" }] },
        "NOT_FOUND",
        /not in this database: sr28-99999/,
        undefined,
      ],
      [
        {
          ...good,
          favoriteFoods: Array.from({ length: 1001 }, (_, index) => ({ foodId: `f${index}` })),
        },
        "BAD_REQUEST",
        /at most 1000 favourite foods/,
        undefined,
      ],
    ];
    for (const [file, code, message, field] of cases) {
      const error = await expectTrpcError(
        api.backup.restore({ file } as never),
        code as "BAD_REQUEST",
        message,
      );
      if (field) expect(error.message, String(message)).toContain(field);
      expect(await tableHash(fresh.db), String(message)).toBe(hash);
    }
    await fresh.close();
  }, 90_000);
});
