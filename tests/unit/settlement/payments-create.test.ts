import { describe, expect } from 'vitest';
import { setState } from '../stocktake/recon-support';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import {
  approvedVoucher,
  balanceOf,
  customers,
  methodId,
  openOf,
  paymentLog,
  paymentOf,
  rowsOf,
  statusOf,
} from './ledger-support';

describe('settlement.paymentCreate', () => {
  test('a payment split over two vouchers: ledger −amount, allocations, settled, the rest stays 预收, logged and announced', async ({
    env,
    admin,
  }) => {
    const [c] = await customers(admin, ['甲公司']);
    const v1 = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-11-01',
      dueDate: '2025-12-01',
      lines: [10000],
    });
    const v2 = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-12-01',
      dueDate: '2026-01-01',
      lines: [5000, 2345],
    });
    const events: unknown[] = [];
    env.core.events.subscribe((e) => events.push(e));

    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(
        c.id,
        '200.00',
        [
          { voucherId: v1.id, amount: '100' },
          { voucherId: v2.id, amount: '50.5' },
        ],
        {
          methodId: methodId(env.core),
          reference: '工行回单 0012',
        },
      ),
    );
    expect(p).toMatchObject({
      no: 'SK20260105-0001',
      amountCents: 20000,
      allocatedCents: 15050,
      unallocatedCents: 4950,
      methodName: '银行转账',
      reference: '工行回单 0012',
      voided: false,
      replayed: false,
      customer: { id: c.id },
    });
    expect(p.allocations.map((a) => [a.voucherNo, a.amountCents, a.undone])).toEqual([
      [v1.no, 10000, false],
      [v2.no, 5050, false],
    ]);
    expect(statusOf(env.core, v1.id)).toBe('settled');
    expect(statusOf(env.core, v2.id)).toBe('approved');
    expect(openOf(env.core, v2.id)).toBe(7345 - 5050);
    expect(balanceOf(env.core, c.id)).toBe(10000 + 7345 - 20000);
    const ledger = env.core.sqlite
      .prepare(`SELECT entry_key, kind, amount_cents, date FROM settlement_ledger WHERE payment_id = ?`)
      .all(p.id);
    expect(ledger).toEqual([
      { entry_key: `payment:${p.id}`, kind: 'payment', amount_cents: -20000, date: '2026-01-05' },
    ]);
    const log = paymentLog(env.core, p.id);
    expect(log.map((l) => l.action)).toEqual(['create']);
    expect(JSON.parse(log[0].changes ?? '{}').allocations.after).toHaveLength(2);
    expect(events).toContainEqual({ name: 'settlement.changed', payload: { customerIds: [c.id], paymentId: p.id } });

    const listed = await admin.ok('settlement.payments', { customerId: c.id, withAdvance: true });
    expect(listed.items.map((i) => [i.no, i.unallocatedCents])).toEqual([[p.no, 4950]]);
    expect(await admin.ok('settlement.payment', { id: p.id })).toMatchObject({ allocatedCents: 15050 });
  });

  test('the same form sent twice is one payment: the resend answers it (replayed) and writes nothing', async ({
    env,
    admin,
  }) => {
    const [c] = await customers(admin, ['甲公司']);
    const v = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-01', lines: [30000] });
    const form = paymentOf(c.id, '100', [{ voucherId: v.id, amount: '100' }]);
    const first = await admin.ok('settlement.paymentCreate', form);
    const before = snapshot(env.core);
    const again = await admin.ok('settlement.paymentCreate', form);
    expect(again).toEqual({ ...first, replayed: true });
    expect(snapshot(env.core)).toBe(before);
    expect(openOf(env.core, v.id)).toBe(20000);
  });

  test('frozen and deactivated customers may pay (old debt is collected)', async ({ env, admin }) => {
    const [f, d] = await customers(admin, ['冻结公司', '停用公司']);
    const vf = approvedVoucher(env.core, { customerId: f.id, date: '2025-12-01', lines: [1000] });
    setState(env.core, f.id, 'frozen');
    setState(env.core, d.id, 'deactivated');
    const pf = await admin.ok('settlement.paymentCreate', paymentOf(f.id, '10', [{ voucherId: vf.id, amount: '10' }]));
    expect(pf.allocatedCents).toBe(1000);
    expect(statusOf(env.core, vf.id)).toBe('settled');
    const pd = await admin.ok('settlement.paymentCreate', paymentOf(d.id, '5'));
    expect(pd.unallocatedCents).toBe(500);
    expect(balanceOf(env.core, d.id)).toBe(-500);
  });

  test('who may collect: finance yes, a clerk no (the clerk still sees the list)', async ({ env, admin }) => {
    const [c] = await customers(admin, ['甲公司']);
    const finance = await env.userWithRoles('cw', ['finance']);
    const clerk = await env.userWithRoles('wy', ['clerk']);
    expect((await finance.call('settlement.paymentCreate', paymentOf(c.id, '1'))).ok).toBe(true);
    const r = await clerk.call('settlement.paymentCreate', paymentOf(c.id, '1'));
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect((await clerk.call('settlement.payments', {})).ok).toBe(true);
  });
});

