/**
 * foods.search on PostgreSQL (issue 17; docs/postgresql-design.md, "5. Search parity"):
 * the same foods in the same order as SQLite's FTS5 search (server/services/foods.ts,
 * buildSearchQuery), from the pure pieces in server/domain/search-tsquery.ts.
 *
 * - The FTS5 expression of buildSearchPlan() becomes a `tsquery` on the generated
 *   `foods.search_document` (GIN index; db/migrations-pg), which returns every row FTS5
 *   matches and perhaps a few more (a phrase's word order, `^`).
 * - A single-letters search ("c", "a b": no BM25 in its order) whose tsquery is exact is
 *   filtered, sorted and paged in SQL alone: head tier via `strpos`, prior,
 *   `char_length(name)` (code points, as SQLite's length()), key.
 * - Any other search reads its candidates' sort fields and stored tokens, and the index's
 *   figures BM25 needs (rows, tokens, and each phrase's row count over the whole table,
 *   every owner's foods, as FTS5 counts them), then rankSearchCandidates() keeps the rows
 *   FTS5 would match, scores and sorts them; the page is a slice.
 * The caller fetches the page's wide rows by key.
 */
import type { AppDatabase } from "../../db/dialect";
import { rawAll } from "../../db/raw";
import type { Bm25Corpus } from "../domain/search-bm25";
import { buildSearchPlan, type SearchPlan } from "../domain/search-query";
import { HEAD_TIER_WEIGHT, headPattern } from "../domain/search-ranking";
import { phraseTsqueries, rankSearchCandidates, toPostgresMatch } from "../domain/search-tsquery";
import type { SearchFoodsInput } from "../schemas/foods";

/** One page of matches: food keys in order (up to limit + 1, to tell whether more follow). */
export type SearchKeysPage = {
  keys: number[];
  /** Whether any food visible to the owner (after the filters) matches at all. */
  anyMatch: boolean;
};

type CandidateRow = {
  /** search_corpus.version, read by the same statement (the same snapshot). */
  corpus_version: number;
  key: number;
  name: string;
  search_heads: string;
  search_prior: number;
  b12_per_100g: number | null;
  search_tokens: string;
  search_name_tokens: number;
};

type Params = Record<string, unknown>;

/** The owner, diet, fortified and group conditions (PostgreSQL text), parameters set in `params`. */
export function searchFiltersPg(ownerId: string, input: SearchFoodsInput, params: Params) {
  params.owner = ownerId;
  const filters = ["(f.owner_id IS NULL OR f.owner_id = :owner)"];
  if (input.diet === "vegan") filters.push(`coalesce(o.diet, f.diet) = 'vegan'`);
  if (input.diet === "vegetarian")
    filters.push(`coalesce(o.diet, f.diet) IN ('vegan', 'vegetarian')`);
  if (input.fortifiedOnly) filters.push("f.b12_fortified");
  if (input.group) {
    params.group = input.group;
    filters.push("f.group_code = :group");
  }
  const dietJoin =
    input.diet === "vegan" || input.diet === "vegetarian"
      ? "LEFT JOIN diet_overrides o ON o.food_id = f.id AND o.owner_id = :owner"
      : "";
  return { filters, dietJoin };
}

/**
 * The page of food keys for a text search (not an NDB number), strict or `relaxed` (any
 * word); null when the query has no such expression (no searchable word, or no relaxed
 * form), as buildSearchQuery() returns null.
 */
export async function searchFoodKeysPg(
  db: AppDatabase,
  ownerId: string,
  input: SearchFoodsInput,
  options: { relaxed?: boolean } = {},
): Promise<SearchKeysPage | null> {
  const plan = buildSearchPlan(input.query);
  if (plan === null) return null;
  const match = options.relaxed ? plan.relaxedMatch : plan.match;
  if (match === null) return null;
  const postgres = toPostgresMatch(match);
  if (postgres.tsquery === null) return { keys: [], anyMatch: false };

  const params: Params = { query: postgres.tsquery };
  const { filters, dietJoin } = searchFiltersPg(ownerId, input, params);
  const conditions = ["f.search_document @@ :query::tsquery"];
  if (postgres.firstTokenPrefix !== null) {
    params.prefix = postgres.firstTokenPrefix;
    conditions.push(
      `((f.search_name_tokens > 0 AND split_part(f.search_tokens, ' ', 1) ^@ :prefix)
        OR split_part(f.search_tokens, ' ', f.search_name_tokens + 1) ^@ :prefix)`,
    );
  }
  const where = [...conditions, ...filters].join(" AND ");
  const offset = input.cursor ?? 0;

  if (plan.lettersOnly && postgres.exact) {
    return await lettersOnlyPage(db, plan, input, params, dietJoin, where, offset);
  }

  const phraseQueries = phraseTsqueries(postgres.expression);
  const candidates = await rawAll<CandidateRow>(
    db,
    `SELECT (SELECT version FROM search_corpus WHERE id = 1) AS corpus_version,
            f.key, f.name, f.search_heads, f.search_prior, f.b12_per_100g,
            f.search_tokens, f.search_name_tokens
       FROM foods f ${dietJoin}
      WHERE ${where}`,
    params,
  );
  const version = candidates[0]?.corpus_version;
  const corpus =
    plan.lettersOnly || version === undefined
      ? null
      : await indexFigures(db, Number(version), phraseQueries);
  const ranked = rankSearchCandidates(
    candidates.map((row) => ({
      key: row.key,
      name: row.name,
      searchHeads: row.search_heads,
      searchPrior: row.search_prior,
      b12PerHundredGrams: row.b12_per_100g,
      searchTokens: row.search_tokens,
      searchNameTokens: row.search_name_tokens,
    })),
    plan,
    postgres.expression,
    corpus ?? { rowCount: 1, tokenCount: 1, phraseRowCounts: phraseQueries.map(() => 0) },
    input.sort,
  );
  return {
    keys: ranked.slice(offset, offset + input.limit + 1).map((candidate) => candidate.key),
    anyMatch: ranked.length > 0,
  };
}

