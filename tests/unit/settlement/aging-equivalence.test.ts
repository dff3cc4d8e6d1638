import { describe, expect } from 'vitest';
import { addDays } from '../../../electron/core/clock';
import { post } from '../../../electron/core/settlement/ledger';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import { inTransaction } from '../../../electron/core/transaction';
import { setState } from '../stocktake/recon-support';
import { test } from '../support/fixtures';
import type { TestClient, TestEnv } from '../support/test-core';
import { approvedReversal, approvedVoucher, balanceOf, customers, paymentOf } from './ledger-support';

/** a small seeded generator: the same ledger every run */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

const TODAY = '2026-01-05';
const DAYS = Array.from({ length: 160 }, (_, i) => addDays(TODAY, -159 + i));
const yuan = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

const openVouchers = (env: TestEnv, customerId: number, upTo: string) =>
  env.core.sqlite
    .prepare(
      `SELECT id, total_cents - (SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE voucher_id = v.id) AS open
       FROM settlement_vouchers v WHERE kind = 'normal' AND status = 'approved' AND customer_id = ? AND date <= ? ORDER BY id`,
    )
    .all(customerId, upTo) as { id: number; open: number }[];

/** A random ledger over 12 customers: vouchers, reversals, payments split at once or later, undos, voids, one merge. */
async function randomLedger(env: TestEnv, admin: TestClient, seed: number) {
  const rnd = prng(seed);
  const cs = await customers(
    admin,
    Array.from({ length: 12 }, (_, i) => `账龄对照${String.fromCharCode(65 + i)}`),
  );
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
  for (let step = 0; step < 90; step++) {
    const c = pick(cs.slice(0, 10)).id; // the last two stay quiet
    const kind = rnd(10);
    if (kind < 4) {
      const date = pick(DAYS);
      approvedVoucher(env.core, {
        customerId: c,
        date,
        dueDate: addDays(date, rnd(4) * 30),
        lines: [1 + rnd(90_000), 1 + rnd(5_000)],
      });
    } else if (kind < 5) {
      const v = openVouchers(env, c, TODAY).filter((x) => x.open > 1);
      if (!v.length) continue;
      const one = pick(v);
      const vDate = env.core.sqlite
        .prepare('SELECT date FROM settlement_vouchers WHERE id = ?')
        .pluck()
        .get(one.id) as string;
      approvedReversal(env.core, one.id, 1 + rnd(one.open - 1), vDate < TODAY ? addDays(vDate, 1) : vDate);
    } else if (kind < 8) {
      const date = pick(DAYS);
      const allocations = openVouchers(env, c, date)
        .filter(() => rnd(2) === 0)
        .map((v) => ({ voucherId: v.id, amount: yuan(1 + rnd(v.open)) }));
      const total = allocations.reduce((s, a) => s + Math.round(Number(a.amount) * 100), 0) + rnd(3) * rnd(20_000);
      if (total === 0) continue;
      await admin.ok('settlement.paymentCreate', paymentOf(c, yuan(total), allocations, { date }));
    } else if (kind < 9) {
      const p = env.core.sqlite
        .prepare(
          `SELECT p.id, p.amount_cents - (SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE payment_id = p.id) AS free
           FROM settlement_payments p WHERE p.customer_id = ? AND p.voided_at IS NULL ORDER BY p.id`,
        )
        .all(c) as { id: number; free: number }[];
      const withFree = p.filter((x) => x.free > 0);
      if (!withFree.length) continue;
      const one = pick(withFree);
      const v = openVouchers(env, c, TODAY);
      if (!v.length) continue;
      const target = pick(v);
      await admin.ok('settlement.allocate', {
        paymentId: one.id,
        allocations: [{ voucherId: target.id, amount: yuan(Math.min(one.free, target.open)) }],
      });
    } else {
      const a = env.core.sqlite
        .prepare(
          `SELECT a.id FROM settlement_allocations a JOIN settlement_payments p ON p.id = a.payment_id
           WHERE a.amount_cents > 0 AND p.customer_id = ? AND NOT EXISTS (SELECT 1 FROM settlement_allocations u WHERE u.undoes = a.id)`,
        )
        .pluck()
        .all(c) as number[];
      if (a.length) await admin.ok('settlement.allocationUndo', { allocationId: pick(a), reason: '对照反核销' });
      const free = env.core.sqlite
        .prepare(
          `SELECT id FROM settlement_payments p WHERE customer_id = ? AND voided_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM settlement_allocations WHERE payment_id = p.id)`,
        )
        .pluck()
        .all(c) as number[];
      if (free.length && rnd(2)) await admin.ok('settlement.paymentVoid', { id: pick(free), reason: '对照作废' });
    }
  }
  // customer 9 merged into 8, as the merge does (documents moved, a transfer pair of one date)
  const [to, from] = [cs[8].id, cs[9].id];
  inTransaction(env.core, () => {
    const b = balanceOf(env.core, from);
    for (const t of ['settlement_vouchers', 'settlement_payments']) {
      env.core.sqlite.prepare(`UPDATE ${t} SET customer_id = ? WHERE customer_id = ?`).run(to, from);
    }
    env.core.sqlite
      .prepare(`UPDATE customers SET merged_into_id = ?, status = 'deactivated' WHERE id = ?`)
      .run(to, from);
    const common = { date: addDays(TODAY, -20), at: env.core.clock.now().toISOString(), by: null };
    post(env.core.sqlite, {
      ...common,
      entryKey: 'merge:o',
      customerId: from,
      kind: 'transferOut',
      amountCents: -b,
      otherCustomerId: to,
    });
    post(env.core.sqlite, {
      ...common,
      entryKey: 'merge:i',
      customerId: to,
      kind: 'transferIn',
      amountCents: b,
      otherCustomerId: from,
    });
  });
  setState(env.core, cs[3].id, 'frozen');
  return cs;
}

