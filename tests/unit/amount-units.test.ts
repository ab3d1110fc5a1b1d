import { describe, expect, it } from "vitest";
import { amountUnitsFor, gramsForUnit } from "@/server/domain/amount-units";

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
