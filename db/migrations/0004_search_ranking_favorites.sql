CREATE TABLE `favorite_foods` (
	`owner_id` text NOT NULL,
	`food_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`owner_id`, `food_id`),
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`food_id`) REFERENCES `foods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `favorite_foods_owner_idx` ON `favorite_foods` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `removed_plan_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`day` integer NOT NULL,
	`meal` text NOT NULL,
	`food_id` text NOT NULL,
	`portion_id` text,
	`quantity` real,
	`grams` real NOT NULL,
	`position` integer NOT NULL,
	`removed_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `removed_plan_entries_removed_idx` ON `removed_plan_entries` (`removed_at`);--> statement-breakpoint
ALTER TABLE `foods` ADD `search_heads` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `foods` ADD `search_prior` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `foods` ADD `survey` integer DEFAULT false NOT NULL;