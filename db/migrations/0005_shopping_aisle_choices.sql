CREATE TABLE `shopping_aisle_choices` (
	`owner_id` text NOT NULL,
	`food_id` text NOT NULL,
	`aisle` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`owner_id`, `food_id`),
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
