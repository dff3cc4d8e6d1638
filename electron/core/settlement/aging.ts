import type { Sqlite } from '../../../db/open';
import { localDate } from '../clock';
import type { Core } from '../core';
import {
  type AgingFilterInput,
  type AgingQuery,
  type AgingRaw,
  type AgingRow,
  agingByOverdue,
  agingQuery,
  agingTotalsOf,
  toRow,
} from './aging-pass';

export type AgingFilters = AgingFilterInput & { page: number; pageSize: number; sort?: 'code' | 'overdue' };

type Candidate = Omit<
  AgingRaw,
  'notDueCents' | 'd0_30' | 'd31_60' | 'd61_90' | 'd90_plus' | 'openCents' | 'advanceCents' | 'oldestDueDate'
> & {
  mergedInto: number | null;
};

/**
 * One customer's aging row by its own indexed reads, the same figures as the full pass (aging-pass.ts):
 * - its open vouchers: today through the partial index settlement_vouchers_open (approved normal
 *   vouchers, covering what is read), less all their allocations (settlement_allocations_voucher);
 *   as of a past date before some allocation, approved or settled ones (settlement_vouchers_customer)
 *   less the allocations dated on or before it;
 * - its balance as of the date over the ledger index, with the rows of every customer merged into
 *   it (customers_merged_into); a merged customer's own rows count with its survivor, not itself;
 * - the advance = Σ open − balance when above 0 (only when it has ledger rows, as the pass).
 */
function rowReader(sqlite: Sqlite, q: AgingQuery) {
  const open = sqlite.prepare(
    q.past
      ? `SELECT v.due_date AS due, v.total_cents - coalesce((SELECT sum(a.amount_cents) FROM settlement_allocations a WHERE a.voucher_id = v.id AND a.date <= @asOf), 0) AS open
         FROM settlement_vouchers v INDEXED BY settlement_vouchers_customer
         WHERE v.customer_id = @cid AND v.status IN ('approved', 'settled') AND v.kind = 'normal' AND v.date <= @asOf`
      : `SELECT v.due_date AS due, v.total_cents - coalesce((SELECT sum(a.amount_cents) FROM settlement_allocations a WHERE a.voucher_id = v.id), 0) AS open
         FROM settlement_vouchers v INDEXED BY settlement_vouchers_open
         WHERE v.customer_id = @cid AND v.status = 'approved' AND v.kind = 'normal' AND v.date <= @asOf`,
  );
  const balance = sqlite.prepare(
    `WITH RECURSIVE m(id) AS (SELECT @cid UNION SELECT c.id FROM customers c JOIN m ON c.merged_into_id = m.id)
     SELECT count(l.amount_cents) AS n, coalesce(sum(l.amount_cents), 0) AS b
     FROM m JOIN settlement_ledger l ON l.customer_id = m.id AND l.date <= @asOf`,
  );
  const { asOf, d30, d60, d90 } = q.params as Record<string, string>;
  return (c: Candidate): AgingRaw | null => {
    const r = { notDueCents: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, openCents: 0, advanceCents: 0 };
    let oldest: string | null = null;
    for (const v of open.all({ cid: c.id, asOf }) as { due: string; open: number }[]) {
      if (v.open <= 0) continue;
      r.openCents += v.open;
      if (v.due > asOf) r.notDueCents += v.open;
      else if (v.due >= d30) r.d0_30 += v.open;
      else if (v.due >= d60) r.d31_60 += v.open;
      else if (v.due >= d90) r.d61_90 += v.open;
      else r.d90_plus += v.open;
      if (oldest === null || v.due < oldest) oldest = v.due;
    }
    if (c.mergedInto == null) {
      const bal = balance.get({ cid: c.id, asOf }) as { n: number; b: number };
      if (bal.n > 0 && r.openCents - bal.b > 0) r.advanceCents = r.openCents - bal.b;
    }
    if (oldest === null && r.advanceCents === 0) return null;
    if (q.overdueOnly && r.d0_30 + r.d31_60 + r.d61_90 + r.d90_plus <= 0) return null;
    const { mergedInto: _, ...customer } = c;
    return { ...customer, ...r, oldestDueDate: oldest };
  };
}

/**
 * A page in customer-code order: the filtered customers walked along customers_code, each one's
 * row read as rowReader does, until the page (and one more, for `hasMore`) is found. Only the
 * customers before the page's end are read: page 1 costs tens of customers, not 100,000.
 */
function agingByCode(sqlite: Sqlite, q: AgingQuery, limit: number, offset: number) {
  const walk = sqlite.prepare(
    `SELECT c.id, c.code, c.name, c.status, c.merged_into_id AS mergedInto, s.display_name AS salespersonName,
       k.name AS categoryName, c.credit_limit_cents AS creditLimitCents
     FROM customers c INDEXED BY customers_code
     LEFT JOIN users s ON s.id = c.salesperson_id
     LEFT JOIN lookups k ON k.id = c.category_id
     ${q.where}
     ORDER BY c.code`,
  );
  const read = rowReader(sqlite, q);
  const rows: AgingRaw[] = [];
  let skipped = 0;
  let hasMore = false;
  for (const c of walk.iterate(q.params) as Iterable<Candidate>) {
    const row = read(c);
    if (!row) continue;
    if (skipped < offset) skipped++;
    else if (rows.length < limit) rows.push(row);
    else {
      hasMore = true;
      break;
    }
  }
  return { rows, hasMore };
}

export function aging(core: Core, f: AgingFilters) {
  return agingOn(core.sqlite, f, localDate(core.clock.now()));
}

export function agingOn(
  sqlite: Sqlite,
  f: AgingFilters,
  today: string,
): { asOf: string; items: AgingRow[]; hasMore: boolean } {
  const q = agingQuery(sqlite, f, today);
  const offset = (f.page - 1) * f.pageSize;
  if (f.sort === 'overdue') {
    const rows = agingByOverdue(sqlite, q, f.pageSize + 1, offset);
    return { asOf: q.asOf, items: rows.slice(0, f.pageSize).map(toRow), hasMore: rows.length > f.pageSize };
  }
  const { rows, hasMore } = agingByCode(sqlite, q, f.pageSize, offset);
  return { asOf: q.asOf, items: rows.map(toRow), hasMore };
}

/** The count and the buckets' totals over every matching customer (the full pass: ~1 s at 100,000 customers). */
export function agingTotals(core: Core, f: AgingFilterInput) {
  const q = agingQuery(core.sqlite, f, localDate(core.clock.now()));
  return { asOf: q.asOf, ...agingTotalsOf(core.sqlite, q) };
}
