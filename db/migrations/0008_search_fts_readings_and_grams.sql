-- Search indexes redesigned for prefix search and cheap writes (electron/core/customers/search/fts-text.ts).
-- customer_fts_py: one row per customer, each pinyin reading / 助记码 a token; prefix indexes make a
-- typed prefix one lookup, in rowid order. It replaces the B-tree customer_pinyin (~5.5 rows per
-- customer plus a second index), whose random inserts bounded the import. detail=none: no positions.
CREATE VIRTUAL TABLE `customer_fts_py` USING fts5(
  readings,
  content = '', contentless_delete = 1, detail = none, prefix = '1 2 3 4 6 8 10 12 14 16'
);
--> statement-breakpoint
-- Built from the readings the indexer stored (the same pinyinValues), one customer at a time.
INSERT INTO `customer_fts_py` (rowid, readings)
SELECT customer_id, group_concat(value, ' ') FROM `customer_pinyin` INDEXED BY `customer_pinyin_customer`
GROUP BY customer_id;
--> statement-breakpoint
-- customer_fts_gram: every Chinese character AND every pair of adjacent ones a token, so a 1-2
-- character query is one token lookup (not a phrase over two doclists of most customers, as 有限
-- was in customer_fts_uni, which it replaces).
CREATE VIRTUAL TABLE `customer_fts_gram` USING fts5(
  text,
  tokenize = 'unicode61', content = '', contentless_delete = 1, detail = none
);
--> statement-breakpoint
-- gramText of name and short name in SQL: whitespace removed, '|' between the two (no pair across
-- it), Han as the same code point ranges (UTF-8 order is code point order), each Han character,
-- followed by the pair with the next when that is Han too.
CREATE TEMP TABLE `gram_pos` (`i` INTEGER PRIMARY KEY);
--> statement-breakpoint
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000) INSERT INTO `gram_pos` SELECT i FROM r;
--> statement-breakpoint
CREATE TEMP TABLE `gram_text` (`id` INTEGER PRIMARY KEY, `s` TEXT NOT NULL);
--> statement-breakpoint
INSERT INTO `gram_text` (id, s)
SELECT id, replace(replace(replace(replace(name || '|' || coalesce(short_name, ''), ' ', ''), char(9), ''), char(10), ''), char(13), '')
FROM `customers`;
--> statement-breakpoint
INSERT INTO `customer_fts_gram` (rowid, text)
SELECT id, group_concat(CASE WHEN (b BETWEEN '㐀' AND '鿿' OR b BETWEEN '豈' AND '﫿' OR b BETWEEN '𠀀' AND '𲎯' OR b BETWEEN '⺀' AND '⿟' OR b IN ('々', '〇') OR b BETWEEN '〡' AND '〩' OR b BETWEEN '〸' AND '〻') THEN a || ' ' || a || b ELSE a END, ' ') FROM (
  SELECT t.id, substr(t.s, p.i, 1) AS a, substr(t.s, p.i + 1, 1) AS b
  FROM `gram_text` t JOIN `gram_pos` p ON p.i <= length(t.s)
) WHERE (a BETWEEN '㐀' AND '鿿' OR a BETWEEN '豈' AND '﫿' OR a BETWEEN '𠀀' AND '𲎯' OR a BETWEEN '⺀' AND '⿟' OR a IN ('々', '〇') OR a BETWEEN '〡' AND '〩' OR a BETWEEN '〸' AND '〻')
GROUP BY id;
--> statement-breakpoint
DROP TABLE `gram_text`;
--> statement-breakpoint
DROP TABLE `gram_pos`;
--> statement-breakpoint
DROP TABLE `customer_fts_uni`;
--> statement-breakpoint
DROP TABLE `customer_pinyin`;--> statement-breakpoint
DROP INDEX `customers_mnemonic`;