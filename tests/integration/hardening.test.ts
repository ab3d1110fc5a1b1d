/**
 * Malformed input found by the security test (issue 14), through the tRPC caller on a
 * real database: restore files with a duplicate id anywhere (were 500s), names made only
 * of control characters (passed "must not be empty"), lone surrogates (were stored as
 * U+FFFD). Each is BAD_REQUEST naming the field, and changes nothing.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawAll } from "@/db/raw";
import type { BackupFile } from "@/server/schemas/backup";
import { createTestDatabase, type TestDatabase } from "@/tests/factories/database";
import { buildCustomFoodInput } from "@/tests/factories/foods";
import { expectTrpcError } from "@/tests/helpers";

const EGG = "sr28-01123";
const SOYMILK = "sr28-16139";

let testDb: TestDatabase;
let api: ReturnType<TestDatabase["caller"]>;
let backup: BackupFile;
let planId = "";

async function hashAll(): Promise<string> {
  const hash = createHash("sha256");
  const own = "SELECT * FROM foods WHERE owner_id IS NOT NULL ORDER BY id";
  const portions = "SELECT * FROM food_portions WHERE food_id LIKE 'custom-%' ORDER BY id";
  hash.update(JSON.stringify([await rawAll(testDb.db, own), await rawAll(testDb.db, portions)]));
  for (const table of [
    "diet_overrides",
    "plans",
    "plan_entries",
    "plan_supplements",
    "shopping_marks",
    "shopping_extras",
  ]) {
    hash.update(JSON.stringify(await rawAll(testDb.db, `SELECT * FROM ${table} ORDER BY 1, 2`)));
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  testDb = createTestDatabase();
  api = testDb.caller();
  await api.foods.createCustom(buildCustomFoodInput());
  await api.foods.createCustom(buildCustomFoodInput({ name: "Second drink" }));
  await api.foods.setDietOverride({ foodId: EGG, diet: "vegan" });
  await api.foods.setDietOverride({ foodId: SOYMILK, diet: "vegetarian" });
  ({ id: planId } = await api.plans.create({ name: "Week", dayCount: 7 }));
  await api.plans.create({ name: "Other week", dayCount: 7 });
  await api.plans.addEntry({ planId, day: 1, meal: "breakfast", foodId: EGG, grams: 50 });
  await api.plans.addEntry({ planId, day: 1, meal: "lunch", foodId: SOYMILK, grams: 240 });
  await api.plans.addSupplement({ planId, doseMicrograms: 250, form: "tablet" });
  await api.plans.addSupplement({ planId, doseMicrograms: 50, form: "chewable" });
  const list = await api.shopping.list({ planId });
  const first = list.aisles[0]?.lines[0];
  if (!first) throw new Error("empty shopping list");
  await api.shopping.setChecked({ planId, itemKey: first.itemKey, checked: true });
  await api.shopping.addExtra({ planId, text: "Bread" });
  await api.shopping.addExtra({ planId, text: "Tea" });
  backup = await api.backup.export();
}, 60_000);
afterAll(() => testDb.close());

describe("restore files with a duplicate id anywhere", () => {
  const week = (file: BackupFile) => {
    const plan = file.plans.find((candidate) => candidate.file.plan.name === "Week");
    if (!plan) throw new Error("no plan Week in the backup");
    return plan;
  };
  const cases: [string, (file: BackupFile) => void, RegExp][] = [
    [
      "custom food id",
      (file) => {
        const [first, second] = file.customFoods;
        if (first && second) second.id = first.id;
      },
      /customFoods\.1: the custom food id "custom-[^"]+" appears twice/,
    ],
    [
      "diet correction food id",
      (file) => {
        const [first, second] = file.dietOverrides;
        if (first && second) second.foodId = first.foodId;
      },
      /dietOverrides\.1: a diet correction for food "sr28-\d+" appears twice/,
    ],
    [
      "plan id",
      (file) => {
        const [first, second] = file.plans;
        if (first && second) second.id = first.id;
      },
      /plans\.1: the plan id "[^"]+" appears twice/,
    ],
    [
      "supplement id",
      (file) => {
        const ids = week(file).supplementIds;
        ids[1] = ids[0] ?? "";
      },
      /supplementIds\.1: the id "[^"]+" appears twice/,
    ],
    [
      "shopping extra id",
      (file) => {
        const extras = week(file).shopping.extras;
        const [first, second] = extras;
        if (first && second) second.id = first.id;
      },
      /shopping\.extras\.1: the extra id "[^"]+" appears twice/,
    ],
    [
      "shopping mark item",
      (file) => {
        const marks = week(file).shopping.marks;
        const [first] = marks;
        if (first) marks.push({ ...first, checked: false });
      },
      /shopping\.marks\.\d+: a mark for item "[^"]+" appears twice/,
    ],
  ];

  for (const [what, mutate, message] of cases) {
    it(`refuses a duplicate ${what} with BAD_REQUEST and changes nothing`, async () => {
      const file = structuredClone(backup);
      mutate(file);
      const before = await hashAll();
      const error = await expectTrpcError(api.backup.restore({ file }), "BAD_REQUEST", message);
      expect(error.message).not.toMatch(/went wrong/);
      expect(await hashAll()).toBe(before);
    });
  }

  it("still restores the unchanged file", async () => {
    const summary = await api.backup.restore({ file: structuredClone(backup) });
    expect(summary).toMatchObject({ customFoods: 2, dietOverrides: 2, plans: 2, entries: 2 });
  });
});

describe("names empty after removing control characters, and lone surrogates", () => {
  const controlOnly = ["\u0000", "\u0000\u0000\u0000", "\u0007 \u001b", "\t\n\r", "\u0085\u009f"];

  it("refuses a plan, food, portion or extra name made only of control characters", async () => {
    const before = await hashAll();
    for (const name of controlOnly) {
      await expectTrpcError(
        api.plans.create({ name, dayCount: 1 }),
        "BAD_REQUEST",
        "name must not be empty",
      );
      await expectTrpcError(
        api.plans.update({ planId, name }),
        "BAD_REQUEST",
        "name must not be empty",
      );
      await expectTrpcError(
        api.foods.createCustom(buildCustomFoodInput({ name })),
        "BAD_REQUEST",
        "name must not be empty",
      );
      await expectTrpcError(
        api.foods.createCustom(buildCustomFoodInput({ portions: [{ label: name, grams: 10 }] })),
        "BAD_REQUEST",
        "portion label must not be empty",
      );
      await expectTrpcError(
        api.shopping.addExtra({ planId, text: name }),
        "BAD_REQUEST",
        "text must not be empty",
      );
    }
    expect(await hashAll()).toBe(before);
  });

  it("refuses lone surrogates with a message instead of storing U+FFFD", async () => {
    const before = await hashAll();
    for (const name of ["Week \uD83D", "\uDE00 soup", "a\uDC00\uD800b"]) {
      const error = await expectTrpcError(
        api.plans.create({ name, dayCount: 1 }),
        "BAD_REQUEST",
        /name contains a broken character/,
      );
      expect(error.cause).toMatchObject({ issues: [expect.objectContaining({ path: ["name"] })] });
      await expectTrpcError(
        api.foods.createCustom(buildCustomFoodInput({ name })),
        "BAD_REQUEST",
        /name contains a broken character/,
      );
      await expectTrpcError(
        api.foods.setDietOverride({ foodId: EGG, diet: "vegan", note: name }),
        "BAD_REQUEST",
        /note contains a broken character/,
      );
    }
    expect(await hashAll()).toBe(before);
  });

  it("stores names without their control characters and keeps emoji whole", async () => {
    const { id } = await api.plans.create({ name: " Week\u0000 B\u001b 🥣 ", dayCount: 1 });
    const plan = await api.plans.get({ planId: id });
    expect(plan.name).toBe("Week B 🥣");
    await api.plans.delete({ planId: id });
  });
});
