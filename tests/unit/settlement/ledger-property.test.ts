import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../electron/core/clock';
import type { ChannelOutput } from '../../../electron/core/shared/contract';
import { makeEnv, type TestClient, type TestEnv } from '../support/test-core';
import { approvedReversal, approvedVoucher, balanceOf, customers, openOf, paymentOf, statusOf } from './ledger-support';

/**
 * The ledger's exactness under random work: vouchers approved, parts of them reversed (红字),
 * payments split at random, remainders allocated later, allocations undone, unallocated payments
 * voided, over-allocations tried, over 3–4 customers. After every step: the balance is the
 * vouchers less the payments, nothing is allocated beyond what is open or paid, open amounts and
 * advances reconcile with the balance (and with aging's figures), every sum an integer of 分.
 */
const DAYS = Array.from({ length: 40 }, (_, i) => addDays('2025-11-27', i)); // up to 2026-01-05, today

type Action =
  | { t: 'voucher'; c: number; lines: number[]; day: number; terms: number }
  | { t: 'reverse'; pick: number; cut: number; day: number }
  | { t: 'pay'; c: number; amount: number; split: number[]; day: number }
  | { t: 'allocate'; pick: number }
  | { t: 'undo'; pick: number }
  | { t: 'void'; pick: number }
  | { t: 'over'; pick: number };

const cents = fc.integer({ min: 1, max: 500_000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('voucher' as const),
      c: fc.nat(3),
      lines: fc.array(cents, { minLength: 1, maxLength: 4 }),
      day: fc.nat(39),
      terms: fc.nat(60),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(), cut: fc.nat(), day: fc.nat(39) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('pay' as const),
      c: fc.nat(3),
      amount: fc.integer({ min: 1, max: 1_500_000 }),
      split: fc.array(fc.nat(600_000), { maxLength: 5 }),
      day: fc.nat(39),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('allocate' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('over' as const), pick: fc.nat() }) },
);

const yuan = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const pickOf = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

let env: TestEnv;
let admin: TestClient;
beforeAll(async () => {
  env = await makeEnv();
  admin = await env.admin();
});
afterAll(() => env.close());

function openVouchers(ids: number[]) {
  return env.core.sqlite
    .prepare(
      `SELECT id, customer_id AS c, total_cents - (SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE voucher_id = v.id) AS open
       FROM settlement_vouchers v WHERE kind = 'normal' AND status IN ('approved', 'settled') AND customer_id IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .all(JSON.stringify(ids)) as { id: number; c: number; open: number }[];
}
function payments(ids: number[]) {
  return env.core.sqlite
    .prepare(
      `SELECT id, customer_id AS c, amount_cents AS amount, voided_at IS NOT NULL AS voided,
         (SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE payment_id = p.id) AS allocated
       FROM settlement_payments p WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(ids)) as { id: number; c: number; amount: number; voided: number; allocated: number }[];
}

async function check(ids: number[], expected: Map<number, number>) {
  const vs = openVouchers(ids);
  const ps = payments(ids);
  for (const v of vs) {
    const total = env.core.sqlite
      .prepare('SELECT total_cents FROM settlement_vouchers WHERE id = ?')
      .pluck()
      .get(v.id) as number;
    expect(Number.isInteger(v.open)).toBe(true);
    expect(v.open).toBeGreaterThanOrEqual(0);
    expect(v.open).toBeLessThanOrEqual(total);
    expect(statusOf(env.core, v.id)).toBe(v.open === 0 ? 'settled' : 'approved');
  }
  for (const p of ps) {
    expect(p.allocated).toBeGreaterThanOrEqual(0);
    expect(p.allocated).toBeLessThanOrEqual(p.amount);
    if (p.voided) expect(p.allocated).toBe(0);
  }
  const aging = { items: [] as ChannelOutput<'settlement.aging'>['items'] };
  for (let page = 1; ; page++) {
    const r = await admin.ok('settlement.aging', { page, pageSize: 200 });
    aging.items.push(...r.items);
    if (!r.hasMore) break;
  }
  for (const c of ids) {
    const balance = balanceOf(env.core, c);
    expect(balance).toBe(expected.get(c));
    const open = vs.filter((v) => v.c === c).reduce((s, v) => s + v.open, 0);
    const advance = ps.filter((p) => p.c === c && !p.voided).reduce((s, p) => s + p.amount - p.allocated, 0);
    expect(open - advance).toBe(balance);
    const row = aging.items.find((i) => i.customer.id === c);
    expect(row?.openCents ?? 0).toBe(open);
    expect(row?.advanceCents ?? 0).toBe(advance);
    if (row) expect(row.notDueCents + row.d0_30 + row.d31_60 + row.d61_90 + row.d90_plus).toBe(row.openCents);
  }
}

