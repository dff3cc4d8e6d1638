import { describe, expect } from 'vitest';
import { insertAllocation, post } from '../../../electron/core/settlement/ledger';
import { test } from '../support/fixtures';
import { approved, customer, people, refusal, submitted } from './support';

test.override({ jobs: 'inline' });

describe('a customer’s credit as the forms confirm it', () => {
  test('by id or by the label’s code: balance, advance, open, overdue, pending and available, all sums', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '甲公司', { creditLimitCents: 500_000, creditDays: 15 });
    const empty = await p.viewer.ok('settlement.customer', { code: c.code });
    expect(empty).toMatchObject({
      customer: { id: c.id, code: c.code, status: 'active', statusReasonName: null },
      creditLimitCents: 500_000,
      creditDays: 15,
      balanceCents: 0,
      advanceCents: 0,
      openCents: 0,
      overdueCents: 0,
      pendingCents: 0,
      availableCents: 500_000,
      refusedKey: null,
    });
    expect((await p.viewer.ok('settlement.customer', { code: c.code.toLowerCase() })).customer.id).toBe(c.id);
    const old = await approved(p.clerk, p.finance, c.id, '1000', { date: '2025-12-01' });
    expect(old.dueDate).toBe('2025-12-16');
    await approved(p.clerk, p.finance, c.id, '300');
    await submitted(p.clerk, c.id, '200');
    // a payment of 1200 (as the payments core posts it): 1000 of it on the old voucher, 200 left as 预收
    const at = env.clock.now().toISOString();
    env.core.sqlite.transaction(() => {
      const pay = Number(
        env.core.sqlite
          .prepare(
            "INSERT INTO settlement_payments (no, client_id, customer_id, date, amount_cents, created_at, updated_at) VALUES ('SK1', 'pay-00001', ?, '2026-01-05', 120000, ?, ?)",
          )
          .run(c.id, at, at).lastInsertRowid,
      );
      post(env.core.sqlite, {
        entryKey: `payment:${pay}`,
        customerId: c.id,
        date: '2026-01-05',
        kind: 'payment',
        amountCents: -120_000,
        paymentId: pay,
        at,
        by: null,
      });
      insertAllocation(env.core.sqlite, {
        voucherId: old.id,
        paymentId: pay,
        amountCents: 60_000,
        date: '2026-01-05',
        at,
        by: null,
      });
    })();
    const r = await p.viewer.ok('settlement.customer', { customerId: c.id });
    expect(r).toMatchObject({
      balanceCents: 100_000 + 30_000 - 120_000,
      advanceCents: 60_000,
      openCents: 40_000 + 30_000,
      overdueCents: 40_000,
      pendingCents: 20_000,
      availableCents: 500_000 - 10_000 - 20_000,
    });
    expect((await refusal(p.viewer.call('settlement.customer', { code: 'NOPE' }))).code).toBe('NOT_FOUND');
  });

  test('no limit: available is null and any total is approved without an override', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const v = await approved(p.clerk, p.finance, c.id, '99999999');
    expect(v.creditOverrideReason).toBeNull();
    expect((await p.viewer.ok('settlement.customer', { customerId: c.id })).availableCents).toBeNull();
  });
});
