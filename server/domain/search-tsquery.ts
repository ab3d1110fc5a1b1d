/**
 * Food search on PostgreSQL (issue 17), the pure parts (docs/postgresql-design.md,
 * "5. Search parity"):
 *
 * 1. `toPostgresMatch()`: buildSearchPlan()'s FTS5 expression as a PostgreSQL `tsquery`
 *    that the GIN index answers. Every lexeme is single-quoted (a quote or backslash inside
 *    is doubled), so no input can reach tsquery's syntax: the tokens already went through
 *    the FTS5 tokenizer (server/domain/search-tokens.ts), which splits on every ASCII
 *    punctuation mark, and the quoting covers whatever else. `"egg"*` → `'egg':*`,
 *    AND → `&`, OR → `|`, a phrase of several tokens → `('a' & 'b':*)` (not `<->`: the
 *    document below has no positions, and `<->` on it matches no row, measured).
 *    The string is valid both as `$1::tsquery` and as `to_tsquery('simple', $1)`; the
 *    cast is the exact choice (the lexemes are used as written, no parser runs on them),
 *    with the document built the same way: `array_to_tsvector(string_to_array(
 *    search_tokens, ' '))`.
 *    The single-letter form `^"c"*` (the first token of the name or of the keywords begins
 *    with c) has no tsquery equivalent: it becomes `'c':*` plus `firstTokenPrefix: "c"`,
 *    which the SQL adds as `(search_name_tokens > 0 AND split_part(search_tokens, ' ', 1)
 *    ^@ $2) OR split_part(search_tokens, ' ', search_name_tokens + 1) ^@ $2`.
 *    The tsquery can match more rows than FTS5 (a phrase's order, `^`), never fewer; the
 *    exact decision is matchesFtsExpression() on the candidate's tokens
 *    (server/domain/search-expression.ts), which the ranking needs anyway.
 * 2. `phraseTsqueries()`: one tsquery per phrase, for the row counts BM25's IDF needs
 *    (counted over the whole table, every owner's foods).
 * 3. `sortSearchCandidates()`: the order of server/services/foods.ts's SQL, key by key:
 *    (for the B12 sort: no B12 value last, then most B12 first), head tier × 25 + prior,
 *    BM25 (not for single letters), length of the name in characters, key.
 *    `rankSearchCandidates()` does the whole TypeScript half on the candidates the SQL
 *    returns: exact match, BM25, sort.
 *
 * Pure.
 */
import { type Bm25Corpus, fts5Bm25 } from "./search-bm25";
import {
  expressionPhrases,
  type FtsExpression,
  type FtsPhrase,
  matchesFtsExpression,
  parseFtsExpression,
} from "./search-expression";
import type { SearchPlan } from "./search-query";
import { HEAD_TIER_WEIGHT, headPattern } from "./search-ranking";
import { splitFoodSearchTokens } from "./search-tokens";

/** A lexeme as a tsquery operand: single-quoted, `'` and `\` doubled. */
export function quoteTsqueryLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** Drops what matches nothing (phrases without tokens, as in FTS5); null when nothing is left. */
function withoutEmpty(expression: FtsExpression): FtsExpression | null {
  if (expression.kind === "phrase") return expression.tokens.length === 0 ? null : expression;
  const children = expression.children.map(withoutEmpty);
  if (expression.kind === "and") {
    return children.some((child) => child === null)
      ? null
      : { kind: "and", children: children as FtsExpression[] };
  }
  const kept = children.filter((child): child is FtsExpression => child !== null);
  return kept.length === 0
    ? null
    : kept.length === 1
      ? (kept[0] as FtsExpression)
      : { kind: "or", children: kept };
}

function phraseTsquery(phrase: FtsPhrase): string {
  const operands = phrase.tokens.map((token, index) =>
    index === phrase.tokens.length - 1 && phrase.prefix
      ? `${quoteTsqueryLexeme(token)}:*`
      : quoteTsqueryLexeme(token),
  );
  // All of the phrase's tokens, in any order: the document has no positions, and on such a
  // tsvector `<->` matches nothing (measured), so the order is left to the exact check.
  return operands.length === 1 ? (operands[0] as string) : `(${operands.join(" & ")})`;
}

function expressionTsquery(expression: FtsExpression, parent: "and" | "or" | null): string {
  if (expression.kind === "phrase") {
    if (expression.initial) {
      throw new Error("tsquery: ^ is only translated as the whole expression");
    }
    return phraseTsquery(expression);
  }
  const text = expression.children
    .map((child) => expressionTsquery(child, expression.kind))
    .join(expression.kind === "and" ? " & " : " | ");
  return parent === null ? text : `(${text})`;
}

export type PostgresMatch = {
  /** For `search_document @@ $1::tsquery`; null when the expression matches no row. */
  tsquery: string | null;
  /** Set for `^"c"*`: the first token of the name or of the keywords must begin with it. */
  firstTokenPrefix: string | null;
  /**
   * True when the tsquery (with firstTokenPrefix) matches exactly FTS5's rows: every phrase
   * has at most one token. Then a single-letters search (no BM25 in its order) can filter,
   * sort and page entirely in SQL; otherwise rankSearchCandidates() decides.
   */
  exact: boolean;
  /** The parsed expression, for the exact match and BM25 on the candidates. */
  expression: FtsExpression;
};

