import type { Actor } from '../actor';
import type { Core } from '../core';
import type { ParsedInput } from '../shared/contract';
import { inTransaction } from '../transaction';
import { getCompany } from './company';
import { customerOf } from './credit';
import { amountInWords } from './shared/amounts';
import { loadVoucher, voucherDetail } from './voucher-read';
import { told, voucherLog, wrongStatus } from './voucher-steps';

/**
 * 结算通知: what the printed page shows (the company header kept in the settings, the voucher, its customer,
 * the total in Chinese capitals), for a normal voucher that is not void (a draft's prints as a
 * preview; the page marks it); marking it sent (打印 / 邮件 / 微信 / 当面) only once it is approved.
 */
export function noticeOf(core: Core, actor: Actor, voucherId: number) {
  const v = loadVoucher(core, voucherId);
  if (v.kind !== 'normal' || v.status === 'void') throw wrongStatus(v, 'settlement.errors.noNotice');
  return {
    company: getCompany(core),
    voucher: voucherDetail(core, actor, v.id),
    customer: customerOf(core, v.customerId),
    amountInWords: amountInWords(v.totalCents),
    printedAt: core.clock.now().toISOString(),
  };
}

export function noticeSent(core: Core, actor: Actor, input: ParsedInput<'settlement.noticeSent'>) {
  const out = inTransaction(core, () => {
    const v = loadVoucher(core, input.voucherId);
    if (v.kind !== 'normal' || (v.status !== 'approved' && v.status !== 'settled'))
      throw wrongStatus(v, 'settlement.errors.noticeNotApproved');
    const now = core.clock.now();
    const at = now.toISOString();
    const id = Number(
      core.sqlite
        .prepare('INSERT INTO settlement_notices (voucher_id, channel, memo, at, by) VALUES (?, ?, ?, ?, ?)')
        .run(v.id, input.channel, input.memo ?? null, at, actor.id).lastInsertRowid,
    );
    voucherLog(
      core,
      now,
      actor,
      v.id,
      'noticeSent',
      { channel: { before: null, after: input.channel } },
      input.memo ?? null,
    );
    return { id, channel: input.channel, memo: input.memo ?? null, at, byName: actor.displayName };
  });
  return told(core, input.voucherId, out);
}
