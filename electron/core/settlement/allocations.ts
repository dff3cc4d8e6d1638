import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import { localDate } from '../clock';
import type { Core } from '../core';
import { InvalidField, NotFound, Refused } from '../errors';
import { inTransaction } from '../transaction';
import { allocatedFromPayment, allocatedToVoucher, insertAllocation, syncSettled } from './ledger';
import { openVouchersOf } from './open-vouchers';
import { laterOf, paymentDetail, yuan } from './payment.rows';
import { SETTLEMENT_CHANGED_EVENT } from './shared/settlement.contract';

/** What an allocation is made from: a payment of a customer, dated. */
interface PaymentForAllocation {
  id: number;
  no: string;
  customerId: number;
  date: string;
  amountCents: number;
  voidedAt: string | null;
}

export function loadPayment(core: Core, id: number): PaymentForAllocation {
  const p = core.sqlite
    .prepare(
      'SELECT id, no, customer_id AS customerId, date, amount_cents AS amountCents, voided_at AS voidedAt FROM settlement_payments WHERE id = ?',
    )
    .get(id) as PaymentForAllocation | undefined;
  if (!p) throw NotFound();
  return p;
}

export interface AllocationRequest {
  voucherId: number;
  /** 分 */
  amount: number;
}

/**
 * Checks and appends the allocations of a payment, inside the caller's transaction: each voucher
 * the payment's customer's, approved (normal, not a reversal) and open by at least what is set
 * against it (the same voucher twice counts as one); their sum at most what the payment has free.
 * Refusals name the voucher and the figures; nothing is written before every check passed.
 * Each allocation is dated the later of the payment's date, the voucher's date and `today`
 * (`today` is the payment's own date when it is created, the day of a later allocation).
 */
export function applyAllocations(
  core: Core,
  p: PaymentForAllocation,
  requests: AllocationRequest[],
  today: string,
  at: Date,
  by: number,
) {
  const sqlite = core.sqlite;
  const perVoucher = new Map<number, { amount: number; index: number }>();
  requests.forEach((r, index) => {
    const seen = perVoucher.get(r.voucherId);
    perVoucher.set(r.voucherId, { amount: (seen?.amount ?? 0) + r.amount, index: seen?.index ?? index });
  });
  const plan: { voucherId: number; no: string; amount: number; date: string }[] = [];
  for (const [voucherId, { amount, index }] of perVoucher) {
    const v = sqlite
      .prepare(
        'SELECT id, no, customer_id AS customerId, status, kind, date, total_cents AS totalCents FROM settlement_vouchers WHERE id = ?',
      )
      .get(voucherId) as
      | { id: number; no: string; customerId: number; status: string; kind: string; date: string; totalCents: number }
      | undefined;
    if (!v || v.customerId !== p.customerId) {
      throw InvalidField(`allocations.${index}.voucherId`, 'settlement.ledgerErrors.otherCustomer', {
        no: v?.no ?? String(voucherId),
      });
    }
    if (v.kind !== 'normal' || (v.status !== 'approved' && v.status !== 'settled')) {
      throw InvalidField(`allocations.${index}.voucherId`, 'settlement.ledgerErrors.voucherNotOpen', { no: v.no });
    }
    const open = v.totalCents - allocatedToVoucher(sqlite, v.id);
    if (amount > open) {
      throw InvalidField(`allocations.${index}.amount`, 'settlement.ledgerErrors.overOpen', {
        no: v.no,
        open: yuan(open),
        amount: yuan(amount),
      });
    }
    plan.push({ voucherId: v.id, no: v.no, amount, date: laterOf(p.date, v.date, today) });
  }
  const total = plan.reduce((s, x) => s + x.amount, 0);
  const free = p.amountCents - allocatedFromPayment(sqlite, p.id);
  if (total > free) {
    throw Refused('INVALID_INPUT', 'settlement.ledgerErrors.overAllocated', {
      no: p.no,
      free: yuan(free),
      amount: yuan(total),
    });
  }
  const stamp = at.toISOString();
  const ids = plan.map((x) =>
    insertAllocation(sqlite, {
      voucherId: x.voucherId,
      paymentId: p.id,
      amountCents: x.amount,
      date: x.date,
      at: stamp,
      by,
    }),
  );
  for (const x of plan) syncSettled(core, x.voucherId, stamp, by);
  return plan.map((x, i) => ({ id: ids[i], voucherNo: x.no, amountCents: x.amount }));
}

export function emitChanged(core: Core, customerIds: number[], paymentId: number) {
  core.events.emit({ name: SETTLEMENT_CHANGED_EVENT, payload: { customerIds, paymentId } });
}

