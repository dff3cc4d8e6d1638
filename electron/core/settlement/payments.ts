import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import { localDate } from '../clock';
import type { Core } from '../core';
import { touchCustomerActivity } from '../customers/activity';
import { InvalidField, Refused } from '../errors';
import { assertCustomerCanTransact } from '../status/guard';
import { inTransaction } from '../transaction';
import { type AllocationRequest, applyAllocations, emitChanged, loadPayment } from './allocations';
import { allocatedFromPayment, nextNo, post } from './ledger';
import { laterOf, PAYMENT_COLUMNS, PAYMENT_JOINS, paymentDetail, paymentSummary, yuan } from './payment.rows';

export interface PaymentInput {
  clientId: string;
  customerId: number;
  date: string;
  /** 分 */
  amount: number;
  methodId?: number | null;
  reference?: string | null;
  memo?: string | null;
  allocations: AllocationRequest[];
}

/** 结算方式: an item of the managed list, active (the payment form offers only those). */
function assertMethod(core: Core, methodId: number | null | undefined) {
  if (methodId == null) return;
  const m = core.sqlite.prepare('SELECT kind, active FROM lookups WHERE id = ?').get(methodId) as
    | { kind: string; active: number }
    | undefined;
  if (m?.kind !== 'settlementMethod' || !m.active) throw InvalidField('methodId', 'settlement.ledgerErrors.method');
}

/**
 * A customer merged into another has no documents left (they moved to the survivor): a payment
 * on it would be an advance nobody sees. The refusal names the survivor to take it instead.
 */
function assertNotMerged(core: Core, customerId: number) {
  const s = core.sqlite
    .prepare(
      'SELECT c.code, s.code AS survivorCode, s.name AS survivorName FROM customers c JOIN customers s ON s.id = c.merged_into_id WHERE c.id = ?',
    )
    .get(customerId) as { code: string; survivorCode: string; survivorName: string } | undefined;
  if (s) throw Refused('CUSTOMER_DEACTIVATED', 'settlement.ledgerErrors.merged', s);
}

/**
 * settlement.paymentCreate: the payment, its ledger posting 'payment:<id>' (−amount) and its
 * allocations as given, in one transaction with the log. Frozen and deactivated customers may
 * pay (the guard's 'collect'). A form sent again with the same clientId is answered with the
 * stored payment (replayed), writing nothing.
 */
export function createPayment(core: Core, actor: Actor, input: PaymentInput) {
  const out = inTransaction(core, () => {
    const seen = core.sqlite
      .prepare('SELECT id FROM settlement_payments WHERE client_id = ?')
      .pluck()
      .get(input.clientId) as number | undefined;
    if (seen != null) return { detail: paymentDetail(core.sqlite, seen), replayed: true };
    const customer = assertCustomerCanTransact(core, input.customerId, 'collect');
    assertNotMerged(core, customer.id);
    assertMethod(core, input.methodId);
    const at = core.clock.now();
    const stamp = at.toISOString();
    const no = nextNo(core, 'settlement_payments', 'SK', at);
    const id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO settlement_payments (no, client_id, customer_id, date, amount_cents, method_id, reference, memo, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          no,
          input.clientId,
          customer.id,
          input.date,
          input.amount,
          input.methodId ?? null,
          input.reference ?? null,
          input.memo ?? null,
          stamp,
          actor.id,
          stamp,
          actor.id,
        ).lastInsertRowid,
    );
    post(core.sqlite, {
      entryKey: `payment:${id}`,
      customerId: customer.id,
      date: input.date,
      kind: 'payment',
      amountCents: -input.amount,
      paymentId: id,
      at: stamp,
      by: actor.id,
    });
    const p = { id, no, customerId: customer.id, date: input.date, amountCents: input.amount, voidedAt: null };
    const made = input.allocations.length ? applyAllocations(core, p, input.allocations, input.date, at, actor.id) : [];
    touchCustomerActivity(core, [customer.id], at);
    writeLog(core.db, at, actor, {
      entity: 'settlementPayment',
      entityId: id,
      action: 'create',
      changes: {
        payment: {
          before: null,
          after: {
            no,
            customerCode: customer.code,
            date: input.date,
            amountCents: input.amount,
            methodId: input.methodId ?? null,
            reference: input.reference ?? null,
          },
        },
        ...(made.length ? { allocations: { before: null, after: made } } : {}),
      },
    });
    return { detail: paymentDetail(core.sqlite, id), replayed: false };
  });
  if (!out.replayed) emitChanged(core, [out.detail.customer.id], out.detail.id);
  return { ...out.detail, replayed: out.replayed };
}

