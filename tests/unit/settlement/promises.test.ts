import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { test } from '../support/fixtures';
import { approvedVoucher, customers, paymentOf } from './ledger-support';

/** A follow-up as settlement.followUpAdd records it (that channel belongs to the vouchers' part). */
function followUp(
  core: Core,
  voucherId: number,
  promisedDate: string | null,
  note = '电话催款',
  promisedCents: number | null = null,
) {
  core.sqlite
    .prepare(
      `INSERT INTO settlement_follow_ups (voucher_id, date, contact, note, promised_date, promised_cents, at, by)
       VALUES (?, '2026-01-02', '王会计', ?, ?, ?, '2026-01-02T02:00:00.000Z', 1)`,
    )
    .run(voucherId, note, promisedDate, promisedCents);
}

describe('付款承诺', () => {
  test('promises due today and overdue of vouchers still open; the newest promise of a voucher counts; paid vouchers drop out', async ({
    env,
    admin,
  }) => {
    const [a, b] = await customers(admin, ['甲公司', '乙公司']);
    const v1 = approvedVoucher(env.core, { customerId: a.id, date: '2025-12-01', lines: [1000] });
    const v2 = approvedVoucher(env.core, { customerId: a.id, date: '2025-12-02', lines: [2000] });
    const v3 = approvedVoucher(env.core, { customerId: b.id, date: '2025-12-03', lines: [3000] });
    const v4 = approvedVoucher(env.core, { customerId: b.id, date: '2025-12-04', lines: [4000] });
    // today is 2026-01-05
    followUp(env.core, v1.id, '2026-01-01', '答应元旦付');
    followUp(env.core, v1.id, null, '没接电话');
    followUp(env.core, v2.id, '2026-01-03');
    followUp(env.core, v2.id, '2026-01-05', '改到今天', 1500);
    followUp(env.core, v3.id, '2026-01-09', '下周付');
    followUp(env.core, v4.id, '2026-01-04');
    await admin.ok('settlement.paymentCreate', paymentOf(b.id, '40', [{ voucherId: v4.id, amount: '40' }]));

    const r = await admin.ok('settlement.promises', {});
    expect(r).toMatchObject({ total: 2, dueToday: 1, overdue: 1 });
    expect(r.items.map((i) => [i.voucherNo, i.promisedDate, i.overdue, i.note, i.openCents, i.promisedCents])).toEqual([
      [v1.no, '2026-01-01', true, '答应元旦付', 1000, null],
      [v2.no, '2026-01-05', false, '改到今天', 2000, 1500],
    ]);
    expect(r.items[0]).toMatchObject({
      customer: { id: a.id, code: a.code },
      contact: '王会计',
      createdByName: '系统管理员',
    });
    const page2 = await admin.ok('settlement.promises', { page: 2, pageSize: 1 });
    expect(page2.items.map((i) => i.voucherId)).toEqual([v2.id]);
    expect(page2.total).toBe(2);
  });
});