/** settlement.allocate: more of a payment's free remainder (预收) set against open vouchers, later. */
export function allocate(core: Core, actor: Actor, input: { paymentId: number; allocations: AllocationRequest[] }) {
  const out = inTransaction(core, () => {
    const p = loadPayment(core, input.paymentId);
    if (p.voidedAt) throw Refused('CONFLICT', 'settlement.ledgerErrors.paymentVoided', { no: p.no });
    const at = core.clock.now();
    const made = applyAllocations(core, p, input.allocations, localDate(at), at, actor.id);
    writeLog(core.db, at, actor, {
      entity: 'settlementPayment',
      entityId: p.id,
      action: 'allocate',
      changes: { allocations: { before: null, after: made } },
    });
    return { detail: paymentDetail(core.sqlite, p.id), customerId: p.customerId };
  });
  emitChanged(core, [out.customerId], input.paymentId);
  return out.detail;
}

/**
 * settlement.allocationUndo (反核销): a row of −amount that `undoes` the allocation, once (the
 * unique index on undoes); the voucher is open again (settled → approved). Only a payment's
 * allocation can be undone: a reversal's credit is undone by nothing but its own voucher.
 */
export function undoAllocation(core: Core, actor: Actor, input: { allocationId: number; reason: string }) {
  const out = inTransaction(core, () => {
    const a = core.sqlite
      .prepare(
        `SELECT a.id, a.voucher_id AS voucherId, a.payment_id AS paymentId, a.amount_cents AS amountCents, a.undoes, a.date, v.no AS voucherNo
         FROM settlement_allocations a JOIN settlement_vouchers v ON v.id = a.voucher_id WHERE a.id = ?`,
      )
      .get(input.allocationId) as
      | {
          id: number;
          voucherId: number;
          paymentId: number | null;
          amountCents: number;
          undoes: number | null;
          date: string;
          voucherNo: string;
        }
      | undefined;
    if (!a) throw NotFound();
    if (a.paymentId == null || a.undoes != null || a.amountCents <= 0) {
      throw Refused('CONFLICT', 'settlement.ledgerErrors.notUndoable', { no: a.voucherNo });
    }
    if (core.sqlite.prepare('SELECT 1 FROM settlement_allocations WHERE undoes = ?').get(a.id)) {
      throw Refused('CONFLICT', 'settlement.ledgerErrors.alreadyUndone', { no: a.voucherNo });
    }
    const p = loadPayment(core, a.paymentId);
    const at = core.clock.now();
    const stamp = at.toISOString();
    const id = insertAllocation(core.sqlite, {
      voucherId: a.voucherId,
      paymentId: a.paymentId,
      amountCents: -a.amountCents,
      undoes: a.id,
      reason: input.reason,
      date: laterOf(a.date, localDate(at)),
      at: stamp,
      by: actor.id,
    });
    syncSettled(core, a.voucherId, stamp, actor.id);
    writeLog(core.db, at, actor, {
      entity: 'settlementPayment',
      entityId: p.id,
      action: 'allocationUndo',
      changes: {
        allocation: {
          before: { id: a.id, voucherNo: a.voucherNo, amountCents: a.amountCents },
          after: { id, amountCents: -a.amountCents },
        },
      },
      reason: input.reason,
    });
    return { detail: paymentDetail(core.sqlite, p.id), customerId: p.customerId };
  });
  emitChanged(core, [out.customerId], out.detail.id);
  return out.detail;
}

/** settlement.allocationSuggest: oldest due first (then oldest date, id), each capped by its open amount. */
export function suggestAllocations(core: Core, input: { customerId: number; amount: number; paymentId?: number }) {
  if (!core.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) throw NotFound();
  let left = input.amount;
  if (input.paymentId != null) {
    const p = loadPayment(core, input.paymentId);
    if (p.customerId !== input.customerId) throw NotFound();
    left = p.voidedAt ? 0 : Math.min(left, p.amountCents - allocatedFromPayment(core.sqlite, p.id));
  }
  const open = openVouchersOf(core.sqlite, input.customerId, localDate(core.clock.now()));
  const allocations: { voucherId: number; amountCents: number }[] = [];
  for (const v of open) {
    if (left <= 0) break;
    const take = Math.min(left, v.openCents);
    allocations.push({ voucherId: v.id, amountCents: take });
    left -= take;
  }
  return { open, allocations, remainderCents: input.amount - allocations.reduce((s, a) => s + a.amountCents, 0) };
}