/** The index's figures cached under one `search_corpus.version` (db/migrations-pg/0002). */
type CorpusCache = {
  version: number;
  rowCount: number;
  tokenCount: number;
  /** Foods holding each phrase's tsquery, by the tsquery's text. */
  phraseRows: Map<string, number>;
};
/** Per database (pool); only the newest version is kept. */
const corpusCaches = new WeakMap<object, CorpusCache>();
/** More distinct phrases than this and the counts start again (a bound on memory). */
const MAX_CACHED_PHRASES = 20_000;

/**
 * What BM25 needs of the whole index: how many foods, how many tokens, and how many foods
 * hold each phrase (every owner's foods: FTS5 counts them all). Counting means reading
 * every food, so the figures are cached per database under `search_corpus.version`, which
 * moves (by trigger, in the writing transaction) whenever foods are added, removed or
 * re-tokenized. The version comes with the candidates (read before the figures), so
 * figures cached under it are never older than it.
 */
export async function indexFigures(
  db: AppDatabase,
  version: number,
  phraseQueries: readonly (string | null)[],
): Promise<Bm25Corpus> {
  let cache = corpusCaches.get(db);
  if (cache?.version !== version || cache.phraseRows.size > MAX_CACHED_PHRASES) {
    cache = cache?.version === version ? { ...cache, phraseRows: new Map() } : undefined;
  }
  const missing = [
    ...new Set(
      phraseQueries.filter(
        (tsquery): tsquery is string => tsquery !== null && !cache?.phraseRows.has(tsquery),
      ),
    ),
  ];
  if (cache === undefined || missing.length > 0) {
    const params: Params = {};
    const counts = missing.map((tsquery, index) => {
      params[`p${index}`] = tsquery;
      return `count(*) FILTER (WHERE search_document @@ :p${index}::tsquery) AS c${index}`;
    });
    const totals =
      cache === undefined
        ? [
            "count(*) AS row_count",
            "coalesce(sum(array_length(string_to_array(search_tokens, ' '), 1)), 0) AS token_count",
          ]
        : [];
    const row = (
      await rawAll<Record<string, number>>(
        db,
        `SELECT ${[...totals, ...counts].join(", ")} FROM foods`,
        params,
      )
    )[0] as Record<string, number>;
    cache ??= {
      version,
      rowCount: Number(row.row_count),
      tokenCount: Number(row.token_count),
      phraseRows: new Map(),
    };
    for (const [index, tsquery] of missing.entries()) {
      cache.phraseRows.set(tsquery, Number(row[`c${index}`]));
    }
    corpusCaches.set(db, cache);
  }
  const figures = cache;
  return {
    rowCount: figures.rowCount,
    tokenCount: figures.tokenCount,
    phraseRowCounts: phraseQueries.map((tsquery) =>
      tsquery === null ? 0 : (figures.phraseRows.get(tsquery) ?? 0),
    ),
  };
}

/**
 * The head tier as SQL (0: a phrase of the query is a head of the food's name, 1: a word
 * is, 2: neither), each head's pattern bound as a parameter; `contains` says "the heads hold
 * this parameter" in the dialect (SQLite `instr`, PostgreSQL `strpos`).
 */
export function headTierSql(
  plan: SearchPlan,
  params: Record<string, unknown>,
  contains: (parameter: string) => string,
): string {
  const tests = (names: readonly string[], prefix: string) =>
    names.map((phrase, index) => {
      params[`${prefix}${index}`] = headPattern(phrase);
      return contains(`${prefix}${index}`);
    });
  const phraseTests = tests(plan.phrases, "phrase");
  const wordTests = tests(plan.words, "word");
  if (phraseTests.length + wordTests.length === 0) return "0";
  return `CASE ${phraseTests.length > 0 ? `WHEN ${phraseTests.join(" OR ")} THEN 0 ` : ""}${
    wordTests.length > 0 ? `WHEN ${wordTests.join(" OR ")} THEN 1 ` : ""
  }ELSE 2 END`;
}

/** A single-letters search filtered, sorted and paged in SQL (no BM25 in its order). */
async function lettersOnlyPage(
  db: AppDatabase,
  plan: SearchPlan,
  input: SearchFoodsInput,
  params: Params,
  dietJoin: string,
  where: string,
  offset: number,
): Promise<SearchKeysPage> {
  const tier = headTierSql(plan, params, (name) => `strpos(f.search_heads, :${name}) > 0`);
  const order = [
    ...(input.sort === "b12" ? ["f.b12_per_100g IS NULL", "-f.b12_per_100g"] : []),
    `${tier} * ${HEAD_TIER_WEIGHT} + f.search_prior`,
    "char_length(f.name)",
    "f.key",
  ];
  params.limit = input.limit + 1;
  params.offset = offset;
  const rows = await rawAll<{ key: number }>(
    db,
    `SELECT f.key FROM foods f ${dietJoin} WHERE ${where}
      ORDER BY ${order.join(", ")} LIMIT :limit OFFSET :offset`,
    params,
  );
  let anyMatch = rows.length > 0;
  if (!anyMatch && offset > 0) {
    anyMatch =
      (await rawAll(db, `SELECT 1 FROM foods f ${dietJoin} WHERE ${where} LIMIT 1`, params))
        .length > 0;
  }
  return { keys: rows.map((row) => row.key), anyMatch };
}