describe('refusals write nothing', () => {
  test('more than a voucher has open, more than the payment, another customer’s voucher, an unapproved one, a wrong method', async ({
    env,
    admin,
  }) => {
    const [a, b] = await customers(admin, ['甲公司', '乙公司']);
    const v1 = approvedVoucher(env.core, { customerId: a.id, date: '2025-12-01', lines: [115] });
    const v2 = approvedVoucher(env.core, { customerId: a.id, date: '2025-12-02', lines: [230] });
    const vb = approvedVoucher(env.core, { customerId: b.id, date: '2025-12-02', lines: [999] });
    env.core.sqlite.prepare(`UPDATE settlement_vouchers SET status = 'submitted' WHERE id = ?`).run(v2.id);
    const before = snapshot(env.core);
    const refusal = async (form: ReturnType<typeof paymentOf>) => {
      const r = await admin.call('settlement.paymentCreate', form);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };

    expect(await refusal(paymentOf(a.id, '5', [{ voucherId: v1.id, amount: '1.16' }]))).toEqual({
      code: 'INVALID_INPUT',
      messageKey: 'settlement.ledgerErrors.overOpen',
      fields: { 'allocations.0.amount': 'settlement.ledgerErrors.overOpen' },
      params: { no: v1.no, open: '1.15', amount: '1.16' },
    });
    // the same voucher twice counts as one
    expect(
      (
        await refusal(
          paymentOf(a.id, '5', [
            { voucherId: v1.id, amount: '1' },
            { voucherId: v1.id, amount: '0.16' },
          ]),
        )
      ).messageKey,
    ).toBe('settlement.ledgerErrors.overOpen');
    expect(await refusal(paymentOf(a.id, '1.00', [{ voucherId: v1.id, amount: '1.15' }]))).toMatchObject({
      messageKey: 'settlement.ledgerErrors.overAllocated',
      params: { free: '1.00', amount: '1.15' },
    });
    expect(await refusal(paymentOf(a.id, '20', [{ voucherId: vb.id, amount: '1' }]))).toMatchObject({
      messageKey: 'settlement.ledgerErrors.otherCustomer',
      fields: { 'allocations.0.voucherId': 'settlement.ledgerErrors.otherCustomer' },
    });
    expect(await refusal(paymentOf(a.id, '20', [{ voucherId: v2.id, amount: '1' }]))).toMatchObject({
      messageKey: 'settlement.ledgerErrors.voucherNotOpen',
      params: { no: v2.no },
    });
    const category = env.core.sqlite
      .prepare(`SELECT id FROM lookups WHERE kind = 'category' LIMIT 1`)
      .pluck()
      .get() as number;
    expect(await refusal(paymentOf(a.id, '20', [], { methodId: category }))).toMatchObject({
      fields: { methodId: 'settlement.ledgerErrors.method' },
    });
    expect(await refusal(paymentOf(a.id, '20', [], { amount: '0' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal(paymentOf(a.id, '20', [], { amount: '1.001' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(snapshot(env.core)).toBe(before);
    expect(rowsOf(env.core, 'settlement_payments')).toBe(0);
  });
});

describe('a merged customer', () => {
  test('takes no payment: the refusal names the survivor', async ({ env, admin }) => {
    const [s, dup] = await customers(admin, ['存续公司', '重复公司']);
    env.core.sqlite
      .prepare(`UPDATE customers SET merged_into_id = ?, status = 'deactivated' WHERE id = ?`)
      .run(s.id, dup.id);
    const r = await admin.call('settlement.paymentCreate', paymentOf(dup.id, '1'));
    expect(r.ok ? null : r.error).toEqual({
      code: 'CUSTOMER_DEACTIVATED',
      messageKey: 'settlement.ledgerErrors.merged',
      params: { code: dup.code, survivorCode: s.code, survivorName: '存续公司' },
    });
    expect(rowsOf(env.core, 'settlement_payments')).toBe(0);
  });
});
