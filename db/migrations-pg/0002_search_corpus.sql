-- Hand-written (drizzle-kit --custom), for foods.search on PostgreSQL
-- (server/services/food-search-pg.ts; docs/postgresql-design.md, section 5).
--
-- 1. The search document holds exactly the stored tokens: array_to_tsvector() of the
--    space-separated tokens, as the design says. to_tsvector('simple', …) re-parses them
--    and read some characters FTS5 keeps as tokens (½, private-use and unassigned code
--    points) differently, so a food holding one could be missed by the tsquery.
ALTER TABLE "foods" DROP COLUMN "search_document";
--> statement-breakpoint
ALTER TABLE "foods" ADD COLUMN "search_document" tsvector
  GENERATED ALWAYS AS (array_to_tsvector(string_to_array("search_tokens", ' '))) STORED;
--> statement-breakpoint
CREATE INDEX "foods_search_document_idx" ON "foods" USING gin ("search_document");
--> statement-breakpoint
-- 2. BM25 needs figures of the whole index (how many foods, how many tokens, how many
--    foods hold each word), as FTS5 keeps them. Counting them costs a scan of every food
--    per search, so each app instance caches them under this version, which every
--    statement that adds, removes or re-tokenizes foods moves, in its own transaction:
--    a reader sees the new version exactly when it sees the new rows.
CREATE TABLE "search_corpus" (
  "id" integer PRIMARY KEY CHECK ("id" = 1),
  "version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "search_corpus" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "bump_search_corpus"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_corpus" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "foods_search_corpus"
  AFTER INSERT OR DELETE OR UPDATE OF "search_tokens" ON "foods"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_search_corpus"();
--> statement-breakpoint
CREATE TRIGGER "foods_search_corpus_truncate"
  AFTER TRUNCATE ON "foods"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_search_corpus"();
