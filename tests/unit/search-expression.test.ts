import { describe, expect, it } from "vitest";
import {
  expressionPhrases,
  type FtsPhrase,
  matchesFtsExpression,
  parseFtsExpression,
  phraseHitsInColumn,
} from "@/server/domain/search-expression";

const phrase = (tokens: string[], prefix = true, initial = false): FtsPhrase => ({
  kind: "phrase",
  tokens,
  prefix,
  initial,
});

describe("FTS5 expressions", () => {
  it("parses what buildSearchPlan() writes, AND binding tighter than OR", () => {
    expect(parseFtsExpression('"soy"* AND "milk"* OR "soymilk"*')).toEqual({
      kind: "or",
      children: [
        { kind: "and", children: [phrase(["soy"]), phrase(["milk"])] },
        phrase(["soymilk"]),
      ],
    });
    expect(parseFtsExpression('("berry"* OR "berries"*) AND "milk"*')).toEqual({
      kind: "and",
      children: [
        { kind: "or", children: [phrase(["berry"]), phrase(["berries"])] },
        phrase(["milk"]),
      ],
    });
    expect(parseFtsExpression('^"c"*')).toEqual(phrase(["c"], true, true));
  });

  it("tokenizes the strings as the index does; a doubled quote is a quote", () => {
    expect(parseFtsExpression('"Crème-Brûlée"')).toEqual(phrase(["creme", "brulee"], false));
    expect(parseFtsExpression('"say ""cheese"""*')).toEqual(phrase(["say", "cheese"]));
  });

  it("numbers phrases left to right, repeats included", () => {
    const phrases = expressionPhrases(parseFtsExpression('("egg"* AND "milk"*) OR ("egg"*)'));
    expect(phrases.map((p) => p.tokens.join(" "))).toEqual(["egg", "milk", "egg"]);
  });

  it("counts phrase hits by position: exact tokens, the last a prefix when asked", () => {
    const column = ["egg", "white", "egg", "whites", "eggnog"];
    expect(phraseHitsInColumn(phrase(["egg"]), column)).toBe(3);
    expect(phraseHitsInColumn(phrase(["egg"], false), column)).toBe(2);
    expect(phraseHitsInColumn(phrase(["egg", "white"]), column)).toBe(2);
    expect(phraseHitsInColumn(phrase(["egg", "white"], false), column)).toBe(1);
    expect(phraseHitsInColumn(phrase(["white", "egg"], false), column)).toBe(1);
    expect(phraseHitsInColumn(phrase(["e"], true, true), column)).toBe(1);
    expect(phraseHitsInColumn(phrase(["w"], true, true), column)).toBe(0);
    expect(phraseHitsInColumn(phrase([]), column)).toBe(0);
  });

  it("matches a row when the expression holds in any column, a phrase within one", () => {
    const expression = parseFtsExpression('("soy"* AND "milk"*) OR ("soymilk"*)');
    expect(matchesFtsExpression(expression, [["soy", "sauce"], ["milk"]])).toBe(true);
    expect(matchesFtsExpression(expression, [["soymilk"], []])).toBe(true);
    expect(matchesFtsExpression(expression, [["milk"], ["egg"]])).toBe(false);
    // A phrase does not run across the end of one column into the next.
    const across = parseFtsExpression('"egg white"');
    expect(matchesFtsExpression(across, [["egg"], ["white"]])).toBe(false);
    expect(matchesFtsExpression(across, [["x"], ["egg", "white"]])).toBe(true);
  });
});