async function run(actions: Action[]) {
  // the same four names every run: a reason goes past the duplicate warning
  const ids = (
    await customers(
      admin,
      ['甲', '乙', '丙', '丁'].map((n) => `随机客户${n}`),
      { duplicateReason: '属性测试的新一轮' },
    )
  ).map((c) => c.id);
  const expected = new Map(ids.map((c) => [c, 0]));
  const add = (c: number, d: number) => expected.set(c, (expected.get(c) ?? 0) + d);
  for (const a of actions) {
    if (a.t === 'voucher') {
      const c = ids[a.c];
      const date = DAYS[a.day];
      const v = approvedVoucher(env.core, { customerId: c, date, dueDate: addDays(date, a.terms), lines: a.lines });
      add(c, v.totalCents);
    } else if (a.t === 'reverse') {
      const v = pickOf(
        openVouchers(ids).filter((x) => x.open > 0),
        a.pick,
      );
      if (!v) continue;
      const cut = 1 + (a.cut % v.open);
      const before = openOf(env.core, v.id);
      const date =
        DAYS[
          Math.max(
            a.day,
            DAYS.indexOf(
              env.core.sqlite.prepare('SELECT date FROM settlement_vouchers WHERE id = ?').pluck().get(v.id) as string,
            ),
          )
        ];
      approvedReversal(env.core, v.id, cut, date);
      expect(openOf(env.core, v.id)).toBe(before - cut);
      add(v.c, -cut);
    } else if (a.t === 'pay') {
      const c = ids[a.c % ids.length];
      let left = a.amount;
      const allocations: { voucherId: number; amount: string }[] = [];
      openVouchers([c])
        .filter((v) => v.open > 0)
        .forEach((v, i) => {
          const take = Math.min(a.split[i] ?? 0, v.open, left);
          if (take > 0) allocations.push({ voucherId: v.id, amount: yuan(take) });
          left -= take;
        });
      await admin.ok('settlement.paymentCreate', paymentOf(c, yuan(a.amount), allocations, { date: DAYS[a.day] }));
      add(c, -a.amount);
    } else if (a.t === 'allocate') {
      const p = pickOf(
        payments(ids).filter((x) => !x.voided && x.amount > x.allocated),
        a.pick,
      );
      if (!p) continue;
      const s = await admin.ok('settlement.allocationSuggest', {
        customerId: p.c,
        amount: yuan(p.amount - p.allocated),
        paymentId: p.id,
      });
      if (!s.allocations.length) continue;
      await admin.ok('settlement.allocate', {
        paymentId: p.id,
        allocations: s.allocations.map((x) => ({ voucherId: x.voucherId, amount: yuan(x.amountCents) })),
      });
    } else if (a.t === 'undo') {
      const ids2 = env.core.sqlite
        .prepare(
          `SELECT a.id FROM settlement_allocations a JOIN settlement_payments p ON p.id = a.payment_id
           WHERE a.amount_cents > 0 AND p.customer_id IN (SELECT value FROM json_each(?))
             AND NOT EXISTS (SELECT 1 FROM settlement_allocations u WHERE u.undoes = a.id) ORDER BY a.id`,
        )
        .pluck()
        .all(JSON.stringify(ids)) as number[];
      const id = pickOf(ids2, a.pick);
      if (id == null) continue;
      await admin.ok('settlement.allocationUndo', { allocationId: id, reason: '随机反核销' });
    } else if (a.t === 'void') {
      const p = pickOf(
        payments(ids).filter((x) => !x.voided && x.allocated === 0),
        a.pick,
      );
      if (!p) continue;
      await admin.ok('settlement.paymentVoid', { id: p.id, reason: '随机作废' });
      add(p.c, p.amount);
    } else {
      const v = pickOf(
        openVouchers(ids).filter((x) => x.open > 0),
        a.pick,
      );
      if (!v) continue;
      const r = await admin.call(
        'settlement.paymentCreate',
        paymentOf(v.c, yuan(v.open + 1), [{ voucherId: v.id, amount: yuan(v.open + 1) }]),
      );
      expect(r.ok ? null : r.error.messageKey).toBe('settlement.ledgerErrors.overOpen');
    }
    await check(ids, expected);
  }
}

