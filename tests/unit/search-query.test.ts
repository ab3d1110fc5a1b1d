import { describe, expect, it } from "vitest";
import {
  buildFtsMatchExpression,
  isNdbNumberQuery,
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
    expect(buildFtsMatchExpression("ch ee")).toBe('("ch"* "ee"*) OR ("chee"*)');
  });

  it("reads a lone letter as 'begins with'", () => {
    expect(buildFtsMatchExpression("c")).toBe('^"c"*');
    expect(buildFtsMatchExpression(" É ")).toBe('^"e"*');
  });

  it("also tries two neighbouring words as one ('soy milk' → soymilk)", () => {
    expect(buildFtsMatchExpression("soy milk")).toBe('("soy"* "milk"*) OR ("soymilk"*)');
    expect(buildFtsMatchExpression("a b c")).toBe(
      '("a"* "b"* "c"*) OR ("ab"* "c"*) OR ("a"* "bc"*)',
    );
  });

  it("cannot be broken by FTS5 syntax in the input", () => {
    for (const hostile of ['"', "NEAR(", "a OR", "*", "-milk", "col:milk", "^x", "AND"]) {
      const expression = buildFtsMatchExpression(hostile);
      if (expression !== null) expect(expression).toMatch(/^\^?[("a-z0-9* )OR]+$/);
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
});
