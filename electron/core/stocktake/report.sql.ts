import type { ReportSection } from './shared/stocktake.contract';

/**
 * The reconciliation report's SQL, set-based: each section is one statement over the stocktake's
 * rows (its expected set and its lines, each read through its (stocktake_id, customer_id) index),
 * never a loop per customer. Every statement takes the named parameter @id (the stocktake).
 *
 * A customer is "counted" when it has a live line (scans > 0: not every scan undone); a merge may
 * leave a customer with two lines, so counted customers are grouped per customer.
 */

/**
 * A condition on a members' customer id column (`col`): none for the whole section; a keyset page
 * (`@after` < id ≤ `@upto`) or a list (`@ids`, JSON) when an adjustment gathers its targets page
 * by page. It is written inside each members' query, where the (stocktake_id, customer_id) index
 * serves it: an aggregate's outer condition is not pushed down that far.
 */
type CidRange = (col: string) => string;
const ALL: CidRange = () => '';
const PAGE: CidRange = (col) => `AND ${col} > @after AND ${col} <= @upto`;
const LISTED: CidRange = (col) => `AND ${col} IN (SELECT value FROM json_each(@ids))`;

/** Counted customers: live scans summed, lines, the latest scan and the line that had it. */
const counted = (r: CidRange) => `SELECT l.customer_id AS cid, sum(l.scans) AS scans, count(*) AS lines, max(l.last_at) AS last_at, l.id AS line_id
  FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id IS NOT NULL ${r('l.customer_id')} AND l.scans > 0
  GROUP BY l.customer_id`;

/** Unknown codes: live lines without a customer. */
const UNKNOWN = `SELECT NULL AS cid, l.scans AS scans, 1 AS lines, l.last_at AS last_at, l.id AS line_id
  FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id IS NULL AND l.scans > 0`;

const expectedOf = (cid: string) =>
  `EXISTS (SELECT 1 FROM stocktake_expected e WHERE e.stocktake_id = @id AND e.customer_id = ${cid})`;
const countedOf = (cid: string) =>
  `EXISTS (SELECT 1 FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id = ${cid} AND l.scans > 0)`;

/** Expected customers never counted (grouped: a merge may give a survivor two expected rows). */
const missing = (r: CidRange) => `SELECT e.customer_id AS cid, 0 AS scans, 0 AS lines, NULL AS last_at, NULL AS line_id
  FROM stocktake_expected e WHERE e.stocktake_id = @id ${r('e.customer_id')} AND NOT ${countedOf('e.customer_id')}
  GROUP BY e.customer_id`;

type Lines = 'stocktake_expected' | 'stocktake_lines';

/**
 * Each section's members (cid, scans, lines, last_at, line_id) for a range of customer ids, the
 * condition on them and `c` (the customer now), and the table whose customer ids the members come
 * from (an adjustment's keyset pages walk it).
 */
const SECTIONS: Record<Exclude<ReportSection, 'corrections'> | 'counted', { members: (r: CidRange) => string; where: string; from: Lines }> = {
  matched: { members: counted, where: expectedOf('m.cid'), from: 'stocktake_lines' },
  missing: { members: missing, where: '1', from: 'stocktake_expected' },
  unknown: { members: () => UNKNOWN, where: '1', from: 'stocktake_lines' },
  duplicates: {
    members: (r) => `SELECT * FROM (${counted(r)}) WHERE scans > 1 OR lines > 1 UNION ALL SELECT * FROM (${UNKNOWN}) WHERE scans > 1`,
    where: '1',
    from: 'stocktake_lines',
  },
  deactivated: { members: counted, where: `c.status = 'deactivated'`, from: 'stocktake_lines' },
  frozen: { members: counted, where: `c.status = 'frozen'`, from: 'stocktake_lines' },
  outOfScope: { members: counted, where: `NOT ${expectedOf('m.cid')}`, from: 'stocktake_lines' },
  /** every counted customer (markVerified works on them; no section of the report) */
  counted: { members: counted, where: '1', from: 'stocktake_lines' },
};
export type RowSection = keyof typeof SECTIONS;

const FROM = (section: RowSection, r: CidRange = ALL) => `FROM (${SECTIONS[section].members(r)}) m
  LEFT JOIN customers c ON c.id = m.cid
  LEFT JOIN stocktake_lines ln ON ln.id = m.line_id`;

// code or name, as typed (case-insensitive for codes)
const SEARCH = `(instr(upper(coalesce(c.code, ln.code)), upper(@q)) > 0 OR instr(c.name, @q) > 0)`;

const where = (section: RowSection, q: boolean) => `WHERE ${SECTIONS[section].where}${q ? ` AND ${SEARCH}` : ''}`;

/**
 * One page of a section, customers in id order, then unknown codes in line order; `total` (the
 * section's rows, with the search) on every row: the members are gathered once for both, and only
 * the page's rows get their names and details.
 */
