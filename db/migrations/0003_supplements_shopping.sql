CREATE TABLE `plan_supplements` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`dose_micrograms` real NOT NULL,
	`form` text NOT NULL,
	`compound` text DEFAULT 'cyanocobalamin' NOT NULL,
	`every_n_days` integer,
	`first_day` integer DEFAULT 1 NOT NULL,
	`weekdays` text,
	`with_meal` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_supplements_plan_idx` ON `plan_supplements` (`plan_id`);--> statement-breakpoint
CREATE TABLE `shopping_extras` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shopping_extras_plan_idx` ON `shopping_extras` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `shopping_marks` (
	`plan_id` text NOT NULL,
	`item_key` text NOT NULL,
	`checked` integer DEFAULT false NOT NULL,
	`in_pantry` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`plan_id`, `item_key`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shopping_preferences` (
	`plan_id` text PRIMARY KEY NOT NULL,
	`servings` integer DEFAULT 1 NOT NULL,
	`unit_system` text DEFAULT 'metric' NOT NULL,
	`from_day` integer,
	`to_day` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
