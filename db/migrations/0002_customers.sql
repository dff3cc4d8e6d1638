CREATE TABLE `code_sequences` (
	`pattern` text PRIMARY KEY NOT NULL,
	`next` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`country` text DEFAULT 'CN' NOT NULL,
	`province_code` text,
	`city_code` text,
	`district_code` text,
	`street` text,
	`postcode` text,
	`is_default` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_addresses_customer` ON `customer_addresses` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`mobile` text,
	`phone` text,
	`phone_digits` text,
	`email` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_contacts_customer` ON `customer_contacts` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_contacts_mobile` ON `customer_contacts` (`mobile`);--> statement-breakpoint
CREATE INDEX `customer_contacts_phone_digits` ON `customer_contacts` (`phone_digits`);--> statement-breakpoint
CREATE TABLE `customer_pinyin` (
	`value` text NOT NULL,
	`customer_id` integer NOT NULL,
	PRIMARY KEY(`value`, `customer_id`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_pinyin_customer` ON `customer_pinyin` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`mnemonic` text,
	`name_norm` text NOT NULL,
	`category_id` integer,
	`nature` text DEFAULT 'enterprise' NOT NULL,
	`industry_id` integer,
	`region_id` integer,
	`credit_rating_id` integer,
	`tax_id` text,
	`legal_rep` text,
	`website` text,
	`bank_name` text,
	`bank_account` text,
	`credit_limit_cents` integer,
	`credit_days` integer,
	`settlement_method_id` integer,
	`payment_terms` text,
	`salesperson_id` integer,
	`contract_end_date` text,
	`memo` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`industry_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_rating_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settlement_method_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`salesperson_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_code` ON `customers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_tax_id` ON `customers` (`tax_id`) WHERE tax_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_name_norm` ON `customers` (`name_norm`);--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_updated_at` ON `customers` (`updated_at`);--> statement-breakpoint
CREATE INDEX `customers_created_at` ON `customers` (`created_at`);--> statement-breakpoint
CREATE INDEX `customers_mnemonic` ON `customers` (`mnemonic`);--> statement-breakpoint
CREATE INDEX `customers_status_id` ON `customers` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `customers_category` ON `customers` (`category_id`);--> statement-breakpoint
CREATE INDEX `customers_region` ON `customers` (`region_id`);--> statement-breakpoint
CREATE INDEX `customers_industry` ON `customers` (`industry_id`);--> statement-breakpoint
CREATE INDEX `customers_rating` ON `customers` (`credit_rating_id`);--> statement-breakpoint
CREATE INDEX `customers_salesperson` ON `customers` (`salesperson_id`);--> statement-breakpoint
CREATE TABLE `lookups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `lookups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lookups_kind_parent_name` ON `lookups` (`kind`,`parent_id`,`name`);--> statement-breakpoint
CREATE INDEX `lookups_kind_sort` ON `lookups` (`kind`,`sort`);