import { randomUUID } from 'node:crypto';
import type { Core } from '../../../electron/core/core';
import { nextNo, postApprovedVoucher } from '../../../electron/core/settlement/ledger';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import { inTransaction } from '../../../electron/core/transaction';
import type { TestClient } from '../support/test-core';

/**
 * Approved vouchers without the vouchers' channels (built by another part): a voucher row
 * (submitted) with its lines by SQL, then approved as voucherApprove will — ledger.ts
 * postApprovedVoucher and the status — in one transaction.
 */
export interface VoucherSpec {
  customerId: number;
  date: string;
  /** default: date */
  dueDate?: string;
  /** each line's amount in 分 (quantity 1 × that price, no tax); the total is their sum */
  lines: number[];
  by?: number | null;
}

const userId = (core: Core) =>
  core.sqlite.prepare('SELECT id FROM users ORDER BY id LIMIT 1').pluck().get() as number | null;

function insertVoucher(core: Core, spec: VoucherSpec, kind: 'normal' | 'reversal', reversesId: number | null) {
  const at = core.clock.now();
  const stamp = at.toISOString();
  const by = spec.by ?? userId(core);
  const total = spec.lines.reduce((s, x) => s + x, 0);
  const no = nextNo(core, 'settlement_vouchers', kind === 'reversal' ? 'HZ' : 'LS', at);
  const id = Number(
    core.sqlite
      .prepare(
        `INSERT INTO settlement_vouchers (no, client_id, kind, reverses_id, status, customer_id, date, due_date, evidence_type, amount_cents, tax_cents, total_cents,
           submitted_at, submitted_by, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, 'contract', ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        no,
        randomUUID(),
        kind,
        reversesId,
        spec.customerId,
        spec.date,
        spec.dueDate ?? spec.date,
        total,
        total,
        stamp,
        by,
        stamp,
        by,
        stamp,
        by,
      ).lastInsertRowid,
  );
  spec.lines.forEach((cents, i) => {
    core.sqlite
      .prepare(
        `INSERT INTO settlement_voucher_lines (voucher_id, line_no, description, quantity_milli, unit_price, amount_cents, rounded, tax_cents)
         VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
      )
      .run(id, i + 1, `line ${i + 1}`, kind === 'reversal' ? -1000 : 1000, Math.abs(cents) * 100, cents);
  });
  return { id, no, totalCents: total, at, by };
}

function approve(
  core: Core,
  v: ReturnType<typeof insertVoucher>,
  kind: 'normal' | 'reversal',
  reversesId: number | null,
  spec: VoucherSpec,
) {
  postApprovedVoucher(
    core,
    { id: v.id, kind, reversesId, customerId: spec.customerId, date: spec.date, totalCents: v.totalCents },
    v.at,
    v.by,
  );
  // a reversal is consumed whole by its credit allocation: nothing of it stays open
  core.sqlite
    .prepare(
      `UPDATE settlement_vouchers SET status = ?, approved_at = ?, approved_by = ?, version = version + 1 WHERE id = ?`,
    )
    .run(kind === 'reversal' ? 'settled' : 'approved', v.at.toISOString(), v.by, v.id);
}

/** An approved voucher of the lines' total. */
export function approvedVoucher(core: Core, spec: VoucherSpec): { id: number; no: string; totalCents: number } {
  return inTransaction(core, () => {
    const v = insertVoucher(core, spec, 'normal', null);
    approve(core, v, 'normal', null, spec);
    return { id: v.id, no: v.no, totalCents: v.totalCents };
  });
}

/** An approved 红字 reversal of `cents` (> 0) of an approved voucher: its original's open amount falls by it. */
export function approvedReversal(
  core: Core,
  of: number,
  cents: number,
  date: string,
): { id: number; no: string; totalCents: number } {
  return inTransaction(core, () => {
    const customerId = core.sqlite
      .prepare('SELECT customer_id FROM settlement_vouchers WHERE id = ?')
      .pluck()
      .get(of) as number;
    const spec = { customerId, date, lines: [-cents] };
    const v = insertVoucher(core, spec, 'reversal', of);
    approve(core, v, 'reversal', of, spec);
    return { id: v.id, no: v.no, totalCents: v.totalCents };
  });
}

/** Customers made through customer.create, in the order given. */
export async function customers(
  client: TestClient,
  names: string[],
  extra: Partial<ChannelInput<'customer.create'>> = {},
) {
  const out: { id: number; code: string }[] = [];
  for (const name of names) {
    const c = await client.ok('customer.create', { name, nature: 'other', ...extra });
    out.push({ id: c.id, code: c.code });
  }
  return out;
}

export const methodId = (core: Core, name = '银行转账') =>
  core.sqlite
    .prepare(`SELECT id FROM lookups WHERE kind = 'settlementMethod' AND name = ?`)
    .pluck()
    .get(name) as number;

/** A payment form as the payment dialog sends it (a fresh client id unless given). */
export const paymentOf = (
  customerId: number,
  amount: string,
  allocations: { voucherId: number; amount: string }[] = [],
  extra: Partial<ChannelInput<'settlement.paymentCreate'>> = {},
): ChannelInput<'settlement.paymentCreate'> => ({
  clientId: randomUUID(),
  customerId,
  date: '2026-01-05',
  amount,
  allocations,
  ...extra,
});

export const balanceOf = (core: Core, customerId: number) =>
  core.sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger WHERE customer_id = ?')
    .pluck()
    .get(customerId) as number;

export const openOf = (core: Core, voucherId: number) =>
  core.sqlite
    .prepare(
      'SELECT total_cents - (SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE voucher_id = v.id) FROM settlement_vouchers v WHERE id = ?',
    )
    .pluck()
    .get(voucherId) as number;

export const statusOf = (core: Core, voucherId: number) =>
  core.sqlite.prepare('SELECT status FROM settlement_vouchers WHERE id = ?').pluck().get(voucherId) as string;

export const rowsOf = (core: Core, table: string): number =>
  core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** The operation log's rows of a payment, oldest first. */
export const paymentLog = (core: Core, id: number) =>
  core.sqlite
    .prepare(
      `SELECT action, changes, reason FROM operation_log WHERE entity = 'settlementPayment' AND entity_id = ? ORDER BY id`,
    )
    .all(String(id)) as { action: string; changes: string | null; reason: string | null }[];
