-- 操作日志 is append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER `operation_log_no_update` BEFORE UPDATE ON `operation_log`
BEGIN
  SELECT RAISE(ABORT, 'operation_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `operation_log_no_delete` BEFORE DELETE ON `operation_log`
BEGIN
  SELECT RAISE(ABORT, 'operation_log is append-only');
END;
--> statement-breakpoint
-- The five built-in roles. Their permission sets are data: later migrations add the
-- permissions of later features, and an administrator may change them.
INSERT INTO `roles` (`code`, `created_at`, `updated_at`) VALUES
  ('admin',   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('manager', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('finance', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('clerk',   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('viewer',  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT `id`, p.`permission` FROM `roles`
JOIN (SELECT 'user.manage' AS `permission` UNION ALL SELECT 'audit.view' UNION ALL SELECT 'settings.manage') p
WHERE `roles`.`code` = 'admin';
--> statement-breakpoint
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT `id`, 'audit.view' FROM `roles` WHERE `code` IN ('manager', 'finance');
