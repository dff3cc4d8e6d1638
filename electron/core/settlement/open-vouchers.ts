import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import type { voucherSummarySchema } from './shared/settlement.contract';

type VoucherSummary = z.infer<typeof voucherSummarySchema>;

/**
 * A customer's open vouchers (approved, normal, something still owed) as the payment form lists
 * them: oldest due first, then oldest date, then id — the order allocations are suggested in.
 */
export function openVouchersOf(sqlite: Sqlite, customerId: number, today: string): VoucherSummary[] {
  const rows = sqlite
    .prepare(
      `SELECT * FROM (
         SELECT v.id, v.no, v.kind, v.status, v.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
           c.status AS customerStatus, v.date, v.due_date AS dueDate, v.evidence_type AS evidenceType, v.evidence_ref AS evidenceRef,
           v.total_cents AS totalCents,
           v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id) AS openCents,
           v.invoice_no AS invoiceNo, u.display_name AS createdByName, v.created_at AS createdAt, v.version
         FROM settlement_vouchers v
         JOIN customers c ON c.id = v.customer_id
         LEFT JOIN users u ON u.id = v.created_by
         WHERE v.customer_id = ? AND v.status = 'approved' AND v.kind = 'normal'
       ) WHERE openCents > 0
       ORDER BY dueDate, date, id`,
    )
    .all(customerId) as (Omit<VoucherSummary, 'customer' | 'daysOverdue' | 'invoiced'> & {
    customerId: number;
    customerCode: string;
    customerName: string;
    customerStatus: VoucherSummary['customer']['status'];
  })[];
  return rows.map(({ customerId: id, customerCode: code, customerName: name, customerStatus: status, ...v }) => ({
    ...v,
    customer: { id, code, name, status },
    daysOverdue: daysBetween(v.dueDate, today),
    invoiced: v.invoiceNo != null,
  }));
}

/** Whole days from `due` to `asOf` when `asOf` is later, else 0. */
export function daysBetween(due: string, asOf: string): number {
  const d = (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000;
  return d > 0 ? Math.round(d) : 0;
}
