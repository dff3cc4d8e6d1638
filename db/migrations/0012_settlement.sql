CREATE TABLE `settlement_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`payment_id` integer,
	`credit_voucher_id` integer,
	`amount_cents` integer NOT NULL,
	`undoes` integer,
	`reason` text,
	`date` text NOT NULL,
	`at` text NOT NULL,
	`by` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `settlement_payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_allocations_voucher` ON `settlement_allocations` (`voucher_id`,`date`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `settlement_allocations_payment` ON `settlement_allocations` (`payment_id`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `settlement_allocations_date` ON `settlement_allocations` (`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_allocations_undoes` ON `settlement_allocations` (`undoes`);--> statement-breakpoint
CREATE TABLE `settlement_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`role` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer,
	`hidden_at` text,
	`hidden_by` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_attachments_voucher` ON `settlement_attachments` (`voucher_id`);--> statement-breakpoint
CREATE TABLE `settlement_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`date` text NOT NULL,
	`contact` text,
	`note` text NOT NULL,
	`promised_date` text,
	`promised_cents` integer,
	`at` text NOT NULL,
	`by` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_follow_ups_voucher` ON `settlement_follow_ups` (`voucher_id`);--> statement-breakpoint
CREATE INDEX `settlement_follow_ups_promised` ON `settlement_follow_ups` (`promised_date`);--> statement-breakpoint
CREATE TABLE `settlement_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_key` text NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`voucher_id` integer,
	`payment_id` integer,
	`other_customer_id` integer,
	`at` text NOT NULL,
	`by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `settlement_payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_ledger_entry` ON `settlement_ledger` (`entry_key`);--> statement-breakpoint
CREATE INDEX `settlement_ledger_customer` ON `settlement_ledger` (`customer_id`,`date`,`amount_cents`);--> statement-breakpoint
CREATE TABLE `settlement_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`channel` text NOT NULL,
	`memo` text,
	`at` text NOT NULL,
	`by` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_notices_voucher` ON `settlement_notices` (`voucher_id`);--> statement-breakpoint
