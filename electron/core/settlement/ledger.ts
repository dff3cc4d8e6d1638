import type { Sqlite } from '../../../db/open';
import { localDate } from '../clock';
import type { Core } from '../core';

/**
 * The receivables ledger and allocations (db/schema/settlement.ts): the only writers of
 * settlement_ledger and settlement_allocations, both append-only. Sums are SQL, never stored.
 * Called inside the caller's write transaction (the operation log entry goes with it).
 */
export type LedgerKind = 'voucher' | 'reversal' | 'payment' | 'paymentVoid' | 'transferIn' | 'transferOut';

export interface Posting {
  /** once only: 'voucher:<id>', 'payment:<id>', 'paymentVoid:<id>', 'merge:<from>-<to>:<logId>:out' … */
  entryKey: string;
  customerId: number;
  /** business date YYYY-MM-DD */
  date: string;
  kind: LedgerKind;
  /** + owes more, − owes less */
  amountCents: number;
  voucherId?: number | null;
  paymentId?: number | null;
  otherCustomerId?: number | null;
  at: string;
  by: number | null;
}

/** Posts once: an entry key already posted is left as it is (returns false). */
export function post(sqlite: Sqlite, p: Posting): boolean {
  const seen = sqlite.prepare('SELECT 1 FROM settlement_ledger WHERE entry_key = ?').pluck().get(p.entryKey);
  if (seen) return false;
  sqlite
    .prepare(
      `INSERT INTO settlement_ledger (entry_key, customer_id, date, kind, amount_cents, voucher_id, payment_id, other_customer_id, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.entryKey,
      p.customerId,
      p.date,
      p.kind,
      p.amountCents,
      p.voucherId ?? null,
      p.paymentId ?? null,
      p.otherCustomerId ?? null,
      p.at,
      p.by,
    );
  return true;
}

/** What the customer owes now (or as of a business date): the sum of its ledger rows. + owes, − in credit. */
export function balanceCents(sqlite: Sqlite, customerId: number, asOf?: string): number {
  return asOf
    ? (sqlite
        .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger WHERE customer_id = ? AND date <= ?')
        .pluck()
        .get(customerId, asOf) as number)
    : (sqlite
        .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger WHERE customer_id = ?')
        .pluck()
        .get(customerId) as number);
}

/** Σ allocations of a voucher (payments and reversals, less undos): what was paid of it. */
export function allocatedToVoucher(sqlite: Sqlite, voucherId: number): number {
  return sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE voucher_id = ?')
    .pluck()
    .get(voucherId) as number;
}

/** Σ allocations from a payment (less undos). */
export function allocatedFromPayment(sqlite: Sqlite, paymentId: number): number {
  return sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE payment_id = ?')
    .pluck()
    .get(paymentId) as number;
}

export interface Allocation {
  voucherId: number;
  paymentId?: number | null;
  creditVoucherId?: number | null;
  amountCents: number;
  /** for an undo (反核销): the allocation it reverses (amount = −its amount) */
  undoes?: number | null;
  reason?: string | null;
  date: string;
  at: string;
  by: number | null;
}

/** Appends an allocation row; returns its id. The caller has checked the amounts (open, free). */
export function insertAllocation(sqlite: Sqlite, a: Allocation): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO settlement_allocations (voucher_id, payment_id, credit_voucher_id, amount_cents, undoes, reason, date, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.voucherId,
        a.paymentId ?? null,
        a.creditVoucherId ?? null,
        a.amountCents,
        a.undoes ?? null,
        a.reason ?? null,
        a.date,
        a.at,
        a.by,
      ).lastInsertRowid,
  );
}

/**
 * The next number of the day `at` falls on (local date), e.g. LS20261201-0001: called inside the
 * creating transaction (BEGIN IMMEDIATE), so two creations never read the same last number.
 */
export function nextNo(
  core: Core,
  table: 'settlement_vouchers' | 'settlement_payments',
  prefix: 'LS' | 'HZ' | 'SK',
  at: Date,
): string {
  const day = `${prefix}${localDate(at).replaceAll('-', '')}-`;
  const last = core.sqlite
    .prepare(`SELECT no FROM ${table} WHERE no >= ? AND no < ? ORDER BY length(no) DESC, no DESC LIMIT 1`)
    .pluck()
    .get(day, `${day}\uffff`) as string | undefined;
  const seq = last ? Number(last.slice(day.length)) + 1 : 1;
  return `${day}${String(seq).padStart(4, '0')}`;
}

/** The columns of a voucher that its posting needs. */
export interface VoucherForPosting {
  id: number;
  kind: 'normal' | 'reversal';
  reversesId: number | null;
  customerId: number;
  date: string;
  /** negative for a reversal */
  totalCents: number;
}

/**
 * What approving a voucher means for the ledger, once (entry key 'voucher:<id>'):
 * - a normal voucher posts +total on its customer;
 * - a reversal (红字, total < 0) posts its (negative) total, and sets −total against the original
 *   as a credit allocation (the original's open amount falls by it; the caller checked that it
 *   was at most the original's open amount), then settles the original when nothing stays open.
 * The caller sets the voucher's own status (approved, or settled when its open amount is 0).
 */
export function postApprovedVoucher(core: Core, v: VoucherForPosting, at: Date, by: number | null): void {
  const stamp = at.toISOString();
  const posted = post(core.sqlite, {
    entryKey: `voucher:${v.id}`,
    customerId: v.customerId,
    date: v.date,
    kind: v.kind === 'reversal' ? 'reversal' : 'voucher',
    amountCents: v.totalCents,
    voucherId: v.id,
    at: stamp,
    by,
  });
  if (!posted || v.kind !== 'reversal' || v.reversesId == null) return;
  insertAllocation(core.sqlite, {
    voucherId: v.reversesId,
    creditVoucherId: v.id,
    amountCents: -v.totalCents,
    date: v.date,
    at: stamp,
    by,
  });
  syncSettled(core, v.reversesId, stamp, by);
}

/**
 * An approved voucher whose open amount reached 0 becomes settled; a settled one whose open amount
 * is above 0 again (an allocation undone) goes back to approved. Call after every allocation change.
 */
export function syncSettled(core: Core, voucherId: number, stamp: string, by: number | null): void {
  const row = core.sqlite.prepare('SELECT status, total_cents FROM settlement_vouchers WHERE id = ?').get(voucherId) as
    | { status: string; total_cents: number }
    | undefined;
  if (!row || (row.status !== 'approved' && row.status !== 'settled')) return;
  const open = row.total_cents - allocatedToVoucher(core.sqlite, voucherId);
  const next = open <= 0 ? 'settled' : 'approved';
  if (next !== row.status) {
    core.sqlite
      .prepare(
        'UPDATE settlement_vouchers SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      )
      .run(next, stamp, by, voucherId);
  }
}
