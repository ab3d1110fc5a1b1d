/**
 * Evidence for docs/postgresql-design.md ("Search parity"), run on a freshly imported
 * temporary SQLite database:
 *  1. scripts/pg-groundwork/fts5-bm25.ts equals FTS5's bm25(foods_fts, 10.0, 3.0) for every
 *     row the relevance-set queries match;
 *  2. ranking in TypeScript (SQL gives the matches and the other sort keys, TypeScript adds
 *     BM25 and sorts) gives the same first page as SQLite's ORDER BY, for every case of
 *     tests/fixtures/search-relevance.json, sorted by relevance and by B12;
 *  3. with --pg: on a throwaway PostgreSQL cluster (scripts/pg-cluster.ts, psql only), a
 *     `tsvector` of the same tokens holds exactly those tokens for every food, and the
 *     query translated to `tsquery` matches the same foods as FTS5.
 *
 *   npx tsx scripts/pg-groundwork/search-parity.ts [--pg]
 *
 * Exits 1 when any page or match set differs.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client";
import { importFoodDatabase, readImportSources } from "../../db/import/import-foods";
import { buildSearchPlan } from "../../server/domain/search-query";
import { searchFoodsInput } from "../../server/schemas/foods";
import { buildSearchQuery } from "../../server/services/foods";
import { findPostgresBin, startCluster } from "../pg-cluster";
import { type Bm25Table, fts5Bm25, fts5Tokens, parsePrefixQuery } from "./fts5-bm25";

type Case = { query: string; filters?: Record<string, unknown> };
type FoodTokens = { name: string[]; keywords: string[] };

const WEIGHTS = [10, 3];
const PAGE = 50;
const EXTRA_QUERIES = [
  "oat milk",
  "soya milk",
  "wholemeal bread",
  "mince",
  "prawns",
  "courgette",
  "crème fraîche",
  "jalapeño",
  "2% milk",
  "mac and cheese",
];

const directory = mkdtempSync(path.join(tmpdir(), "b12-search-parity-"));
const db = openDatabase(path.join(directory, "b12.db"));
migrateDatabase(db);
importFoodDatabase(db, { sources: readImportSources() });
const sqlite = db.$client;

const cases = (
  JSON.parse(
    readFileSync(path.join(process.cwd(), "tests", "fixtures", "search-relevance.json"), "utf8"),
  ) as { cases: Case[] }
).cases;

const foods = sqlite.prepare("SELECT key, name, search_keywords FROM foods").all() as {
  key: number;
  name: string;
  search_keywords: string;
}[];
const tokensByKey = new Map<number, FoodTokens>(
  foods.map((food) => [
    food.key,
    { name: fts5Tokens(food.name), keywords: fts5Tokens(food.search_keywords) },
  ]),
);
const countMatching = sqlite.prepare("SELECT count(*) AS n FROM foods_fts WHERE foods_fts MATCH ?");
const matchingCache = new Map<string, number>();
const table: Bm25Table = {
  rowCount: foods.length,
  tokenCount: [...tokensByKey.values()].reduce(
    (sum, t) => sum + t.name.length + t.keywords.length,
    0,
  ),
  rowsMatching: (prefix) => {
    let n = matchingCache.get(prefix);
    if (n === undefined) {
      n = (countMatching.get(`"${prefix}"*`) as { n: number }).n;
      matchingCache.set(prefix, n);
    }
    return n;
  },
};
const bm25Of = (match: string, key: number) => {
  const tokens = tokensByKey.get(key) as FoodTokens;
  return fts5Bm25(parsePrefixQuery(match), [tokens.name, tokens.keywords], WEIGHTS, table);
};

// 1. The score itself.
let rows = 0;
let identical = 0;
let worst = 0;
const queries = [...new Set([...cases.map((c) => c.query), ...EXTRA_QUERIES])];
for (const query of queries) {
  const plan = buildSearchPlan(query);
  if (!plan || plan.lettersOnly) continue;
  const hits = sqlite
    .prepare(
      "SELECT rowid AS key, bm25(foods_fts, 10.0, 3.0) AS score FROM foods_fts WHERE foods_fts MATCH ?",
    )
    .all(plan.match) as { key: number; score: number }[];
  for (const hit of hits) {
    const difference = Math.abs(bm25Of(plan.match, hit.key) - hit.score);
    rows += 1;
    if (difference === 0) identical += 1;
    worst = Math.max(worst, difference);
  }
}
console.log(
  `bm25: ${rows} matched rows over ${queries.length} queries; ${identical} bit-identical; largest difference ${worst.toExponential(2)}`,
);

// 2. The order of the first page, ranked in TypeScript.
let pages = 0;
const differentPages: string[] = [];
for (const testCase of cases) {
  for (const sort of ["relevance", "b12"] as const) {
    const input = searchFoodsInput.parse({
      query: testCase.query,
      ...testCase.filters,
      sort,
      limit: PAGE,
    });
    const statement = buildSearchQuery("local", input);
    const plan = buildSearchPlan(testCase.query);
    if (!statement || !plan) continue;
    const expected = (
      sqlite.prepare(statement.sqlText).all(statement.params) as { id: string }[]
    ).map((row) => row.id);
    // The same statement with BM25 left out and no page limit: matches and the other keys.
    const unranked = statement.sqlText
      .replace("bm25(foods_fts, 10.0, 3.0)", "0")
      .replace(/^SELECT [\s\S]*? FROM \(/, "SELECT hit.*, f.id AS food_id FROM (");
    const candidates = sqlite
      .prepare(unranked)
      .all({ ...statement.params, limit: 1_000_000, offset: 0 }) as Record<
      string,
      number | string
    >[];
    const keyCount = Object.keys(candidates[0] ?? {}).filter((name) => /^k\d+$/.test(name)).length;
    const ranked = candidates.map((row) => {
      const keys = Array.from({ length: keyCount }, (_, index) => Number(row[`k${index}`]));
      // Sort keys end with [bm25, length(name), key] unless the query is single letters.
      if (!plan.lettersOnly) keys[keyCount - 3] = bm25Of(plan.match, keys[keyCount - 1] as number);
      return { id: String(row.food_id), keys };
    });
    ranked.sort((a, b) => {
      for (let index = 0; index < keyCount; index += 1) {
        const difference = (a.keys[index] as number) - (b.keys[index] as number);
        if (difference !== 0) return difference < 0 ? -1 : 1;
      }
      return 0;
    });
    const got = ranked.slice(0, PAGE + 1).map((row) => row.id);
    pages += 1;
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      differentPages.push(`${testCase.query} (${sort})`);
    }
  }
}
console.log(
  `order: ${pages} first pages of ${PAGE + 1}: ${pages - differentPages.length} identical${differentPages.length ? `; different: ${differentPages.join(", ")}` : ""}`,
);

// 3. PostgreSQL matching.
async function comparePostgresMatching(): Promise<string[]> {
  const tsv = path.join(directory, "tokens.tsv");
  writeFileSync(
    tsv,
    `${foods
      .map((food) => {
        const tokens = tokensByKey.get(food.key) as FoodTokens;
        return `${food.key}\t${[...tokens.name, ...tokens.keywords].join(" ")}`;
      })
      .join("\n")}\n`,
  );
  const cluster = await startCluster();
  const psqlBin = path.join(findPostgresBin(), "psql");
  const psql = (sqlText: string) =>
    execFileSync(psqlBin, ["-XAtq", cluster.url, "-c", sqlText], { encoding: "utf8" }).trim();
  try {
    psql("CREATE TABLE foods (key integer PRIMARY KEY, search_tokens text NOT NULL)");
    psql(`\\copy foods FROM '${tsv}'`);
    psql(`ALTER TABLE foods ADD COLUMN search_document tsvector
      GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED`);
    psql("CREATE INDEX foods_search_document_idx ON foods USING gin (search_document)");
    const lexemesDiffer = psql(`SELECT count(*) FROM foods f WHERE
      (SELECT coalesce(array_agg(lexeme ORDER BY lexeme), '{}') FROM unnest(f.search_document))
      IS DISTINCT FROM
      (SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}')
         FROM unnest(string_to_array(f.search_tokens, ' ')) t WHERE t <> '')`);
    console.log(
      `postgres: ${psql("SELECT count(*) FROM foods")} foods; tsvector lexemes differing from the tokens: ${lexemesDiffer}`,
    );
    const differing: string[] = lexemesDiffer === "0" ? [] : ["lexemes"];
    let compared = 0;
    for (const query of queries) {
      const plan = buildSearchPlan(query);
      if (!plan || plan.match.startsWith("^")) continue;
      const tsquery = plan.match
        .replace(/"([^"]+)"\*/g, "$1:*")
        .replaceAll(" AND ", " & ")
        .replaceAll(" OR ", " | ");
      const fromSqlite = (
        sqlite
          .prepare("SELECT rowid AS key FROM foods_fts WHERE foods_fts MATCH ? ORDER BY rowid")
          .all(plan.match) as {
          key: number;
        }[]
      )
        .map((row) => row.key)
        .join(",");
      const fromPostgres = psql(
        `SELECT coalesce(string_agg(key::text, ',' ORDER BY key), '') FROM foods
         WHERE search_document @@ to_tsquery('simple', '${tsquery.replaceAll("'", "''")}')`,
      );
      compared += 1;
      if (fromSqlite !== fromPostgres) differing.push(query);
    }
    console.log(
      `postgres: match sets of ${compared} queries: ${compared - differing.filter((q) => q !== "lexemes").length} identical to FTS5`,
    );
    return differing;
  } finally {
    cluster.stop();
  }
}

async function main(): Promise<number> {
  let failed = differentPages.length > 0;
  if (process.argv.includes("--pg")) {
    const differing = await comparePostgresMatching();
    if (differing.length > 0) {
      console.log(`postgres: different: ${differing.join(", ")}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    sqlite.close();
    rmSync(directory, { recursive: true, force: true });
    process.exit(code);
  })
  .catch((error: Error) => {
    console.error(error);
    rmSync(directory, { recursive: true, force: true });
    process.exit(1);
  });
