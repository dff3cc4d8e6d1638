import type { Actor } from '../actor';
import type { Core } from '../core';
import type { ParsedInput } from '../shared/contract';
import type { VoucherSummary } from './shared/settlement.contract';
import { daysOverdue, today } from './voucher-read';

/**
 * 临时凭证 list (a pool read: it grows to 1M), newest first (by id: the rowid order, no sort).
 * openCents = total − allocations for approved and settled normal vouchers, 0 otherwise;
 * daysOverdue counted to today. `overdueOnly`: approved, due before today (open > 0);
 * `awaitingMe`: submitted by someone else (the user may approve it).
 */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

interface Row extends Omit<VoucherSummary, 'customer' | 'invoiced' | 'daysOverdue'> {
  cid: number;
  ccode: string;
  cname: string;
  cstatus: VoucherSummary['customer']['status'];
}

export function listVouchers(core: Core, actor: Actor, input: ParsedInput<'settlement.vouchers'>) {
  const asOf = today(core);
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.status?.length) {
    // approved and settled are most of 1M rows: walking the ids newest first beats the status index and a sort
    const bulky = input.status.some((st) => st === 'approved' || st === 'settled');
    where.push(`${bulky ? '+' : ''}v.status IN (${input.status.map(() => '?').join(', ')})`);
    args.push(...input.status);
  }
  if (input.customerId) {
    where.push('v.customer_id = ?');
    args.push(input.customerId);
  }
  if (input.q) {
    where.push(
      "(v.no LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR v.evidence_ref LIKE ? ESCAPE '\\' OR v.invoice_no LIKE ? ESCAPE '\\')",
    );
    const like = likeOf(input.q);
    args.push(likeOf(input.q.toUpperCase()), likeOf(input.q.toUpperCase()), like, like, like);
  }
  if (input.dateFrom) {
    where.push('v.date >= ?');
    args.push(input.dateFrom);
  }
  if (input.dateTo) {
    where.push('v.date <= ?');
    args.push(input.dateTo);
  }
  if (input.overdueOnly) {
    where.push("v.status = 'approved' AND v.kind = 'normal' AND v.due_date < ?");
    args.push(asOf);
  }
  if (input.awaitingMe) {
    // only someone who may approve has anything awaiting them
    if (!actor.permissions.has('settlement.approve')) where.push('0');
    where.push("v.status = 'submitted' AND coalesce(v.created_by, 0) <> ? AND coalesce(v.submitted_by, 0) <> ?");
    args.push(actor.id, actor.id);
  }
  const from = `FROM settlement_vouchers v JOIN customers c ON c.id = v.customer_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = core.sqlite
    // the customers join only when the search names them, and the status index counts (an index count, not a walk of 1M rows)
    .prepare(
      `SELECT count(*) ${(input.q ? from : from.replace(' JOIN customers c ON c.id = v.customer_id', '')).replace('+v.status', 'v.status')}`,
    )
    .pluck()
    .get(...args) as number;
  const rows = core.sqlite
    .prepare(
      `SELECT v.id, v.no, v.kind, v.status, c.id AS cid, c.code AS ccode, c.name AS cname, c.status AS cstatus, v.date, v.due_date AS dueDate,
         v.evidence_type AS evidenceType, v.evidence_ref AS evidenceRef, v.total_cents AS totalCents,
         CASE WHEN v.kind = 'normal' AND v.status IN ('approved', 'settled')
           THEN v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id) ELSE 0 END AS openCents,
         v.invoice_no AS invoiceNo, u.display_name AS createdByName, v.created_at AS createdAt, v.version
       ${from.replace('JOIN customers c ON c.id = v.customer_id', 'JOIN customers c ON c.id = v.customer_id LEFT JOIN users u ON u.id = v.created_by')}
       ORDER BY v.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, input.pageSize, (input.page - 1) * input.pageSize) as Row[];
  const items: VoucherSummary[] = rows.map(({ cid, ccode, cname, cstatus, ...r }) => ({
    ...r,
    customer: { id: cid, code: ccode, name: cname, status: cstatus },
    invoiced: r.invoiceNo != null,
    daysOverdue: daysOverdue(r.dueDate, r.openCents, asOf),
  }));
  return { items, total };
}
