CREATE TABLE `stocktake_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`proposal` text NOT NULL,
	`before` text NOT NULL,
	`customer_version` integer NOT NULL,
	`status` text NOT NULL,
	`proposed_by` integer,
	`proposed_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_memo` text,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `stocktake_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_corrections_stocktake` ON `stocktake_corrections` (`stocktake_id`,`status`);--> statement-breakpoint
CREATE INDEX `stocktake_corrections_customer` ON `stocktake_corrections` (`customer_id`);--> statement-breakpoint
CREATE INDEX `stocktake_corrections_line` ON `stocktake_corrections` (`line_id`);--> statement-breakpoint
CREATE TABLE `stocktake_expected` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`category_id` integer,
	`status` text NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_expected_stocktake` ON `stocktake_expected` (`stocktake_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `stocktake_expected_customer` ON `stocktake_expected` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stocktake_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`customer_id` integer,
	`code` text NOT NULL,
	`scans` integer DEFAULT 0 NOT NULL,
	`first_at` text,
	`first_user_id` integer,
	`last_at` text,
	`last_user_id` integer,
	`checked` integer DEFAULT false NOT NULL,
	`evidence` text,
	`note` text,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_lines_customer` ON `stocktake_lines` (`stocktake_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `stocktake_lines_code` ON `stocktake_lines` (`stocktake_id`,`code`);--> statement-breakpoint
CREATE INDEX `stocktake_lines_customer_only` ON `stocktake_lines` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stocktake_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`client_id` text NOT NULL,
	`code` text NOT NULL,
	`customer_id` integer,
	`line_id` integer,
	`result` text NOT NULL,
	`source` text NOT NULL,
	`user_id` integer,
	`device_id` text,
	`scanned_at` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktake_scans_client` ON `stocktake_scans` (`stocktake_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `stocktake_scans_line` ON `stocktake_scans` (`line_id`);--> statement-breakpoint
CREATE INDEX `stocktake_scans_recent` ON `stocktake_scans` (`stocktake_id`,`id`);--> statement-breakpoint
CREATE TABLE `stocktake_undos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` integer NOT NULL,
	`stocktake_id` integer NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`scan_id`) REFERENCES `stocktake_scans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktake_undos_scan` ON `stocktake_undos` (`scan_id`);--> statement-breakpoint
CREATE TABLE `stocktakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope` text NOT NULL,
	`assignee_id` integer,
	`due_date` text,
	`memo` text,
	`expected_count` integer DEFAULT 0 NOT NULL,
	`started_at` text,
	`started_by` integer,
	`reconciling_at` text,
	`completed_at` text,
	`completed_by` integer,
	`cancelled_at` text,
	`cancelled_by` integer,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktakes_no` ON `stocktakes` (`no`);--> statement-breakpoint
CREATE INDEX `stocktakes_status` ON `stocktakes` (`status`,`id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `last_verified_at` text;--> statement-breakpoint
CREATE INDEX `customers_last_verified` ON `customers` (`last_verified_at`) WHERE last_verified_at IS NOT NULL;
--> statement-breakpoint
-- 扫描记录 and 撤销 are append-only (db/append-only.ts): a scan is never changed or removed; an undo is a row of its own.
CREATE TRIGGER `stocktake_scans_no_update` BEFORE UPDATE ON `stocktake_scans`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_no_delete` BEFORE DELETE ON `stocktake_scans`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_no_overwrite` BEFORE INSERT ON `stocktake_scans`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `stocktake_scans` WHERE `id` = NEW.`id`))
  OR EXISTS (SELECT 1 FROM `stocktake_scans` WHERE `stocktake_id` = NEW.`stocktake_id` AND `client_id` = NEW.`client_id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_positive_id` AFTER INSERT ON `stocktake_scans`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans ids start at 1');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_undos_no_update` BEFORE UPDATE ON `stocktake_undos`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_undos is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_undos_no_delete` BEFORE DELETE ON `stocktake_undos`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_undos is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_undos_no_overwrite` BEFORE INSERT ON `stocktake_undos`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `stocktake_undos` WHERE `id` = NEW.`id`))
  OR EXISTS (SELECT 1 FROM `stocktake_undos` WHERE `scan_id` = NEW.`scan_id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_undos is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_undos_positive_id` AFTER INSERT ON `stocktake_undos`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'stocktake_undos ids start at 1');
END;
--> statement-breakpoint
-- 盘点: counting for managers and clerks, creating, reconciling and completing for managers; admins both.
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, p.`permission` FROM `roles` r JOIN (
  SELECT 'admin' AS code, 'stocktake.count' AS permission UNION ALL SELECT 'admin', 'stocktake.manage' UNION ALL
  SELECT 'manager', 'stocktake.count' UNION ALL SELECT 'manager', 'stocktake.manage' UNION ALL
  SELECT 'clerk', 'stocktake.count'
) p ON p.code = r.`code`;
