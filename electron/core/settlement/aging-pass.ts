import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { addDays } from '../clock';
import { categoryTreeSql } from '../customers/search/search.sql';
import type { agingFiltersSchema, agingRowSchema } from './shared/settlement.contract';

export type AgingRow = z.infer<typeof agingRowSchema>;
export type AgingFilterInput = z.output<typeof agingFiltersSchema>;

export const BUCKETS = ['notDueCents', 'd0_30', 'd31_60', 'd61_90', 'd90_plus', 'openCents', 'advanceCents'] as const;
export type AgingTotals = Record<(typeof BUCKETS)[number], number>;

/** What both aging reads share: the date, its bucket bounds, and the filters as a WHERE on customers `c`. */
export interface AgingQuery {
  asOf: string;
  /** the WHERE over customers c ('' when none) */
  where: string;
  params: Record<string, string | number>;
  /** a past date before some allocation: settled vouchers and allocation dates are read */
  past: boolean;
  overdueOnly: boolean;
}

export function agingQuery(sqlite: Sqlite, f: AgingFilterInput, today: string): AgingQuery {
  const asOf = f.asOf ?? today;
  const where: string[] = [];
  const params: Record<string, string | number> = {
    asOf,
    d30: addDays(asOf, -30),
    d60: addDays(asOf, -60),
    d90: addDays(asOf, -90),
  };
  const newest = sqlite.prepare('SELECT max(date) FROM settlement_allocations').pluck().get() as string | null;
  const past = newest != null && newest > asOf;
  if (f.salespersonId != null) {
    where.push('c.salesperson_id = @salespersonId');
    params.salespersonId = f.salespersonId;
  }
  if (f.categoryId != null) {
    // categories form a tree: a category finds its sub-categories' customers too (as the customer search)
    where.push(`c.category_id IN ${categoryTreeSql('@categoryId')}`);
    params.categoryId = f.categoryId;
  }
  if (f.status != null) {
    where.push('c.status = @status');
    params.status = f.status;
  }
  if (f.q) {
    where.push(`(c.code LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\')`);
    params.q = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  return {
    asOf,
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    past,
    overdueOnly: !!f.overdueOnly,
  };
}

/**
 * The aging SQL over every customer, one set-based pass (no loop per customer):
 * - every normal voucher approved (or settled) dated on or before the date, its open amount as of
 *   the date = total − its allocations dated on or before it (payments, reversals' credits, undos);
 *   a settled voucher can only be open as of a date before some allocation of it, so settled
 *   ones are read only when the date is before the newest allocation (and the allocations' dates
 *   only then: otherwise the sums come from the index alone, the vouchers from the partial index
 *   settlement_vouchers_open);
 * - bucketed by its due date against the date (not due / 0-30 / 31-60 / 61-90 / 90+ days overdue);
 * - the advance (预收, payments not allocated as of the date) by the ledger's identity
 *   Σ open − advance = balance: advance = Σ open − the ledger's balance as of the date. The balance
 *   is the ledger index's sum per customer, a merged customer's rows counted with its survivor
 *   (its vouchers and payments moved there; the merge's transfer pair, one date, cancels out);
 * - customers with anything open or an advance, filtered (and overdue only when asked): `tail`
 *   reads the matching rows (`m`).
 */
function passSql(q: AgingQuery, tail: string, names = true) {
  return `
WITH RECURSIVE chain(id, survivor) AS (
  SELECT id, merged_into_id FROM customers WHERE merged_into_id IS NOT NULL
  UNION
  SELECT chain.id, c.merged_into_id FROM chain JOIN customers c ON c.id = chain.survivor WHERE c.merged_into_id IS NOT NULL
),
final AS (SELECT id, survivor FROM chain WHERE survivor NOT IN (SELECT id FROM customers WHERE merged_into_id IS NOT NULL)),
v_open AS (
  SELECT v.customer_id AS cid, v.due_date AS due,
    v.total_cents - coalesce((SELECT sum(a.amount_cents) FROM settlement_allocations a WHERE a.voucher_id = v.id${q.past ? ' AND a.date <= @asOf' : ''}), 0) AS open
  FROM settlement_vouchers v ${q.past ? '' : 'INDEXED BY settlement_vouchers_open'}
  WHERE v.kind = 'normal' AND v.date <= @asOf AND ${q.past ? `v.status IN ('approved', 'settled')` : `v.status = 'approved'`}
),
per_v AS (
  SELECT cid,
    sum(CASE WHEN due > @asOf THEN open ELSE 0 END) AS notDueCents,
    sum(CASE WHEN due <= @asOf AND due >= @d30 THEN open ELSE 0 END) AS d0_30,
    sum(CASE WHEN due < @d30 AND due >= @d60 THEN open ELSE 0 END) AS d31_60,
    sum(CASE WHEN due < @d60 AND due >= @d90 THEN open ELSE 0 END) AS d61_90,
    sum(CASE WHEN due < @d90 THEN open ELSE 0 END) AS d90_plus,
    sum(open) AS openCents,
    min(due) AS oldestDueDate
  FROM v_open WHERE open > 0 GROUP BY cid
),
bal AS (
  SELECT coalesce(final.survivor, l.cid) AS cid, sum(l.b) AS balance
  FROM (SELECT customer_id AS cid, sum(amount_cents) AS b FROM settlement_ledger WHERE date <= @asOf GROUP BY customer_id) l
  LEFT JOIN final ON final.id = l.cid
  GROUP BY 1
),
adv AS (
  SELECT bal.cid, coalesce(per_v.openCents, 0) - bal.balance AS advanceCents
  FROM bal LEFT JOIN per_v ON per_v.cid = bal.cid
  WHERE coalesce(per_v.openCents, 0) - bal.balance > 0
),
ids AS (SELECT cid FROM per_v UNION SELECT cid FROM adv),
rows AS (
  SELECT c.id, c.code, c.name, c.status, ${names ? 's.display_name' : 'NULL'} AS salespersonName, ${names ? 'k.name' : 'NULL'} AS categoryName, c.credit_limit_cents AS creditLimitCents,
    coalesce(per_v.notDueCents, 0) AS notDueCents, coalesce(per_v.d0_30, 0) AS d0_30, coalesce(per_v.d31_60, 0) AS d31_60,
    coalesce(per_v.d61_90, 0) AS d61_90, coalesce(per_v.d90_plus, 0) AS d90_plus, coalesce(per_v.openCents, 0) AS openCents,
    coalesce(adv.advanceCents, 0) AS advanceCents, per_v.oldestDueDate
  FROM ids
  JOIN customers c ON c.id = ids.cid
  LEFT JOIN per_v ON per_v.cid = ids.cid
  LEFT JOIN adv ON adv.cid = ids.cid
  ${names ? 'LEFT JOIN users s ON s.id = c.salesperson_id LEFT JOIN lookups k ON k.id = c.category_id' : ''}
  ${q.where}
),
m AS (SELECT * FROM rows ${q.overdueOnly ? 'WHERE d0_30 + d31_60 + d61_90 + d90_plus > 0' : ''})
${tail}`;
}

export type AgingRaw = Omit<AgingRow, 'customer'> & {
  id: number;
  code: string;
  name: string;
  status: AgingRow['customer']['status'];
  salespersonName: string | null;
  categoryName: string | null;
};

export const toRow = (r: AgingRaw): AgingRow => ({
  customer: {
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    salespersonName: r.salespersonName,
    categoryName: r.categoryName,
  },
  notDueCents: r.notDueCents,
  d0_30: r.d0_30,
  d31_60: r.d31_60,
  d61_90: r.d61_90,
  d90_plus: r.d90_plus,
  openCents: r.openCents,
  advanceCents: r.advanceCents,
  creditLimitCents: r.creditLimitCents,
  oldestDueDate: r.oldestDueDate,
});

/** A page of the full pass, largest overdue first (then largest open, then id). */
export function agingByOverdue(sqlite: Sqlite, q: AgingQuery, limit: number, offset: number): AgingRaw[] {
  const sql = passSql(
    q,
    'SELECT * FROM m ORDER BY openCents - notDueCents DESC, openCents DESC, id LIMIT @limit OFFSET @offset',
  );
  return sqlite.prepare(sql).all({ ...q.params, limit, offset }) as AgingRaw[];
}

/** The count of matching customers and the buckets' sums over all of them. */
export function agingTotalsOf(sqlite: Sqlite, q: AgingQuery): { total: number; totals: AgingTotals } {
  const sql = passSql(
    q,
    `SELECT count(*) AS total, ${BUCKETS.map((b) => `coalesce(sum(${b}), 0) AS ${b}`).join(', ')} FROM m`,
    false,
  );
  const { total, ...totals } = sqlite.prepare(sql).get(q.params) as AgingTotals & { total: number };
  return { total, totals };
}
