import { describe, expect, it } from "vitest";
import {
  buildFtsMatchExpression,
  buildSearchPlan,
  isNdbNumberQuery,
  parseQueryRewrites,
  rewriteQueryWords,
  tokenizeSearchQuery,
} from "@/server/domain/search-query";

describe("search queries", () => {
  it("splits into lower-case words without punctuation or accents", () => {
    expect(tokenizeSearchQuery("  Crème-Brûlée, SOY\tmilk! ")).toEqual([
      "creme",
      "brulee",
      "soy",
      "milk",
    ]);
  });

  it("makes every word a prefix, all required", () => {
    expect(buildFtsMatchExpression("chee")).toBe('"chee"*');
    expect(buildFtsMatchExpression("ch ee")).toBe('("ch"* AND "ee"*) OR ("chee"*)');
  });

  it("reads a lone letter as 'begins with'", () => {
    expect(buildFtsMatchExpression("c")).toBe('^"c"*');
    expect(buildFtsMatchExpression(" É ")).toBe('^"e"*');
  });

  it("also tries two neighbouring words as one ('soy milk' → soymilk)", () => {
    expect(buildFtsMatchExpression("tofu milk")).toBe('("tofu"* AND "milk"*) OR ("tofumilk"*)');
    expect(buildFtsMatchExpression("a b c")).toBe(
      '("a"* AND "b"* AND "c"*) OR ("ab"* AND "c"*) OR ("a"* AND "bc"*)',
    );
  });

  it("cannot be broken by FTS5 syntax in the input", () => {
    for (const hostile of ['"', "NEAR(", "a OR", "*", "-milk", "col:milk", "^x", "AND"]) {
      const expression = buildFtsMatchExpression(hostile);
      if (expression !== null) expect(expression).toMatch(/^\^?[("a-z0-9* )ORAND]+$/);
    }
    expect(buildFtsMatchExpression("***")).toBeNull();
    expect(buildFtsMatchExpression("")).toBeNull();
  });

  it("keeps at most 8 words", () => {
    expect(tokenizeSearchQuery("a b c d e f g h i j")).toHaveLength(8);
  });

  it("recognises 5-digit NDB numbers only", () => {
    expect(isNdbNumberQuery("16139")).toBe(true);
    expect(isNdbNumberQuery(" 01001 ")).toBe(true);
    expect(isNdbNumberQuery("1613")).toBe(false);
    expect(isNdbNumberQuery("161390")).toBe(false);
    expect(isNdbNumberQuery("16139 milk")).toBe(false);
  });

  it("finds every form of a plural or singular word", () => {
    expect(buildFtsMatchExpression("eggs")).toBe('"egg"*');
    expect(buildFtsMatchExpression("sardines")).toBe('"sardine"*');
    expect(buildFtsMatchExpression("strawberry")).toBe('("strawberry"* OR "strawberries"*)');
    expect(buildFtsMatchExpression("tomatoes")).toBe('"tomato"*');
  });

  it("folds British spellings to SR28's", () => {
    expect(buildFtsMatchExpression("yoghurt")).toBe('"yogurt"*');
    expect(buildSearchPlan("soya")?.phrases).toContain("soy");
  });

  it("also searches for the name SR28 uses for an everyday or British word", () => {
    expect(buildFtsMatchExpression("porridge")).toBe('("porridge"*) OR ("oat"* AND "cooked"*)');
    const plan = buildSearchPlan("courgettes");
    expect(plan?.phrases).toEqual(["courgette", "zucchini"]);
    expect(plan?.match).toContain('"zucchini"*');
  });

  it("rewrites the longest everyday phrase, keeping the other words", () => {
    const rewrites = parseQueryRewrites({ mince: "ground beef", "beef mince": "ground beef" });
    expect(rewriteQueryWords(["beef", "mince", "raw"], rewrites)).toEqual([
      "ground",
      "beef",
      "raw",
    ]);
    expect(rewriteQueryWords(["mince", "pie"], rewrites)).toEqual(["ground", "beef", "pie"]);
    expect(rewriteQueryWords(["pie"], rewrites)).toBeNull();
  });

  it("gives the ranking the whole-query phrases and the single words, singular", () => {
    const plan = buildSearchPlan("Brown Rice");
    expect(plan?.phrases).toEqual(["brown rice", "brownrice"]);
    expect(plan?.words).toEqual(["brown", "rice", "brownrice"]);
    expect(plan?.lettersOnly).toBe(false);
  });

  it("offers an any-word match only for queries of several words", () => {
    expect(buildSearchPlan("lentil soup")?.relaxedMatch).toBe(
      '"lentil"* OR "soup"* OR "lentilsoup"*',
    );
    expect(buildSearchPlan("lentils")?.relaxedMatch).toBeNull();
    expect(buildSearchPlan("c")?.relaxedMatch).toBeNull();
  });
});
