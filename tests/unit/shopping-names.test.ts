/**
 * Short shopping names, liquids by volume, counts with plurals, and prepared foods bought
 * as their raw form on the shopping list. Expected strings written out by hand.
 */
import { describe, expect, it } from "vitest";
import {
  buildShoppingList,
  type ShoppingEntryInput,
  type ShoppingListInput,
} from "@/server/domain/shopping";
import { plural, shoppingName, singular } from "@/server/domain/shopping-names";
import { buyVolume, measureKind, pluraliseUnit } from "@/server/domain/units";

describe("shoppingName", () => {
  it.each([
    ["sr28-01123", "Egg, whole, raw, fresh", "0100", false, "egg"],
    ["sr28-16069", "Lentils, raw", "1600", false, "dry lentils"],
    ["sr28-16014", "Beans, black, mature seeds, raw", "1600", false, "dry black beans"],
    ["sr28-20036", "Rice, brown, long-grain, raw", "2000", false, "brown rice"],
    [
      "sr28-08120",
      "Cereals, oats, regular and quick, not fortified, dry",
      "0800",
      false,
      "rolled oats",
    ],
    ["sr28-11282", "Onions, raw", "1100", false, "onions"],
    ["sr28-04053", "Oil, olive, salad or cooking", "0400", false, "olive oil"],
    ["sr28-12061", "Nuts, almonds", "1200", false, "almonds"],
    [
      "sr28-16126",
      "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)",
      "1600",
      false,
      "firm tofu",
    ],
    ["sr28-16114", "Tempeh", "1600", false, "tempeh"],
    [
      "sr28-18069",
      "Bread, white, commercially prepared (includes soft bread crumbs)",
      "1800",
      false,
      "white bread",
    ],
    [
      "sr28-16139",
      "Soymilk, original and vanilla, with added calcium, vitamins A and D",
      "1600",
      true,
      "fortified soy milk",
    ],
    [
      "sr28-14091",
      "Beverages, almond milk, unsweetened, shelf stable",
      "1400",
      false,
      "unsweetened almond milk",
    ],
    ["sr28-16161", "MORI-NU, Tofu, silken, soft", "1600", false, "silken tofu"],
    [
      "curated-nutritional-yeast-fortified",
      "Nutritional yeast flakes, fortified with B12 (typical label value)",
      "0200",
      true,
      "fortified nutritional yeast flakes",
    ],
    ["custom-1", "Grandma's Lentil Soup", null, false, "Grandma's Lentil Soup"],
  ])("%s %s → %s", (id, name, groupCode, b12Fortified, expected) => {
    expect(shoppingName({ id, name, groupCode, b12Fortified })).toBe(expected);
  });

  it("makes plurals and singulars of shopping nouns", () => {
    expect(plural("egg")).toBe("eggs");
    expect(plural("potato")).toBe("potatoes");
    expect(plural("berry")).toBe("berries");
    expect(plural("onions")).toBe("onions");
    expect(singular("onions")).toBe("onion");
    expect(singular("tomatoes")).toBe("tomato");
    expect(singular("asparagus")).toBe("asparagus");
  });
});

describe("units for buying", () => {
  it("rounds liquids up to 50 ml, then quarter litres; US fl oz, pints, quarts", () => {
    expect(buyVolume(180, "metric").text).toBe("200 ml");
    expect(buyVolume(960, "metric").text).toBe("1 L");
    expect(buyVolume(1001, "metric").text).toBe("1.25 L");
    expect(buyVolume(3288, "metric").text).toBe("3.5 L");
    expect(buyVolume(236.6, "imperial").text).toBe("9 fl oz"); // 8.0007 fl oz rounds up
    expect(buyVolume(473.176473, "imperial").text).toBe("1 pint"); // exactly 16 fl oz
    expect(buyVolume(900, "imperial").text).toBe("2 pints"); // 30.4 fl oz
    expect(buyVolume(1900, "imperial").text).toBe("3 quarts"); // 2.008 quarts
  });

  it("pluralises the measure noun, not the word after it", () => {
    expect(pluraliseUnit("cup chopped", 3)).toBe("cups chopped");
    expect(pluraliseUnit("cup, chopped", 3)).toBe("cups, chopped");
    expect(pluraliseUnit("large", 12)).toBe("large");
    expect(pluraliseUnit("slice", 1)).toBe("slice");
    expect(measureKind("large")).toBe("size");
    expect(measureKind('medium (2-1/2" dia)')).toBe("size");
    expect(measureKind("cup, chopped")).toBe("volume");
    expect(measureKind("slice")).toBe("count");
    expect(measureKind("1 glass, 250 ml")).toBe("label");
  });
});

