/**
 * Expected tokens are what FTS5 `unicode61 remove_diacritics 2` stores (checked against
 * SQLite itself in tests/integration/search-tokens.test.ts, which reuses TOKEN_CASES).
 */
export const TOKEN_CASES: [string, string[]][] = [
  // Accents: Latin diacritics go, precomposed or combining; case folds.
  ["Crème Brûlée", ["creme", "brulee"]],
  ["Cre\u0300me", ["creme"]],
  ["JALAPEÑO Ångström", ["jalapeno", "angstrom"]],
  // Hyphens, apostrophes, slashes and other ASCII punctuation separate.
  ["hard-boiled", ["hard", "boiled"]],
  ["l'œuf, McDonald's", ["l", "œuf", "mcdonald", "s"]],
  ["Beef/pork (50:50)", ["beef", "pork", "50", "50"]],
  // Digits are token characters, also next to letters; "." and "%" separate.
  // The micro sign (U+00B5) folds to Greek mu (U+03BC).
  ["Milk, 2% fat, B12 1.5 \u00b5g", ["milk", "2", "fat", "b12", "1", "5", "\u03bcg"]],
  // ß and œ stay themselves (no "ss", no "oe"); æ lower-cases only.
  ["STRAßE Œuvre Æbleskiver", ["straße", "œuvre", "æbleskiver"]],
  // CJK: a run of ideographs or kana is one token; spaces and CJK punctuation separate.
  ["寿司 と ramen", ["寿司", "と", "ramen"]],
  ["日本茶、抹茶。", ["日本茶", "抹茶"]],
  // Where SQLite's tables are not NFKD: FTS5 keeps these as they are.
  ["ª ² ½ ĳ", ["ª", "²", "½", "ĳ"]],
  ["Φέτα", ["φέτα"]],
  // Title-case digraphs lower-case; nothing else happens to them.
  ["Ǆemal", ["ǆemal"]],
  // A lone surrogate reaches SQLite as U+FFFD, a separator.
  ["a\ud800b \udc00x", ["a", "b", "x"]],
  ["", []],
  ["  ,;  ", []],
];
