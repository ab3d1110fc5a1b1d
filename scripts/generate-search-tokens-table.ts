/**
 * Writes server/domain/search-tokens-table.ts: how SQLite's FTS5 tokenizer, as the food
 * index configures it (`unicode61 remove_diacritics 2`, db/migrations/0001_foods_fts.sql),
 * treats every Unicode code point, measured on the SQLite that better-sqlite3 bundles.
 *
 * unicode61 works one code point at a time: a code point is a separator, or a token
 * character that folds (case and diacritics) to one code point or to nothing. Its tables
 * are SQLite's own (an older Unicode version than V8's, unassigned code points count as
 * token characters), so neither NFKD nor JavaScript's toLowerCase() reproduce it: measured
 * here, they differ on 837,285 code points, including "ª", "²", "½", "ĳ", Greek accents
 * (kept by FTS5) and Arabic letters with hamza. The table makes the TypeScript tokenizer
 * (server/domain/search-tokens.ts) the same function as FTS5's, for PostgreSQL (issue 17).
 *
 * Method: one FTS5 row "x<c>y" per code point c (surrogates excluded), read back through
 * fts5vocab('instance'): tokens "x" and "y" mean c separates; one token "x<f>y" means c
 * folds to f (f may be empty). About 20 s.
 *
 *   npx tsx scripts/generate-search-tokens-table.ts
 *
 * Re-run after a better-sqlite3 upgrade; tests/integration/search-tokens.test.ts compares
 * the table with the running SQLite on every code point of the Basic Multilingual Plane.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const hex = (n: number) => n.toString(16);

function measure() {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize="unicode61 remove_diacritics 2");
    CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  const insert = db.prepare("INSERT INTO t(rowid, a) VALUES (?, ?)");
  const codePoints: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp += 1) if (cp < 0xd800 || cp > 0xdfff) codePoints.push(cp);
  db.transaction(() => {
    for (const cp of codePoints) insert.run(cp + 1, `x${String.fromCodePoint(cp)}y`);
  })();
  const tokens = new Map<number, string>();
  const rows = db
    .prepare(
      `SELECT doc, group_concat(term, ' ') AS terms
       FROM (SELECT doc, term FROM v ORDER BY doc, offset) GROUP BY doc`,
    )
    .all() as { doc: number; terms: string }[];
  for (const row of rows) tokens.set(row.doc - 1, row.terms);
  const version = (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  db.close();

  const separators: number[] = [];
  const folds: [number, number | null][] = [];
  for (const cp of codePoints) {
    const terms = tokens.get(cp);
    if (terms === "x y") {
      separators.push(cp);
      continue;
    }
    if (terms === undefined || !/^x[^ ]*y$/u.test(terms)) {
      throw new Error(`U+${hex(cp)}: unexpected tokens ${JSON.stringify(terms)}`);
    }
    const folded = [...terms.slice(1, -1)];
    if (folded.length > 1) throw new Error(`U+${hex(cp)} folds to ${folded.length} code points`);
    const target = folded[0] === undefined ? null : (folded[0].codePointAt(0) as number);
    if (target !== cp) folds.push([cp, target]);
  }
  return { version, separators, folds, measured: codePoints.length };
}

/** Inclusive ranges "a-b" (or "a"), hexadecimal, the surrogate gap bridged. */
function encodeRanges(codePoints: readonly number[]): string {
  const ranges: string[] = [];
  let start = codePoints[0] as number;
  let end = start;
  const flush = () => ranges.push(start === end ? hex(start) : `${hex(start)}-${hex(end)}`);
  for (const cp of codePoints.slice(1)) {
    if (cp === end + 1 || (end === 0xd7ff && cp === 0xe000)) end = cp;
    else {
      flush();
      start = cp;
      end = cp;
    }
  }
  flush();
  return ranges.join(" ");
}

/**
 * Runs of folds: `start-end/step+delta` (each code point adds delta), `start-end/step=t`
 * (each becomes t) and `start-end/step=` (each is dropped); "/1" and a one-point range are
 * written short.
 */
function encodeFolds(folds: readonly [number, number | null][]): string {
  // A one-point run can still become either kind; the second point decides.
  type Run = { start: number; end: number; step: number; delta?: number; target?: number | null };
  const runs: Run[] = [];
  for (const [cp, target] of folds) {
    const last = runs.at(-1);
    if (last) {
      const step = cp - last.end;
      const stepFits = last.start === last.end ? step <= 2 : step === last.step;
      const deltaFits = last.delta !== undefined && target !== null && target - cp === last.delta;
      const targetFits = last.target !== undefined && target === last.target;
      if (stepFits && (deltaFits || targetFits)) {
        if (deltaFits) last.target = undefined;
        else last.delta = undefined;
        last.step = step;
        last.end = cp;
        continue;
      }
    }
    runs.push({
      start: cp,
      end: cp,
      step: 1,
      delta: target === null ? undefined : target - cp,
      target,
    });
  }
  return runs
    .map((run) => {
      const range =
        run.start === run.end
          ? hex(run.start)
          : `${hex(run.start)}-${hex(run.end)}${run.step === 1 ? "" : `/${run.step}`}`;
      if (run.delta !== undefined)
        return `${range}${run.delta < 0 ? "-" : "+"}${hex(Math.abs(run.delta))}`;
      return `${range}=${run.target === null || run.target === undefined ? "" : hex(run.target)}`;
    })
    .join(" ");
}

const measured = measure();
const file = path.join(process.cwd(), "server", "domain", "search-tokens-table.ts");
writeFileSync(
  file,
  `/**
 * FTS5 unicode61 (remove_diacritics 2) for every code point, measured on SQLite ${measured.version}
 * by scripts/generate-search-tokens-table.ts (${measured.measured.toLocaleString("en")} code points). Generated: do not edit.
 * Read by server/domain/search-tokens.ts.
 */

/** The SQLite version measured. */
export const MEASURED_SQLITE_VERSION = "${measured.version}";

/** Separators (${measured.separators.length} code points): inclusive hexadecimal ranges. */
export const SEPARATOR_RANGES =
  "${encodeRanges(measured.separators)}";

/**
 * Token characters that fold to another code point or to nothing (${measured.folds.length}), in runs:
 * \`start-end/step+delta\`, \`start-end/step-delta\`, \`start-end/step=target\`, \`start-end/step=\` (dropped).
 * Every other code point is a token character that stays as it is.
 */
export const FOLD_RUNS =
  "${encodeFolds(measured.folds)}";
`,
);
console.log(
  `SQLite ${measured.version}: ${measured.separators.length} separators, ${measured.folds.length} folds -> ${path.relative(process.cwd(), file)}`,
);