/** The PostgreSQL form of an FTS5 MATCH expression written by buildSearchPlan(). */
export function toPostgresMatch(match: string): PostgresMatch {
  const expression = parseFtsExpression(match);
  const exact = expressionPhrases(expression).every((phrase) => phrase.tokens.length <= 1);
  const kept = withoutEmpty(expression);
  if (kept === null) return { tsquery: null, firstTokenPrefix: null, exact, expression };
  if (kept.kind === "phrase" && kept.initial) {
    if (kept.tokens.length !== 1 || !kept.prefix) {
      throw new Error("tsquery: ^ is translated for one prefix token only");
    }
    const prefix = kept.tokens[0] as string;
    return {
      tsquery: `${quoteTsqueryLexeme(prefix)}:*`,
      firstTokenPrefix: prefix,
      exact,
      expression,
    };
  }
  return { tsquery: expressionTsquery(kept, null), firstTokenPrefix: null, exact, expression };
}

/**
 * One tsquery per phrase, in FTS5's numbering, for the corpus query's
 * `count(*) FILTER (WHERE search_document @@ $n::tsquery)` (BM25's row count per phrase);
 * null for a phrase without tokens (count 0). For a phrase of one token without `^`, the
 * only kind buildSearchPlan() writes with words, the count is exact; for others it is an
 * upper bound.
 */
export function phraseTsqueries(expression: FtsExpression): (string | null)[] {
  return expressionPhrases(expression).map((phrase) =>
    phrase.tokens.length === 0 ? null : phraseTsquery(phrase),
  );
}

/** What the ranking needs of one matched food. */
export type SearchCandidate = {
  key: number;
  name: string;
  /** `foods.search_heads`, e.g. `|egg|whole egg|`. */
  searchHeads: string;
  searchPrior: number;
  b12PerHundredGrams: number | null;
  /** fts5Bm25() for the row (ignored when the query is single letters). */
  bm25: number;
};

/** SQLite's length() of a text: characters (code points) before the first NUL. */
export function sqliteTextLength(text: string): number {
  const end = text.indexOf("\0");
  let count = 0;
  for (const _ of end < 0 ? text : text.slice(0, end)) count += 1;
  return count;
}

/**
 * 0 when one of the food's heads is a query phrase, 1 when one is a query word, else 2;
 * 0 when the plan has neither (single letters).
 */
export function headTier(plan: Pick<SearchPlan, "phrases" | "words">, searchHeads: string): number {
  if (plan.phrases.length + plan.words.length === 0) return 0;
  const contains = (phrase: string) => searchHeads.includes(headPattern(phrase));
  if (plan.phrases.some(contains)) return 0;
  if (plan.words.some(contains)) return 1;
  return 2;
}

/** The sort keys of one candidate, in the SQL's order (server/services/foods.ts). */
export function searchSortKeys(
  candidate: SearchCandidate,
  plan: Pick<SearchPlan, "phrases" | "words" | "lettersOnly">,
  sort: "relevance" | "b12",
): number[] {
  const b12 = candidate.b12PerHundredGrams;
  return [
    ...(sort === "b12" ? [b12 === null ? 1 : 0, b12 === null ? 0 : -b12] : []),
    headTier(plan, candidate.searchHeads) * HEAD_TIER_WEIGHT + candidate.searchPrior,
    ...(plan.lettersOnly ? [] : [candidate.bm25]),
    sqliteTextLength(candidate.name),
    candidate.key,
  ];
}

/** Compares two key tuples as SQLite's ORDER BY does for numbers. */
export function compareSortKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const left = a[index] as number;
    const right = b[index] as number;
    if (left < right) return -1;
    if (left > right) return 1;
  }
  return a.length - b.length;
}

/** The candidates in the search's order (a new array). */
export function sortSearchCandidates<T extends SearchCandidate>(
  candidates: readonly T[],
  plan: Pick<SearchPlan, "phrases" | "words" | "lettersOnly">,
  sort: "relevance" | "b12",
): T[] {
  return candidates
    .map((candidate) => ({ candidate, keys: searchSortKeys(candidate, plan, sort) }))
    .sort((a, b) => compareSortKeys(a.keys, b.keys))
    .map((entry) => entry.candidate);
}

/** A candidate as the PostgreSQL query returns it: sort fields and stored tokens. */
export type TokenizedCandidate = Omit<SearchCandidate, "bm25"> & {
  /** `foods.search_tokens` (server/domain/search-tokens.ts, foodSearchTokens()). */
  searchTokens: string;
  /** `foods.search_name_tokens`. */
  searchNameTokens: number;
};

/**
 * The TypeScript half of a search without FTS5: keeps the candidates the expression really
 * matches (the tsquery may let more through), scores them with BM25 against the whole
 * index's figures and sorts them as the SQLite search does. The caller pages the result.
 */
export function rankSearchCandidates<T extends TokenizedCandidate>(
  candidates: readonly T[],
  plan: Pick<SearchPlan, "phrases" | "words" | "lettersOnly">,
  expression: FtsExpression,
  corpus: Bm25Corpus,
  sort: "relevance" | "b12",
): (T & { bm25: number })[] {
  const scored: (T & { bm25: number })[] = [];
  for (const candidate of candidates) {
    const { name, keywords } = splitFoodSearchTokens({
      tokens: candidate.searchTokens,
      nameTokenCount: candidate.searchNameTokens,
    });
    const columns = [name, keywords];
    if (!matchesFtsExpression(expression, columns)) continue;
    const bm25 = plan.lettersOnly ? 0 : fts5Bm25(expression, columns, corpus);
    scored.push({ ...candidate, bm25 });
  }
  return sortSearchCandidates(scored, plan, sort);
}
