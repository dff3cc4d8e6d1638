import { describe, expect } from 'vitest';
import { addDays, localDate } from '../../../electron/core/clock';
import { candidateQuery } from '../../../electron/core/review/review.service';
import { insertAllocation, syncSettled } from '../../../electron/core/settlement/ledger';
import { setRules, test } from '../review/support';
import { craftPayment, craftVoucher, setCreditLimit } from './rules-support';

const only = (rules: Record<string, object>) => ({
  inactivity: { enabled: false },
  contractEnded: { enabled: false },
  ...rules,
});

describe('the review rule "receivables overdue by more than N days"', () => {
  test('hits customers with an approved voucher still open more than N days past its due date', async ({
    env,
    admin,
    review,
  }) => {
    const core = env.core;
    const today = localDate(env.clock.now());
    const due = (days: number) => addDays(today, -days);
    const c: Record<string, number> = {};
    for (const n of ['久逾期', '刚好30天', '31天', '已付清', '部分付', '未审核', '红字冲平', '反核销', '未到期'])
      c[n] = await review.customer(n);
    const old = { date: due(120), dueDate: due(90) };
    craftVoucher(core, { customerId: c.久逾期, totalCents: 50_00, ...old });
    craftVoucher(core, { customerId: c.刚好30天, totalCents: 50_00, date: due(60), dueDate: due(30) });
    craftVoucher(core, { customerId: c['31天'], totalCents: 50_00, date: due(60), dueDate: due(31) });
    const paid = craftVoucher(core, { customerId: c.已付清, totalCents: 1_15 + 2_30, ...old });
    craftPayment(core, {
      customerId: c.已付清,
      amountCents: 3_45,
      allocations: [{ voucherId: paid, amountCents: 3_45 }],
    });
    const part = craftVoucher(core, { customerId: c.部分付, totalCents: 10_00, ...old });
    craftPayment(core, {
      customerId: c.部分付,
      amountCents: 9_99,
      allocations: [{ voucherId: part, amountCents: 9_99 }],
    });
    craftVoucher(core, { customerId: c.未审核, totalCents: 50_00, status: 'submitted', ...old });
    const reversed = craftVoucher(core, { customerId: c.红字冲平, totalCents: 7_00, ...old });
    craftVoucher(core, { customerId: c.红字冲平, totalCents: -7_00, kind: 'reversal', reversesId: reversed, ...old });
    // paid in full, then the allocation undone (反核销): open again
    const undone = craftVoucher(core, { customerId: c.反核销, totalCents: 20_00, ...old });
    craftPayment(core, {
      customerId: c.反核销,
      amountCents: 20_00,
      allocations: [{ voucherId: undone, amountCents: 20_00 }],
    });
    const alloc = core.sqlite
      .prepare('SELECT id FROM settlement_allocations WHERE voucher_id = ?')
      .pluck()
      .get(undone) as number;
    const at = env.clock.now().toISOString();
    insertAllocation(core.sqlite, {
      voucherId: undone,
      amountCents: -20_00,
      undoes: alloc,
      reason: '错核销',
      date: today,
      at,
      by: null,
    });
    syncSettled(core, undone, at, null);
    craftVoucher(core, { customerId: c.未到期, totalCents: 50_00, date: today, dueDate: addDays(today, 30) });

    const settings = await setRules(admin, only({ overdueReceivables: { enabled: true, days: 30 } }));
    expect(settings.rules[4]).toEqual({ key: 'overdueReceivables', available: true, reasonKey: 'creditRisk' });
    const run = await admin.ok('review.start');
    expect(run.rules).toEqual(['overdueReceivables']);
    const hits = Object.fromEntries(['久逾期', '31天', '部分付', '反核销'].map((n) => [n, ['overdueReceivables']]));
    expect(await review.candidates()).toEqual(hits);

    // a longer N leaves out the 31-day one
    await setRules(admin, only({ overdueReceivables: { enabled: true, days: 31 } }));
    await admin.ok('review.start');
    expect(Object.keys(await review.candidates()).sort()).toEqual(['久逾期', '部分付', '反核销'].sort());
  });
});

describe('the review rule "open balance above the credit limit"', () => {
  test('hits customers whose ledger balance is above their limit; no limit means never', async ({
    env,
    admin,
    review,
  }) => {
    const core = env.core;
    const c: Record<string, number> = {};
    for (const n of ['超额一分', '刚好等额', '无额度', '零额度', '预收', '付款后回落', '两张合计超额'])
      c[n] = await review.customer(n);
    const limits: [string, number | null, number][] = [
      ['超额一分', 100_00, 100_01],
      ['刚好等额', 100_00, 100_00],
      ['无额度', null, 1_000_000_00],
      ['零额度', 0, 1],
    ];
    for (const [n, limit, total] of limits) {
      setCreditLimit(core, c[n], limit);
      craftVoucher(core, { customerId: c[n], totalCents: total });
    }
    setCreditLimit(core, c.预收, 0);
    craftPayment(core, { customerId: c.预收, amountCents: 50_00 });
    setCreditLimit(core, c.付款后回落, 100_00);
    const v = craftVoucher(core, { customerId: c.付款后回落, totalCents: 200_00 });
    craftPayment(core, {
      customerId: c.付款后回落,
      amountCents: 150_00,
      allocations: [{ voucherId: v, amountCents: 150_00 }],
    });
    setCreditLimit(core, c.两张合计超额, 100_00);
    craftVoucher(core, { customerId: c.两张合计超额, totalCents: 60_00 });
    craftVoucher(core, { customerId: c.两张合计超额, totalCents: 40_01 });

    const settings = await setRules(admin, only({ overCreditLimit: { enabled: true } }));
    expect(settings.rules[5]).toEqual({ key: 'overCreditLimit', available: true, reasonKey: 'creditRisk' });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({
      超额一分: ['overCreditLimit'],
      零额度: ['overCreditLimit'],
      两张合计超额: ['overCreditLimit'],
    });
  });

  test('both rules read their indexes (no walk of the customers or the vouchers)', async ({ env, admin }) => {
    await setRules(
      admin,
      only({ overdueReceivables: { enabled: true, days: 30 }, overCreditLimit: { enabled: true } }),
    );
    const q = candidateQuery(env.core, 1);
    const plan = (env.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.some((d) => d.includes('settlement_vouchers_status_due'))).toBe(true);
    expect(plan.some((d) => d.includes('COVERING INDEX settlement_ledger_customer'))).toBe(true);
    expect(plan.filter((d) => /^SCAN (customers|c|v|settlement_vouchers)\b/.test(d))).toEqual([]);
  });
});
