import type { Actor } from '../actor';
import type { Changes } from '../audit/audit.log';
import type { Core } from '../core';
import { Refused } from '../errors';
import type { ParsedInput } from '../shared/contract';
import { assertCustomerCanTransact } from '../status/guard';
import { inTransaction } from '../transaction';
import { checkCredit, yuan } from './credit';
import { postApprovedVoucher } from './ledger';
import type { VoucherDetail } from './shared/settlement.contract';
import { isOwn, loadVoucher, openOf, type VoucherRow, voucherDetail } from './voucher-read';
import { told, voucherAt, voucherLog } from './voucher-steps';

/**
 * THE one path that approves a voucher (normal or reversal), in one write transaction:
 * submitted only, at the caller's version (a second approver racing gets CONFLICT, or, for
 * another voucher of the same customer, sees the first's posting in the credit check); never by
 * its author or submitter (FORBIDDEN settlement.errors.ownVoucher); a normal voucher passes the
 * status guard (frozen and deactivated customers refused, with the reason) and the credit check
 * (credit.ts checkCredit); a reversal must still fit in the original's open amount, and is
 * allowed for a since-frozen or deactivated customer (it only lowers what is owed). Then the
 * ledger posting (ledger.ts postApprovedVoucher) and status approved.
 */
export function approveVoucher(
  core: Core,
  actor: Actor,
  input: ParsedInput<'settlement.voucherApprove'>,
): VoucherDetail {
  inTransaction(core, () => {
    const v = voucherAt(core, input.id, input.version, ['submitted']);
    if (isOwn(actor, v)) throw Refused('FORBIDDEN', 'settlement.errors.ownVoucher', { no: v.no });
    let overrideReason: string | null = null;
    let original: VoucherRow | null = null;
    if (v.kind === 'normal') {
      assertCustomerCanTransact(core, v.customerId, 'approve');
      overrideReason = checkCredit(core, actor, v.customerId, v.totalCents, input.overrideReason);
    } else {
      original = assertReversalFits(core, loadVoucher(core, v.reversesId ?? 0), v.totalCents, 'CONFLICT');
    }
    const now = core.clock.now();
    const at = now.toISOString();
    core.sqlite
      .prepare(
        "UPDATE settlement_vouchers SET status = 'approved', approved_at = ?, approved_by = ?, credit_override_reason = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
      )
      .run(at, actor.id, overrideReason, at, actor.id, v.id);
    postApprovedVoucher(
      core,
      {
        id: v.id,
        kind: v.kind,
        reversesId: v.reversesId,
        customerId: v.customerId,
        date: v.date,
        totalCents: v.totalCents,
      },
      now,
      actor.id,
    );
    if (original) {
      const status = loadVoucher(core, original.id).status;
      // the original paid off by the reversal: its own log says so
      if (status !== original.status)
        voucherLog(
          core,
          now,
          actor,
          original.id,
          'settle',
          { status: { before: original.status, after: status } },
          v.no,
        );
    }
    const changes: Changes = { status: { before: 'submitted', after: 'approved' } };
    if (overrideReason) changes.creditOverride = { before: null, after: true };
    voucherLog(core, now, actor, v.id, 'approve', changes, overrideReason);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}

/** A reversal's size (−total) within its original's open amount now; refused with both figures. */
export function assertReversalFits(
  core: Core,
  original: VoucherRow,
  reversalTotalCents: number,
  code: 'CONFLICT' | 'INVALID_INPUT',
): VoucherRow {
  const open = openOf(core, original);
  if (original.status !== 'approved' || -reversalTotalCents > open) {
    throw Refused(code, 'settlement.errors.reversalOverOpen', {
      no: original.no,
      open: yuan(open),
      total: yuan(-reversalTotalCents),
    });
  }
  return original;
}
