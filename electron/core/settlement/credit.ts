import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Core } from '../core';
import { DomainError, FieldRefused, NotFound, Refused } from '../errors';
import { assertCustomerCanTransact } from '../status/guard';
import { balanceCents } from './ledger';
import type { customerCreditSchema } from './shared/settlement.contract';
import { today } from './voucher-read';

/**
 * A customer's credit as the voucher and payment forms confirm it, and the credit check of an
 * approval. All figures are SQL sums of the ledger, the allocations and the vouchers (nothing
 * stored that could drift):
 * - balance: Σ ledger (what it owes now; − when in credit);
 * - advance (预收): Σ payments not voided − Σ their allocations;
 * - open / overdue: Σ (total − allocations) of approved normal vouchers (overdue: due before today);
 * - pending: Σ totals of submitted vouchers (what approving them would add);
 * - available: limit − balance − pending (null without a limit).
 */
type CustomerCredit = z.infer<typeof customerCreditSchema>;

interface CustomerRow {
  id: number;
  code: string;
  name: string;
  status: CustomerCredit['customer']['status'];
  statusReasonName: string | null;
  statusMemo: string | null;
  salespersonName: string | null;
  taxId: string | null;
  creditLimitCents: number | null;
  creditDays: number | null;
}

const CUSTOMER_SQL = `SELECT c.id, c.code, c.name, c.status, r.name AS statusReasonName, c.status_memo AS statusMemo,
    s.display_name AS salespersonName, c.tax_id AS taxId, c.credit_limit_cents AS creditLimitCents, c.credit_days AS creditDays
  FROM customers c LEFT JOIN lookups r ON r.id = c.status_reason_id LEFT JOIN users s ON s.id = c.salesperson_id`;

/** The customer as the forms and the notice show it (by id, or by its code as a label gives it). */
function customerRow(core: Core, input: { customerId: number } | { code: string }): CustomerRow {
  const row = (
    'customerId' in input
      ? core.sqlite.prepare(`${CUSTOMER_SQL} WHERE c.id = ?`).get(input.customerId)
      : (core.sqlite.prepare(`${CUSTOMER_SQL} WHERE c.code = ?`).get(input.code.trim().toUpperCase()) ??
        core.sqlite.prepare(`${CUSTOMER_SQL} WHERE c.code = ?`).get(input.code.trim()))
  ) as CustomerRow | undefined;
  if (!row) throw NotFound();
  return row;
}

/** The customer of a notice or statement: its row without the credit figures. */
export function customerOf(core: Core, customerId: number): CustomerCredit['customer'] {
  const { creditLimitCents: _limit, creditDays: _days, ...customer } = customerRow(core, { customerId });
  return customer;
}

export function customerCredit(core: Core, input: { customerId: number } | { code: string }): CustomerCredit {
  const row = customerRow(core, input);
  const { creditLimitCents, creditDays, ...customer } = row;
  const sql = core.sqlite;
  const balance = balanceCents(sql, row.id);
  const advance = sql
    .prepare(
      `SELECT coalesce(sum(p.amount_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.payment_id = p.id)), 0)
       FROM settlement_payments p WHERE p.customer_id = ? AND p.voided_at IS NULL`,
    )
    .pluck()
    .get(row.id) as number;
  const open = sql
    .prepare(
      `SELECT coalesce(sum(v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id)), 0) AS open,
         coalesce(sum(CASE WHEN v.due_date < ? THEN v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id) END), 0) AS overdue
       FROM settlement_vouchers v WHERE v.customer_id = ? AND v.status = 'approved' AND v.kind = 'normal'`,
    )
    .get(today(core), row.id) as { open: number; overdue: number };
  const pending = sql
    .prepare(
      "SELECT coalesce(sum(total_cents), 0) FROM settlement_vouchers WHERE customer_id = ? AND status = 'submitted'",
    )
    .pluck()
    .get(row.id) as number;
  let refusedKey: string | null = null;
  try {
    assertCustomerCanTransact(core, row.id, 'create');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    refusedKey = e.messageKey;
  }
  return {
    customer,
    creditLimitCents,
    creditDays,
    balanceCents: balance,
    advanceCents: advance,
    openCents: open.open,
    overdueCents: open.overdue,
    pendingCents: pending,
    availableCents: creditLimitCents == null ? null : creditLimitCents - balance - pending,
    refusedKey,
  };
}

/** 分 as 元 with separators, for a message's figures ("12,345.60"; "-3.00"). */
export function yuan(cents: number): string {
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100).toLocaleString('en-US');
  return `${cents < 0 ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The credit check of approving a normal voucher, inside the approval's write transaction (a
 * second approver waits for the first's commit and sees its posting): the ledger balance + this
 * total above the customer's limit needs `settlement.override_credit` and a reason, else it is
 * refused with the figures. Returns the reason to keep (null when within the limit or no limit).
 */
export function checkCredit(
  core: Core,
  actor: Actor,
  customerId: number,
  totalCents: number,
  overrideReason: string | undefined,
): string | null {
  const limit = core.sqlite.prepare('SELECT credit_limit_cents FROM customers WHERE id = ?').pluck().get(customerId) as
    | number
    | null;
  if (limit == null || totalCents <= 0) return null;
  const balance = balanceCents(core.sqlite, customerId);
  if (balance + totalCents <= limit) return null;
  const params = {
    limit: yuan(limit),
    balance: yuan(balance),
    total: yuan(totalCents),
    over: yuan(balance + totalCents - limit),
  };
  if (!actor.permissions.has('settlement.override_credit'))
    throw Refused('FORBIDDEN', 'settlement.errors.overCreditLimit', params);
  if (!overrideReason) {
    throw FieldRefused(
      'INVALID_INPUT',
      'settlement.errors.overCreditReason',
      { overrideReason: 'settlement.errors.overCreditReason' },
      params,
    );
  }
  return overrideReason;
}
