CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`name` text NOT NULL,
	`account_id` text,
	`age_years` real NOT NULL,
	`sex` text NOT NULL,
	`pregnant` integer DEFAULT false NOT NULL,
	`breastfeeding` integer DEFAULT false NOT NULL,
	`diet` text NOT NULL,
	`standard` text NOT NULL,
	`conditions` text DEFAULT '[]' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `people_household_idx` ON `people` (`household_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_account_unique` ON `people` (`household_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `plan_eaters` (
	`plan_id` text NOT NULL,
	`person_id` text NOT NULL,
	`portion_factor` real DEFAULT 1 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`plan_id`, `person_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_eaters_person_idx` ON `plan_eaters` (`person_id`);--> statement-breakpoint
-- Each household's saved profile becomes its first person, linked to the household's
-- (earliest) owner account when there is one; otherwise the first owner account to sign in
-- takes it over (server/services/people.ts, ensureOwnPerson).
INSERT INTO `people` (`id`, `household_id`, `name`, `account_id`, `age_years`, `sex`, `pregnant`, `breastfeeding`, `diet`, `standard`, `conditions`, `is_default`, `created_at`, `updated_at`)
SELECT 'profile-' || p.`owner_id`, p.`owner_id`,
  COALESCE((SELECT u.`name` FROM `household_members` m JOIN `auth_users` u ON u.`id` = m.`user_id`
    WHERE m.`household_id` = p.`owner_id` AND m.`role` = 'owner' ORDER BY m.`created_at`, m.`user_id` LIMIT 1), 'Me'),
  (SELECT m.`user_id` FROM `household_members` m
    WHERE m.`household_id` = p.`owner_id` AND m.`role` = 'owner' ORDER BY m.`created_at`, m.`user_id` LIMIT 1),
  p.`age_years`, p.`sex`, p.`pregnant`, p.`breastfeeding`, p.`diet`, p.`standard`, p.`conditions`, 0,
  p.`created_at`, p.`updated_at`
FROM `profiles` p;
--> statement-breakpoint
-- Existing plans are eaten by that first person, at the plan's amounts.
INSERT INTO `plan_eaters` (`plan_id`, `person_id`, `portion_factor`, `position`)
SELECT pl.`id`, 'profile-' || pl.`owner_id`, 1, 0 FROM `plans` pl
WHERE EXISTS (SELECT 1 FROM `people` pe WHERE pe.`id` = 'profile-' || pl.`owner_id`);
