/**
 * FTS5's `bm25(foods_fts, 10.0, 3.0)` recomputed in TypeScript from plain data, so a
 * database without FTS5 (PostgreSQL, issue 17) ranks foods exactly as SQLite does
 * (docs/postgresql-design.md, "5. Search parity").
 *
 * As SQLite's fts5_aux.c computes it, for a row and an expression with phrases 1..P:
 *
 *   score = -1 × Σ_p IDF(p) × f(p) × (k1 + 1) / (f(p) + k1 × (1 - b + b × D / avgdl))
 *
 * - k1 = 1.2, b = 0.75;
 * - IDF(p) = ln((N - n(p) + 0.5) / (n(p) + 0.5)), and 1e-6 when that is ≤ 0, with N the rows
 *   in the index and n(p) the rows the phrase matches on its own (the whole index: every
 *   owner's custom foods count, not only the rows the search may show);
 * - f(p) = the phrase's hits in the row, each weighted by its column (name 10, keywords 3);
 * - D = the row's tokens over all columns; avgdl = the index's tokens / N;
 * - found by measuring, not in the documentation: a phrase's hits count only when every
 *   AND above it in the expression matches the row. FTS5 clears the positions of a failed
 *   AND's phrases before ranking, so in `("soy"* AND "milk"*) OR ("soymilk"*)` the row
 *   "Soymilk" scores for "soymilk"* only, although "soy"* is a prefix of its token.
 *
 * The arithmetic runs in fts5_aux.c's order, so the result is the same double as SQLite's
 * or within a few units in the last place (tests/integration/search-parity.test.ts).
 *
 * Pure.
 */
import {
  expressionPhrases,
  type FtsExpression,
  matchesFtsExpression,
  phraseHitsInColumn,
} from "./search-expression";

/** The column weights the search uses: name, search_keywords (server/services/foods.ts). */
export const FOODS_FTS_WEIGHTS: readonly number[] = [10, 3];

const K1 = 1.2;
const B = 0.75;

/** What BM25 needs from the whole index. */
export type Bm25Corpus = {
  /** Rows in the index (N). */
  rowCount: number;
  /** Tokens in the index, all columns. */
  tokenCount: number;
  /** For each phrase of the expression, in expressionPhrases() order: rows it matches. */
  phraseRowCounts: readonly number[];
};

/** IDF as fts5_aux.c computes it, floored at 1e-6. */
export function fts5Idf(rowCount: number, rowsWithPhrase: number): number {
  const idf = Math.log((rowCount - rowsWithPhrase + 0.5) / (rowsWithPhrase + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

/**
 * Each phrase's weighted frequency in the row, zero where an AND above the phrase fails
 * (FTS5 clears those phrases' positions).
 */
export function phraseFrequencies(
  expression: FtsExpression,
  columns: readonly (readonly string[])[],
  weights: readonly number[] = FOODS_FTS_WEIGHTS,
): number[] {
  const frequencies: number[] = [];
  const walk = (node: FtsExpression, live: boolean) => {
    if (node.kind === "phrase") {
      let frequency = 0.0;
      if (live) {
        columns.forEach((column, index) => {
          const hits = phraseHitsInColumn(node, column);
          for (let hit = 0; hit < hits; hit += 1) frequency += weights[index] ?? 1.0;
        });
      }
      frequencies.push(frequency);
      return;
    }
    const stillLive = live && (node.kind === "or" || matchesFtsExpression(node, columns));
    for (const child of node.children) walk(child, stillLive);
  };
  walk(expression, true);
  return frequencies;
}

/** bm25() for one row whose columns hold `columns` (tokens from server/domain/search-tokens.ts). */
export function fts5Bm25(
  expression: FtsExpression,
  columns: readonly (readonly string[])[],
  corpus: Bm25Corpus,
  weights: readonly number[] = FOODS_FTS_WEIGHTS,
): number {
  const frequencies = phraseFrequencies(expression, columns, weights);
  if (corpus.phraseRowCounts.length !== frequencies.length) {
    throw new Error(
      `bm25: ${frequencies.length} phrases but ${corpus.phraseRowCounts.length} row counts`,
    );
  }
  const avgdl = corpus.tokenCount / corpus.rowCount;
  let length = 0;
  for (const column of columns) length += column.length;
  let score = 0.0;
  frequencies.forEach((frequency, index) => {
    const idf = fts5Idf(corpus.rowCount, corpus.phraseRowCounts[index] as number);
    score += idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * length) / avgdl)));
  });
  return -1.0 * score;
}

/**
 * The corpus figures from rows given as token columns (what PostgreSQL computes with one
 * aggregate query; here for tests and small data sets).
 */
export function bm25CorpusOf(
  expression: FtsExpression,
  rows: Iterable<readonly (readonly string[])[]>,
): Bm25Corpus {
  const phrases = expressionPhrases(expression);
  const phraseRowCounts = phrases.map(() => 0);
  let rowCount = 0;
  let tokenCount = 0;
  for (const columns of rows) {
    rowCount += 1;
    for (const column of columns) tokenCount += column.length;
    phrases.forEach((phrase, index) => {
      if (columns.some((column) => phraseHitsInColumn(phrase, column) > 0)) {
        phraseRowCounts[index] = (phraseRowCounts[index] as number) + 1;
      }
    });
  }
  return { rowCount, tokenCount, phraseRowCounts };
}