CREATE TABLE `settlement_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` text NOT NULL,
	`client_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method_id` integer,
	`reference` text,
	`memo` text,
	`voided_at` text,
	`voided_by` integer,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`method_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_payments_no` ON `settlement_payments` (`no`);--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_payments_client` ON `settlement_payments` (`client_id`);--> statement-breakpoint
CREATE INDEX `settlement_payments_customer` ON `settlement_payments` (`customer_id`,`date`);--> statement-breakpoint
CREATE INDEX `settlement_payments_date` ON `settlement_payments` (`date`,`id`);--> statement-breakpoint
CREATE TABLE `settlement_voucher_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`description` text NOT NULL,
	`unit` text,
	`quantity_milli` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`rounded` integer NOT NULL,
	`tax_rate_bp` integer,
	`tax_cents` integer NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `settlement_vouchers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_voucher_lines_no` ON `settlement_voucher_lines` (`voucher_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `settlement_vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` text NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`reverses_id` integer,
	`status` text NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`due_date` text NOT NULL,
	`evidence_type` text NOT NULL,
	`evidence_ref` text,
	`memo` text,
	`amount_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`invoice_no` text,
	`invoiced_at` text,
	`submitted_at` text,
	`submitted_by` integer,
	`approved_at` text,
	`approved_by` integer,
	`credit_override_reason` text,
	`rejected_at` text,
	`rejected_by` integer,
	`reject_reason` text,
	`voided_at` text,
	`voided_by` integer,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_vouchers_no` ON `settlement_vouchers` (`no`);--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_vouchers_client` ON `settlement_vouchers` (`client_id`);--> statement-breakpoint
CREATE INDEX `settlement_vouchers_customer` ON `settlement_vouchers` (`customer_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `settlement_vouchers_status_due` ON `settlement_vouchers` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `settlement_vouchers_reverses` ON `settlement_vouchers` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `settlement_vouchers_open` ON `settlement_vouchers` (`customer_id`,`due_date`,`total_cents`,`date`) WHERE status = 'approved' AND kind = 'normal';--> statement-breakpoint
CREATE TRIGGER `settlement_ledger_no_update` BEFORE UPDATE ON `settlement_ledger`
BEGIN
  SELECT RAISE(ABORT, 'settlement_ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_ledger_no_delete` BEFORE DELETE ON `settlement_ledger`
BEGIN
  SELECT RAISE(ABORT, 'settlement_ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_ledger_no_overwrite` BEFORE INSERT ON `settlement_ledger`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `settlement_ledger` WHERE `id` = NEW.`id`))
  OR EXISTS (SELECT 1 FROM `settlement_ledger` WHERE `entry_key` = NEW.`entry_key`)
BEGIN
  SELECT RAISE(ABORT, 'settlement_ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_ledger_positive_id` AFTER INSERT ON `settlement_ledger`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'settlement_ledger ids start at 1');
END;

--> statement-breakpoint
CREATE TRIGGER `settlement_allocations_no_update` BEFORE UPDATE ON `settlement_allocations`
BEGIN
  SELECT RAISE(ABORT, 'settlement_allocations is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_allocations_no_delete` BEFORE DELETE ON `settlement_allocations`
BEGIN
  SELECT RAISE(ABORT, 'settlement_allocations is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_allocations_no_overwrite` BEFORE INSERT ON `settlement_allocations`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `settlement_allocations` WHERE `id` = NEW.`id`))
  OR EXISTS (SELECT 1 FROM `settlement_allocations` WHERE `undoes` = NEW.`undoes`)
BEGIN
  SELECT RAISE(ABORT, 'settlement_allocations is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_allocations_positive_id` AFTER INSERT ON `settlement_allocations`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'settlement_allocations ids start at 1');
END;

--> statement-breakpoint
CREATE TRIGGER `settlement_notices_no_update` BEFORE UPDATE ON `settlement_notices`
BEGIN
  SELECT RAISE(ABORT, 'settlement_notices is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_notices_no_delete` BEFORE DELETE ON `settlement_notices`
BEGIN
  SELECT RAISE(ABORT, 'settlement_notices is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_notices_no_overwrite` BEFORE INSERT ON `settlement_notices`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `settlement_notices` WHERE `id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'settlement_notices is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_notices_positive_id` AFTER INSERT ON `settlement_notices`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'settlement_notices ids start at 1');
END;

--> statement-breakpoint
CREATE TRIGGER `settlement_follow_ups_no_update` BEFORE UPDATE ON `settlement_follow_ups`
BEGIN
  SELECT RAISE(ABORT, 'settlement_follow_ups is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_follow_ups_no_delete` BEFORE DELETE ON `settlement_follow_ups`
BEGIN
  SELECT RAISE(ABORT, 'settlement_follow_ups is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_follow_ups_no_overwrite` BEFORE INSERT ON `settlement_follow_ups`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `settlement_follow_ups` WHERE `id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'settlement_follow_ups is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_follow_ups_positive_id` AFTER INSERT ON `settlement_follow_ups`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'settlement_follow_ups ids start at 1');
END;

--> statement-breakpoint
-- 无票结算 permissions: admin and manager all; finance views, creates, approves and collects;
-- clerks view and create; viewers view.
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, p.`permission` FROM `roles` r JOIN (
  SELECT 'admin' AS code, 'settlement.view' AS permission UNION ALL SELECT 'admin', 'settlement.create' UNION ALL
  SELECT 'admin', 'settlement.approve' UNION ALL SELECT 'admin', 'settlement.override_credit' UNION ALL SELECT 'admin', 'settlement.collect' UNION ALL
  SELECT 'manager', 'settlement.view' UNION ALL SELECT 'manager', 'settlement.create' UNION ALL
  SELECT 'manager', 'settlement.approve' UNION ALL SELECT 'manager', 'settlement.override_credit' UNION ALL SELECT 'manager', 'settlement.collect' UNION ALL
  SELECT 'finance', 'settlement.view' UNION ALL SELECT 'finance', 'settlement.create' UNION ALL
  SELECT 'finance', 'settlement.approve' UNION ALL SELECT 'finance', 'settlement.collect' UNION ALL
  SELECT 'clerk', 'settlement.view' UNION ALL SELECT 'clerk', 'settlement.create' UNION ALL
  SELECT 'viewer', 'settlement.view'
) p ON p.code = r.`code`;
