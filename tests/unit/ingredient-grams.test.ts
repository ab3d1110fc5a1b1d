/** Grams of a parsed ingredient amount (server/domain/ingredient-match.ts, gramsFor). */
import { describe, expect, it } from "vitest";
import { gramsFor } from "@/server/domain/ingredient-match";

// SR28's table salt (02047) has "1 tsp" = 6 g and "1 cup" = 292 g.
const SALT = [
  { label: "1 tsp", grams: 6 },
  { label: "1 cup", grams: 292 },
];

describe("gramsFor", () => {
  it("weighs a pinch as 1/16 teaspoon and a dash as 1/8, through the food's teaspoon", () => {
    // Only a teaspoon of 6 g: a pinch 6 / 16 = 0.375 g, two dashes 2 × 6 / 8 = 1.5 g.
    const teaspoonOnly = SALT.slice(0, 1);
    expect(gramsFor(1, "pinch", teaspoonOnly)).toBeCloseTo(0.375, 12);
    expect(gramsFor(2, "dash", teaspoonOnly)).toBeCloseTo(1.5, 12);
    // With a cup, the cup is the measure used (48 teaspoons): 292 / 48 / 16 = 0.380208… g.
    expect(gramsFor(1, "pinch", SALT)).toBeCloseTo(292 / 768, 12);
  });

  it("converts weights exactly and volumes through the food's own measures", () => {
    expect(gramsFor(200, "g", SALT)).toBe(200);
    // Half a cup of a 292 g cup.
    expect(gramsFor(0.5, "cup", SALT)).toBeCloseTo(146, 12);
  });

  it("gives no grams for a volume the food has no measure for, or no quantity", () => {
    expect(gramsFor(1, "pinch", [{ label: "1 slice", grams: 30 }])).toBeNull();
    expect(gramsFor(null, "cup", SALT)).toBeNull();
  });
});
