PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_shopping_preferences` (
	`plan_id` text PRIMARY KEY NOT NULL,
	`servings` integer,
	`guests` integer DEFAULT 0 NOT NULL,
	`unit_system` text DEFAULT 'metric' NOT NULL,
	`from_day` integer,
	`to_day` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A saved 1 was the default, not a choice: the list is now for the plan's eaters. Any
-- other number was chosen by hand and stays as the override it is.
INSERT INTO `__new_shopping_preferences`("plan_id", "servings", "guests", "unit_system", "from_day", "to_day", "created_at", "updated_at") SELECT "plan_id", CASE WHEN "servings" = 1 THEN NULL ELSE "servings" END, 0, "unit_system", "from_day", "to_day", "created_at", "updated_at" FROM `shopping_preferences`;--> statement-breakpoint
DROP TABLE `shopping_preferences`;--> statement-breakpoint
ALTER TABLE `__new_shopping_preferences` RENAME TO `shopping_preferences`;--> statement-breakpoint
PRAGMA foreign_keys=ON;