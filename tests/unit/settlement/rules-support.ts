import type { Core } from '../../../electron/core/core';
import { insertAllocation, post, postApprovedVoucher, syncSettled } from '../../../electron/core/settlement/ledger';

/**
 * Vouchers and payments for the merge, open-item and review-rule tests, written straight into the
 * tables with the ledger's own postings (ledger.ts): what the voucher and payment channels will
 * leave behind, without going through them.
 */
let seq = 0;
const stampOf = (core: Core) => core.clock.now().toISOString();

export interface VoucherFacts {
  customerId: number;
  totalCents: number;
  status?: 'draft' | 'submitted' | 'approved' | 'rejected' | 'void';
  date?: string;
  dueDate?: string;
  kind?: 'normal' | 'reversal';
  reversesId?: number | null;
}

/** A voucher with one status; an approved one is posted to the ledger (and a reversal credits its original). */
export function craftVoucher(core: Core, f: VoucherFacts): number {
  seq += 1;
  const status = f.status ?? 'approved';
  const kind = f.kind ?? 'normal';
  const date = f.date ?? '2026-01-05';
  const at = stampOf(core);
  const id = Number(
    core.sqlite
      .prepare(
        `INSERT INTO settlement_vouchers (no, client_id, kind, reverses_id, status, customer_id, date, due_date, evidence_type,
           amount_cents, tax_cents, total_cents, approved_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'contract', ?, 0, ?, ?, ?, ?)`,
      )
      .run(
        `${kind === 'reversal' ? 'HZ' : 'LS'}T-${seq}`,
        `test-voucher-${seq}`,
        kind,
        f.reversesId ?? null,
        status,
        f.customerId,
        date,
        f.dueDate ?? date,
        f.totalCents,
        f.totalCents,
        status === 'approved' ? at : null,
        at,
        at,
      ).lastInsertRowid,
  );
  if (status === 'approved') {
    postApprovedVoucher(
      core,
      { id, kind, reversesId: f.reversesId ?? null, customerId: f.customerId, date, totalCents: f.totalCents },
      core.clock.now(),
      null,
    );
    syncSettled(core, id, at, null);
  }
  return id;
}

/** A payment posted to the ledger (−amount), allocated to vouchers as given (the rest stays 预收). */
export function craftPayment(
  core: Core,
  f: {
    customerId: number;
    amountCents: number;
    date?: string;
    allocations?: { voucherId: number; amountCents: number }[];
  },
): number {
  seq += 1;
  const date = f.date ?? '2026-01-05';
  const at = stampOf(core);
  const id = Number(
    core.sqlite
      .prepare(
        `INSERT INTO settlement_payments (no, client_id, customer_id, date, amount_cents, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`SKT-${seq}`, `test-payment-${seq}`, f.customerId, date, f.amountCents, at, at).lastInsertRowid,
  );
  post(core.sqlite, {
    entryKey: `payment:${id}`,
    customerId: f.customerId,
    date,
    kind: 'payment',
    amountCents: -f.amountCents,
    paymentId: id,
    at,
    by: null,
  });
  for (const a of f.allocations ?? []) {
    insertAllocation(core.sqlite, {
      voucherId: a.voucherId,
      paymentId: id,
      amountCents: a.amountCents,
      date,
      at,
      by: null,
    });
    syncSettled(core, a.voucherId, at, null);
  }
  return id;
}

/** A customer's ledger balance (the SQL sum). */
export const balanceOf = (core: Core, customerId: number) =>
  core.sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger WHERE customer_id = ?')
    .pluck()
    .get(customerId) as number;

/** Sets a customer's credit limit (null: none) straight in the table. */
export function setCreditLimit(core: Core, customerId: number, cents: number | null): void {
  core.sqlite.prepare('UPDATE customers SET credit_limit_cents = ? WHERE id = ?').run(cents, customerId);
}
