import { describe, expect, it } from "vitest";
import {
  countExtraWords,
  encodeSearchHeads,
  foodFamilyKey,
  foodSearchHeads,
  foodSearchPrior,
  namesBrand,
  type RankedFoodFacts,
} from "@/server/domain/search-ranking";

const usda = (name: string, extra: Partial<RankedFoodFacts> = {}): RankedFoodFacts => ({
  name,
  groupCode: "0100",
  manufacturer: null,
  survey: true,
  source: "usda",
  ...extra,
});

describe("a food's heads (what its name says it is)", () => {
  it("is the part before the first comma, singular, with the kind before it", () => {
    expect(foodSearchHeads("Egg, whole, raw, fresh")).toEqual(["egg", "whole egg"]);
    expect(foodSearchHeads("Eggnog")).toEqual(["eggnog"]);
    expect(foodSearchHeads("Rice, brown, long-grain, cooked")).toEqual(["rice", "brown rice"]);
    expect(foodSearchHeads("Apples, raw, with skin")).toEqual(["apple", "raw apple"]);
  });

  it("names the food after a class word", () => {
    expect(foodSearchHeads("Fish, salmon, Atlantic, farmed, raw")).toContain("salmon");
    expect(foodSearchHeads("Mollusks, clam, mixed species, raw")).toContain("clam");
    expect(foodSearchHeads("Beverages, coffee, brewed")).toContain("coffee");
    expect(foodSearchHeads("Cheese, cheddar")).toEqual(["cheese", "cheddar cheese", "cheddar"]);
  });

  it("names the food third after a qualifier", () => {
    expect(foodSearchHeads("Pork, cured, bacon, unprepared")).toContain("bacon");
    expect(foodSearchHeads("Squash, summer, zucchini, includes skin, raw")).toContain("zucchini");
    expect(foodSearchHeads("Beef, cured, corned beef, brisket, raw")).toContain("corned beef");
  });

  it("ignores bracketed notes and folds spelling", () => {
    expect(foodSearchHeads("Soymilk (all flavors), unsweetened")).toEqual([
      "soymilk",
      "unsweetened soymilk",
    ]);
  });

  it("is stored between bars so a phrase can be found whole", () => {
    expect(encodeSearchHeads(["egg", "whole egg"])).toBe("|egg|whole egg|");
    expect(encodeSearchHeads([])).toBe("");
  });
});

describe("extra descriptive words", () => {
  it("does not count plain forms, cooking methods or milk fortification", () => {
    expect(countExtraWords("Egg, whole, raw, fresh")).toBe(0);
    expect(countExtraWords("Egg, whole, cooked, scrambled")).toBe(0);
    expect(countExtraWords("Milk, whole, 3.25% milkfat, with added vitamin D")).toBe(0);
    expect(countExtraWords("Fish, salmon, sockeye, cooked, dry heat")).toBe(1);
  });

  it("counts what makes a food a special form", () => {
    expect(countExtraWords("Egg, yolk, raw, fresh")).toBe(1);
    expect(countExtraWords("Egg, white, dried, powder, stabilized, glucose reduced")).toBe(6);
  });

  it("skips bracketed explanations", () => {
    expect(
      countExtraWords("Bread, white, commercially prepared (includes soft bread crumbs)"),
    ).toBe(1);
  });
});

describe("brands", () => {
  it("are written in capitals in SR28 names", () => {
    expect(namesBrand("Cereals ready-to-eat, KELLOGG, KELLOGG'S Corn Flakes")).toBe(true);
    expect(namesBrand("McDONALD'S, Hamburger")).toBe(true);
    expect(namesBrand("Rice, white, long-grain")).toBe(false);
    expect(namesBrand("USDA Commodity, beef, ground")).toBe(false);
  });
});

describe("the prior (lower is plainer)", () => {
  it("puts a surveyed plain food below (before) the same food off the survey", () => {
    expect(foodSearchPrior(usda("Egg, whole, raw, fresh"))).toBe(0);
    expect(foodSearchPrior(usda("Egg, whole, raw, fresh", { survey: false }))).toBe(30);
  });

  it("pushes down brands, fast food, restaurant and baby food", () => {
    expect(foodSearchPrior(usda("Fish, tuna", { manufacturer: "Acme" }))).toBe(40);
    expect(foodSearchPrior(usda("Chicken, fried", { groupCode: "2100" }))).toBe(40);
    expect(foodSearchPrior(usda("Apples, raw", { groupCode: "0300" }))).toBe(40);
  });

  it("adds 6 a descriptive word and treats raw grains and legumes as ingredients", () => {
    expect(foodSearchPrior(usda("Egg, yolk, raw, fresh"))).toBe(6);
    expect(foodSearchPrior(usda("Lentils, raw", { groupCode: "1600" }))).toBe(6);
    expect(foodSearchPrior(usda("Lentils, raw", { groupCode: "1100" }))).toBe(0);
  });

  it("favours a food with several variants (a common food), up to 3", () => {
    expect(foodSearchPrior(usda("Cheese, cheddar", { familySize: 2 }))).toBe(-2);
    expect(foodSearchPrior(usda("Cheese, cheddar", { familySize: 10 }))).toBe(-6);
    expect(foodFamilyKey("Cheese, cheddar, sharp, sliced")).toBe("cheese,cheddar");
  });

  it("never pushes down curated or custom foods for a brand or a missing survey flag", () => {
    expect(foodSearchPrior(usda("MY OWN Granola", { source: "custom", survey: false }))).toBe(0);
    expect(
      foodSearchPrior(
        usda("Soya drink, chocolate, fortified", { source: "curated", survey: false }),
      ),
    ).toBe(6);
  });
});
