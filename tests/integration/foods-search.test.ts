/**
 * foods.search and foods.get through the tRPC caller on a real, fully imported
 * temporary SQLite database.
 */
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

const names = (items: { name: string }[]) => items.map((item) => item.name);

describe("foods.search", () => {
  it("finds soymilk when a person types 'soy milk' as two words", async () => {
    const { items } = await api.foods.search({ query: "soy milk" });
    expect(items.length).toBeGreaterThan(3);
    expect(names(items).some((name) => /soymilk/i.test(name))).toBe(true);
  });

  it("filters soy milk to vegan, fortified foods only", async () => {
    const { items } = await api.foods.search({
      query: "soy milk",
      diet: "vegan",
      fortifiedOnly: true,
      limit: 50,
    });
    expect(items.length).toBeGreaterThan(0);
    for (const food of items) {
      expect(food.diet).toBe("vegan");
      expect(food.b12Fortified).toBe(true);
    }
    expect(items.map((food) => food.ndbNumber)).toContain("16139");
  });

  it("finds liver and cheerios", async () => {
    const liver = await api.foods.search({ query: "liver", limit: 100 });
    expect(liver.items.length).toBeGreaterThan(20);
    expect(liver.items.every((food) => /liver/i.test(food.name))).toBe(true);
    const cheerios = await api.foods.search({ query: "cheerios" });
    expect(names(cheerios.items)).toContain("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS");
  });

  it("matches word prefixes, in any order, whatever the case", async () => {
    const a = await api.foods.search({ query: "cheer gen", limit: 100 });
    const b = await api.foods.search({ query: "GENERAL cheerios", limit: 100 });
    expect(names(a.items)).toContain("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS");
    expect(names(b.items)).toContain("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS");
    const lower = await api.foods.search({ query: "tempeh" });
    const upper = await api.foods.search({ query: "TEMPEH" });
    expect(names(upper.items)).toEqual(names(lower.items));
  });

  it("ignores accents in both the query and the food names", async () => {
    const created = await api.foods.createCustom(
      buildCustomFoodInput({ name: "Crème végétale fortifiée" }),
    );
    const { items } = await api.foods.search({ query: "creme vegetale" });
    expect(items.map((food) => food.id)).toContain(created.id);
    const accented = await api.foods.search({ query: "CRÈME" });
    expect(accented.items.map((food) => food.id)).toContain(created.id);
    await api.foods.deleteCustom({ id: created.id });
  });

  it("treats a 5-digit query as an NDB number and returns that food", async () => {
    const { items, nextCursor } = await api.foods.search({ query: "16139" });
    expect(items).toHaveLength(1);
    expect(items[0]?.name).toBe(
      "Soymilk, original and vanilla, with added calcium, vitamins A and D",
    );
    expect(nextCursor).toBeNull();
  });

  it("returns every field of the public food contract", async () => {
    const { items } = await api.foods.search({ query: "16139" });
    const food = items[0];
    expect(food).toMatchObject({
      id: "sr28-16139",
      ndbNumber: "16139",
      group: { code: "1600", name: "Legumes and Legume Products" },
      diet: "vegan",
      b12Fortified: true,
      b12PerHundredGrams: 0.85,
    });
    expect(food?.portions[0]).toMatchObject({ label: "1 cup", grams: 243 });
    expect(food?.portions[0]?.b12Micrograms).toBeCloseTo(2.0655, 10);
  });

  it("pages through results with the cursor without repeating a food", async () => {
    const first = await api.foods.search({ query: "cheese", limit: 7 });
    expect(first.items).toHaveLength(7);
    expect(first.nextCursor).toBe(7);
    const second = await api.foods.search({ query: "cheese", limit: 7, cursor: first.nextCursor });
    const all = await api.foods.search({ query: "cheese", limit: 14 });
    expect([...first.items, ...second.items].map((f) => f.id)).toEqual(all.items.map((f) => f.id));
  });

  it("ends with a null cursor on the last page", async () => {
    const { items, nextCursor } = await api.foods.search({ query: "cheerios", limit: 100 });
    expect(items.length).toBeLessThan(100);
    expect(nextCursor).toBeNull();
  });

  it("sorts by B12 per 100 g, highest first, unknown values last", async () => {
    const { items } = await api.foods.search({ query: "beef", sort: "b12", limit: 100 });
    const values = items.map((food) => food.b12PerHundredGrams);
    const known = values.filter((value): value is number => value !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const firstUnknown = values.indexOf(null);
    if (firstUnknown >= 0) expect(values.slice(firstUnknown).every((v) => v === null)).toBe(true);
    expect(items[0]?.name).toMatch(/liver/i);
  });

  it("filters by food group", async () => {
    const all = await api.foods.search({ query: "oat", limit: 100 });
    const { items } = await api.foods.search({ query: "oat", group: "0800", limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((food) => food.group?.code === "0800")).toBe(true);
    expect(all.items.some((food) => food.group?.code !== "0800")).toBe(true);
  });

  it("keeps unknown B12 as null, not zero", async () => {
    const { items } = await api.foods.search({ query: "01188" });
    expect(items[0]?.b12PerHundredGrams).toBeNull();
    expect(items[0]?.portions.every((portion) => portion.b12Micrograms === null)).toBe(true);
  });

  it("finds the curated fortified foods SR28 lacks", async () => {
    const yeast = await api.foods.search({ query: "nutritional yeast", fortifiedOnly: true });
    expect(yeast.items[0]).toMatchObject({
      id: "curated-nutritional-yeast-fortified",
      ndbNumber: null,
      diet: "vegan",
      b12Fortified: true,
      typicalLabelValue: true,
    });
    expect(yeast.items[0]?.sourceNote).toMatch(/check your product/);
    const oat = await api.foods.search({ query: "oat milk", diet: "vegan", fortifiedOnly: true });
    expect(oat.items.map((food) => food.id)).toContain("curated-oat-drink-fortified");
  });

  it("returns nothing (not an error) when no food matches", async () => {
    const result = await api.foods.search({ query: "zzqxv" });
    expect(result).toEqual({ items: [], nextCursor: null, relaxed: false });
  });
});

describe("foods.search rejects bad input with a message naming the field", () => {
  it.each([
    [{ query: "" }, /query must not be empty/],
    [{ query: "   " }, /query must not be empty/],
    [{ query: "a".repeat(500) }, /query is too long/],
    [{ query: "***" }, /query must contain a letter or a digit/],
    [{ query: "milk", limit: 0 }, /limit must be between 1 and 100/],
    [{ query: "milk", limit: 101 }, /limit must be between 1 and 100/],
    [{ query: "milk", limit: 2.5 }, /limit must be a whole number/],
    [{ query: "milk", cursor: -1 }, /cursor must not be negative/],
    [{ query: "milk", diet: "carnivore" }, /diet must be one of/],
    [{ query: "milk", sort: "name" }, /sort must be one of/],
    [{ query: "milk", group: "dairy" }, /group must be a 4-digit/],
    [{ query: 42 }, /query must be a string/],
    [{ query: "milk", extra: true }, /extra/],
  ])("%j", async (input, message) => {
    await expectTrpcError(api.foods.search(malformed(input)), "BAD_REQUEST", message);
  });
});

describe("foods.get", () => {
  it("gets a food by id and by NDB number", async () => {
    const byId = await api.foods.get({ id: "sr28-13327" });
    const byNdb = await api.foods.get({ ndbNumber: "13327" });
    expect(byNdb).toEqual(byId);
    expect(byId.name).toBe("Beef, variety meats and by-products, liver, cooked, pan-fried");
    // NIH ODS Table 2: 3 oz (85 g) of pan-fried beef liver gives 70.7 µg (SR28 13327 × 85 g).
    expect(((byId.b12PerHundredGrams ?? 0) * 85) / 100).toBeCloseTo(70.7, 1);
    expect(byId.nutrientsPerHundredGrams.energyKcal).toBeGreaterThan(0);
    expect(byId.diet).toBe("omnivore");
  });

  it("answers NOT_FOUND for an unknown id or NDB number", async () => {
    await expectTrpcError(api.foods.get({ id: "sr28-99999" }), "NOT_FOUND", /sr28-99999/);
    await expectTrpcError(api.foods.get({ ndbNumber: "99999" }), "NOT_FOUND", /99999/);
  });

  it("answers BAD_REQUEST for malformed look-ups", async () => {
    await expectTrpcError(api.foods.get({ id: "" }), "BAD_REQUEST", /id must not be empty/);
    await expectTrpcError(api.foods.get({ ndbNumber: "123" }), "BAD_REQUEST", /ndbNumber/);
    await expectTrpcError(
      api.foods.get(malformed({})),
      "BAD_REQUEST",
      /exactly one of id or ndbNumber/,
    );
  });

  it("lists the 25 SR28 food groups with their food counts", async () => {
    const groups = await api.foods.groups();
    expect(groups).toHaveLength(25);
    expect(groups.find((group) => group.code === "1300")?.name).toBe("Beef Products");
    expect(groups.reduce((sum, group) => sum + group.foodCount, 0)).toBe(
      8789 + (testDb.importSummary?.curatedFoods ?? 0),
    );
  });
});
