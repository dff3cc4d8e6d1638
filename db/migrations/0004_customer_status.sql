CREATE TABLE `customer_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`user_name` text,
	`action` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason_id` integer,
	`reason_name` text,
	`memo` text,
	`effective_date` text,
	`merged_into_id` integer,
	`open_items` text,
	`review_run_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_status_changes_customer` ON `customer_status_changes` (`customer_id`,`id`);--> statement-breakpoint
CREATE TABLE `customer_status_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`action` text DEFAULT 'deactivate' NOT NULL,
	`effective_date` text NOT NULL,
	`reason_id` integer NOT NULL,
	`memo` text,
	`merged_into_id` integer,
	`open_items` text,
	`review_run_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`done_at` text,
	`done_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_status_schedules_due` ON `customer_status_schedules` (`effective_date`) WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX `customer_status_schedules_customer` ON `customer_status_schedules` (`customer_id`,`state`);--> statement-breakpoint
CREATE TABLE `review_candidates` (
	`run_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`rule_mask` integer NOT NULL,
	`rule_count` integer NOT NULL,
	`last_activity_at` text,
	`contract_end_date` text,
	`credit_rating_name` text,
	`decision` text,
	`decided_at` text,
	`decided_by` integer,
	`note` text,
	PRIMARY KEY(`run_id`, `customer_id`),
	FOREIGN KEY (`run_id`) REFERENCES `review_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_candidates_customer` ON `review_candidates` (`customer_id`);--> statement-breakpoint
CREATE TABLE `review_keeps` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`kept_until` text NOT NULL,
	`note` text NOT NULL,
	`run_id` integer,
	`at` text NOT NULL,
	`by` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `review_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`started_by` integer NOT NULL,
	`rules` text NOT NULL,
	`candidate_count` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_runs_started` ON `review_runs` (`started_at`);--> statement-breakpoint
ALTER TABLE `customers` ADD `status_changed_at` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `status_changed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `status_reason_id` integer REFERENCES lookups(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `status_memo` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `merged_into_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `last_activity_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_last_activity` ON `customers` (`last_activity_at`);--> statement-breakpoint
CREATE INDEX `customers_contract_end` ON `customers` (`contract_end_date`) WHERE contract_end_date IS NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_merged_into` ON `customers` (`merged_into_id`) WHERE merged_into_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE `lookups` ADD `key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `lookups_kind_key` ON `lookups` (`kind`,`key`) WHERE key IS NOT NULL;