type Filters = ChannelInput<'settlement.agingTotals'>;

/** Every page in code order, pageSize at a time, until the last. */
async function walkAll(admin: TestClient, f: Filters, pageSize: number) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await admin.ok('settlement.aging', { ...f, page, pageSize });
    rows.push(...r.items);
    if (!r.hasMore) return rows;
    expect(r.items).toHaveLength(pageSize);
  }
}

describe('应收账龄: the page walk and the totals give the full pass’s figures', () => {
  for (const seed of [17, 4242]) {
    test(`a random ledger (seed ${seed}): every page in code order and agingTotals equal the full pass, today and as of past dates, with filters`, async ({
      env,
      admin,
    }) => {
      const cs = await randomLedger(env, admin, seed);
      const filters: Filters[] = [
        {},
        { overdueOnly: true },
        { q: '账龄对照C' },
        { status: 'frozen' },
        { status: 'deactivated' },
      ];
      let compared = 0;
      for (const asOf of [TODAY, addDays(TODAY, -1), addDays(TODAY, -25), addDays(TODAY, -70), addDays(TODAY, -140)]) {
        for (const f of filters) {
          const full = await admin.ok('settlement.aging', { ...f, asOf, sort: 'overdue', pageSize: 200 });
          expect(full.hasMore).toBe(false);
          const byCode = [...full.items].sort((a, b) => (a.customer.code < b.customer.code ? -1 : 1));
          expect(await walkAll(admin, { ...f, asOf }, 3)).toEqual(byCode);
          const t = await admin.ok('settlement.agingTotals', { ...f, asOf });
          expect(t.total).toBe(full.items.length);
          const sum = (k: keyof typeof t.totals) => full.items.reduce((s, r) => s + r[k], 0);
          expect(t.totals).toEqual({
            notDueCents: sum('notDueCents'),
            d0_30: sum('d0_30'),
            d31_60: sum('d31_60'),
            d61_90: sum('d61_90'),
            d90_plus: sum('d90_plus'),
            openCents: sum('openCents'),
            advanceCents: sum('advanceCents'),
          });
          compared += full.items.length;
        }
      }
      // the ledger is not trivial: rows were compared, with advances and overdue amounts among them
      expect(compared).toBeGreaterThan(40);
      const today = await walkAll(admin, {}, 50);
      expect(today.some((r) => r.advanceCents > 0)).toBe(true);
      expect(today.some((r) => r.d90_plus > 0 && r.notDueCents > 0)).toBe(true);
      expect(today.map((r) => r.customer.id)).not.toContain(cs[9].id);
    });
  }
});
