-- Hand-written (drizzle-kit --custom): what the SQLite side got by hand, for PostgreSQL.
-- drizzle-kit diffs against its own snapshots, never the database, so a later `generate`
-- does not drop these columns or the index.
--
-- The first household's owners row: SQLite inserts it in 0001_foods_fts.sql, and the app
-- relies on it (FIRST_HOUSEHOLD_ID / LOCAL_OWNER_ID = 'local': the first account joins it
-- and renames 'Local user' to 'Our household', server/services/households.ts).
INSERT INTO "owners" ("id", "name") VALUES ('local', 'Local user') ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Food search (docs/postgresql-design.md, sections 1 and 5). SQLite's FTS5 index has no
-- PostgreSQL twin; instead the app writes each food's tokens, made by the TypeScript
-- tokenizer equal to FTS5's unicode61 (remove_diacritics 2): the name's tokens, then the
-- search keywords' tokens, space-separated. `search_name_tokens` says how many of them are
-- the name's, so BM25 can weigh the two columns as bm25(foods_fts, 10.0, 3.0) does.
ALTER TABLE "foods" ADD COLUMN "search_tokens" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "foods" ADD COLUMN "search_name_tokens" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- The 'simple' configuration turns pre-split, lower-cased, accent-free tokens into exactly
-- those lexemes (no stemming, no stop words, no re-splitting of what the tokenizer kept).
ALTER TABLE "foods" ADD COLUMN "search_document" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_tokens")) STORED;
--> statement-breakpoint
CREATE INDEX "foods_search_document_idx" ON "foods" USING gin ("search_document");
