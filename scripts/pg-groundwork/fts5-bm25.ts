/**
 * FTS5's bm25() recomputed in TypeScript, so a database without FTS5 (PostgreSQL, issue 17)
 * can rank foods exactly as SQLite does (docs/postgresql-design.md, "Search parity").
 *
 * Follows SQLite's fts5_aux.c: k1 = 1.2, b = 0.75; IDF = ln((N - n + 0.5) / (n + 0.5)),
 * floored at 1e-6; a phrase's frequency in a row is the sum of the column weights of its
 * hits; the row's length is its token count over all columns; the average length is over
 * the whole table; the score is the negated sum over the query's phrases. One rule was found
 * by measuring rather than reading: in `(A AND B) OR (C)`, a phrase's hits count only when
 * its AND-group matches the row. The operations run in fts5_aux.c's order, so the result is
 * the same double for 7,255 of 7,768 measured rows, the others within 7.1e-15
 * (scripts/pg-groundwork/search-parity.ts).
 *
 * Pure; ready to move to server/domain when the issue starts.
 */

/** unicode61 with remove_diacritics 2: fold accents and case; tokens are letters, digits, private use. */
export function fts5Tokens(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []
  );
}

/** An expression from server/domain/search-query.ts: OR-groups of AND-words of OR-prefixes. */
export type PrefixQuery = string[][][];

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === "(") depth += 1;
    else if (character === ")") depth -= 1;
    else if (depth === 0 && text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + separator.length;
      index += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

const unwrap = (text: string) =>
  text.startsWith("(") && text.endsWith(")") ? text.slice(1, -1) : text;

/**
 * Parses the expressions buildSearchPlan() writes: `"egg"*`, `("berry"* OR "berries"*)`,
 * `("soy"* AND "milk"*) OR ("soymilk"*)`. Not a general FTS5 parser.
 */
export function parsePrefixQuery(match: string): PrefixQuery {
  const top = splitTopLevel(match, " OR ");
  const groups =
    top.length > 1 && top.every((part) => part.startsWith("(")) ? top.map(unwrap) : [match];
  return groups.map((group) =>
    splitTopLevel(group, " AND ").map((word) =>
      [...word.matchAll(/"([^"]+)"\*/g)].map((found) => found[1] as string),
    ),
  );
}

export type Bm25Table = {
  /** Rows in the index (every food, every owner's custom foods included). */
  rowCount: number;
  /** Tokens in the index over all columns. */
  tokenCount: number;
  /** Rows matching each prefix on its own, over the whole index. */
  rowsMatching: (prefix: string) => number;
};

/** bm25(foods_fts, ...weights) for one row whose columns hold `columns` tokens. */
export function fts5Bm25(
  query: PrefixQuery,
  columns: readonly (readonly string[])[],
  weights: readonly number[],
  table: Bm25Table,
): number {
  const k1 = 1.2;
  const b = 0.75;
  const avgdl = table.tokenCount / table.rowCount;
  let length = 0;
  for (const column of columns) length += column.length;
  const hits = (prefix: string) =>
    columns.some((column) => column.some((t) => t.startsWith(prefix)));
  let score = 0.0;
  for (const group of query) {
    const groupMatches = group.every((word) => word.some(hits));
    for (const word of group) {
      for (const prefix of word) {
        let frequency = 0;
        if (groupMatches) {
          columns.forEach((column, index) => {
            for (const token of column)
              if (token.startsWith(prefix)) frequency += weights[index] ?? 1.0;
          });
        }
        const matching = table.rowsMatching(prefix);
        let idf = Math.log((table.rowCount - matching + 0.5) / (matching + 0.5));
        if (idf <= 0.0) idf = 1e-6;
        score +=
          idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + (b * length) / avgdl)));
      }
    }
  }
  return -1.0 * score;
}
