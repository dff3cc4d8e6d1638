-- Append-only tables also refuse an INSERT that reuses an existing key: INSERT OR REPLACE and
-- REPLACE INTO would otherwise delete the old row without firing the delete trigger (SQLite skips
-- delete triggers on REPLACE unless recursive_triggers is on). Made by db/append-only.ts; the
-- UPDATE and DELETE triggers of these tables are in 0001 and 0005.
CREATE TRIGGER `operation_log_no_overwrite` BEFORE INSERT ON `operation_log`
WHEN EXISTS (SELECT 1 FROM `operation_log` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'operation_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `customer_status_changes_no_overwrite` BEFORE INSERT ON `customer_status_changes`
WHEN EXISTS (SELECT 1 FROM `customer_status_changes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'customer_status_changes is append-only');
END;
