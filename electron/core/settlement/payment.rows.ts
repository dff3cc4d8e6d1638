import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { NotFound } from '../errors';
import type { allocationSchema, paymentDetailSchema, paymentSummarySchema } from './shared/settlement.contract';

export type PaymentSummary = z.infer<typeof paymentSummarySchema>;
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;
export type AllocationRow = z.infer<typeof allocationSchema>;

/** The columns of a payment as its summary shows it (`p` the payment, `c` its customer). */
export const PAYMENT_COLUMNS = `p.id, p.no, p.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
  c.status AS customerStatus, p.date, p.amount_cents AS amountCents,
  (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.payment_id = p.id) AS allocatedCents,
  p.method_id AS methodId, m.name AS methodName, p.reference, p.memo, p.voided_at AS voidedAt, p.void_reason AS voidReason,
  p.created_at AS createdAt, u.display_name AS createdByName`;
export const PAYMENT_JOINS = `JOIN customers c ON c.id = p.customer_id
  LEFT JOIN lookups m ON m.id = p.method_id
  LEFT JOIN users u ON u.id = p.created_by`;

interface PaymentRow {
  id: number;
  no: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  customerStatus: PaymentSummary['customer']['status'];
  date: string;
  amountCents: number;
  allocatedCents: number;
  methodId: number | null;
  methodName: string | null;
  reference: string | null;
  memo: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  createdByName: string | null;
}

export function paymentSummary(r: PaymentRow): PaymentSummary {
  return {
    id: r.id,
    no: r.no,
    customer: { id: r.customerId, code: r.customerCode, name: r.customerName, status: r.customerStatus },
    date: r.date,
    amountCents: r.amountCents,
    allocatedCents: r.allocatedCents,
    unallocatedCents: r.voidedAt ? 0 : r.amountCents - r.allocatedCents,
    methodId: r.methodId,
    methodName: r.methodName,
    reference: r.reference,
    memo: r.memo,
    voided: r.voidedAt != null,
    voidReason: r.voidReason,
    createdAt: r.createdAt,
    createdByName: r.createdByName,
  };
}

/** Allocation rows (`a`), with the numbers of what they join and whether each was undone. */
const ALLOCATION_SELECT = `SELECT a.id, a.voucher_id AS voucherId, v.no AS voucherNo, a.payment_id AS paymentId, p.no AS paymentNo,
    a.credit_voucher_id AS creditVoucherId, cv.no AS creditVoucherNo, a.amount_cents AS amountCents, a.undoes,
    EXISTS (SELECT 1 FROM settlement_allocations x WHERE x.undoes = a.id) AS undone, a.reason, a.at, u.display_name AS byName
  FROM settlement_allocations a
  JOIN settlement_vouchers v ON v.id = a.voucher_id
  LEFT JOIN settlement_payments p ON p.id = a.payment_id
  LEFT JOIN settlement_vouchers cv ON cv.id = a.credit_voucher_id
  LEFT JOIN users u ON u.id = a.by`;

/** The allocations of one payment (`payment_id`) or one voucher (`voucher_id`), in the order made. */
export function allocationsBy(sqlite: Sqlite, column: 'payment_id' | 'voucher_id', id: number): AllocationRow[] {
  const rows = sqlite.prepare(`${ALLOCATION_SELECT} WHERE a.${column} = ? ORDER BY a.id`).all(id) as (Omit<
    AllocationRow,
    'undone'
  > & { undone: number })[];
  return rows.map((r) => ({ ...r, undone: !!r.undone }));
}

export const allocationsOfPayment = (sqlite: Sqlite, paymentId: number): AllocationRow[] =>
  allocationsBy(sqlite, 'payment_id', paymentId);

/** A payment with its allocations; NotFound when there is none. */
export function paymentDetail(sqlite: Sqlite, id: number): PaymentDetail {
  const row = sqlite
    .prepare(`SELECT ${PAYMENT_COLUMNS} FROM settlement_payments p ${PAYMENT_JOINS} WHERE p.id = ?`)
    .get(id) as PaymentRow | undefined;
  if (!row) throw NotFound();
  return { ...paymentSummary(row), allocations: allocationsOfPayment(sqlite, id) };
}

/** 元 with two decimals, for a refusal's message ("1,234.50" is the renderer's business; here plain). */
export const yuan = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** The latest of business dates (YYYY-MM-DD compare as text). */
export const laterOf = (...dates: string[]): string => [...dates].sort().at(-1) ?? '';
