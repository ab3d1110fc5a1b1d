ALTER TABLE `plan_supplements` ADD `person_id` text REFERENCES people(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `plan_supplements_person_idx` ON `plan_supplements` (`person_id`);--> statement-breakpoint
-- Existing supplements become the plan's first eater's (they counted for that person
-- only); a plan nobody eats gives them to the household's own person: the one migration
-- 0007 made from the household's profile, else the first person who signs in, else the
-- first person made.
UPDATE `plan_supplements` SET `person_id` = coalesce(
  (SELECT e.`person_id` FROM `plan_eaters` e
    WHERE e.`plan_id` = `plan_supplements`.`plan_id`
    ORDER BY e.`position`, e.`rowid` LIMIT 1),
  (SELECT p.`id` FROM `people` p JOIN `plans` pl ON pl.`owner_id` = p.`household_id`
    WHERE pl.`id` = `plan_supplements`.`plan_id`
    ORDER BY (p.`id` = 'profile-' || p.`household_id`) DESC, (p.`account_id` IS NULL),
      p.`created_at`, p.`rowid` LIMIT 1)
) WHERE `person_id` IS NULL;
