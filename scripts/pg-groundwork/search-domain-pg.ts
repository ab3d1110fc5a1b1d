/**
 * The pure search modules (server/domain/search-tokens.ts, search-expression.ts,
 * search-tsquery.ts) on a throwaway PostgreSQL cluster (scripts/pg-cluster.ts, psql only):
 * does the `tsquery` they write, run against a `tsvector` of the tokens they store, match
 * the same foods as FTS5? For every query of tests/fixtures/search-relevance.json and
 * tests/integration/search-order.test.ts plus some odd ones, strict and relaxed form, on
 * the imported foods plus a few rows with characters where NFKD and FTS5 disagree.
 *
 * Also prints what the design leans on: `array_to_tsvector(string_to_array(tokens, ' '))`
 * holds exactly the tokens, `to_tsvector('simple', …)` does not always; `$1::tsquery`
 * and `to_tsquery('simple', $1)` on these queries; the `^"c"*` first-token condition; and
 * that `<->` on a tsvector without positions matches nothing, hence phrases as `&`; and that
 * letters-only searches, ranked and paged in SQL alone, give SQLite's first page.
 *
 *   npx tsx scripts/pg-groundwork/search-domain-pg.ts
 *
 * Exits 1 when a match set differs from FTS5's.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase, openDatabase } from "../../db/client";
import { importFoodDatabase, readImportSources } from "../../db/import/import-foods";
import { matchesFtsExpression } from "../../server/domain/search-expression";
import { buildSearchPlan } from "../../server/domain/search-query";
import { HEAD_TIER_WEIGHT, headPattern } from "../../server/domain/search-ranking";
import { foodSearchTokens, splitFoodSearchTokens } from "../../server/domain/search-tokens";
import { toPostgresMatch } from "../../server/domain/search-tsquery";
import { searchFoodsInput } from "../../server/schemas/foods";
import { buildSearchQuery } from "../../server/services/foods";
import { findPostgresBin, startCluster } from "../pg-cluster";

const EXTRA_ROWS: [string, string][] = [
  ["Φέτα, ελληνική", "feta"],
  ["寿司 (sushi), 日本茶", ""],
  ["Crème fraîche, ½ fat", "creme fraiche"],
  ["Ǆemal ﬁsh, \ue000private, x\u0378y", "ª ² ĳ"],
  ["Straße œuf, B12 2.4 µg", "hard-boiled o'brien"],
];
const EXTRA_QUERIES = [
  "φέτα",
  "Φέτα",
  "寿司",
  "crème",
  "ǆemal",
  "µg",
  "straße",
  "œuf",
  "o'brien",
  "hard boiled",
  "oat milk",
  "wholemeal bread",
  "2% milk",
  "c",
  "z",
  "é",
];

const directory = mkdtempSync(path.join(tmpdir(), "b12-search-domain-pg-"));

async function main(): Promise<number> {
  const started = Date.now();
  const appDb = openDatabase(path.join(directory, "b12.db"));
  migrateDatabase(appDb);
  importFoodDatabase(appDb, { sources: readImportSources() });
  const foods = [
    ...(appDb.$client
      .prepare("SELECT key, name, search_keywords, search_heads, search_prior FROM foods")
      .all() as {
      key: number;
      name: string;
      search_keywords: string;
      search_heads: string;
      search_prior: number;
    }[]),
  ];
  const importedMaxKey = Math.max(...foods.map((food) => food.key));
  // The first page of letters-only searches as the app's SQL gives it, for step 4 below.
  const letterQueries = ["c", "z", "a b", "b c"];
  const sqlitePages = letterQueries.map((query) => {
    const statement = buildSearchQuery("local", searchFoodsInput.parse({ query, limit: 50 }));
    if (!statement) throw new Error(`no statement for ${query}`);
    const ids = (
      appDb.$client.prepare(statement.sqlText).all(statement.params) as { id: string }[]
    ).map((row) => row.id);
    return ids
      .map((id) => appDb.$client.prepare("SELECT key FROM foods WHERE id = ?").pluck().get(id))
      .join(",");
  });
  appDb.$client.close();
  let nextKey = importedMaxKey + 1;
  for (const [name, keywords] of EXTRA_ROWS) {
    foods.push({
      key: nextKey,
      name,
      search_keywords: keywords,
      search_heads: "",
      search_prior: 0,
    });
    nextKey += 1;
  }

  // FTS5 as the food index is configured, over the same rows.
  const fts = new Database(":memory:");
  fts.exec(`CREATE VIRTUAL TABLE foods_fts USING fts5(name, search_keywords,
    tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`);
  const insert = fts.prepare(
    "INSERT INTO foods_fts(rowid, name, search_keywords) VALUES (?, ?, ?)",
  );
  fts.transaction(() => {
    for (const food of foods) insert.run(food.key, food.name, food.search_keywords);
  })();
  const stored = new Map(
    foods.map((food) => [food.key, foodSearchTokens(food.name, food.search_keywords)]),
  );

  const cases = (
    JSON.parse(
      readFileSync(path.join(process.cwd(), "tests", "fixtures", "search-relevance.json"), "utf8"),
    ) as { cases: { query: string }[] }
  ).cases;
  const orderQueries = ["cheese", "c", "soy milk", "milk", "cereal", "beef ground cooked", "liver"];
  const queries = [
    ...new Set([
      ...cases.map((c) => c.query),
      ...orderQueries,
      "a b",
      "yogurt plain",
      "porridge",
      ...EXTRA_QUERIES,
    ]),
  ];
  const matches = queries.flatMap((query) => {
    const plan = buildSearchPlan(query);
    return plan ? [plan.match, ...(plan.relaxedMatch ? [plan.relaxedMatch] : [])] : [];
  });

  const tsv = path.join(directory, "tokens.tsv");
  const copyText = (text: string) =>
    text.replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n");
  writeFileSync(
    tsv,
    `${foods
      .map((food) => {
        const s = stored.get(food.key) as { tokens: string; nameTokenCount: number };
        return [
          food.key,
          s.tokens,
          s.nameTokenCount,
          copyText(food.name),
          copyText(food.search_heads),
          food.search_prior,
        ].join("\t");
      })
      .join("\n")}\n`,
  );
  const sqlFile = path.join(directory, "queries.sql");
  const cluster = await startCluster({ database: "search" });
  const psqlBin = path.join(findPostgresBin(), "psql");
  const psql = (args: string[]) =>
    execFileSync(psqlBin, ["-XAtq", "-v", "ON_ERROR_STOP=1", cluster.url, ...args], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    }).trim();
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  let failed = false;
  try {
    console.log(`postgres: ${psql(["-c", "SELECT version()"])}`);
    console.log(`postgres: server_encoding ${psql(["-c", "SHOW server_encoding"])}`);
    psql([
      "-c",
      `CREATE TABLE foods (key integer PRIMARY KEY, search_tokens text NOT NULL,
         search_name_tokens integer NOT NULL, name text NOT NULL, search_heads text NOT NULL,
         search_prior integer NOT NULL)`,
    ]);
    psql(["-c", `\\copy foods FROM '${tsv}'`]);
    psql([
      "-c",
      `ALTER TABLE foods ADD COLUMN search_document tsvector GENERATED ALWAYS AS
         (array_to_tsvector(string_to_array(search_tokens, ' '))) STORED`,
    ]);
    psql(["-c", "CREATE INDEX foods_search_document_idx ON foods USING gin (search_document)"]);
    const lexemeCheck = (document: string) =>
      psql([
        "-c",
        `SELECT count(*) FROM foods f WHERE
          (SELECT coalesce(array_agg(lexeme ORDER BY lexeme), '{}') FROM unnest(${document}))
          IS DISTINCT FROM
          (SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}')
             FROM unnest(string_to_array(f.search_tokens, ' ')) t)`,
      ]);
    const arrayDiffer = lexemeCheck("f.search_document");
    const parsedDiffer = lexemeCheck("to_tsvector('simple', f.search_tokens)");
    console.log(
      `postgres: ${psql(["-c", "SELECT count(*) FROM foods"])} rows; lexemes differing from the stored tokens: array_to_tsvector ${arrayDiffer}, to_tsvector('simple') ${parsedDiffer}`,
    );
    if (arrayDiffer !== "0") failed = true;

    // One psql run for all statements: per expression, the cast and the to_tsquery form.
    const statements: string[] = [];
    const translated = matches.map((match) => toPostgresMatch(match));
    for (const pg of translated) {
      if (pg.tsquery === null) {
        statements.push("SELECT '', ''");
        continue;
      }
      const first =
        pg.firstTokenPrefix === null
          ? "true"
          : `((search_name_tokens > 0 AND split_part(search_tokens, ' ', 1) ^@ ${quote(pg.firstTokenPrefix)})
             OR split_part(search_tokens, ' ', search_name_tokens + 1) ^@ ${quote(pg.firstTokenPrefix)})`;
      statements.push(
        `SELECT coalesce((SELECT string_agg(key::text, ',' ORDER BY key) FROM foods
            WHERE search_document @@ ${quote(pg.tsquery)}::tsquery AND ${first}), ''),
          coalesce((SELECT string_agg(key::text, ',' ORDER BY key) FROM foods
            WHERE search_document @@ to_tsquery('simple', ${quote(pg.tsquery)}) AND ${first}), '')`,
      );
    }
    writeFileSync(sqlFile, `${statements.join(";\n")};\n`);
    const lines = psql(["-P", "fieldsep=|", "-f", sqlFile]).split("\n");
    if (lines.length !== matches.length) throw new Error(`${lines.length} result lines`);
    const differing: string[] = [];
    let castSame = 0;
    let toTsquerySame = 0;
    matches.forEach((match, index) => {
      const [cast = "", parsed = ""] = (lines[index] as string).split("|");
      const fromFts5 = (
        fts
          .prepare("SELECT rowid FROM foods_fts WHERE foods_fts MATCH ? ORDER BY rowid")
          .pluck()
          .all(match) as number[]
      ).join(",");
      // The exact decision on the candidates, as the PostgreSQL service would make it.
      const expression = translated[index]?.expression;
      const exact = cast
        .split(",")
        .filter(Boolean)
        .map(Number)
        .filter((key) => {
          const columns = splitFoodSearchTokens(stored.get(key) as never);
          return expression && matchesFtsExpression(expression, [columns.name, columns.keywords]);
        })
        .join(",");
      if (cast === fromFts5) castSame += 1;
      if (parsed === fromFts5) toTsquerySame += 1;
      if (exact !== fromFts5) differing.push(match);
    });
    console.log(
      `postgres: ${matches.length} expressions (${queries.length} queries, strict and relaxed): tsquery cast gives FTS5's rows for ${castSame}, to_tsquery('simple') for ${toTsquerySame}, cast + matchesFtsExpression for ${matches.length - differing.length}`,
    );
    if (differing.length > 0) {
      console.log(`postgres: different: ${differing.join("; ")}`);
      failed = true;
    }

    // A phrase on a tsvector without positions: `<->` finds nothing, `&` a superset.
    const phraseMatch = '"egg white"*';
    const phrase = toPostgresMatch(phraseMatch);
    const phraseCount = (tsquery: string) =>
      psql([
        "-c",
        `SELECT count(*) FROM foods WHERE search_document @@ ${quote(tsquery)}::tsquery`,
      ]);
    const andKeys = psql([
      "-c",
      `SELECT string_agg(key::text, ',') FROM foods WHERE search_document @@ ${quote(phrase.tsquery as string)}::tsquery`,
    ])
      .split(",")
      .map(Number);
    const exactCount = andKeys.filter((key) => {
      const columns = splitFoodSearchTokens(stored.get(key) as never);
      return matchesFtsExpression(phrase.expression, [columns.name, columns.keywords]);
    }).length;
    const phraseFts5 = fts
      .prepare("SELECT count(*) FROM foods_fts WHERE foods_fts MATCH ?")
      .pluck()
      .get(phraseMatch);
    console.log(
      `postgres: ${phraseMatch}: FTS5 ${phraseFts5} rows; 'egg' <-> 'white':* ${phraseCount("'egg' <-> 'white':*")}; ${phrase.tsquery} ${andKeys.length}, of which matchesFtsExpression keeps ${exactCount}`,
    );
    if (Number(phraseFts5) !== exactCount) failed = true;
    const parsedDifferent = psql([
      "-c",
      `SELECT string_agg(search_tokens, ' / ') FROM foods
       WHERE (SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(to_tsvector('simple', search_tokens)))
         IS DISTINCT FROM (SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(search_document))`,
    ]);
    console.log(`postgres: rows to_tsvector('simple') reads differently: ${parsedDifferent}`);
    // 4. Letters-only searches ranked and paged in SQL alone (no BM25 in their order).
    letterQueries.forEach((query, index) => {
      const plan = buildSearchPlan(query);
      if (!plan) throw new Error(`no plan for ${query}`);
      const pg = toPostgresMatch(plan.match);
      if (!pg.exact || pg.tsquery === null) throw new Error(`${query}: not exact`);
      const heads = (list: string[]) =>
        list
          .map((phrase) => `strpos(search_heads, ${quote(headPattern(phrase))}) > 0`)
          .join(" OR ");
      const tier =
        plan.phrases.length + plan.words.length === 0
          ? "0"
          : `CASE ${plan.phrases.length ? `WHEN ${heads(plan.phrases)} THEN 0 ` : ""}${
              plan.words.length ? `WHEN ${heads(plan.words)} THEN 1 ` : ""
            }ELSE 2 END`;
      const first =
        pg.firstTokenPrefix === null
          ? "true"
          : `((search_name_tokens > 0 AND split_part(search_tokens, ' ', 1) ^@ ${quote(pg.firstTokenPrefix)})
             OR split_part(search_tokens, ' ', search_name_tokens + 1) ^@ ${quote(pg.firstTokenPrefix)})`;
      const page = psql([
        "-c",
        `SELECT coalesce(string_agg(key::text, ',' ORDER BY n), '') FROM (
           SELECT key, row_number() OVER (ORDER BY (${tier}) * ${HEAD_TIER_WEIGHT} + search_prior,
             length(name), key) AS n
           FROM foods WHERE key <= ${importedMaxKey}
             AND search_document @@ ${quote(pg.tsquery)}::tsquery AND ${first}
           ORDER BY (${tier}) * ${HEAD_TIER_WEIGHT} + search_prior, length(name), key LIMIT 51) p`,
      ]);
      const same = page === sqlitePages[index];
      if (!same) failed = true;
      console.log(
        `postgres: letters-only "${query}" ranked in SQL: first page ${same ? "identical to" : "DIFFERENT from"} SQLite's (${page === "" ? 0 : page.split(",").length} rows)`,
      );
    });
  } finally {
    cluster.stop();
    fts.close();
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    rmSync(directory, { recursive: true, force: true });
    process.exit(code);
  })
  .catch((error: Error) => {
    console.error(error);
    rmSync(directory, { recursive: true, force: true });
    process.exit(1);
  });
