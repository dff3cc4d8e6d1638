-- customer_fts_num: the letter and digit runs of name, short name, phones and tax ID as 5-grams
-- (electron/core/customers/search/fts-text.ts numText), so a fragment of 5+ letters / digits is a
-- phrase of rare 5-grams, not one over digit trigrams held by half the archive (tax ID p95 6.7 ms).
CREATE VIRTUAL TABLE `customer_fts_num` USING fts5(
  text,
  tokenize = 'unicode61', content = '', contentless_delete = 1
);
--> statement-breakpoint
CREATE TEMP TABLE `num_pos` (`i` INTEGER PRIMARY KEY);
--> statement-breakpoint
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000) INSERT INTO `num_pos` SELECT i FROM r;
--> statement-breakpoint
-- The phones as the indexer's phonesText has them: each number's digits, and the number as typed
-- where that differs; the same string once per customer.
CREATE TEMP TABLE `num_phone` (`id` INTEGER NOT NULL, `raw` TEXT NOT NULL, `digits` TEXT);
--> statement-breakpoint
INSERT INTO `num_phone` (id, raw)
SELECT customer_id, mobile FROM `customer_contacts` WHERE trim(coalesce(mobile, '')) <> ''
UNION ALL SELECT customer_id, phone FROM `customer_contacts` WHERE trim(coalesce(phone, '')) <> '';
--> statement-breakpoint
UPDATE `num_phone` SET digits = CASE WHEN raw NOT GLOB '*[^0-9]*' THEN raw ELSE (
  SELECT group_concat(CASE WHEN c GLOB '[0-9]' THEN c ELSE char(unicode(c) - 65248) END, '' ORDER BY p.i)
  FROM (SELECT num_pos.i, substr(raw, num_pos.i, 1) AS c FROM num_pos WHERE num_pos.i <= length(raw)) p
  WHERE c GLOB '[0-9]' OR c GLOB '[０-９]'
) END;
--> statement-breakpoint
-- Every source string (name, short name, tax ID, phone forms), with its kind as the order of sources.
CREATE TEMP TABLE `num_src` (`id` INTEGER NOT NULL, `s` TEXT NOT NULL, `m` TEXT);
--> statement-breakpoint
INSERT INTO `num_src` (id, s)
SELECT id, s FROM (
  SELECT id, name AS s FROM `customers`
  UNION ALL SELECT id, short_name FROM `customers` WHERE short_name IS NOT NULL
  UNION ALL SELECT id, tax_id FROM `customers` WHERE tax_id IS NOT NULL
  UNION ALL SELECT * FROM (
    SELECT DISTINCT id, s FROM (
      SELECT id, digits AS s FROM `num_phone` WHERE digits <> ''
      UNION ALL SELECT id, trim(raw) FROM `num_phone` WHERE trim(raw) <> digits
    )
  )
) WHERE length(s) >= 5 AND s GLOB '*[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]*';
--> statement-breakpoint
-- numChars in SQL: letters lower-cased, full-width letters and digits as ASCII, anything else a space.
UPDATE `num_src` SET m = CASE WHEN s NOT GLOB '*[^0-9a-z]*' THEN s WHEN s NOT GLOB '*[^0-9A-Za-z]*' THEN lower(s) ELSE (
  SELECT group_concat(CASE
      WHEN c GLOB '[0-9a-z]' THEN c
      WHEN c GLOB '[A-Z]' THEN lower(c)
      WHEN c GLOB '[０-９ａ-ｚＡ-Ｚ]' THEN lower(char(unicode(c) - 65248))
      ELSE ' ' END, '' ORDER BY p.i)
  FROM (SELECT num_pos.i, substr(s, num_pos.i, 1) AS c FROM num_pos WHERE num_pos.i <= length(s)) p
) END;
--> statement-breakpoint
-- numTokens in SQL: each 5-gram free of spaces, and `x` where a run of 5+ ends in a space; the
-- sources joined by `x`.
INSERT INTO `customer_fts_num` (rowid, text)
SELECT id, group_concat(t, ' x ') FROM (
  SELECT n.rowid AS src, n.id, group_concat(CASE
      WHEN instr(substr(n.m, p.i, 5), ' ') = 0 THEN substr(n.m, p.i, 5)
      ELSE 'x' END, ' ' ORDER BY p.i) AS t
  FROM `num_src` n JOIN `num_pos` p ON p.i <= length(n.m) - 4
  WHERE instr(substr(n.m, p.i, 5), ' ') = 0
     OR (substr(n.m, p.i + 4, 1) = ' ' AND p.i > 1 AND instr(substr(n.m, p.i - 1, 5), ' ') = 0)
  GROUP BY n.rowid
) GROUP BY id;
--> statement-breakpoint
DROP TABLE `num_src`;
--> statement-breakpoint
DROP TABLE `num_phone`;
--> statement-breakpoint
DROP TABLE `num_pos`;
