CREATE INDEX `diet_overrides_food_idx` ON `diet_overrides` (`food_id`);--> statement-breakpoint
CREATE INDEX `favorite_foods_food_idx` ON `favorite_foods` (`food_id`);--> statement-breakpoint
CREATE INDEX `foods_name_idx` ON `foods` (`name`);--> statement-breakpoint
CREATE INDEX `plan_entries_portion_idx` ON `plan_entries` (`portion_id`);