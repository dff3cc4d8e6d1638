-- The append-only guard of 0006, made by db/append-only.ts as it now stands:
-- - the clash check covers every unique key of a table (these two tables have only their id), so a
--   later ledger with, say, a unique document number cannot be rewritten by REPLACE on that number;
-- - the -1 quirk: in a BEFORE INSERT trigger NEW.id reads -1 while SQLite has still to assign the
--   id, so a row with id -1 made every ordinary insert look like a clash. The clash check now skips
--   ids below 1 and an AFTER INSERT trigger refuses them (no such row can be written any more; a
--   REPLACE over one written before is undone with its statement).
DROP TRIGGER `operation_log_no_overwrite`;
--> statement-breakpoint
CREATE TRIGGER `operation_log_no_overwrite` BEFORE INSERT ON `operation_log`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `operation_log` WHERE `id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'operation_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `operation_log_positive_id` AFTER INSERT ON `operation_log`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'operation_log ids start at 1');
END;
--> statement-breakpoint
DROP TRIGGER `customer_status_changes_no_overwrite`;
--> statement-breakpoint
CREATE TRIGGER `customer_status_changes_no_overwrite` BEFORE INSERT ON `customer_status_changes`
WHEN (NEW.`id` > 0 AND EXISTS (SELECT 1 FROM `customer_status_changes` WHERE `id` = NEW.`id`))
BEGIN
  SELECT RAISE(ABORT, 'customer_status_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `customer_status_changes_positive_id` AFTER INSERT ON `customer_status_changes`
WHEN NEW.`id` < 1
BEGIN
  SELECT RAISE(ABORT, 'customer_status_changes ids start at 1');
END;
