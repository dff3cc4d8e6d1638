import { describe, expect } from 'vitest';
import { makeCustomers, reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { craftPayment, craftVoucher } from './rules-support';

describe('receivables as open items of their customers', () => {
  test('unfinished vouchers and a balance other than 0 are open; settled, rejected and void ones are not', async ({
    env,
    admin,
  }) => {
    const core = env.core;
    const [owes, drafts, paid, advance, done, none] = await makeCustomers(admin, [
      '欠款',
      '草稿',
      '付清',
      '预收',
      '已结',
      '无',
    ]);
    // owes: 1.15 + 2.30 approved, 1.00 of the first paid → 2.45 open over 2 vouchers, and one submitted
    const a = craftVoucher(core, { customerId: owes, totalCents: 1_15 });
    craftVoucher(core, { customerId: owes, totalCents: 2_30 });
    craftVoucher(core, { customerId: owes, totalCents: 9_99, status: 'submitted' });
    craftPayment(core, { customerId: owes, amountCents: 1_00, allocations: [{ voucherId: a, amountCents: 1_00 }] });
    // drafts: nothing approved, so no amount and no balance
    craftVoucher(core, { customerId: drafts, totalCents: 5_00, status: 'draft' });
    craftVoucher(core, { customerId: drafts, totalCents: 5_00, status: 'void' });
    // paid: fully paid (settled) and nothing left
    const p = craftVoucher(core, { customerId: paid, totalCents: 3_45 });
    craftPayment(core, { customerId: paid, amountCents: 3_45, allocations: [{ voucherId: p, amountCents: 3_45 }] });
    // advance: paid more than it owed: the advance is an open balance, the voucher is settled
    const q = craftVoucher(core, { customerId: advance, totalCents: 1_00 });
    craftPayment(core, { customerId: advance, amountCents: 5_00, allocations: [{ voucherId: q, amountCents: 1_00 }] });
    // done: a voucher fully corrected by an approved reversal, and a rejected one
    const r = craftVoucher(core, { customerId: done, totalCents: 7_00 });
    craftVoucher(core, { customerId: done, totalCents: -7_00, kind: 'reversal', reversesId: r });
    craftVoucher(core, { customerId: done, totalCents: 1_00, status: 'rejected' });

    const ids = [owes, drafts, paid, advance, done, none];
    const preview = await admin.ok('customer.statusPreview', { ids, action: 'deactivate' });
    expect(Object.fromEntries(preview.items.map((i) => [i.id, i.openItems]))).toEqual({
      [owes]: [
        { kind: 'openBalance', count: 1, amountCents: 2_45 },
        { kind: 'openSettlements', count: 3, amountCents: 2_45 },
      ],
      [drafts]: [{ kind: 'openSettlements', count: 1, amountCents: null }],
      [paid]: [],
      [advance]: [{ kind: 'openBalance', count: 1, amountCents: -4_00 }],
      [done]: [],
      [none]: [],
    });

    // deactivating one with open items asks first; with the acknowledgement it goes on and records them
    const reason = await reasonId(admin, '合同到期');
    const refused = await admin.call('customer.deactivate', { ids: [owes], reasonId: reason });
    expect(refused.ok ? null : refused.error.code).toBe('OPEN_ITEMS');
    await admin.ok('customer.deactivate', { ids: [paid, done], reasonId: reason });
    await admin.ok('customer.deactivate', { ids: [owes], reasonId: reason, acknowledgeOpenItems: true });
    const history = await admin.ok('customer.statusHistory', { id: owes });
    expect(history.items[0].openItems).toEqual([
      { kind: 'openBalance', count: 1, amountCents: 2_45 },
      { kind: 'openSettlements', count: 3, amountCents: 2_45 },
    ]);
  });

  test('freezing asks too', async ({ env, admin }) => {
    const [c] = await makeCustomers(admin, ['冻结前欠款']);
    craftVoucher(env.core, { customerId: c, totalCents: 12_34 });
    const refused = await admin.call('customer.freeze', { ids: [c], reasonId: await reasonId(admin, '其他') });
    expect(refused.ok ? null : refused.error.code).toBe('OPEN_ITEMS');
  });
});
