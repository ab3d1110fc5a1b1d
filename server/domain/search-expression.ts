/**
 * FTS5 query expressions, as server/domain/search-query.ts writes them, parsed and evaluated
 * on a row's tokens in TypeScript: what PostgreSQL needs to match (after the `tsquery` has
 * narrowed the rows, server/domain/search-tsquery.ts) and to score (server/domain/
 * search-bm25.ts) exactly as FTS5 does (docs/postgresql-design.md, "5. Search parity").
 *
 * The grammar is the part of FTS5's that buildSearchPlan() uses: quoted strings (`""` is a
 * quote inside one), each tokenized by the index's tokenizer into a phrase; `*` after a
 * string makes its last token a prefix; `^` before it ties the phrase to the first token of
 * a column; `AND`, `OR` (AND binds tighter, as in FTS5) and parentheses. Anything else is
 * rejected rather than guessed.
 *
 * Pure.
 */
import { searchTokens } from "./search-tokens";

export type FtsPhrase = {
  kind: "phrase";
  /** The phrase's tokens, folded as the index folds them (none: it matches no row). */
  tokens: string[];
  /** The last token is a prefix (`"egg"*`). */
  prefix: boolean;
  /** The phrase must start at a column's first token (`^"c"*`). */
  initial: boolean;
};

export type FtsExpression =
  | FtsPhrase
  | { kind: "and"; children: FtsExpression[] }
  | { kind: "or"; children: FtsExpression[] };

type Lexeme =
  | { type: "string"; text: string }
  | { type: "and" | "or" | "open" | "close" | "star" | "caret" };

function lex(match: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let index = 0;
  while (index < match.length) {
    const character = match[index] as string;
    if (character === " ") {
      index += 1;
    } else if (character === '"') {
      let text = "";
      index += 1;
      for (;;) {
        if (index >= match.length) throw new Error("FTS5 expression: unterminated string");
        if (match[index] === '"') {
          if (match[index + 1] === '"') {
            text += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        text += match[index];
        index += 1;
      }
      lexemes.push({ type: "string", text });
    } else if (character === "(" || character === ")" || character === "*" || character === "^") {
      const types = { "(": "open", ")": "close", "*": "star", "^": "caret" } as const;
      lexemes.push({ type: types[character] });
      index += 1;
    } else if (match.startsWith("AND", index) || match.startsWith("OR", index)) {
      const word = match.startsWith("AND", index) ? "AND" : "OR";
      const next = match[index + word.length];
      if (next !== undefined && next !== " " && next !== "(" && next !== '"') {
        throw new Error(`FTS5 expression: unexpected bare word at ${index}`);
      }
      lexemes.push({ type: word === "AND" ? "and" : "or" });
      index += word.length;
    } else {
      throw new Error(`FTS5 expression: unexpected ${JSON.stringify(character)} at ${index}`);
    }
  }
  return lexemes;
}

/** Parses an FTS5 expression of the form buildSearchPlan() writes. */
export function parseFtsExpression(match: string): FtsExpression {
  const lexemes = lex(match);
  let position = 0;
  const peek = () => lexemes[position];
  const take = () => {
    const lexeme = lexemes[position];
    if (!lexeme) throw new Error("FTS5 expression: unexpected end");
    position += 1;
    return lexeme;
  };
  const primary = (): FtsExpression => {
    const lexeme = take();
    if (lexeme.type === "open") {
      const inner = orExpression();
      if (take().type !== "close") throw new Error("FTS5 expression: expected )");
      return inner;
    }
    const initial = lexeme.type === "caret";
    const string = initial ? take() : lexeme;
    if (string.type !== "string") throw new Error(`FTS5 expression: unexpected ${string.type}`);
    const prefix = peek()?.type === "star";
    if (prefix) position += 1;
    return { kind: "phrase", tokens: searchTokens(string.text), prefix, initial };
  };
  const andExpression = (): FtsExpression => {
    const children = [primary()];
    while (peek()?.type === "and") {
      position += 1;
      children.push(primary());
    }
    return children.length === 1 ? (children[0] as FtsExpression) : { kind: "and", children };
  };
  const orExpression = (): FtsExpression => {
    const children = [andExpression()];
    while (peek()?.type === "or") {
      position += 1;
      children.push(andExpression());
    }
    return children.length === 1 ? (children[0] as FtsExpression) : { kind: "or", children };
  };
  const expression = orExpression();
  if (position !== lexemes.length) throw new Error("FTS5 expression: trailing input");
  return expression;
}

/** The phrases in FTS5's numbering (left to right), repeats included. */
export function expressionPhrases(expression: FtsExpression): FtsPhrase[] {
  return expression.kind === "phrase"
    ? [expression]
    : expression.children.flatMap(expressionPhrases);
}

/** Where a phrase occurs in one column: the number of start positions. */
export function phraseHitsInColumn(phrase: FtsPhrase, column: readonly string[]): number {
  const count = phrase.tokens.length;
  if (count === 0) return 0;
  let hits = 0;
  const lastStart = phrase.initial ? 0 : column.length - count;
  for (let start = 0; start <= lastStart && start + count <= column.length; start += 1) {
    let matches = true;
    for (let offset = 0; offset < count && matches; offset += 1) {
      const token = column[start + offset] as string;
      const wanted = phrase.tokens[offset] as string;
      matches = offset === count - 1 && phrase.prefix ? token.startsWith(wanted) : token === wanted;
    }
    if (matches) hits += 1;
  }
  return hits;
}

/** Whether a row (its tokens, column by column) matches the expression. */
export function matchesFtsExpression(
  expression: FtsExpression,
  columns: readonly (readonly string[])[],
): boolean {
  switch (expression.kind) {
    case "phrase":
      return columns.some((column) => phraseHitsInColumn(expression, column) > 0);
    case "and":
      return expression.children.every((child) => matchesFtsExpression(child, columns));
    case "or":
      return expression.children.some((child) => matchesFtsExpression(child, columns));
  }
}
