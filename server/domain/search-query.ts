/**
 * Turns what a person types into a search plan: an FTS5 MATCH expression and the phrases
 * and words the ranking compares with each food's heads (server/domain/search-ranking.ts).
 *
 * - every word is a prefix ("chee" finds "cheese"), words in any order (implicit AND);
 * - plurals and spellings: "eggs" finds "Egg", "berry" finds "Strawberries", "yoghurt"
 *   finds "Yogurt" (server/domain/search-words.ts);
 * - two neighbouring words may also be one word in the data ("soy milk" finds "Soymilk");
 * - everyday and British words also search for the name SR28 uses ("porridge" → oats,
 *   "courgette" → zucchini), from db/data/search-synonyms.json ("queries");
 * - punctuation is dropped, so no input can break the FTS5 syntax;
 * - a single letter on its own matches names (or keywords) that begin with it;
 * - a 5-digit number on its own is an SR28 NDB number and is looked up directly.
 * Case and accents are folded by the index's tokenizer (unicode61, remove_diacritics 2).
 */
import synonymData from "../../db/data/search-synonyms.json";
import { searchPhrase } from "./search-ranking";
import { respellWord, singularWord, wordPrefixes } from "./search-words";

const MAX_TOKENS = 8;

/** Splits a query into lower-case word tokens (letters and digits, any script). */
export function tokenizeSearchQuery(query: string): string[] {
  const tokens = query
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return (tokens ?? []).slice(0, MAX_TOKENS);
}

/** True when the query is a 5-digit SR28 NDB number such as "16139". */
export function isNdbNumberQuery(query: string): boolean {
  return /^\d{5}$/.test(query.trim());
}

type QueryRewrite = { from: string[]; to: string[] };

/** The query rewrites, longest first, compared on singular respelled words. */
export function parseQueryRewrites(queries: Readonly<Record<string, string>>): QueryRewrite[] {
  return Object.entries(queries)
    .map(([from, to]) => ({ from: searchPhrase(from).split(" "), to: tokenizeSearchQuery(to) }))
    .sort((a, b) => b.from.length - a.from.length);
}

const QUERY_REWRITES = parseQueryRewrites(synonymData.queries);

/** Words as the search compares them: respelled ("yoghurt" → "yogurt"), possibly split. */
function respelled(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => respellWord(token).split(" "));
}

/** The query with its first matching everyday phrase replaced, or null when none matches. */
export function rewriteQueryWords(
  tokens: readonly string[],
  rewrites: readonly QueryRewrite[] = QUERY_REWRITES,
): string[] | null {
  const singular = tokens.map(singularWord);
  for (const rewrite of rewrites) {
    for (let start = 0; start + rewrite.from.length <= singular.length; start += 1) {
      const matches = rewrite.from.every((word, offset) => singular[start + offset] === word);
      if (matches) {
        return [
          ...tokens.slice(0, start),
          ...rewrite.to,
          ...tokens.slice(start + rewrite.from.length),
        ];
      }
    }
  }
  return null;
}

export type SearchPlan = {
  /** The FTS5 expression: every word (in some form) must match. */
  match: string;
  /** Any word may match: used when no food matches every word ("lentil soup" with vegan on). */
  relaxedMatch: string | null;
  /** Whole-query phrases (singular): a food whose head is one of these ranks first. */
  phrases: string[];
  /** Single words (singular): a food whose head is one of these ranks next. */
  words: string[];
  /** True when every word is a single letter: relevance scoring says nothing there. */
  lettersOnly: boolean;
};

const quote = (prefix: string) => `"${prefix}"*`;

/** One word in every form: `"egg"*`, or `("berry"* OR "berries"*)`. */
function wordExpression(token: string): string {
  const prefixes = wordPrefixes(token);
  return prefixes.length === 1
    ? quote(prefixes[0] ?? token)
    : `(${prefixes.map(quote).join(" OR ")})`;
}

/** The token lists a query stands for: as typed, with neighbours joined, and rewritten. */
function queryAlternatives(tokens: readonly string[]): string[][] {
  const alternatives: string[][] = [[...tokens]];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    alternatives.push([
      ...tokens.slice(0, i),
      `${tokens[i]}${tokens[i + 1]}`,
      ...tokens.slice(i + 2),
    ]);
  }
  const rewritten = rewriteQueryWords(tokens);
  if (rewritten) alternatives.push(rewritten);
  return alternatives;
}

/** The search plan for a query, or null when it has no searchable word. */
export function buildSearchPlan(query: string): SearchPlan | null {
  const typed = tokenizeSearchQuery(query);
  if (typed.length === 0) return null;
  const lettersOnly = typed.every((token) => token.length === 1);
  // A lone letter ("c", the first key typed) matches most of the database; read it as
  // "foods whose name begins with c" (FTS5 initial-token query), which is what a person
  // typing it means and several times cheaper.
  if (typed.length === 1 && lettersOnly) {
    return {
      match: `^${quote(typed[0] ?? "")}`,
      relaxedMatch: null,
      phrases: [],
      words: [],
      lettersOnly,
    };
  }
  const tokens = respelled(typed).slice(0, MAX_TOKENS);
  const alternatives = queryAlternatives(tokens);
  const expressions = alternatives.map((words) => words.map(wordExpression).join(" AND "));
  const unique = [...new Set(expressions)];
  const match = unique.length === 1 ? (unique[0] ?? "") : unique.map((e) => `(${e})`).join(" OR ");
  const phrases = [...new Set(alternatives.map((words) => words.map(singularWord).join(" ")))];
  const words = [...new Set(alternatives.flat().map(singularWord))].filter(
    (word) => word.length > 1,
  );
  const relaxedWords = [...new Set(alternatives.flat())].filter((word) => word.length > 1);
  const relaxedMatch =
    tokens.length > 1 && relaxedWords.length > 0
      ? relaxedWords.map(wordExpression).join(" OR ")
      : null;
  return { match, relaxedMatch, phrases, words, lettersOnly };
}

/** The FTS expression for a query, or null when it has no searchable word. */
export function buildFtsMatchExpression(query: string): string | null {
  return buildSearchPlan(query)?.match ?? null;
}
