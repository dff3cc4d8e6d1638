CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`trigger` text NOT NULL,
	`file_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`schema_version` text,
	`counts` text NOT NULL,
	`check` text NOT NULL,
	`check_detail` text,
	`present` integer DEFAULT true NOT NULL,
	`second_copy` text DEFAULT 'none' NOT NULL,
	`last_log_id` integer,
	`by_user_id` integer,
	`by_user_name` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backups_file_name` ON `backups` (`file_name`);--> statement-breakpoint
CREATE INDEX `backups_at` ON `backups` (`at`);--> statement-breakpoint
-- The backups table is a record: a pruned backup keeps its row (present = 0), none is deleted.
CREATE TRIGGER `backups_rows_kept` BEFORE DELETE ON `backups`
BEGIN
  SELECT RAISE(ABORT, 'backups is a record: rows are not deleted');
END;
--> statement-breakpoint
-- 备份与恢复: administrators by default.
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, 'system.backup' FROM `roles` r WHERE r.`code` = 'admin';
