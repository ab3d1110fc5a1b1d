import { describe, expect, it } from "vitest";
import {
  type DraftLine,
  EMPTY_VALUES,
  type FormValues,
  fieldOfServerError,
  lineFromParsed,
  toInput,
} from "../../app/recipes/recipe-form-values";
import { describeParsedAmount } from "../../app/recipes/recipe-format";

function line(patch: Partial<DraftLine>): DraftLine {
  return {
    key: patch.key ?? "k",
    text: "",
    amountRead: "",
    foodId: null,
    foodName: null,
    candidates: [],
    grams: "",
    portion: null,
    flag: null,
    ...patch,
  };
}

function values(patch: Partial<FormValues>): FormValues {
  return { ...EMPTY_VALUES, name: "Lentil soup", servings: "4", ...patch };
}

describe("the recipe form sends every line, counted or kept as text", () => {
  it("a food with grams, a portion, a food without grams and a text line all reach the API", () => {
    const result = toInput(
      values({
        lines: [
          line({ key: "a", text: "2 cups soy milk", foodId: "sr28-16222", grams: "486" }),
          line({
            key: "b",
            text: "1 tbsp nutritional yeast",
            foodId: "curated-nutritional-yeast-fortified",
            grams: "5",
            portion: { portionId: "curated-nutritional-yeast-fortified:1", quantity: 1 },
          }),
          line({ key: "c", text: "a pinch of salt", foodId: "sr28-02047", grams: "" }),
          line({ key: "d", text: "1 sprig of xyzzq" }),
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        name: "Lentil soup",
        servings: 4,
        steps: null,
        notes: null,
        ingredients: [
          { foodId: "sr28-16222", grams: 486, text: "2 cups soy milk" },
          {
            foodId: "curated-nutritional-yeast-fortified",
            portionId: "curated-nutritional-yeast-fortified:1",
            quantity: 1,
            text: "1 tbsp nutritional yeast",
          },
          { foodId: "sr28-02047", text: "a pinch of salt" },
          { text: "1 sprig of xyzzq" },
        ],
      },
    });
  });

  it("a blank line without a food is left out; a comma reads as a decimal point", () => {
    const result = toInput(values({ servings: "1,5", lines: [line({ text: "   " })] }));
    expect(result).toEqual({
      ok: true,
      input: { name: "Lentil soup", servings: 1.5, steps: null, notes: null, ingredients: [] },
    });
  });

  it("a missing name, bad servings and bad grams each put a message on their own field", () => {
    const result = toInput(
      values({
        name: "  ",
        servings: "0",
        lines: [line({ key: "x", text: "chia", foodId: "sr28-12006", grams: "-3" })],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["lines.x", "name", "servings"]);
    expect(result.errors["lines.x"]).toBe("Grams: a number greater than 0, at most 5000.");
  });
});

describe("a server error lands next to the input it names", () => {
  const form = values({
    lines: [
      line({ key: "first", text: "oats" }),
      line({ key: "blank" }),
      line({ key: "third", text: "milk" }),
    ],
  });

  it("ingredients.1 is the second line sent (the blank line was not sent)", () => {
    expect(fieldOfServerError("ingredients.1.grams", form)).toBe("lines.third");
  });

  it("name stays name; no field or an unknown one goes to the form", () => {
    expect(fieldOfServerError("name", form)).toBe("name");
    expect(fieldOfServerError(null, form)).toBe("form");
    expect(fieldOfServerError("ingredients.9.grams", form)).toBe("form");
  });
});

describe("parsed lines as the person sees them", () => {
  it("the amount read: a range, a bare number, a unit without a number", () => {
    expect(describeParsedAmount({ quantity: 2, quantityMax: 3, unit: "cup" })).toBe("2–3 cup");
    expect(describeParsedAmount({ quantity: 0.5, quantityMax: null, unit: null })).toBe("0.5");
    expect(describeParsedAmount({ quantity: null, quantityMax: null, unit: "pinch" })).toBe(
      "pinch",
    );
  });

  it("the best match is among the choices and the grams read to one decimal", () => {
    const draft = lineFromParsed({
      text: "1 1/2 cups fortified soy milk",
      quantity: 1.5,
      quantityMax: null,
      unit: "cup",
      foodText: "fortified soy milk",
      note: null,
      food: { id: "sr28-16139", name: "Soymilk, original and vanilla", grams: 364.54 },
      grams: 364.54,
      // 1.5 cups of a 243 g cup: 364.5 g.
      candidates: [{ id: "sr28-16222", name: "Soymilk, unsweetened", grams: 364.5 }],
      flag: null,
    });
    expect(draft.foodId).toBe("sr28-16139");
    expect(draft.candidates.map((item) => item.id)).toEqual(["sr28-16139", "sr28-16222"]);
    expect(draft.grams).toBe("364.5");
    expect(draft.amountRead).toBe("1.5 cup");
    // Each choice keeps the parser's grams for it, for when the person picks it.
    expect(draft.candidates.map((item) => item.grams)).toEqual([364.54, 364.5]);
  });
});
