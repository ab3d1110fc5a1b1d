import { describe, expect, it } from "vitest";
import {
  foodSearchTokens,
  isSeparator,
  searchTokens,
  splitFoodSearchTokens,
} from "@/server/domain/search-tokens";
import { TOKEN_CASES } from "../search-token-cases";

describe("the FTS5 tokenizer in TypeScript", () => {
  for (const [text, tokens] of TOKEN_CASES) {
    it(`tokenizes ${JSON.stringify(text)}`, () => {
      expect(searchTokens(text)).toEqual(tokens);
    });
  }

  it("knows separators from token characters", () => {
    expect(isSeparator(" ".codePointAt(0) as number)).toBe(true);
    expect(isSeparator("-".codePointAt(0) as number)).toBe(true);
    expect(isSeparator("'".codePointAt(0) as number)).toBe(true);
    expect(isSeparator("a".codePointAt(0) as number)).toBe(false);
    expect(isSeparator("7".codePointAt(0) as number)).toBe(false);
    // Private use is a token character (category Co).
    expect(isSeparator(0xe000)).toBe(false);
    expect(isSeparator(0x10ffff)).toBe(false);
  });

  it("drops a token made of combining marks only", () => {
    expect(searchTokens("a \u0301 b")).toEqual(["a", "b"]);
  });
});

describe("a food's stored tokens", () => {
  it("holds the name's tokens, then the keywords', and the name's count", () => {
    const stored = foodSearchTokens("Egg, whole, hard-boiled", "eggs Œufs");
    expect(stored).toEqual({ tokens: "egg whole hard boiled eggs œufs", nameTokenCount: 4 });
    expect(splitFoodSearchTokens(stored)).toEqual({
      name: ["egg", "whole", "hard", "boiled"],
      keywords: ["eggs", "œufs"],
    });
  });

  it("keeps the columns apart when one is empty", () => {
    expect(foodSearchTokens("", "milk")).toEqual({ tokens: "milk", nameTokenCount: 0 });
    expect(splitFoodSearchTokens({ tokens: "milk", nameTokenCount: 0 })).toEqual({
      name: [],
      keywords: ["milk"],
    });
    expect(foodSearchTokens("Milk", "")).toEqual({ tokens: "milk", nameTokenCount: 1 });
    expect(splitFoodSearchTokens({ tokens: "", nameTokenCount: 0 })).toEqual({
      name: [],
      keywords: [],
    });
  });
});
