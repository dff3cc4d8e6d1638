import type { Actor } from '../actor';
import { type Changes, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Conflict, Refused } from '../errors';
import { SETTLEMENT_CHANGED_EVENT } from './shared/settlement.contract';
import type { Computed } from './voucher-lines';
import { loadVoucher, mayChange, type VoucherRow } from './voucher-read';

/** What every voucher step shares: its log row, its refusals, its event. */
export const VOUCHER_ENTITY = 'settlementVoucher';

export function voucherLog(
  core: Core,
  at: Date,
  actor: Actor,
  id: number,
  action: string,
  changes?: Changes | null,
  reason?: string | null,
): void {
  writeLog(core.db, at, actor, { entity: VOUCHER_ENTITY, entityId: id, action, changes, reason });
}

/** Not a step the voucher's status allows (its number and status in the message). */
export const wrongStatus = (v: Pick<VoucherRow, 'no' | 'status'>, messageKey = 'settlement.errors.wrongStatus') =>
  Refused('INVALID_TRANSITION', messageKey, { no: v.no, status: v.status });

/** The voucher as of the caller's version (stale: CONFLICT), in one of the statuses the step starts from. */
export function voucherAt(
  core: Core,
  id: number,
  version: number | null,
  from: readonly VoucherRow['status'][],
): VoucherRow {
  const v = loadVoucher(core, id);
  if (version != null && v.version !== version) throw Conflict();
  if (!from.includes(v.status)) {
    throw wrongStatus(
      v,
      v.status === 'approved' || v.status === 'settled' ? 'settlement.errors.locked' : 'settlement.errors.wrongStatus',
    );
  }
  return v;
}

/** Only the author, or someone who may approve, changes a voucher before approval. */
export function assertMayChange(actor: Actor, v: VoucherRow): void {
  if (!mayChange(actor, v)) throw Refused('FORBIDDEN', 'settlement.errors.notAuthor', { no: v.no });
}

/** After the change committed: lists, the detail and the sidebar counts reload. */
export function told<T>(core: Core, voucherId: number, out: T): T {
  core.events.emit({ name: SETTLEMENT_CHANGED_EVENT, payload: { voucherId } });
  return out;
}

/** A replayed create (the same client id sent again): the voucher made the first time. */
export const byClientId = (core: Core, clientId: string) =>
  core.sqlite.prepare('SELECT id FROM settlement_vouchers WHERE client_id = ?').pluck().get(clientId) as
    | number
    | undefined;

export interface NewVoucher {
  no: string;
  clientId: string;
  kind: 'normal' | 'reversal';
  reversesId: number | null;
  customerId: number;
  date: string;
  dueDate: string;
  evidenceType: string;
  evidenceRef: string | null;
  memo: string | null;
}

/** A new draft's row (version 1), made and last changed by the actor at `at`; its id. */
export function insertDraft(core: Core, actor: Actor, at: string, v: NewVoucher, figures: Computed): number {
  return Number(
    core.sqlite
      .prepare(
        `INSERT INTO settlement_vouchers (no, client_id, kind, reverses_id, status, customer_id, date, due_date, evidence_type, evidence_ref, memo,
           amount_cents, tax_cents, total_cents, created_at, created_by, updated_at, updated_by, version)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        v.no,
        v.clientId,
        v.kind,
        v.reversesId,
        v.customerId,
        v.date,
        v.dueDate,
        v.evidenceType,
        v.evidenceRef,
        v.memo,
        figures.amountCents,
        figures.taxCents,
        figures.totalCents,
        at,
        actor.id,
        at,
        actor.id,
      ).lastInsertRowid,
  );
}

/** Submitted for approval, with its log row (from draft, or rejected when resubmitted). */
export function submitRow(core: Core, actor: Actor, id: number, now: Date, from: VoucherRow['status']): void {
  core.sqlite
    .prepare(
      "UPDATE settlement_vouchers SET status = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
    )
    .run(now.toISOString(), actor.id, now.toISOString(), actor.id, id);
  voucherLog(core, now, actor, id, 'submit', { status: { before: from, after: 'submitted' } });
}

const CLOSED = {
  rejected: { action: 'reject', sql: 'rejected_at = ?, rejected_by = ?, reject_reason = ?' },
  void: { action: 'void', sql: 'voided_at = ?, voided_by = ?, void_reason = ?' },
} as const;

/** Rejected or voided with a reason (who, when and why on the row), with its log row. */
export function closeRow(
  core: Core,
  actor: Actor,
  v: Pick<VoucherRow, 'id' | 'status'>,
  to: keyof typeof CLOSED,
  reason: string,
): void {
  const now = core.clock.now();
  const at = now.toISOString();
  core.sqlite
    .prepare(
      `UPDATE settlement_vouchers SET status = '${to}', ${CLOSED[to].sql}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
    )
    .run(at, actor.id, reason, at, actor.id, v.id);
  voucherLog(core, now, actor, v.id, CLOSED[to].action, { status: { before: v.status, after: to } }, reason);
}
