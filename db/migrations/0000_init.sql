CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `diet_overrides` (
	`owner_id` text NOT NULL,
	`food_id` text NOT NULL,
	`diet` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`owner_id`, `food_id`),
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`food_id`) REFERENCES `foods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `food_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `food_portions` (
	`id` text PRIMARY KEY NOT NULL,
	`food_id` text NOT NULL,
	`seq` integer NOT NULL,
	`amount` real NOT NULL,
	`unit` text NOT NULL,
	`label` text NOT NULL,
	`grams` real NOT NULL,
	FOREIGN KEY (`food_id`) REFERENCES `foods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `food_portions_food_seq_unique` ON `food_portions` (`food_id`,`seq`);--> statement-breakpoint
CREATE TABLE `foods` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`source` text NOT NULL,
	`ndb_number` text,
	`name` text NOT NULL,
	`search_keywords` text DEFAULT '' NOT NULL,
	`group_code` text,
	`manufacturer` text,
	`common_name` text,
	`scientific_name` text,
	`b12_per_100g` real,
	`b12_added_per_100g` real,
	`energy_kcal_per_100g` real,
	`protein_g_per_100g` real,
	`fat_g_per_100g` real,
	`carbohydrate_g_per_100g` real,
	`fibre_g_per_100g` real,
	`diet` text NOT NULL,
	`diet_reason` text NOT NULL,
	`b12_fortified` integer NOT NULL,
	`fortified_reason` text,
	`source_note` text,
	`typical_label_value` integer DEFAULT false NOT NULL,
	`label_serving_grams` real,
	`label_b12_micrograms` real,
	`label_percent_daily_value` real,
	`label_edition` text,
	`owner_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`group_code`) REFERENCES `food_groups`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `foods_id_unique` ON `foods` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `foods_ndb_number_unique` ON `foods` (`ndb_number`);--> statement-breakpoint
CREATE INDEX `foods_group_idx` ON `foods` (`group_code`);--> statement-breakpoint
CREATE INDEX `foods_owner_idx` ON `foods` (`owner_id`);--> statement-breakpoint
CREATE INDEX `foods_b12_idx` ON `foods` (`b12_per_100g`);--> statement-breakpoint
CREATE TABLE `owners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
