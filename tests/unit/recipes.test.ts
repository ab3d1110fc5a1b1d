/** server/domain/recipes.ts: recipe B12, diet and the one-serving verdict, by hand. */
import { describe, expect, it } from "vitest";
import {
  calculateRecipeB12,
  judgeServing,
  scaleIngredientGrams,
  strictestDiet,
} from "@/server/domain/recipes";

const line = (
  foodId: string | null,
  grams: number | null,
  b12PerHundredGrams: number | null,
  diet: "vegan" | "vegetarian" | "omnivore" | null,
  crystallineShare = 0,
) => ({ foodId, grams, b12PerHundredGrams, diet, crystallineShare });

describe("recipe B12", () => {
  it("sums known lines, divides by the yield and gives each line its share", () => {
    // 150 g × 2/100 = 3 µg; 50 g × 2/100 = 1 µg; total 4 µg, 4 servings → 1 µg each.
    const result = calculateRecipeB12(
      [line("a", 150, 2, "vegan", 1), line("b", 50, 2, "vegetarian"), line("c", 100, 0, "vegan")],
      4,
    );
    expect(result.b12TotalMicrograms).toBe(4);
    expect(result.b12PerServingMicrograms).toBe(1);
    expect(result.ingredients.map((item) => item.sharePercent)).toEqual([75, 25, 0]);
    expect(result.ingredients.map((item) => item.carriesB12)).toEqual([true, true, false]);
    expect(result.crystallineTotalMicrograms).toBe(3);
    expect(result.complete).toBe(true);
    expect(result.diet).toBe("vegetarian");
  });

  it("treats a line without food, grams or a known value as unknown, never as zero", () => {
    const result = calculateRecipeB12(
      [
        line("a", 100, 1, "vegan"),
        line(null, null, null, null),
        line("b", null, 5, "omnivore"),
        line("c", 10, null, "vegan"),
      ],
      1,
    );
    expect(result.b12TotalMicrograms).toBe(1);
    expect(result.unknownCount).toBe(3);
    expect(result.complete).toBe(false);
    expect(result.ingredients.map((item) => item.b12Micrograms)).toEqual([1, null, null, null]);
    expect(result.ingredients.map((item) => item.sharePercent)).toEqual([100, null, null, null]);
    // The omnivore food counts for the diet even without grams; the text line cannot.
    expect(result.diet).toBe("omnivore");
    expect(result.dietComplete).toBe(false);
  });

  it("gives no share when the total is 0, and refuses a yield of 0", () => {
    const result = calculateRecipeB12([line("a", 100, 0, "vegan")], 2);
    expect(result.ingredients[0]?.sharePercent).toBeNull();
    expect(() => calculateRecipeB12([], 0)).toThrow(RangeError);
  });

  it("orders diets omnivore > vegetarian > vegan and scales dishes", () => {
    expect(strictestDiet([])).toBe("vegan");
    expect(strictestDiet(["vegan", null, "vegetarian"])).toBe("vegetarian");
    expect(strictestDiet(["omnivore", "vegan"])).toBe("omnivore");
    // 3 servings of a recipe for 4: 200 g × 3 / 4 = 150 g.
    expect(scaleIngredientGrams(200, 3, 4)).toBe(150);
  });
});

describe("one serving's verdict", () => {
  it("meets when a serving reaches both daily targets, else says why", () => {
    // 11 µg at once: 1.5 × 11 / (2.0612 + 11) + 0.11 ≈ 1.373 µg absorbed ≥ 1.282 µg.
    expect(
      judgeServing({
        perServingMicrograms: 11,
        crystallinePerServingMicrograms: 11,
        targetMicrograms: 2.4,
      }),
    ).toMatchObject({ status: "meets", reason: null, targetMicrograms: 2.4 });
    const short = judgeServing({
      perServingMicrograms: 1,
      crystallinePerServingMicrograms: 0,
      targetMicrograms: 2.4,
    });
    expect(short.status).toBe("short");
    expect(short.reason).toBe("1 µg in one serving is below the 2.4 µg recommended for you.");
    expect(
      judgeServing({
        perServingMicrograms: 1,
        crystallinePerServingMicrograms: 0,
        targetMicrograms: null,
      }).status,
    ).toBe("no-target");
  });
});
