import { describe, expect, it } from "vitest";
import { bm25CorpusOf } from "@/server/domain/search-bm25";
import { parseFtsExpression } from "@/server/domain/search-expression";
import { buildSearchPlan } from "@/server/domain/search-query";
import {
  headTier,
  phraseTsqueries,
  quoteTsqueryLexeme,
  rankSearchCandidates,
  type SearchCandidate,
  sortSearchCandidates,
  sqliteTextLength,
  toPostgresMatch,
} from "@/server/domain/search-tsquery";

const tsqueryOf = (query: string) => {
  const plan = buildSearchPlan(query);
  if (!plan) throw new Error("no plan");
  return toPostgresMatch(plan.match);
};

describe("FTS5 expression → tsquery", () => {
  it("writes prefixes as :*, AND as &, OR as |", () => {
    expect(tsqueryOf("eggs").tsquery).toBe("'egg':*");
    expect(tsqueryOf("soy milk").tsquery).toBe("('soy':* & 'milk':*) | 'soymilk':*");
    expect(tsqueryOf("strawberry milk").tsquery).toBe(
      "(('strawberry':* | 'strawberries':*) & 'milk':*) | 'strawberrymilk':*",
    );
    expect(tsqueryOf("porridge").tsquery).toBe("'porridge':* | ('oat':* & 'cooked':*)");
  });

  it("writes a phrase of several tokens as all of them, the last one a prefix", () => {
    // Not `<->`: the document has no positions (array_to_tsvector); the order is checked
    // on the candidates' tokens (matchesFtsExpression).
    expect(toPostgresMatch('"egg white"*').tsquery).toBe("('egg' & 'white':*)");
    expect(toPostgresMatch('"egg white"').tsquery).toBe("('egg' & 'white')");
    expect(toPostgresMatch('"egg white"*').exact).toBe(false);
    expect(tsqueryOf("egg white").exact).toBe(true);
  });

  it("turns the single letter into a prefix and a first-token condition", () => {
    expect(tsqueryOf("C")).toMatchObject({ tsquery: "'c':*", firstTokenPrefix: "c", exact: true });
    expect(tsqueryOf("cheese").firstTokenPrefix).toBeNull();
    expect(() => toPostgresMatch('"egg"* AND ^"c"*')).toThrow(/\^/);
  });

  it("folds the phrase text as the index does", () => {
    expect(toPostgresMatch('"CRÈME"*').tsquery).toBe("'creme':*");
  });

  it("cannot be steered by tsquery syntax in the search box", () => {
    // The search query drops punctuation before FTS5 sees it.
    expect(tsqueryOf("o'brien & | ! : ( \\ )").tsquery).toBe("('o':* & 'brien':*) | 'obrien':*");
    expect(tsqueryOf("milk' | 'x':* & !egg").tsquery).toBe(
      "('milk':* & 'x':* & 'egg':*) | ('milkx':* & 'egg':*) | ('milk':* & 'xegg':*)",
    );
    // An FTS5 string holding syntax: the tokenizer splits on all of it.
    expect(toPostgresMatch(`"a'b&c|d!e:f(g)h\\i<j>k"*`).tsquery).toBe(
      "('a' & 'b' & 'c' & 'd' & 'e' & 'f' & 'g' & 'h' & 'i' & 'j' & 'k':*)",
    );
    // Quoting itself, for lexemes the tokenizer never makes.
    expect(quoteTsqueryLexeme("it's")).toBe("'it''s'");
    expect(quoteTsqueryLexeme("a\\")).toBe("'a\\\\'");
    expect(quoteTsqueryLexeme("x':* | !'y")).toBe("'x'':* | !''y'");
  });

  it("drops phrases that have no token, as FTS5 does", () => {
    // U+19B0 is a letter to JavaScript but a separator to FTS5: the phrase is empty.
    expect(toPostgresMatch('"\u19b0"*').tsquery).toBeNull();
    expect(toPostgresMatch('"egg"* AND "\u19b0"*').tsquery).toBeNull();
    expect(toPostgresMatch('"egg"* OR "\u19b0"*').tsquery).toBe("'egg':*");
  });

  it("gives one tsquery per phrase for the corpus counts", () => {
    expect(
      phraseTsqueries(parseFtsExpression('("soy"* AND "milk"*) OR ("soymilk"*) OR "\u19b0"*')),
    ).toEqual(["'soy':*", "'milk':*", "'soymilk':*", null]);
  });

  it("rejects what buildSearchPlan() never writes", () => {
    for (const bad of ["egg", '"egg" NOT "x"', '("egg"*', '"egg"* AND', '"egg', '"a"* ANDY "b"*']) {
      expect(() => parseFtsExpression(bad), bad).toThrow(/FTS5 expression/);
    }
  });
});

