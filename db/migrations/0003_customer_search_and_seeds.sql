-- Search indexes of the customer archive, kept by the search indexer (electron/core/customers/search)
-- inside each customer's transaction. rowid = customers.id.
-- Trigram: any substring of 3+ characters (names, phone fragments, tax IDs) in well under 1 ms.
CREATE VIRTUAL TABLE `customer_fts_tri` USING fts5(
  name, short_name, phones, tax_id,
  tokenize = 'trigram', content = '', contentless_delete = 1
);
--> statement-breakpoint
-- Trigram finds nothing for 1-2 character queries (张伟, 海淀): a companion index with one token per
-- CJK character answers them as phrase queries ("海 淀").
CREATE VIRTUAL TABLE `customer_fts_uni` USING fts5(
  text,
  tokenize = 'unicode61', content = '', contentless_delete = 1
);
--> statement-breakpoint
INSERT INTO `role_permissions` (`role_id`, `permission`)
SELECT r.`id`, p.`permission` FROM `roles` r
JOIN (
  SELECT 'admin' AS role, 'customer.view' AS permission UNION ALL
  SELECT 'admin', 'customer.create' UNION ALL SELECT 'admin', 'customer.edit' UNION ALL
  SELECT 'admin', 'customer.import' UNION ALL SELECT 'admin', 'customer.export' UNION ALL
  SELECT 'admin', 'lookup.manage' UNION ALL
  SELECT 'manager', 'customer.view' UNION ALL SELECT 'manager', 'customer.create' UNION ALL
  SELECT 'manager', 'customer.edit' UNION ALL SELECT 'manager', 'customer.import' UNION ALL
  SELECT 'manager', 'customer.export' UNION ALL SELECT 'manager', 'lookup.manage' UNION ALL
  SELECT 'finance', 'customer.view' UNION ALL SELECT 'finance', 'customer.export' UNION ALL
  SELECT 'clerk', 'customer.view' UNION ALL SELECT 'clerk', 'customer.create' UNION ALL
  SELECT 'clerk', 'customer.edit' UNION ALL
  SELECT 'viewer', 'customer.view'
) p ON p.role = r.`code`;
--> statement-breakpoint
-- Starting contents of the managed lists; an office edits them (lookup.manage).
INSERT INTO `lookups` (`kind`, `name`, `sort`, `created_at`, `updated_at`)
SELECT v.kind, v.name, v.sort, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
  SELECT 'settlementMethod' AS kind, '现金' AS name, 1 AS sort UNION ALL
  SELECT 'settlementMethod', '银行转账', 2 UNION ALL SELECT 'settlementMethod', '支票', 3 UNION ALL
  SELECT 'settlementMethod', '承兑汇票', 4 UNION ALL SELECT 'settlementMethod', '微信', 5 UNION ALL
  SELECT 'settlementMethod', '支付宝', 6 UNION ALL SELECT 'settlementMethod', '其他', 7 UNION ALL
  SELECT 'creditRating', 'A', 1 UNION ALL SELECT 'creditRating', 'B', 2 UNION ALL
  SELECT 'creditRating', 'C', 3 UNION ALL SELECT 'creditRating', 'D', 4 UNION ALL
  SELECT 'category', '批发客户', 1 UNION ALL SELECT 'category', '零售客户', 2 UNION ALL
  SELECT 'category', '经销商', 3 UNION ALL SELECT 'category', '大客户', 4 UNION ALL
  SELECT 'industry', '制造业', 1 UNION ALL SELECT 'industry', '批发和零售业', 2 UNION ALL
  SELECT 'industry', '建筑业', 3 UNION ALL SELECT 'industry', '信息技术服务', 4 UNION ALL
  SELECT 'industry', '住宿和餐饮业', 5 UNION ALL SELECT 'industry', '交通运输', 6 UNION ALL
  SELECT 'industry', '其他', 7 UNION ALL
  SELECT 'region', '华东', 1 UNION ALL SELECT 'region', '华北', 2 UNION ALL SELECT 'region', '华南', 3 UNION ALL
  SELECT 'region', '华中', 4 UNION ALL SELECT 'region', '西南', 5 UNION ALL SELECT 'region', '西北', 6 UNION ALL
  SELECT 'region', '东北', 7
) v;
