import { describe, expect } from 'vitest';
import { localDate } from '../../../electron/core/clock';
import { logOf, makeCustomers, reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { userByName } from '../support/test-core';
import { balanceOf, craftPayment, craftVoucher } from './rules-support';

const ledgerRows = (sqlite: import('../../../db/open').Sqlite) =>
  sqlite.prepare('SELECT * FROM settlement_ledger ORDER BY id').all() as Record<string, unknown>[];

describe('merging a duplicate with receivables into its survivor', () => {
  test('moves the balance by a transfer pair, keeps the old ledger rows, and moves vouchers and payments', async ({
    env,
    admin,
  }) => {
    const [dup, keep, other] = await makeCustomers(admin, ['杭州湾物流（重复）', '杭州湾物流有限公司', '无关公司']);
    const core = env.core;
    // the duplicate owes 1 000.00 − 300.00 paid = 700.00, plus a draft; the survivor owes 250.15
    const v1 = craftVoucher(core, { customerId: dup, totalCents: 100_000, date: '2025-12-01', dueDate: '2025-12-31' });
    const draft = craftVoucher(core, { customerId: dup, totalCents: 5_000, status: 'draft' });
    const p1 = craftPayment(core, {
      customerId: dup,
      amountCents: 30_000,
      allocations: [{ voucherId: v1, amountCents: 30_000 }],
    });
    craftVoucher(core, { customerId: keep, totalCents: 25_015 });
    craftVoucher(core, { customerId: other, totalCents: 999 });
    const before = ledgerRows(core.sqlite);
    expect([balanceOf(core, dup), balanceOf(core, keep)]).toEqual([70_000, 25_015]);

    const duplicate = await reasonId(admin, '重复档案');
    env.clock.set('2026-01-05T17:30:00.000Z'); // a local date that may differ from the UTC one
    await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    await admin.ok('customer.deactivate', {
      ids: [dup],
      reasonId: duplicate,
      survivorId: keep,
      memo: '同一家公司',
      acknowledgeOpenItems: true,
    });

    expect([balanceOf(core, dup), balanceOf(core, keep), balanceOf(core, other)]).toEqual([0, 95_015, 999]);
    // append-only: every earlier row as it was, two rows added
    const after = ledgerRows(core.sqlite);
    expect(after.slice(0, before.length)).toEqual(before);
    const adminId = userByName(core, 'admin')?.id;
    const at = '2026-01-05T17:30:00.000Z';
    const date = localDate(new Date(at));
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({
        customer_id: dup,
        kind: 'transferOut',
        amount_cents: -70_000,
        other_customer_id: keep,
        date,
        at,
        by: adminId,
      }),
      expect.objectContaining({
        customer_id: keep,
        kind: 'transferIn',
        amount_cents: 70_000,
        other_customer_id: dup,
        date,
        at,
        by: adminId,
      }),
    ]);
    expect(after.slice(before.length).map((r) => r.entry_key)).toEqual([
      `merge:${dup}:${keep}:${at}:out`,
      `merge:${dup}:${keep}:${at}:in`,
    ]);

    // the documents now belong to the survivor (their own ledger rows keep the duplicate: history)
    const owner = (table: string, id: number) =>
      core.sqlite.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).pluck().get(id);
    expect([
      owner('settlement_vouchers', v1),
      owner('settlement_vouchers', draft),
      owner('settlement_payments', p1),
    ]).toEqual([keep, keep, keep]);

    // both log entries name the transfer beside the moved references
    const moved = {
      'settlement_vouchers.customer_id': 2,
      'settlement_payments.customer_id': 1,
      'settlement_ledger.transfer': 1,
    };
    expect((await logOf(admin, dup)).at(-1)?.changes).toMatchObject({ movedReferences: { after: moved } });
    expect((await logOf(admin, keep)).at(-1)).toMatchObject({
      action: 'mergeReceive',
      changes: { movedReferences: { after: moved } },
    });

    // the survivor's open items now hold the duplicate's: 950.15 owed, 3 unfinished vouchers
    const preview = await admin.ok('customer.statusPreview', { ids: [keep], action: 'deactivate' });
    expect(preview.items[0].openItems).toEqual([
      { kind: 'openBalance', count: 1, amountCents: 95_015 },
      { kind: 'openSettlements', count: 3, amountCents: 95_015 },
    ]);
  });

  test('a duplicate whose balance is 0 (or that never had receivables) posts nothing', async ({ env, admin }) => {
    const [dup, keep, empty, keep2] = await makeCustomers(admin, ['甲（重复）', '甲公司', '乙（重复）', '乙公司']);
    const v = craftVoucher(env.core, { customerId: dup, totalCents: 1_15 + 2_30 });
    craftPayment(env.core, { customerId: dup, amountCents: 3_45, allocations: [{ voucherId: v, amountCents: 3_45 }] });
    const duplicate = await reasonId(admin, '重复档案');
    const rows = ledgerRows(env.core.sqlite).length;
    await admin.ok('customer.deactivate', { ids: [dup], reasonId: duplicate, survivorId: keep });
    await admin.ok('customer.deactivate', { ids: [empty], reasonId: duplicate, survivorId: keep2 });
    expect(ledgerRows(env.core.sqlite)).toHaveLength(rows);
    const movedOf = async (id: number) => (await logOf(admin, id)).at(-1)?.changes?.movedReferences.after;
    expect(await movedOf(dup)).toMatchObject({
      'settlement_vouchers.customer_id': 1,
      'settlement_payments.customer_id': 1,
    });
    expect(await movedOf(dup)).not.toHaveProperty(['settlement_ledger.transfer']);
    expect(await movedOf(empty)).not.toHaveProperty(['settlement_ledger.transfer']);
  });

  test('an advance (negative balance) moves too', async ({ env, admin }) => {
    const [dup, keep] = await makeCustomers(admin, ['丙（重复）', '丙公司']);
    craftPayment(env.core, { customerId: dup, amountCents: 50_000 });
    craftVoucher(env.core, { customerId: keep, totalCents: 20_000 });
    await admin.ok('customer.deactivate', {
      ids: [dup],
      reasonId: await reasonId(admin, '重复档案'),
      survivorId: keep,
      acknowledgeOpenItems: true,
    });
    expect([balanceOf(env.core, dup), balanceOf(env.core, keep)]).toEqual([0, -30_000]);
  });
});
