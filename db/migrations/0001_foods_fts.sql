-- Full-text search over foods (FTS5), kept in step with `foods` by triggers.
-- External-content table: the index stores only tokens; rows live in `foods` (rowid = foods.key).
-- unicode61 with remove_diacritics 2 folds case and accents ("créme" finds "creme").
CREATE VIRTUAL TABLE `foods_fts` USING fts5(
	name,
	search_keywords,
	content='foods',
	content_rowid='key',
	tokenize="unicode61 remove_diacritics 2",
	prefix='1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `foods_fts_after_insert` AFTER INSERT ON `foods` BEGIN
	INSERT INTO foods_fts(rowid, name, search_keywords) VALUES (new.key, new.name, new.search_keywords);
END;
--> statement-breakpoint
CREATE TRIGGER `foods_fts_after_delete` AFTER DELETE ON `foods` BEGIN
	INSERT INTO foods_fts(foods_fts, rowid, name, search_keywords) VALUES ('delete', old.key, old.name, old.search_keywords);
END;
--> statement-breakpoint
CREATE TRIGGER `foods_fts_after_update` AFTER UPDATE OF name, search_keywords ON `foods`
	WHEN old.name IS NOT new.name OR old.search_keywords IS NOT new.search_keywords BEGIN
	INSERT INTO foods_fts(foods_fts, rowid, name, search_keywords) VALUES ('delete', old.key, old.name, old.search_keywords);
	INSERT INTO foods_fts(rowid, name, search_keywords) VALUES (new.key, new.name, new.search_keywords);
END;
--> statement-breakpoint
-- The one local owner until accounts exist.
INSERT OR IGNORE INTO `owners` (`id`, `name`) VALUES ('local', 'Local user');
