/**
 * Turns what a person types into an FTS5 MATCH expression.
 *
 * - every word is a prefix ("chee" finds "cheese"), words in any order (implicit AND);
 * - two neighbouring words may also be one word in the data ("soy milk" finds "Soymilk");
 * - punctuation is dropped, so no input can break the FTS5 syntax;
 * - a single letter on its own matches names (or keywords) that begin with it;
 * - a 5-digit number on its own is an SR28 NDB number and is looked up directly.
 * Case and accents are folded by the index's tokenizer (unicode61, remove_diacritics 2).
 */

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

const quote = (token: string) => `"${token}"*`;

/** The FTS5 expression for a query, or null when it has no searchable word. */
export function buildFtsMatchExpression(query: string): string | null {
  const tokens = tokenizeSearchQuery(query);
  if (tokens.length === 0) return null;
  // A lone letter ("c", the first key typed) matches most of the database; read it as
  // "foods whose name begins with c" (FTS5 initial-token query), which is what a person
  // typing it means and several times cheaper.
  if (tokens.length === 1 && tokens[0]?.length === 1) return `^${quote(tokens[0])}`;
  const alternatives = [tokens.map(quote).join(" ")];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const merged = [...tokens.slice(0, i), `${tokens[i]}${tokens[i + 1]}`, ...tokens.slice(i + 2)];
    alternatives.push(merged.map(quote).join(" "));
  }
  if (alternatives.length === 1) return alternatives[0] ?? null;
  return alternatives.map((alternative) => `(${alternative})`).join(" OR ");
}
