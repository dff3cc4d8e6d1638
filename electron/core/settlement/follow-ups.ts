import type { Actor } from '../actor';
import type { Core } from '../core';
import type { ParsedInput } from '../shared/contract';
import { inTransaction } from '../transaction';
import { followUpsOf, loadVoucher, openOf } from './voucher-read';
import { told, voucherLog, wrongStatus } from './voucher-steps';

/** 跟进: a contact about an approved voucher still open, with the payment promised (date, amount). Append-only. */
export function addFollowUp(core: Core, actor: Actor, input: ParsedInput<'settlement.followUpAdd'>) {
  const { id, open } = inTransaction(core, () => {
    const v = loadVoucher(core, input.voucherId);
    if (v.kind !== 'normal' || v.status !== 'approved') throw wrongStatus(v, 'settlement.errors.notOpen');
    const now = core.clock.now();
    const newId = Number(
      core.sqlite
        .prepare(
          'INSERT INTO settlement_follow_ups (voucher_id, date, contact, note, promised_date, promised_cents, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          v.id,
          input.date,
          input.contact ?? null,
          input.note,
          input.promisedDate ?? null,
          input.promisedAmount ?? null,
          now.toISOString(),
          actor.id,
        ).lastInsertRowid,
    );
    const after = {
      date: input.date,
      promisedDate: input.promisedDate ?? null,
      promisedCents: input.promisedAmount ?? null,
    };
    voucherLog(core, now, actor, v.id, 'followUp', { followUp: { before: null, after } }, input.note);
    // a follow-up moves no money: the open amount read here is the one after it
    return { id: newId, open: openOf(core, v) };
  });
  const [row] = followUpsOf(core, 'f.id = ?', id, () => open);
  return told(core, input.voucherId, row);
}
