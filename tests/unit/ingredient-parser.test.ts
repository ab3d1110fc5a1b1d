/**
 * The ingredient-line parser: 200+ real-world lines (tests/fixtures/ingredient-lines.csv)
 * with their expected quantity, range, unit and food text written out by hand, plus
 * fractions, ranges, words and odd input.
 */
import { describe, expect, it } from "vitest";
import {
  normaliseLine,
  parseIngredientLine,
  parseIngredientList,
  parseNumber,
} from "@/server/domain/ingredient-parser";
import { loadIngredientLines } from "../fixtures/ingredient-lines";

const CASES = loadIngredientLines();

describe("parseIngredientLine on the fixture", () => {
  it("holds at least 150 lines", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CASES.map((item) => [item.line, item] as const))("%s", (_line, item) => {
    const parsed = parseIngredientLine(item.line);
    expect({
      quantity: parsed.quantity === null ? null : Number(parsed.quantity.toFixed(6)),
      quantityMax: parsed.quantityMax,
      unit: parsed.unit,
      food: parsed.food,
    }).toEqual({
      quantity: item.quantity,
      quantityMax: item.quantityMax,
      unit: item.unit,
      food: item.food,
    });
  });
});

describe("numbers and notes", () => {
  it.each([
    ["1/2", 0.5],
    ["1 1/2", 1.5],
    ["3/4", 0.75],
    ["1,5", 1.5],
    ["2.25", 2.25],
    [".5", 0.5],
  ])("parseNumber(%s) = %s", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("refuses what is not a number, and a zero denominator", () => {
    expect(parseNumber("1/0")).toBeNaN();
    expect(parseNumber("abc")).toBeNaN();
  });

  it("normalises unicode fractions, dashes and bullets", () => {
    expect(normaliseLine("1½ cups")).toBe("1 1/2 cups");
    expect(normaliseLine("¾ cup")).toBe("3/4 cup");
    expect(normaliseLine("2–3 cloves")).toBe("2-3 cloves");
    expect(normaliseLine("• 1 onion")).toBe("1 onion");
  });

  it("keeps notes after a comma and in brackets", () => {
    expect(parseIngredientLine("½ onion, chopped").note).toBe("chopped");
    expect(parseIngredientLine("salt and pepper to taste").note).toBe("to taste");
    expect(parseIngredientLine("1 (15-ounce) can chickpeas, drained").note).toBe(
      "drained; 15-ounce",
    );
  });

  it("never throws, whatever the text, and keeps it", () => {
    for (const text of ["", "   ", "1/0 cup flour", "((((", "cup", "999999999999 g salt", "🍋"]) {
      const parsed = parseIngredientLine(text);
      expect(parsed.text).toBe(text.trim());
    }
    expect(parseIngredientLine("1/0 cup flour").quantity).toBeNull();
  });

  it("splits a pasted list into lines, dropping blank lines and section headings", () => {
    const lines = parseIngredientList(
      "For the sauce:\n2 tbsp soy sauce\n\n1 tsp sesame oil\r\nFor the tofu:\n200 g firm tofu\n",
    );
    expect(lines.map((line) => line.food)).toEqual(["soy sauce", "sesame oil", "firm tofu"]);
  });
});