describe('the ledger under random work', () => {
  it('balances, allocations and advances stay exact after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => run(actions)),
      { numRuns: 30 },
    );
  }, 240_000);
});

describe('named cases', () => {
  it('1.15 + 2.30 paid by one payment of 3.45: both settled, nothing left over', async () => {
    const [c] = await customers(admin, ['整数客户']);
    const v1 = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-01', lines: [115] });
    const v2 = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-02', lines: [230] });
    const s = await admin.ok('settlement.allocationSuggest', { customerId: c.id, amount: '3.45' });
    expect(s.allocations.map((a) => a.amountCents)).toEqual([115, 230]);
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '3.45', [
        { voucherId: v1.id, amount: '1.15' },
        { voucherId: v2.id, amount: '2.30' },
      ]),
    );
    expect(p).toMatchObject({ allocatedCents: 345, unallocatedCents: 0 });
    expect([statusOf(env.core, v1.id), statusOf(env.core, v2.id)]).toEqual(['settled', 'settled']);
    expect(balanceOf(env.core, c.id)).toBe(0);
  });

  it('a reversal takes exactly its amount off the open amount; an undone allocation gives back exactly its own', async () => {
    const [c] = await customers(admin, ['红字客户']);
    const v = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-01', lines: [1001] });
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '3.33', [{ voucherId: v.id, amount: '3.33' }]),
    );
    approvedReversal(env.core, v.id, 335, '2025-12-10');
    expect(openOf(env.core, v.id)).toBe(1001 - 333 - 335);
    await admin.ok('settlement.allocationUndo', { allocationId: p.allocations[0].id, reason: '退回' });
    expect(openOf(env.core, v.id)).toBe(1001 - 335);
    approvedReversal(env.core, v.id, 666, '2025-12-11');
    expect(openOf(env.core, v.id)).toBe(0);
    expect(statusOf(env.core, v.id)).toBe('settled');
    expect(balanceOf(env.core, c.id)).toBe(-333);
  });

  it('one payment over three partly paid vouchers', async () => {
    const [c] = await customers(admin, ['三单客户']);
    const vs = [101, 202, 303].map((x, i) =>
      approvedVoucher(env.core, { customerId: c.id, date: `2025-12-0${i + 1}`, lines: [x * 10] }),
    );
    for (const v of vs)
      await admin.ok('settlement.paymentCreate', paymentOf(c.id, '1', [{ voucherId: v.id, amount: '1' }]));
    const s = await admin.ok('settlement.allocationSuggest', { customerId: c.id, amount: '60' });
    expect(s.allocations.map((a) => a.amountCents)).toEqual([910, 1920, 2930]);
    expect(s.remainderCents).toBe(240);
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(
        c.id,
        '60',
        s.allocations.map((a) => ({ voucherId: a.voucherId, amount: yuan(a.amountCents) })),
      ),
    );
    expect(p).toMatchObject({ allocatedCents: 5760, unallocatedCents: 240 });
    expect(vs.map((v) => statusOf(env.core, v.id))).toEqual(['settled', 'settled', 'settled']);
    expect(balanceOf(env.core, c.id)).toBe(-240);
  });

  it('aging as of a past date ignores later payments', async () => {
    const [c] = await customers(admin, ['账龄客户']);
    const v = approvedVoucher(env.core, { customerId: c.id, date: '2025-10-01', dueDate: '2025-10-31', lines: [5000] });
    await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '50', [{ voucherId: v.id, amount: '50' }], { date: '2025-12-20' }),
    );
    const row = async (asOf: string) => (await admin.ok('settlement.aging', { asOf, q: '账龄客户' })).items[0];
    expect(await row('2025-12-19')).toMatchObject({ d31_60: 5000, openCents: 5000 });
    expect(await row('2025-12-20')).toBeUndefined();
  });
});
