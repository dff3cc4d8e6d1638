ALTER TABLE `operation_log` ADD `request_key` text;--> statement-breakpoint
CREATE INDEX `operation_log_request_key` ON `operation_log` (`request_key`) WHERE request_key IS NOT NULL;