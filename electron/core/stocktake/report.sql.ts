import type { ReportSection } from './shared/stocktake.contract';

/**
 * The reconciliation report's SQL, set-based: each section is one statement over the stocktake's
 * rows (its expected set and its lines, each read through its (stocktake_id, customer_id) index),
 * never a loop per customer. Every statement takes the named parameter @id (the stocktake).
 *
 * A customer is "counted" when it has a live line (scans > 0: not every scan undone); a merge may
 * leave a customer with two lines, so counted customers are grouped per customer.
 */

/** Counted customers: live scans summed, lines, the latest scan and the line that had it. */
export const COUNTED = `SELECT l.customer_id AS cid, sum(l.scans) AS scans, count(*) AS lines, max(l.last_at) AS last_at, l.id AS line_id
  FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id IS NOT NULL AND l.scans > 0 GROUP BY l.customer_id`;

/** Unknown codes: live lines without a customer. */
const UNKNOWN = `SELECT NULL AS cid, l.scans AS scans, 1 AS lines, l.last_at AS last_at, l.id AS line_id
  FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id IS NULL AND l.scans > 0`;

const expectedOf = (cid: string) =>
  `EXISTS (SELECT 1 FROM stocktake_expected e WHERE e.stocktake_id = @id AND e.customer_id = ${cid})`;
const countedOf = (cid: string) =>
  `EXISTS (SELECT 1 FROM stocktake_lines l WHERE l.stocktake_id = @id AND l.customer_id = ${cid} AND l.scans > 0)`;

/** Expected customers never counted (grouped: a merge may give a survivor two expected rows). */
const MISSING = `SELECT e.customer_id AS cid, 0 AS scans, 0 AS lines, NULL AS last_at, NULL AS line_id
  FROM stocktake_expected e WHERE e.stocktake_id = @id AND NOT ${countedOf('e.customer_id')} GROUP BY e.customer_id`;

/** Each section's members (cid, scans, lines, last_at, line_id) and the condition on them and `c` (the customer now). */
const SECTIONS: Record<Exclude<ReportSection, 'corrections'> | 'counted', { members: string; where: string }> = {
  matched: { members: COUNTED, where: expectedOf('m.cid') },
  missing: { members: MISSING, where: '1' },
  unknown: { members: UNKNOWN, where: '1' },
  duplicates: {
    members: `SELECT * FROM (${COUNTED}) WHERE scans > 1 OR lines > 1 UNION ALL SELECT * FROM (${UNKNOWN}) WHERE scans > 1`,
    where: '1',
  },
  deactivated: { members: COUNTED, where: `c.status = 'deactivated'` },
  frozen: { members: COUNTED, where: `c.status = 'frozen'` },
  outOfScope: { members: COUNTED, where: `NOT ${expectedOf('m.cid')}` },
  /** every counted customer (markVerified works on them; no section of the report) */
  counted: { members: COUNTED, where: '1' },
};
export type RowSection = keyof typeof SECTIONS;

const FROM = (section: RowSection) => `FROM (${SECTIONS[section].members}) m
  LEFT JOIN customers c ON c.id = m.cid
  LEFT JOIN stocktake_lines ln ON ln.id = m.line_id`;

// code or name, as typed (case-insensitive for codes)
const SEARCH = `(instr(upper(coalesce(c.code, ln.code)), upper(@q)) > 0 OR instr(c.name, @q) > 0)`;

const where = (section: RowSection, q: boolean) => `WHERE ${SECTIONS[section].where}${q ? ` AND ${SEARCH}` : ''}`;

/** One page of a section, customers in id order, then unknown codes in line order. */
export function sectionPageSql(section: RowSection, q: boolean): string {
  return `SELECT m.cid AS customerId, coalesce(c.code, ln.code) AS code, c.name AS name, cat.name AS categoryName,
      c.status AS status, sr.name AS statusReasonName, m.line_id AS lineId, m.scans AS scans,
      lu.display_name AS lastUserName, m.last_at AS lastAt, coalesce(ln.checked, 0) AS checked, ln.evidence AS evidence,
      ln.note AS note, c.last_verified_at AS lastVerifiedAt
    ${FROM(section)}
    LEFT JOIN lookups cat ON cat.id = c.category_id
    LEFT JOIN lookups sr ON sr.id = c.status_reason_id
    LEFT JOIN users lu ON lu.id = ln.last_user_id
    ${where(section, q)}
    ORDER BY m.cid IS NULL, m.cid, m.line_id LIMIT @limit OFFSET @offset`;
}

export function sectionCountSql(section: RowSection, q: boolean): string {
  return `SELECT count(*) ${FROM(section)} ${where(section, q)}`;
}

/** The section's customer ids (adjustments pick from them), in id order. */
export function sectionIdsSql(section: RowSection): string {
  return `SELECT m.cid ${FROM(section)} ${where(section, false)} AND m.cid IS NOT NULL ORDER BY m.cid`;
}

/** The summary, counted side: one pass over the counted customers. */
export const COUNTED_SUMMARY = `SELECT count(*) AS counted,
    coalesce(sum(x.expected), 0) AS matched,
    coalesce(sum(NOT x.expected), 0) AS outOfScope,
    coalesce(sum(c.status = 'deactivated'), 0) AS deactivated,
    coalesce(sum(c.status = 'frozen'), 0) AS frozen,
    coalesce(sum(x.scans > 1 OR x.lines > 1), 0) AS duplicates
  FROM (SELECT m.cid, m.scans, m.lines, ${expectedOf('m.cid')} AS expected FROM (${COUNTED}) m) x
  LEFT JOIN customers c ON c.id = x.cid`;

export const UNKNOWN_SUMMARY = `SELECT count(*) AS unknown, coalesce(sum(scans > 1), 0) AS duplicates
  FROM stocktake_lines WHERE stocktake_id = @id AND customer_id IS NULL AND scans > 0`;

/** The summary, expected side: per category of the frozen snapshot, expected and counted customers. */
export const BY_CATEGORY = `SELECT x.category_id AS categoryId, cat.name AS categoryName, count(*) AS expected, sum(x.counted) AS counted
  FROM (SELECT e.customer_id, min(e.category_id) AS category_id, ${countedOf('e.customer_id')} AS counted
    FROM stocktake_expected e WHERE e.stocktake_id = @id GROUP BY e.customer_id) x
  LEFT JOIN lookups cat ON cat.id = x.category_id
  GROUP BY x.category_id ORDER BY cat.sort IS NULL, cat.sort, x.category_id`;

export const PROPOSED_CORRECTIONS = `SELECT count(*) FROM stocktake_corrections WHERE stocktake_id = @id AND status = 'proposed'`;

/** Adjustments made: the stocktake's own log rows, one per adjust call (adjust.ts writes them). */
export const ADJUSTED = `SELECT json_extract(changes, '$.action.after') AS action, sum(json_extract(changes, '$.changed.after')) AS n
  FROM operation_log WHERE entity = 'stocktake' AND entity_id = @eid AND action = 'adjust' GROUP BY 1`;

/** The adjustment each of some customers got in this stocktake: their own log rows tagged with its number. */
export const ROW_ADJUSTMENTS = `SELECT CAST(l.entity_id AS INTEGER) AS cid, l.action AS action FROM json_each(@ids) w
  CROSS JOIN operation_log l ON l.entity = 'customer' AND l.entity_id = CAST(w.value AS TEXT)
  WHERE l.action IN ('deactivate', 'reactivate', 'verify') AND json_extract(l.changes, '$.stocktake.after') = @no
  ORDER BY l.id`;