/**
 * settlement.paymentVoid: a payment with nothing allocated (net) is voided: 'paymentVoid:<id>'
 * posts its amount back (+), dated the later of its date and today; the payment stays, marked.
 */
export function voidPayment(core: Core, actor: Actor, input: { id: number; reason: string }) {
  const out = inTransaction(core, () => {
    const p = loadPayment(core, input.id);
    if (p.voidedAt) throw Refused('CONFLICT', 'settlement.ledgerErrors.paymentVoided', { no: p.no });
    const allocated = allocatedFromPayment(core.sqlite, p.id);
    if (allocated !== 0)
      throw Refused('CONFLICT', 'settlement.ledgerErrors.paymentAllocated', { no: p.no, allocated: yuan(allocated) });
    const at = core.clock.now();
    const stamp = at.toISOString();
    post(core.sqlite, {
      entryKey: `paymentVoid:${p.id}`,
      customerId: p.customerId,
      date: laterOf(p.date, localDate(at)),
      kind: 'paymentVoid',
      amountCents: p.amountCents,
      paymentId: p.id,
      at: stamp,
      by: actor.id,
    });
    core.sqlite
      .prepare(
        'UPDATE settlement_payments SET voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      )
      .run(stamp, actor.id, input.reason, stamp, actor.id, p.id);
    writeLog(core.db, at, actor, {
      entity: 'settlementPayment',
      entityId: p.id,
      action: 'void',
      changes: { voided: { before: false, after: true } },
      reason: input.reason,
    });
    return paymentDetail(core.sqlite, p.id);
  });
  emitChanged(core, [out.customer.id], out.id);
  return out;
}

export interface PaymentFilters {
  customerId?: number;
  q?: string | null;
  dateFrom?: string;
  dateTo?: string;
  withAdvance?: boolean;
  page: number;
  pageSize: number;
}

/** settlement.payments: newest first; q finds the number, the reference, the customer's code or name. */
export function listPayments(core: Core, f: PaymentFilters) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.customerId != null) {
    where.push('p.customer_id = ?');
    args.push(f.customerId);
  }
  if (f.dateFrom) {
    where.push('p.date >= ?');
    args.push(f.dateFrom);
  }
  if (f.dateTo) {
    where.push('p.date <= ?');
    args.push(f.dateTo);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      `(p.no LIKE ? ESCAPE '\\' OR p.reference LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`,
    );
    args.push(like, like, like, like);
  }
  if (f.withAdvance) {
    where.push(
      'p.voided_at IS NULL AND p.amount_cents > (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.payment_id = p.id)',
    );
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // the customer is joined for the count only when q looks at its code or name
  const countJoin = f.q ? 'JOIN customers c ON c.id = p.customer_id' : '';
  const total = core.sqlite
    .prepare(`SELECT count(*) FROM settlement_payments p ${countJoin} ${cond}`)
    .pluck()
    .get(...args) as number;
  const rows = core.sqlite
    .prepare(
      `SELECT ${PAYMENT_COLUMNS} FROM settlement_payments p ${PAYMENT_JOINS} ${cond} ORDER BY p.date DESC, p.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.pageSize, (f.page - 1) * f.pageSize) as Parameters<typeof paymentSummary>[0][];
  return { items: rows.map(paymentSummary), total };
}
