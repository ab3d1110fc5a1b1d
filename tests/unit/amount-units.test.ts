import { describe, expect, it } from "vitest";
import { amountUnitsFor, gramsForUnit } from "@/server/domain/amount-units";
import { isDrink } from "@/server/domain/units";

// SR28 soymilk (16139): 1 cup = 243 g, 1 fl oz = 30.6 g (WEIGHT.txt).
const SOYMILK = [
  { amount: 1, unit: "cup", grams: 243 },
  { amount: 1, unit: "fl oz", grams: 30.6 },
];
const CHEDDAR = [{ amount: 1, unit: "cup, diced", grams: 132 }];

describe("amount units", () => {
  it("offers ml and fl oz for a drink, oz and lb for a solid", () => {
    expect(amountUnitsFor(SOYMILK)).toEqual(["ml", "fl oz"]);
    expect(amountUnitsFor(CHEDDAR)).toEqual(["oz", "lb"]);
    expect(amountUnitsFor([{ amount: 1, unit: "glass, 250 ml", grams: 258 }])).toEqual([
      "ml",
      "fl oz",
    ]);
  });

  it("converts ounces and pounds by their exact definitions", () => {
    expect(gramsForUnit(1, "oz", CHEDDAR)).toBe(28.349523125);
    expect(gramsForUnit(2, "lb", CHEDDAR)).toBe(907.18474);
  });

  it("converts fluid ounces and millilitres through the food's own density", () => {
    // 8 fl oz × 30.6 g per fl oz = 244.8 g
    expect(gramsForUnit(8, "fl oz", SOYMILK)).toBeCloseTo(244.8, 9);
    // 30.6 g per 29.5735295625 ml → 250 ml = 258.6766… g
    expect(gramsForUnit(250, "ml", SOYMILK)).toBeCloseTo((250 * 30.6) / 29.5735295625, 9);
  });

  it("has no fluid amount for a food without a fluid measure", () => {
    expect(gramsForUnit(100, "ml", CHEDDAR)).toBeNull();
  });
});

describe("drinks without a fluid measure (SR28 gives unsweetened soymilk only '1 cup' = 243 g)", () => {
  const UNSWEETENED_SOYMILK = [{ amount: 1, unit: "cup", grams: 243 }];

  it("tells drinks from solids and dry forms by name", () => {
    for (const name of [
      "Soymilk (all flavors), unsweetened, with added calcium, vitamins A and D",
      "Beverages, almond milk, unsweetened, shelf stable",
      "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
      "Orange juice, raw",
      "Oil, olive, salad or cooking",
      "Tea, black, brewed, prepared with tap water",
    ]) {
      expect(isDrink(name), name).toBe(true);
    }
    for (const name of [
      "Milk, dry, whole, with added vitamin D",
      "Beverages, coffee, instant, regular, powder",
      "Candies, milk chocolate",
      "Yogurt, plain, whole milk",
      "Cereals, oats, regular and quick, not fortified, dry",
      "Soup, cream of mushroom, canned, condensed",
    ]) {
      expect(isDrink(name), name).toBe(false);
    }
  });

  it("measures a drink by its plain cup (8 fl oz), and only a drink", () => {
    expect(amountUnitsFor(UNSWEETENED_SOYMILK)).toEqual(["oz", "lb"]);
    expect(amountUnitsFor(UNSWEETENED_SOYMILK, { drink: true })).toEqual(["ml", "fl oz"]);
    // 250 ml of a cup of 8 × 29.5735295625 = 236.5882365 ml weighing 243 g:
    // 250 / 236.5882365 × 243 = 256.7751… g.
    expect(gramsForUnit(250, "ml", UNSWEETENED_SOYMILK, { drink: true })).toBeCloseTo(
      (250 / 236.5882365) * 243,
      9,
    );
    // "1 cup, chopped" is not a drink's cup.
    expect(
      gramsForUnit(250, "ml", [{ amount: 1, unit: "cup, chopped", grams: 160 }], { drink: true }),
    ).toBeNull();
  });
});
