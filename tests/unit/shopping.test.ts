/** The shopping list aggregation, hand-computed: sums, units, rounding, aisles, supplements. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aisleForFood,
  buildShoppingList,
  describeUsedOn,
  type ShoppingEntryInput,
  type ShoppingListInput,
  type ShoppingPortion,
} from "@/server/domain/shopping";

const CUP: ShoppingPortion = { id: "sr28-16139:1", amount: 1, unit: "cup", grams: 243 };
const FL_OZ: ShoppingPortion = { id: "sr28-16139:2", amount: 1, unit: "fl oz", grams: 30.6 };
const LARGE_EGG: ShoppingPortion = { id: "sr28-01123:1", amount: 1, unit: "large", grams: 50 };
const SOYMILK = "Soymilk, original and vanilla, with added calcium, vitamins A and D";

function soymilk(day: number, overrides: Partial<ShoppingEntryInput> = {}): ShoppingEntryInput {
  return {
    day,
    meal: "breakfast",
    foodId: "sr28-16139",
    foodName: SOYMILK,
    groupCode: "1600",
    grams: 243,
    portion: CUP,
    ...overrides,
  };
}

function list(overrides: Partial<ShoppingListInput>) {
  return buildShoppingList({
    dayCount: 7,
    startDate: null,
    fromDay: 1,
    toDay: 7,
    servings: 1,
    unitSystem: "metric",
    entries: [],
    ...overrides,
  });
}

const week = (make: (day: number) => ShoppingEntryInput) =>
  Array.from({ length: 7 }, (_, index) => make(index + 1));

describe("buildShoppingList", () => {
  it("a 7-day plan with 1 cup of fortified soy drink a day, for 2 people, lists 14 cups = 3,402 g", () => {
    const result = list({
      servings: 2,
      entries: week((day) => soymilk(day)),
      portionsByFood: { "sr28-16139": [CUP, FL_OZ] },
    });
    expect(result.lines).toHaveLength(1);
    const line = result.lines[0];
    expect(line?.grams).toBe(3402);
    expect(line?.household).toEqual({ unit: "cup", exactAmount: 14, amount: 14 });
    // A liquid is bought by volume: 3402 g ÷ 30.6 g per fl oz × 29.5735 ml = 3,288 ml,
    // rounded up to a quarter litre.
    expect(line?.displayQuantity).toBe("3.5 L");
    expect(line?.text).toBe("3.5 L soy milk");
    expect(line?.shoppingName).toBe("soy milk");
    expect(line?.exactQuantity).toBe("3,402 g");
    expect(line?.aisle).toBe("drinks");
    expect(line?.usedOn).toHaveLength(7);
  });

  it("gives imperial volumes in quarts above two pints", () => {
    const result = list({
      servings: 2,
      unitSystem: "imperial",
      entries: week((day) => soymilk(day)),
      portionsByFood: { "sr28-16139": [CUP, FL_OZ] },
    });
    // 3,288 ml ÷ 946.35 ml per US quart = 3.47 → 4 quarts.
    expect(result.lines[0]?.displayQuantity).toBe("4 quarts");
  });

  it("rounds eggs up to whole eggs: 1.5 large a day for a week is 10.5, so 11 large", () => {
    const result = list({
      entries: week((day) => ({
        day,
        meal: "breakfast",
        foodId: "sr28-01123",
        foodName: "Egg, whole, raw, fresh",
        groupCode: "0100",
        grams: 75,
        portion: LARGE_EGG,
      })),
    });
    expect(result.lines[0]?.grams).toBe(525);
    expect(result.lines[0]?.displayQuantity).toBe("11 large (525 g)");
    expect(result.lines[0]?.aisle).toBe("dairy-and-eggs");
  });

  it("rounds cups up to quarter cups and keeps the exact grams", () => {
    // A solid measured in cups (yogurt, given the same 243 g cup): 6 × 1 cup + 100 g =
    // 1,558 g = 6.41 cups → 6.5 cups.
    const yogurt = { foodName: "Yogurt, plain, whole milk", groupCode: "0100" };
    const entries = [
      ...week((day) => soymilk(day, yogurt)).slice(0, 6),
      soymilk(7, { ...yogurt, grams: 100, portion: null }),
    ];
    const line = list({ entries }).lines[0];
    expect(line?.grams).toBe(1558);
    expect(line?.household?.amount).toBe(6.5);
    expect(line?.household?.exactAmount).toBeCloseTo(1558 / 243, 10);
    expect(line?.displayQuantity).toMatch(/^6\.5 cups \(/);
  });

  it("buys a drink measured only in cups by volume (a US cup is 8 fl oz)", () => {
    // Soymilk with no fl oz portion: 6 × 243 g + 100 g = 1,558 g; 243 g per cup of
    // 236.5882365 ml → 1,558 × 236.5882365 / 243 = 1,516.9 ml, bought as 1.75 L (over 1 L,
    // rounded up to a quarter litre).
    const entries = [
      ...week((day) => soymilk(day)).slice(0, 6),
      soymilk(7, { grams: 100, portion: null }),
    ];
    const line = list({ entries }).lines[0];
    expect(line?.grams).toBe(1558);
    expect(line?.displayQuantity).toBe("1.75 L");
  });

  it("falls back to weight when household portions carry less than half of a food's grams", () => {
    const entries = [soymilk(1), soymilk(2, { grams: 500, portion: null })];
    const line = list({ entries }).lines[0];
    expect(line?.household).toBeNull();
    expect(line?.grams).toBe(743);
    expect(line?.displayQuantity).toBe("750 g");
  });

  it("expresses a mixed-portion food in the portion that carries most grams", () => {
    const halfCup: ShoppingPortion = { id: "x:2", amount: 0.5, unit: "cup, diced", grams: 75 };
    const piece: ShoppingPortion = { id: "x:3", amount: 1, unit: "piece", grams: 20 };
    const food = {
      foodId: "x",
      foodName: "Carrots, raw",
      groupCode: "1100",
      meal: "lunch" as const,
    };
    const entries: ShoppingEntryInput[] = [
      { ...food, day: 1, grams: 150, portion: halfCup },
      { ...food, day: 2, grams: 150, portion: halfCup },
      { ...food, day: 3, grams: 40, portion: piece },
    ];
    // 340 g ÷ 75 g × 0.5 cup = 2.27 cups → 2.5 cups, diced.
    const line = list({ entries }).lines[0];
    expect(line?.displayQuantity).toBe("2.5 cups, diced (340 g)");
    expect(line?.aisle).toBe("produce");
  });

  it("rounds weights to steps people buy in, metric and imperial", () => {
    const oats = (grams: number, day = 1): ShoppingEntryInput => ({
      day,
      meal: "breakfast",
      foodId: "sr28-08120",
      foodName: "Cereals, oats, regular and quick, not fortified, dry",
      groupCode: "0800",
      grams,
      portion: null,
    });
    expect(
      list({ entries: [oats(120), oats(120, 2), oats(120, 3)] }).lines[0]?.displayQuantity,
    ).toBe("375 g");
    expect(list({ entries: [oats(12)] }).lines[0]?.displayQuantity).toBe("15 g");
    expect(list({ entries: [oats(120)], servings: 20 }).lines[0]?.displayQuantity).toBe("2.4 kg");
    expect(list({ entries: [oats(360)], servings: 20 }).lines[0]?.displayQuantity).toBe("7.2 kg");
    // 360 g = 12.7 oz → 13 oz; 2,400 g = 5.29 lb → 5.5 lb.
    expect(list({ entries: [oats(360)], unitSystem: "imperial" }).lines[0]?.displayQuantity).toBe(
      "13 oz",
    );
    expect(
      list({ entries: [oats(120)], servings: 20, unitSystem: "imperial" }).lines[0]
        ?.displayQuantity,
    ).toBe("5.5 lb");
    expect(list({ entries: [oats(120)], servings: 20 }).lines[0]?.grams).toBe(2400);
  });

  it("counts label portions of curated foods as whole items", () => {
    const glass: ShoppingPortion = { id: "c:1", amount: 1, unit: "1 glass, 250 ml", grams: 250 };
    const entries = week((day) => ({
      day,
      meal: "breakfast",
      foodId: "curated-oat-drink-fortified",
      foodName: "Oat drink, fortified with B12 (typical UK label value)",
      groupCode: "1400",
      grams: 250,
      portion: glass,
    }));
    const line = list({ entries, portionsByFood: { "curated-oat-drink-fortified": [glass] } })
      .lines[0];
    // A drink: 7 × 250 ml = 1.75 L, bought by volume.
    expect(line?.displayQuantity).toBe("1.75 L");
    expect(line?.text).toBe("1.75 L oat drink");
  });

  it("lists only the chosen range of days", () => {
    const result = list({
      fromDay: 2,
      toDay: 3,
      servings: 3,
      entries: week((day) => soymilk(day)),
    });
    expect(result.lines[0]?.grams).toBe(243 * 2 * 3);
    expect(result.lines[0]?.usedOn.map((used) => used.day)).toEqual([2, 3]);
  });

  it("names the days and meals each line is needed for, once each, in order", () => {
    const entries = [
      soymilk(2, { meal: "dinner" }),
      soymilk(1, { meal: "snack" }),
      soymilk(1),
      soymilk(1),
    ];
    const line = list({ entries }).lines[0];
    expect(line?.usedOn).toEqual([
      { day: 1, meal: "breakfast" },
      { day: 1, meal: "snack" },
      { day: 2, meal: "dinner" },
    ]);
    expect(describeUsedOn(line?.usedOn ?? [])).toBe("Day 1 breakfast, snack; Day 2 dinner");
  });

  it("groups lines by aisle in shop order, then by name", () => {
    const entry = (foodId: string, foodName: string, groupCode: string | null) => ({
      day: 1,
      meal: "lunch" as const,
      foodId,
      foodName,
      groupCode,
      grams: 100,
      portion: null,
    });
    const result = list({
      entries: [
        entry("c", "My granola", null),
        entry("b", "Bread, whole-wheat", "1800"),
        entry("a", "Apples, raw, with skin", "0900"),
        entry("z", "Spinach, raw", "1100"),
      ],
    });
    expect(result.aisles.map((group) => group.aisle)).toEqual(["produce", "bakery", "other"]);
    expect(result.aisles[0]?.lines.map((line) => line.name)).toEqual([
      "Apples, raw, with skin",
      "Spinach, raw",
    ]);
  });

  it("counts supplement doses for the profile person only, whatever the household size", () => {
    const result = list({
      servings: 4,
      supplements: [
        {
          id: "s1",
          doseMicrograms: 1000,
          form: "tablet",
          compound: "cyanocobalamin",
          everyNDays: 1,
          firstDay: 1,
          weekdays: null,
          withMeal: "breakfast",
        },
      ],
    });
    const line = result.lines[0];
    expect(line?.displayQuantity).toBe("7 × 1,000 µg tablets (cyanocobalamin)");
    expect(line?.aisle).toBe("supplements");
    expect(line?.doses).toBe(7);
    expect(line?.grams).toBeNull();
    expect(line?.note).toMatch(/not multiplied by household size/);
    expect(line?.itemKey).toBe("supplement:s1");
  });

  it("marks injections as by prescription and counts only doses in range", () => {
    const result = list({
      dayCount: 28,
      toDay: 28,
      supplements: [
        {
          id: "s2",
          doseMicrograms: 1000,
          form: "injection",
          compound: "hydroxocobalamin",
          everyNDays: 7,
          firstDay: 1,
          weekdays: null,
          withMeal: null,
        },
      ],
    });
    expect(result.lines[0]?.displayQuantity).toBe("4 × 1,000 µg injections (hydroxocobalamin)");
    expect(result.lines[0]?.prescription).toBe(true);
    expect(result.lines[0]?.note).toMatch(/^By prescription/);
    expect(describeUsedOn(result.lines[0]?.usedOn ?? [])).toBe("Day 1; Day 8; Day 15; Day 22");
    const none = list({
      dayCount: 28,
      fromDay: 2,
      toDay: 7,
      supplements: [
        {
          id: "s2",
          doseMicrograms: 1000,
          form: "injection",
          compound: "hydroxocobalamin",
          everyNDays: 7,
          firstDay: 1,
          weekdays: null,
          withMeal: null,
        },
      ],
    });
    expect(none.lines).toHaveLength(0);
  });

  it("never shows B12 amounts on a shopping list", () => {
    const line = list({ entries: [soymilk(1)] }).lines[0];
    expect(JSON.stringify(line)).not.toMatch(/b12Micrograms|µg/);
  });
});

describe("aisleForFood", () => {
  it.each([
    ["0100", "Milk, whole", "dairy-and-eggs"],
    ["1600", SOYMILK, "drinks"],
    ["1600", "Tofu, firm", "chilled-and-plant-based"],
    ["1600", "Tempeh", "chilled-and-plant-based"],
    ["0200", "Spices, cumin seed", "spices-and-herbs"],
    ["0400", "Oil, olive, salad or cooking", "oils-and-sauces"],
    ["1100", "Beans, kidney, red, mature seeds, canned", "canned-goods"],
    ["0200", "Vinegar, cider", "oils-and-sauces"],
    ["1600", "Lentils, raw", "pantry-and-grains"],
    ["0900", "Orange juice, raw", "drinks"],
    ["0900", "Peaches, canned, heavy syrup pack", "canned-goods"],
    ["0900", "Raisins, dried", "pantry-and-grains"],
    ["1100", "Peas, green, frozen, unprepared", "frozen"],
    ["1900", "Ice creams, vanilla", "frozen"],
    ["1500", "Fish, salmon, Atlantic, wild, raw", "meat-and-fish"],
    ["1800", "Bread, rye", "bakery"],
    ["0200", "Basil, fresh", "produce"],
    ["9999", "Unknown group", "other"],
    [null, "Custom oat drink", "other"],
  ] as const)("group %s %s → %s", (group, name, aisle) => {
    expect(aisleForFood(group, name)).toBe(aisle);
  });
});

describe("properties", () => {
  const entryArbitrary = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    meal: fc.constantFrom(
      "breakfast" as const,
      "lunch" as const,
      "dinner" as const,
      "snack" as const,
    ),
    foodId: fc.constantFrom("a", "b", "c", "d"),
    grams: fc.double({ min: 0.001, max: 5000, noNaN: true }),
    withPortion: fc.boolean(),
    portionGrams: fc.double({ min: 0.1, max: 500, noNaN: true }),
  });
  const toEntries = (
    records: (typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never)[],
  ): ShoppingEntryInput[] =>
    records.map((record) => ({
      day: record.day,
      meal: record.meal,
      foodId: record.foodId,
      foodName: `Food ${record.foodId}`,
      groupCode: "1100",
      grams: record.grams,
      portion: record.withPortion
        ? { id: `${record.foodId}:1`, amount: 1, unit: "cup", grams: record.portionGrams }
        : null,
    }));

  it("sums add up, nothing is NaN or negative, and servings scale linearly", () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom("metric" as const, "imperial" as const),
        (records, servings, unitSystem) => {
          const entries = toEntries(records);
          const base = {
            dayCount: 28,
            startDate: null,
            fromDay: 1,
            toDay: 28,
            unitSystem,
            entries,
          };
          const one = buildShoppingList({ ...base, servings: 1 });
          const many = buildShoppingList({ ...base, servings });
          const total = entries.reduce((sum, entry) => sum + entry.grams, 0);
          const listed = one.lines.reduce((sum, line) => sum + (line.grams ?? 0), 0);
          expect(listed).toBeCloseTo(total, 6);
          for (const [index, line] of many.lines.entries()) {
            expect(line.grams).not.toBeNaN();
            expect(line.grams ?? 0).toBeGreaterThan(0);
            expect(line.grams ?? 0).toBeCloseTo((one.lines[index]?.grams ?? 0) * servings, 6);
            expect(line.displayQuantity).not.toMatch(/NaN|Infinity|-\d/);
            if (line.household) {
              expect(line.household.amount).toBeGreaterThanOrEqual(
                line.household.exactAmount - 1e-9,
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
