import { localDate } from '../clock';
import type { Core } from '../core';

/**
 * settlement.promises (跟进): per open voucher, its newest follow-up that promised a payment date,
 * when that date is today (due today) or before (overdue) and the voucher is still open
 * (approved, not settled). Oldest promise first. The counts feed the sidebar.
 */
export function promises(core: Core, input: { page: number; pageSize: number }) {
  const today = localDate(core.clock.now());
  const base = `
    FROM settlement_follow_ups f
    JOIN settlement_vouchers v ON v.id = f.voucher_id
    WHERE v.status = 'approved' AND f.promised_date IS NOT NULL AND f.promised_date <= @today
      AND f.id = (SELECT max(g.id) FROM settlement_follow_ups g WHERE g.voucher_id = f.voucher_id AND g.promised_date IS NOT NULL)`;
  const counts = core.sqlite
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(f.promised_date = @today), 0) AS dueToday, coalesce(sum(f.promised_date < @today), 0) AS overdue ${base}`,
    )
    .get({ today }) as { total: number; dueToday: number; overdue: number };
  const rows = core.sqlite
    .prepare(
      `SELECT f.id, f.voucher_id AS voucherId, v.no AS voucherNo, c.id AS customerId, c.code AS customerCode, c.name AS customerName,
         c.status AS customerStatus, f.date, f.contact, f.note, f.promised_date AS promisedDate, f.promised_cents AS promisedCents,
         v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id) AS openCents,
         f.at AS createdAt, u.display_name AS createdByName
       ${base.replace('WHERE', 'JOIN customers c ON c.id = v.customer_id LEFT JOIN users u ON u.id = f.by WHERE')}
       ORDER BY f.promised_date, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ today, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as {
    id: number;
    voucherId: number;
    voucherNo: string;
    customerId: number;
    customerCode: string;
    customerName: string;
    customerStatus: 'active' | 'frozen' | 'deactivated';
    date: string;
    contact: string | null;
    note: string;
    promisedDate: string;
    promisedCents: number | null;
    openCents: number;
    createdAt: string;
    createdByName: string | null;
  }[];
  return {
    items: rows.map(({ customerId, customerCode, customerName, customerStatus, ...r }) => ({
      ...r,
      customer: { id: customerId, code: customerCode, name: customerName, status: customerStatus },
      overdue: r.promisedDate < today,
    })),
    total: counts.total,
    dueToday: counts.dueToday,
    overdue: counts.overdue,
  };
}
