-- Activity so far is what the record shows: its last edit (or creation).
UPDATE `customers` SET `last_activity_at` = `updated_at`;
--> statement-breakpoint
-- 状态记录 is append-only, like the operation log.
CREATE TRIGGER `customer_status_changes_no_update` BEFORE UPDATE ON `customer_status_changes`
BEGIN
  SELECT RAISE(ABORT, 'customer_status_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `customer_status_changes_no_delete` BEFORE DELETE ON `customer_status_changes`
BEGIN
  SELECT RAISE(ABORT, 'customer_status_changes is append-only');
END;
--> statement-breakpoint
-- Freezing, deactivating, reactivating and reviewing: administrators and managers by default.
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, p.`permission` FROM `roles` r
JOIN (
  SELECT 'customer.freeze' AS permission UNION ALL SELECT 'customer.deactivate' UNION ALL
  SELECT 'customer.reactivate' UNION ALL SELECT 'customer.review'
) p
WHERE r.`code` IN ('admin', 'manager');
--> statement-breakpoint
-- 停用原因: a managed list; the keys let the app prefill a reason (review rules) and offer a
-- merge (duplicate). Names stay editable by an administrator.
INSERT INTO `lookups` (`kind`, `key`, `name`, `sort`, `created_at`, `updated_at`)
SELECT 'deactivationReason', v.key, v.name, v.sort, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
  SELECT 'inactive' AS key, '长期无交易' AS name, 1 AS sort UNION ALL
  SELECT 'creditRisk', '信用风险', 2 UNION ALL
  SELECT 'contractEnded', '合同到期', 3 UNION ALL
  SELECT 'closedDown', '客户注销/倒闭', 4 UNION ALL
  SELECT 'duplicate', '重复档案', 5 UNION ALL
  SELECT 'other', '其他', 6
) v;