const LENTILS_COOKED = "Lentils, mature seeds, cooked, boiled, without salt";
const rawLentils = {
  foodId: "sr28-16069",
  foodName: "Lentils, raw",
  groupCode: "1600",
  factor: 116 / 352,
  portions: [{ id: "sr28-16069:1", amount: 1, unit: "cup", grams: 192 }],
};

function entry(overrides: Partial<ShoppingEntryInput>): ShoppingEntryInput {
  return {
    day: 1,
    meal: "dinner",
    foodId: "sr28-16070",
    foodName: LENTILS_COOKED,
    groupCode: "1600",
    grams: 198,
    portion: { id: "sr28-16070:1", amount: 1, unit: "cup", grams: 198 },
    rawForm: rawLentils,
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

describe("buildShoppingList: buy the raw form", () => {
  it("lists cooked lentils as dry lentils by weight, added to raw lentils on one line", () => {
    const result = list({
      entries: [
        entry({ day: 1 }),
        entry({ day: 2 }),
        entry({
          day: 3,
          foodId: "sr28-16069",
          foodName: "Lentils, raw",
          grams: 100,
          portion: null,
          rawForm: null,
        }),
      ],
    });
    expect(result.lines).toHaveLength(1);
    const line = result.lines[0];
    // 2 × 198 g cooked × 116/352 = 130.5 g dry, + 100 g dry = 230.5 g → 240 g.
    expect(line?.grams).toBeCloseTo(230.5, 9);
    expect(line?.foodId).toBe("sr28-16069");
    expect(line?.text).toBe("240 g dry lentils");
    expect(line?.name).toBe("Lentils, raw");
    expect(line?.preparedFrom).toEqual([
      { foodId: "sr28-16070", name: LENTILS_COOKED, shoppingName: "cooked lentils" },
    ]);
    expect(line?.household).toBeNull(); // a cup of cooked lentils is not a cup of dry ones
    expect(line?.usedOn.map((used) => used.day)).toEqual([1, 2, 3]);
  });

  it("carries counted portions over: hard-boiled eggs are bought as 12 large eggs", () => {
    const large = { id: "sr28-01129:2", amount: 1, unit: "large", grams: 50 };
    const result = list({
      servings: 2,
      entries: Array.from({ length: 6 }, (_, index) =>
        entry({
          day: index + 1,
          foodId: "sr28-01129",
          foodName: "Egg, whole, cooked, hard-boiled",
          groupCode: "0100",
          grams: 50,
          portion: large,
          rawForm: {
            foodId: "sr28-01123",
            foodName: "Egg, whole, raw, fresh",
            groupCode: "0100",
            factor: 155 / 143,
            portions: [{ id: "sr28-01123:1", amount: 1, unit: "large", grams: 50 }],
          },
        }),
      ),
    });
    const line = result.lines[0];
    // 12 × 50 g × 155/143 = 650.3 g of raw egg = 13.006 large → 14 large (rounded up).
    expect(line?.text).toBe("14 large eggs (650 g)");
    expect(line?.aisle).toBe("dairy-and-eggs");
  });

  it("reads measures with the food: 3 cups chopped onion, 3 slices white bread", () => {
    const onion = list({
      entries: [
        entry({
          foodId: "sr28-11282",
          foodName: "Onions, raw",
          groupCode: "1100",
          grams: 480,
          portion: { id: "sr28-11282:3", amount: 1, unit: "cup, chopped", grams: 160 },
          rawForm: null,
        }),
      ],
    }).lines[0];
    expect(onion?.text).toBe("3 cups chopped onion (480 g)");
    const bread = list({
      entries: [
        entry({
          foodId: "sr28-18069",
          foodName: "Bread, white, commercially prepared (includes soft bread crumbs)",
          groupCode: "1800",
          grams: 75,
          portion: { id: "sr28-18069:1", amount: 1, unit: "slice", grams: 25 },
          rawForm: null,
        }),
      ],
    }).lines[0];
    expect(bread?.text).toBe("3 slices white bread (75 g)");
  });

  it("puts a food in the aisle the person chose, and says so", () => {
    const tofu = entry({
      foodId: "sr28-16126",
      foodName: "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)",
      groupCode: "1600",
      grams: 200,
      portion: null,
      rawForm: null,
    });
    expect(list({ entries: [tofu] }).lines[0]?.aisle).toBe("chilled-and-plant-based");
    const moved = list({ entries: [tofu], aisleChoices: { "sr28-16126": "produce" } }).lines[0];
    expect(moved?.aisle).toBe("produce");
    expect(moved?.aisleChosen).toBe(true);
  });
});
