import { describe, expect } from 'vitest';
import { SETTLEMENT_CHANGED_EVENT } from '../../../electron/core/settlement/shared/settlement.contract';
import { test } from '../support/fixtures';
import { approved, customer, people, refusal, voucherForm, voucherLog } from './support';

test.override({ jobs: 'inline' });

describe('结算通知, follow-ups and the company header', () => {
  test('the notice shows the company from settings, the voucher, its customer and the total in capitals; sent is recorded once approved', async ({
    env,
  }) => {
    const p = await people(env);
    expect(await p.viewer.ok('settlement.company', {})).toEqual({
      name: null,
      taxId: null,
      address: null,
      phone: null,
      bankName: null,
      bankAccount: null,
      paymentNote: null,
    });
    expect((await refusal(p.finance.call('settlement.companyUpdate', { name: '某某' }))).code).toBe('FORBIDDEN');
    const company = await p.admin.ok('settlement.companyUpdate', {
      name: ' 上海某某贸易有限公司 ',
      taxId: '91310000MA1K000000',
      bankName: '工商银行',
      bankAccount: '6222 0000',
      paymentNote: '请于到期日前转账',
    });
    expect(company).toMatchObject({ name: '上海某某贸易有限公司', bankName: '工商银行', address: null });
    const log = env.core.sqlite
      .prepare(
        "SELECT action, changes FROM operation_log WHERE entity = 'settings' AND entity_id = 'settlement.company'",
      )
      .all() as { changes: string }[];
    expect(JSON.parse(log[0].changes)).toMatchObject({ name: { before: null, after: '上海某某贸易有限公司' } });

    const c = await customer(p.admin, '甲公司');
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id, '1005'));
    expect(
      (await refusal(p.clerk.call('settlement.noticeSent', { voucherId: draft.id, channel: 'print' }))).messageKey,
    ).toBe('settlement.errors.noticeNotApproved');
    const v = await approved(p.clerk, p.finance, c.id, '1005');
    const n = await p.viewer.ok('settlement.notice', { voucherId: v.id });
    expect(n).toMatchObject({
      company: { name: '上海某某贸易有限公司', taxId: '91310000MA1K000000' },
      voucher: { id: v.id, no: v.no, totalCents: 100500, evidenceRef: 'HT-001' },
      customer: { id: c.id, name: '甲公司' },
      amountInWords: '壹仟零伍元整',
      printedAt: env.clock.now().toISOString(),
    });
    const events: string[] = [];
    env.core.events.subscribe((e) => events.push(e.name));
    const sent = await p.clerk.ok('settlement.noticeSent', {
      voucherId: v.id,
      channel: 'wechat',
      memo: '发给财务王经理',
    });
    expect(sent).toMatchObject({ channel: 'wechat', memo: '发给财务王经理', byName: 'clerk1' });
    expect(events).toEqual([SETTLEMENT_CHANGED_EVENT]);
    expect((await p.viewer.ok('settlement.voucher', { id: v.id })).notices).toMatchObject([{ channel: 'wechat' }]);
    expect(voucherLog(env.core, v.id).at(-1)).toMatchObject({ action: 'noticeSent' });
  });

  test('a follow-up goes on an approved, open voucher only, with the promise and the open amount', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id));
    const input = {
      date: '2026-01-06',
      contact: '王经理',
      note: '答应月底付款',
      promisedDate: '2026-01-31',
      promisedAmount: '50',
    };
    expect((await refusal(p.clerk.call('settlement.followUpAdd', { voucherId: draft.id, ...input }))).messageKey).toBe(
      'settlement.errors.notOpen',
    );
    const v = await approved(p.clerk, p.finance, c.id);
    const f = await p.clerk.ok('settlement.followUpAdd', { voucherId: v.id, ...input });
    expect(f).toMatchObject({
      voucherId: v.id,
      voucherNo: v.no,
      customer: { id: c.id },
      contact: '王经理',
      promisedDate: '2026-01-31',
      promisedCents: 5000,
      openCents: 10000,
      createdByName: 'clerk1',
    });
    expect((await p.viewer.ok('settlement.voucher', { id: v.id })).followUps).toHaveLength(1);
    expect(voucherLog(env.core, v.id).at(-1)).toMatchObject({ action: 'followUp', reason: '答应月底付款' });
    expect((await refusal(p.viewer.call('settlement.followUpAdd', { voucherId: v.id, ...input }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
