import type { Actor } from '../actor';
import { type Changes, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Conflict, Refused } from '../errors';
import { SETTLEMENT_CHANGED_EVENT } from './shared/settlement.contract';
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