export function sectionPageSql(section: RowSection, q: boolean): string {
  return `WITH page AS (
      SELECT m.cid, m.scans, m.last_at, m.line_id, count(*) OVER () AS total
      ${FROM(section)}
      ${where(section, q)}
      ORDER BY m.cid IS NULL, m.cid, m.line_id LIMIT @limit OFFSET @offset)
    SELECT p.cid AS customerId, coalesce(c.code, ln.code) AS code, c.name AS name, cat.name AS categoryName,
      c.status AS status, sr.name AS statusReasonName, p.line_id AS lineId, p.scans AS scans,
      lu.display_name AS lastUserName, p.last_at AS lastAt, coalesce(ln.checked, 0) AS checked, ln.evidence AS evidence,
      ln.note AS note, c.last_verified_at AS lastVerifiedAt, p.total AS total
    FROM page p
    LEFT JOIN customers c ON c.id = p.cid
    LEFT JOIN stocktake_lines ln ON ln.id = p.line_id
    LEFT JOIN lookups cat ON cat.id = c.category_id
    LEFT JOIN lookups sr ON sr.id = c.status_reason_id
    LEFT JOIN users lu ON lu.id = ln.last_user_id
    ORDER BY p.cid IS NULL, p.cid, p.line_id`;
}

export function sectionCountSql(section: RowSection, q: boolean): string {
  return `SELECT count(*) ${FROM(section)} ${where(section, q)}`;
}

/**
 * The section's customer ids (adjustments pick from them), in id order: of a keyset page
 * (`@after` < id ≤ `@upto`) or of a list of ids (`@ids`).
 */
export function sectionIdsSql(section: RowSection, by: 'page' | 'list'): string {
  return `SELECT m.cid ${FROM(section, by === 'page' ? PAGE : LISTED)} ${where(section, false)} AND m.cid IS NOT NULL ORDER BY m.cid`;
}

/**
 * The end of the next keyset page of a section: the `@size`-th customer id past `@after` in the
 * table its members come from (null: none left). A page then costs at most `@size` index rows,
 * however few of them the section keeps (1 in 20 counted customers may be deactivated).
 */
export function pageEndSql(section: RowSection): string {
  return `SELECT max(cid) FROM (SELECT customer_id AS cid FROM ${SECTIONS[section].from}
    WHERE stocktake_id = @id AND customer_id > @after ORDER BY customer_id LIMIT @size)`;
}

/**
 * The summary in one pass: the expected rows and the live lines of customers, side by side
 * (UNION ALL, each read through its (stocktake_id, customer_id) index), grouped per customer once;
 * the counted ones' state read by id; then per category of the frozen snapshot (out-of-scope
 * customers have none). The totals are the sums of the categories' rows.
 */
export const SUMMARY_BY_CATEGORY = `WITH per AS (
    SELECT cid, max(exp) AS exp, min(cat) AS cat, sum(scans) AS scans, sum(lines) AS lines FROM (
      SELECT e.customer_id AS cid, 1 AS exp, e.category_id AS cat, 0 AS scans, 0 AS lines
        FROM stocktake_expected e WHERE e.stocktake_id = @id
      UNION ALL
      SELECT l.customer_id, 0, NULL, l.scans, 1
        FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id IS NOT NULL AND l.scans > 0)
    GROUP BY cid)
  SELECT per.cat AS categoryId, cat.name AS categoryName,
    coalesce(sum(per.exp), 0) AS expected,
    coalesce(sum(per.exp AND per.lines > 0), 0) AS matched,
    coalesce(sum(NOT per.exp AND per.lines > 0), 0) AS outOfScope,
    coalesce(sum(c.status = 'deactivated'), 0) AS deactivated,
    coalesce(sum(c.status = 'frozen'), 0) AS frozen,
    coalesce(sum(per.lines > 0 AND (per.scans > 1 OR per.lines > 1)), 0) AS duplicates
  FROM per
  LEFT JOIN customers c ON per.lines > 0 AND c.id = per.cid
  LEFT JOIN lookups cat ON cat.id = per.cat
  GROUP BY per.cat ORDER BY cat.sort IS NULL, cat.sort, per.cat`;

export const UNKNOWN_SUMMARY = `SELECT count(*) AS unknown, coalesce(sum(scans > 1), 0) AS duplicates
  FROM stocktake_lines WHERE stocktake_id = @id AND customer_id IS NULL AND scans > 0`;

export const PROPOSED_CORRECTIONS = `SELECT count(*) FROM stocktake_corrections WHERE stocktake_id = @id AND status = 'proposed'`;

/**
 * Adjustments made: the stocktake's own log rows, one per adjust call (adjust.ts writes them); a
 * row's `resumed` is what a run cut off before its summing row did (counted by the run after it).
 */
export const ADJUSTED = `SELECT json_extract(changes, '$.action.after') AS action,
    sum(json_extract(changes, '$.changed.after') + coalesce(json_extract(changes, '$.resumed.after'), 0)) AS n
  FROM operation_log WHERE entity = 'stocktake' AND entity_id = @eid AND action = 'adjust' GROUP BY 1`;

/** The adjustment each of some customers got in this stocktake: their own log rows tagged with its number. */
export const ROW_ADJUSTMENTS = `SELECT CAST(l.entity_id AS INTEGER) AS cid, l.action AS action FROM json_each(@ids) w
  CROSS JOIN operation_log l ON l.entity = 'customer' AND l.entity_id = CAST(w.value AS TEXT)
  WHERE l.action IN ('deactivate', 'reactivate', 'verify') AND json_extract(l.changes, '$.stocktake.after') = @no
  ORDER BY l.id`;
