import { describe, expect } from 'vitest';
import { post } from '../../../electron/core/settlement/ledger';
import { inTransaction } from '../../../electron/core/transaction';
import { lookupId } from '../customers/support';
import { setState } from '../stocktake/recon-support';
import { test } from '../support/fixtures';
import { userByName } from '../support/test-core';
import { approvedReversal, approvedVoucher, customers, paymentOf } from './ledger-support';

const zero = { notDueCents: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };

describe('应收账龄', () => {
  test('buckets by days overdue as of today (0-30 includes the due day), advance, totals over every matching customer', async ({
    env,
    admin,
  }) => {
    const [a, b, quiet] = await customers(admin, ['甲公司', '乙公司', '无往来公司']);
    // today is 2026-01-05
    approvedVoucher(env.core, { customerId: a.id, date: '2025-12-01', dueDate: '2026-01-10', lines: [100] }); // not due
    approvedVoucher(env.core, { customerId: a.id, date: '2025-12-01', dueDate: '2026-01-05', lines: [200] }); // 0 days
    approvedVoucher(env.core, { customerId: a.id, date: '2025-11-01', dueDate: '2025-12-06', lines: [300] }); // 30 days
    approvedVoucher(env.core, { customerId: a.id, date: '2025-11-01', dueDate: '2025-12-05', lines: [400] }); // 31 days
    approvedVoucher(env.core, { customerId: a.id, date: '2025-10-01', dueDate: '2025-11-06', lines: [500] }); // 60
    approvedVoucher(env.core, { customerId: a.id, date: '2025-10-01', dueDate: '2025-10-07', lines: [600] }); // 90
    const oldest = approvedVoucher(env.core, {
      customerId: a.id,
      date: '2025-09-01',
      dueDate: '2025-10-06',
      lines: [700],
    }); // 91
    const settled = approvedVoucher(env.core, {
      customerId: a.id,
      date: '2025-09-01',
      dueDate: '2025-09-02',
      lines: [50],
    });
    await admin.ok('settlement.paymentCreate', paymentOf(a.id, '0.50', [{ voucherId: settled.id, amount: '0.5' }]));
    approvedReversal(env.core, oldest.id, 70, '2025-12-01');
    const vb = approvedVoucher(env.core, {
      customerId: b.id,
      date: '2025-12-01',
      dueDate: '2025-12-20',
      lines: [1000],
    });
    await admin.ok('settlement.paymentCreate', paymentOf(b.id, '12', [{ voucherId: vb.id, amount: '4' }]));
    // all paid: not listed
    const vq = approvedVoucher(env.core, { customerId: quiet.id, date: '2025-12-01', lines: [10] });
    await admin.ok(
      'settlement.paymentCreate',
      paymentOf(quiet.id, '0.1', [{ voucherId: vq.id, amount: '0.1' }], { date: '2025-12-02' }),
    );

    const r = await admin.ok('settlement.aging', {});
    expect(r.asOf).toBe('2026-01-05');
    expect(r.hasMore).toBe(false);
    expect(r.items.map((i) => i.customer.code)).toEqual([a.code, b.code]);
    expect(r.items[0]).toMatchObject({
      notDueCents: 100,
      d0_30: 500,
      d31_60: 900,
      d61_90: 600,
      d90_plus: 630,
      openCents: 2730,
      advanceCents: 0,
      oldestDueDate: '2025-10-06',
    });
    expect(r.items[1]).toMatchObject({ ...zero, d0_30: 600, openCents: 600, advanceCents: 800 });
    const all = await admin.ok('settlement.agingTotals', {});
    expect(all).toMatchObject({ asOf: '2026-01-05', total: 2 });
    expect(all.totals).toEqual({
      notDueCents: 100,
      d0_30: 1100,
      d31_60: 900,
      d61_90: 600,
      d90_plus: 630,
      openCents: 3330,
      advanceCents: 800,
    });

    const first = await admin.ok('settlement.aging', { page: 1, pageSize: 1 });
    expect(first).toMatchObject({ items: [{ customer: { id: a.id } }], hasMore: true });
    const paged = await admin.ok('settlement.aging', { page: 2, pageSize: 1 });
    expect(paged.items.map((i) => i.customer.id)).toEqual([b.id]);
    expect(paged.hasMore).toBe(false);
    const past = await admin.ok('settlement.aging', { page: 5, pageSize: 1 });
    expect(past).toMatchObject({ items: [], hasMore: false });
    // largest overdue first (a's 26.30 before b's 6.00): here the same order as by code
    const byOverdue = await admin.ok('settlement.aging', { sort: 'overdue' });
    expect(byOverdue.items).toEqual(r.items);
  });

  test('as of a past date: later vouchers, payments, allocations, undos and voids are ignored; the approval instant does not matter', async ({
    env,
    admin,
  }) => {
    const [c] = await customers(admin, ['甲公司']);
    const v1 = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-11-01',
      dueDate: '2025-11-30',
      lines: [1000],
    });
    const v2 = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-10', dueDate: '2025-12-31', lines: [500] });
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '12', [{ voucherId: v1.id, amount: '10' }], { date: '2025-12-20' }),
    );
    const pay2 = await admin.ok('settlement.paymentCreate', paymentOf(c.id, '3', [], { date: '2025-12-22' }));
    await admin.ok('settlement.allocate', { paymentId: p.id, allocations: [{ voucherId: v2.id, amount: '2' }] }); // dated today
    await admin.ok('settlement.paymentVoid', { id: pay2.id, reason: '录错' }); // dated today

    const on = (asOf: string) => admin.ok('settlement.aging', { asOf });
    expect((await on('2025-11-15')).items[0]).toMatchObject({
      ...zero,
      notDueCents: 1000,
      openCents: 1000,
      advanceCents: 0,
    });
    expect((await on('2025-12-15')).items[0]).toMatchObject({
      ...zero,
      notDueCents: 500,
      d0_30: 1000,
      openCents: 1500,
    });
    // the payment of 12-20 settled v1; 2.00 of it stayed free until today, as did all of the second payment
    expect((await on('2025-12-25')).items[0]).toMatchObject({
      ...zero,
      notDueCents: 500,
      openCents: 500,
      advanceCents: 500,
    });
    expect((await on('2026-01-04')).items[0]).toMatchObject({ ...zero, d0_30: 500, openCents: 500, advanceCents: 500 });
    expect((await on('2026-01-05')).items[0]).toMatchObject({ ...zero, d0_30: 300, openCents: 300, advanceCents: 0 });
    expect((await on('2025-10-31')).items).toEqual([]);
  });

  test('filters: salesperson, category, state, q, overdue only', async ({ env, admin }) => {
    await env.userWithRoles('ywy', ['clerk']);
    const sales = userByName(env.core, 'ywy');
    if (!sales) throw new Error('no user');
    const big = await lookupId(admin, 'category', '大客户');
    const [a] = await customers(admin, ['北方机电'], { salespersonId: sales.id, categoryId: big });
    const [b, f] = await customers(admin, ['南方贸易', '冻结商行']);
    approvedVoucher(env.core, { customerId: a.id, date: '2025-12-01', dueDate: '2025-12-02', lines: [100] });
    approvedVoucher(env.core, { customerId: b.id, date: '2025-12-01', dueDate: '2026-02-01', lines: [200] });
    approvedVoucher(env.core, { customerId: f.id, date: '2025-12-01', dueDate: '2025-12-01', lines: [300] });
    setState(env.core, f.id, 'frozen');
    const ids = async (filters: Parameters<typeof admin.ok<'settlement.aging'>>[1]) =>
      (await admin.ok('settlement.aging', filters)).items.map((i) => i.customer.id);
    expect(await ids({ salespersonId: sales.id })).toEqual([a.id]);
    expect(await ids({ categoryId: big })).toEqual([a.id]);
    const top = await admin.ok('lookup.create', { kind: 'category', name: '重点' });
    env.core.sqlite.prepare('UPDATE lookups SET parent_id = ? WHERE id = ?').run(top.id, big);
    expect(await ids({ categoryId: top.id })).toEqual([a.id]);
    expect(await ids({ status: 'frozen' })).toEqual([f.id]);
    expect(await ids({ q: '南方' })).toEqual([b.id]);
    expect((await ids({ overdueOnly: true })).sort()).toEqual([a.id, f.id].sort());
    const one = await admin.ok('settlement.aging', { salespersonId: sales.id });
    expect(one.items[0].customer).toMatchObject({ salespersonName: 'ywy', categoryName: '大客户' });
    expect(await admin.ok('settlement.agingTotals', { salespersonId: sales.id })).toMatchObject({
      total: 1,
      totals: { openCents: 100 },
    });
    expect(await admin.ok('settlement.agingTotals', { overdueOnly: true })).toMatchObject({
      total: 2,
      totals: { openCents: 400 },
    });
  });

  test('after a merge the survivor carries the duplicate’s open vouchers and advance, today and as of before the merge', async ({
    env,
    admin,
  }) => {
    const [s, dup] = await customers(admin, ['存续公司', '重复公司']);
    approvedVoucher(env.core, { customerId: s.id, date: '2025-12-01', dueDate: '2025-12-31', lines: [500] });
    approvedVoucher(env.core, { customerId: dup.id, date: '2025-12-01', dueDate: '2026-01-31', lines: [1000] });
    await admin.ok('settlement.paymentCreate', paymentOf(dup.id, '3', [], { date: '2025-12-05' }));
    // what the merge does (its own part): documents moved, the duplicate retired, a transfer pair of one date
    inTransaction(env.core, () => {
      for (const t of ['settlement_vouchers', 'settlement_payments']) {
        env.core.sqlite.prepare(`UPDATE ${t} SET customer_id = ? WHERE customer_id = ?`).run(s.id, dup.id);
      }
      env.core.sqlite
        .prepare(`UPDATE customers SET merged_into_id = ?, status = 'deactivated' WHERE id = ?`)
        .run(s.id, dup.id);
      const at = env.core.clock.now().toISOString();
      post(env.core.sqlite, {
        entryKey: 'merge:t:out',
        customerId: dup.id,
        date: '2026-01-03',
        kind: 'transferOut',
        amountCents: -700,
        otherCustomerId: s.id,
        at,
        by: null,
      });
      post(env.core.sqlite, {
        entryKey: 'merge:t:in',
        customerId: s.id,
        date: '2026-01-03',
        kind: 'transferIn',
        amountCents: 700,
        otherCustomerId: dup.id,
        at,
        by: null,
      });
    });
    for (const asOf of ['2026-01-05', '2025-12-20']) {
      const r = await admin.ok('settlement.aging', { asOf });
      expect(r.items.map((i) => [i.customer.id, i.openCents, i.advanceCents])).toEqual([[s.id, 1500, 300]]);
    }
  });
});