describe("the search's order in TypeScript", () => {
  const plan = { phrases: ["egg"], words: ["egg", "white"], lettersOnly: false };
  const food = (key: number, fields: Partial<SearchCandidate>): SearchCandidate => ({
    key,
    name: "Food",
    searchHeads: "",
    searchPrior: 0,
    b12PerHundredGrams: null,
    bm25: 0,
    ...fields,
  });

  it("rates heads: the query phrase 0, a query word 1, else 2; 0 without either", () => {
    expect(headTier(plan, "|egg|whole egg|")).toBe(0);
    expect(headTier(plan, "|white|")).toBe(1);
    expect(headTier(plan, "|eggnog|")).toBe(2);
    expect(headTier(plan, "")).toBe(2);
    expect(headTier({ phrases: [], words: [] }, "|egg|")).toBe(0);
  });

  it("sorts by tier × 25 + prior, then BM25, then name length, then key", () => {
    const candidates = [
      food(1, { searchHeads: "|eggnog|", searchPrior: 0 }), // 2 × 25 + 0 = 50
      food(2, { searchHeads: "|egg|", searchPrior: 30 }), // 0 + 30 = 30
      food(3, { searchHeads: "|white|", searchPrior: 4 }), // 25 + 4 = 29
      food(4, { searchHeads: "|egg|", searchPrior: 30, bm25: -2 }), // 30, better BM25
      food(5, { searchHeads: "|egg|", searchPrior: 30, bm25: -2, name: "Fo" }), // shorter
      food(6, { searchHeads: "|egg|", searchPrior: 30, bm25: -2, name: "Fo" }), // later key
    ];
    expect(sortSearchCandidates(candidates, plan, "relevance").map((c) => c.key)).toEqual([
      3, 5, 6, 4, 2, 1,
    ]);
  });

  it("ignores BM25 for single letters", () => {
    const candidates = [
      food(1, { bm25: -1, name: "Foods" }),
      food(2, { bm25: -9, name: "Foodss" }),
    ];
    const letters = { phrases: [], words: [], lettersOnly: true };
    expect(sortSearchCandidates(candidates, letters, "relevance").map((c) => c.key)).toEqual([
      1, 2,
    ]);
    expect(
      sortSearchCandidates(candidates, { ...letters, lettersOnly: false }, "relevance").map(
        (c) => c.key,
      ),
    ).toEqual([2, 1]);
  });

  it("puts the most B12 first and foods without a value last when asked", () => {
    const candidates = [
      food(1, { b12PerHundredGrams: null, searchHeads: "|egg|" }),
      food(2, { b12PerHundredGrams: 0.5, searchHeads: "|eggnog|" }),
      food(3, { b12PerHundredGrams: 2.4, searchHeads: "|eggnog|" }),
      food(4, { b12PerHundredGrams: 2.4, searchHeads: "|egg|" }),
      food(5, { b12PerHundredGrams: 0, searchHeads: "|egg|" }),
    ];
    expect(sortSearchCandidates(candidates, plan, "b12").map((c) => c.key)).toEqual([
      4, 3, 2, 5, 1,
    ]);
  });

  it("measures names as SQLite's length(): characters, up to a NUL", () => {
    expect(sqliteTextLength("Crème")).toBe(5);
    expect(sqliteTextLength("🥚 egg")).toBe(5);
    expect(sqliteTextLength("ab\0cd")).toBe(2);
    const candidates = [food(1, { name: "Eggs, x" }), food(2, { name: "🥚🥚🥚 eg" })];
    // 7 characters against 6 (9 UTF-16 units): the emoji name is shorter.
    expect(sortSearchCandidates(candidates, plan, "relevance").map((c) => c.key)).toEqual([2, 1]);
  });
});

describe("the TypeScript half of a search", () => {
  it("keeps only real matches, scores them and sorts them", () => {
    const expression = parseFtsExpression('"egg white"*');
    const candidate = (key: number, name: string, searchTokens: string, nameTokens: number) => ({
      key,
      name,
      searchHeads: "",
      searchPrior: 0,
      b12PerHundredGrams: null,
      searchTokens,
      searchNameTokens: nameTokens,
    });
    const candidates = [
      // All tokens present (the tsquery lets it through), but not in the phrase's order.
      candidate(1, "White egg", "white egg", 2),
      // The phrase in the keywords only: weight 3.
      candidate(2, "Meringue", "meringue egg whites", 1),
      // The phrase in the name: weight 10, so the better (lower) BM25.
      candidate(3, "Egg white, dried", "egg white dried", 3),
    ];
    const corpus = bm25CorpusOf(expression, [
      [["white", "egg"], []],
      [["meringue"], ["egg", "whites"]],
      [["egg", "white", "dried"], []],
      [["milk"], []],
    ]);
    expect(corpus.phraseRowCounts).toEqual([2]);
    const ranked = rankSearchCandidates(
      candidates,
      { phrases: ["egg white"], words: ["egg", "white"], lettersOnly: false },
      expression,
      corpus,
      "relevance",
    );
    expect(ranked.map((food) => food.key)).toEqual([3, 2]);
    expect(ranked[0]?.bm25).toBeLessThan(ranked[1]?.bm25 as number);
  });
});
