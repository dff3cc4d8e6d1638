CREATE TABLE `network_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`secret_hash` text NOT NULL,
	`address` text,
	`user_agent` text,
	`paired_at` text NOT NULL,
	`paired_by` integer NOT NULL,
	`last_seen_at` text,
	`revoked_at` text,
	`revoked_by` integer,
	`revoke_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_devices_secret_hash_unique` ON `network_devices` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `network_devices_paired_at` ON `network_devices` (`paired_at`);--> statement-breakpoint
CREATE TABLE `network_pairings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`code_hash` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`used_at` text,
	`device_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_pairings_token_hash_unique` ON `network_pairings` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `network_pairings_code_hash_unique` ON `network_pairings` (`code_hash`);--> statement-breakpoint
CREATE INDEX `network_pairings_expires_at` ON `network_pairings` (`expires_at`);--> statement-breakpoint
ALTER TABLE `operation_log` ADD `device_id` integer;--> statement-breakpoint
-- 办公室网络: only administrators turn serving on, pair devices and revoke them.
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, 'system.network' FROM `roles` r WHERE r.`code` = 'admin';
