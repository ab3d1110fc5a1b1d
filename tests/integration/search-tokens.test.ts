/**
 * The TypeScript tokenizer and BM25 (server/domain/search-tokens.ts, search-bm25.ts)
 * against SQLite's FTS5 itself, on in-memory FTS5 tables configured as the food index
 * (db/migrations/0001_foods_fts.sql): every code point of the Basic Multilingual Plane and a
 * sample of the others, the hand-written tokenizer cases, and the hand-worked BM25 corpus.
 * Fails when a better-sqlite3 upgrade brings an FTS5 that tokenizes differently: then run
 * scripts/generate-search-tokens-table.ts.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { bm25CorpusOf, fts5Bm25 } from "@/server/domain/search-bm25";
import { matchesFtsExpression, parseFtsExpression } from "@/server/domain/search-expression";
import { searchTokens } from "@/server/domain/search-tokens";
import { MEASURED_SQLITE_VERSION } from "@/server/domain/search-tokens-table";
import { TINY_CORPUS, TINY_QUERIES } from "../search-bm25-corpus";
import { TOKEN_CASES } from "../search-token-cases";

const db = new Database(":memory:");
afterAll(() => db.close());

/** What FTS5 stores for each text, as token lists. */
function fts5Tokens(texts: readonly string[]): string[][] {
  db.exec(`DROP TABLE IF EXISTS t; DROP TABLE IF EXISTS v;
    CREATE VIRTUAL TABLE t USING fts5(a, tokenize="unicode61 remove_diacritics 2");
    CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  const insert = db.prepare("INSERT INTO t(rowid, a) VALUES (?, ?)");
  db.transaction(() => {
    for (const [index, text] of texts.entries()) insert.run(index + 1, text);
  })();
  const tokens = texts.map((): string[] => []);
  const rows = db.prepare("SELECT doc, term FROM v ORDER BY doc, offset").all() as {
    doc: number;
    term: string;
  }[];
  for (const row of rows) tokens[row.doc - 1]?.push(row.term);
  return tokens;
}

describe("the tokenizer against FTS5", () => {
  it("was measured on this SQLite", () => {
    const version = (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
    expect(version).toBe(MEASURED_SQLITE_VERSION);
  });

  it("tokenizes every code point of the BMP and a sample of the rest as FTS5 does", () => {
    const texts: string[] = [];
    const sample = (cp: number) => cp <= 0xffff || cp % 97 === 0 || (cp & 0xffff) >= 0xfffe;
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if ((cp < 0xd800 || cp > 0xdfff) && sample(cp)) {
        const c = String.fromCodePoint(cp);
        // Inside a word, starting one and ending one.
        texts.push(`x${c}y ${c}z q${c}`);
      }
    }
    const expected = fts5Tokens(texts);
    const differing = texts.filter(
      (text, index) => searchTokens(text).join(" ") !== expected[index]?.join(" "),
    );
    expect(texts.length).toBeGreaterThan(70_000);
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it("agrees on the hand-written cases", () => {
    const expected = fts5Tokens(TOKEN_CASES.map(([text]) => text));
    expect(TOKEN_CASES.map(([, tokens]) => tokens)).toEqual(expected);
  });
});

describe("BM25 against FTS5 on the hand-worked corpus", () => {
  it("matches the same rows and gives the same scores", () => {
    db.exec(`DROP TABLE IF EXISTS tiny;
      CREATE VIRTUAL TABLE tiny USING fts5(name, search_keywords,
        tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`);
    const insert = db.prepare("INSERT INTO tiny(rowid, name, search_keywords) VALUES (?, ?, ?)");
    for (const [index, [name, keywords]] of TINY_CORPUS.entries()) {
      insert.run(index + 1, name, keywords);
    }
    const rows = TINY_CORPUS.map(([name, keywords]) => [
      searchTokens(name),
      searchTokens(keywords),
    ]);
    for (const match of TINY_QUERIES) {
      const fromSqlite = db
        .prepare(
          "SELECT rowid, bm25(tiny, 10.0, 3.0) AS score FROM tiny WHERE tiny MATCH ? ORDER BY rowid",
        )
        .all(match) as { rowid: number; score: number }[];
      const expression = parseFtsExpression(match);
      const corpus = bm25CorpusOf(expression, rows);
      const fromTypeScript = rows
        .map((columns, index) => ({ rowid: index + 1, columns }))
        .filter((row) => matchesFtsExpression(expression, row.columns))
        .map((row) => ({ rowid: row.rowid, score: fts5Bm25(expression, row.columns, corpus) }));
      expect(
        fromTypeScript.map((row) => row.rowid),
        match,
      ).toEqual(fromSqlite.map((row) => row.rowid));
      fromTypeScript.forEach((row, index) => {
        const expected = fromSqlite[index]?.score as number;
        expect(Math.abs(row.score - expected) / Math.abs(expected), match).toBeLessThan(1e-12);
      });
    }
  });
});
