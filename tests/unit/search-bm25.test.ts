import { describe, expect, it } from "vitest";
import { bm25CorpusOf, fts5Bm25, fts5Idf, phraseFrequencies } from "@/server/domain/search-bm25";
import { parseFtsExpression } from "@/server/domain/search-expression";
import { searchTokens } from "@/server/domain/search-tokens";
import { TINY_CORPUS } from "../search-bm25-corpus";

/*
 * The corpus (tests/search-bm25-corpus.ts), as tokens, name | keywords, and D = tokens:
 *   1  egg white | x           D 3
 *   2  milk | egg              D 2
 *   3  cheese egg | y          D 3
 *   4  white egg | egg white   D 4
 *   5  soymilk |               D 1
 *   6  soy sauce | milk        D 3
 * N = 6 rows, 16 tokens, avgdl = 16 / 6 = 2.6667. k1 = 1.2, b = 0.75, weights 10 and 3.
 * Length factor K(D) = k1 × (1 - b + b × D / avgdl) = 1.2 × (0.25 + 0.28125 × D):
 *   K(1) = 0.6375, K(2) = 0.975, K(3) = 1.3125, K(4) = 1.65.
 * A phrase term: IDF × f × 2.2 / (f + K(D)).
 */
const rows = TINY_CORPUS.map(([name, keywords]) => [searchTokens(name), searchTokens(keywords)]);
const row = (n: number) => rows[n - 1] as string[][];
const score = (match: string, n: number) => {
  const expression = parseFtsExpression(match);
  return fts5Bm25(expression, row(n), bm25CorpusOf(expression, rows));
};
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-12);

describe("IDF", () => {
  it("is ln((N - n + 0.5) / (n + 0.5)), floored at 1e-6", () => {
    close(fts5Idf(6, 1), Math.log(5.5 / 1.5)); // 1.2993
    close(fts5Idf(6, 2), Math.log(4.5 / 2.5)); // 0.5878
    expect(fts5Idf(6, 3)).toBe(1e-6); // ln(1) = 0
    expect(fts5Idf(6, 4)).toBe(1e-6); // ln(2.5 / 4.5) < 0
  });
});

describe("bm25(foods_fts, 10.0, 3.0) in TypeScript", () => {
  it("counts the corpus: rows, tokens, rows per phrase", () => {
    expect(bm25CorpusOf(parseFtsExpression('("soy"* AND "milk"*) OR ("soymilk"*)'), rows)).toEqual({
      rowCount: 6,
      tokenCount: 16,
      phraseRowCounts: [2, 2, 1],
    });
  });

  it("weighs a hit in the name 10 and in the keywords 3, and adds repeats", () => {
    // "milk"*: n = 2 (rows 2 and 6), IDF = ln(4.5 / 2.5).
    // Row 2: f = 10 (name), D = 2: ln(1.8) × 22 / 10.975.
    close(score('"milk"*', 2), -(Math.log(1.8) * 22) / 10.975);
    // Row 6: f = 3 (keywords), D = 3: ln(1.8) × 6.6 / 4.3125.
    close(score('"milk"*', 6), -(Math.log(1.8) * 6.6) / 4.3125);
    // "egg"*: n = 4 of 6, IDF floored to 1e-6. Row 4: f = 10 + 3 = 13, D = 4.
    close(score('"egg"*', 4), -(1e-6 * 13 * 2.2) / 14.65);
    expect(phraseFrequencies(parseFtsExpression('"egg"*'), row(4))).toEqual([13]);
  });

  it("counts a phrase only where its AND-group matches", () => {
    const match = '("soy"* AND "milk"*) OR ("soymilk"*)';
    // Phrases: soy* (n 2), milk* (n 2), soymilk* (n 1).
    // Row 5 "soymilk": soy* is a prefix of its token, but soy AND milk fails there, so
    // only soymilk* counts: f = 10, D = 1: ln(11/3) × 22 / 10.6375.
    expect(phraseFrequencies(parseFtsExpression(match), row(5))).toEqual([0, 0, 10]);
    close(score(match, 5), -(Math.log(11 / 3) * 22) / 10.6375);
    // Row 6 "soy sauce | milk": soy* f = 10, milk* f = 3, D = 3.
    close(score(match, 6), -((Math.log(1.8) * 22) / 11.3125 + (Math.log(1.8) * 6.6) / 4.3125));
  });

  it("counts phrases of several tokens and initial phrases by position", () => {
    // "egg white"*: rows 1 (name) and 4 (keywords only; its name says "white egg").
    expect(phraseFrequencies(parseFtsExpression('"egg white"*'), row(1))).toEqual([10]);
    expect(phraseFrequencies(parseFtsExpression('"egg white"*'), row(4))).toEqual([3]);
    expect(phraseFrequencies(parseFtsExpression('"egg white"*'), row(3))).toEqual([0]);
    // ^"w"*: only the first token of a column: row 4's name, not row 1's "white".
    expect(phraseFrequencies(parseFtsExpression('^"w"*'), row(4))).toEqual([10]);
    expect(phraseFrequencies(parseFtsExpression('^"w"*'), row(1))).toEqual([0]);
  });

  it("refuses row counts that do not fit the expression", () => {
    expect(() =>
      fts5Bm25(parseFtsExpression('"egg"*'), row(1), {
        rowCount: 6,
        tokenCount: 16,
        phraseRowCounts: [1, 2],
      }),
    ).toThrow(/1 phrases but 2 row counts/);
  });
});
