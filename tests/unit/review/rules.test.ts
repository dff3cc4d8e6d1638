import { describe, expect } from 'vitest';
import { openCore } from '../../../electron/core/core';
import type { AnyFeature } from '../../../electron/core/feature';
import { features } from '../../../electron/core/features';
import { inlineRunner, MIGRATIONS, TestClient } from '../support/test-core';
import { setRules, test } from './support';

// The clock stands at 2026-01-05T01:00Z; the process runs in UTC, so today is 2026-01-05.

describe('the inactivity rule (no activity for N days)', () => {
  test('hits exactly the customers whose last activity is before now − N days', async ({ admin, review }) => {
    await review.customer('一年零一毫秒', { lastActivityAt: '2025-01-05T00:59:59.999Z' });
    await review.customer('正好一年', { lastActivityAt: '2025-01-05T01:00:00.000Z' });
    await review.customer('昨天来过', { lastActivityAt: '2026-01-04T01:00:00.000Z' });
    await review.customer('刚建的');
    await review.setRules({ contractEnded: { enabled: false } });
    const run = await admin.ok('review.start');
    expect(await review.candidates()).toEqual({ 一年零一毫秒: ['inactivity'] });
    expect(run).toMatchObject({ candidateCount: 1, rules: ['inactivity'], open: true, startedByName: '系统管理员' });
  });

  test('follows the number of days set', async ({ admin, review }) => {
    await review.customer('四十天', { lastActivityAt: '2025-11-26T01:00:00.000Z' });
    await review.customer('二十九天', { lastActivityAt: '2025-12-07T01:00:00.000Z' });
    await review.setRules({ inactivity: { days: 30 } });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({ 四十天: ['inactivity'] });
  });

  test('reads the activity the app records: an edit makes the customer active again', async ({
    env,
    admin,
    review,
  }) => {
    const id = await review.customer('老客户', { lastActivityAt: '2020-01-01T00:00:00.000Z' });
    await admin.ok('review.start');
    expect(Object.keys(await review.candidates())).toEqual(['老客户']);
    env.clock.advanceMinutes(1);
    await admin.ok('customer.update', { id, version: 1, name: '老客户', memo: '回访过' });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({});
  });
});

describe('the contract-ended rule', () => {
  test('hits end dates before today, or before today − grace days', async ({ admin, review }) => {
    await review.customer('昨天到期', { contractEndDate: '2026-01-04' });
    await review.customer('今天到期', { contractEndDate: '2026-01-05' });
    await review.customer('明年到期', { contractEndDate: '2027-01-05' });
    await review.customer('没有合同', { contractEndDate: null });
    await review.customer('十一天前到期', { contractEndDate: '2025-12-25' });
    await review.customer('十天前到期', { contractEndDate: '2025-12-26' });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({
      昨天到期: ['contractEnded'],
      十一天前到期: ['contractEnded'],
      十天前到期: ['contractEnded'],
    });
    await review.setRules({ contractEnded: { graceDays: 10 } });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({ 十一天前到期: ['contractEnded'] });
  });

  test('takes today as the local date of the process time zone', async ({ env, admin, review }) => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      await review.customer('一月四日到期', { contractEndDate: '2026-01-04' });
      await review.customer('一月五日到期', { contractEndDate: '2026-01-05' });
      env.clock.set('2026-01-04T15:59:00.000Z'); // 23:59 on 4 January in Beijing
      await admin.ok('review.start');
      expect(await review.candidates()).toEqual({});
      env.clock.set('2026-01-04T16:00:00.000Z'); // 00:00 on 5 January in Beijing, still the 4th in UTC
      await admin.ok('review.start');
      expect(await review.candidates()).toEqual({ 一月四日到期: ['contractEnded'] });
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('the credit rating rule', () => {
  test('hits ratings at or below the chosen level, in list order, including items added later', async ({
    admin,
    review,
  }) => {
    for (const r of ['A', 'B', 'C', 'D']) await review.customer(`评级${r}`, { creditRating: r });
    await review.customer('未评级');
    await admin.ok('lookup.create', { kind: 'creditRating', name: 'E' });
    await review.customer('评级E', { creditRating: 'E' });
    await review.setRules({ creditRating: { enabled: true, ratingId: review.ratingId('C') } });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({
      评级C: ['creditRating'],
      评级D: ['creditRating'],
      评级E: ['creditRating'],
    });
    const { items } = await admin.ok('review.candidates', { sort: { field: 'name', order: 'asc' } });
    expect(items.map((i) => i.creditRatingName)).toEqual(['C', 'D', 'E']);
  });
});

describe('a run over all rules', () => {
  test('records every rule that hit a customer, the facts at run time, and the reason to suggest', async ({
    env,
    admin,
    review,
  }) => {
    await review.customer('三条都中', {
      lastActivityAt: '2024-06-01T00:00:00.000Z',
      contractEndDate: '2025-06-30',
      creditRating: 'D',
    });
    await review.customer('只有合同', { contractEndDate: '2025-06-30', creditRating: 'A' });
    await review.setRules({ creditRating: { enabled: true, ratingId: review.ratingId('D') } });
    const run = await admin.ok('review.start');
    expect(run.rules).toEqual(['inactivity', 'contractEnded', 'creditRating']);
    const { items } = await admin.ok('review.candidates', {});
    expect(items).toEqual([
      expect.objectContaining({
        name: '三条都中',
        status: 'active',
        rules: ['inactivity', 'contractEnded', 'creditRating'],
        lastActivityAt: '2024-06-01T00:00:00.000Z',
        contractEndDate: '2025-06-30',
        creditRatingName: 'D',
        suggestedReasonKey: 'inactive',
        decision: null,
      }),
      expect.objectContaining({ name: '只有合同', rules: ['contractEnded'], suggestedReasonKey: 'contractEnded' }),
    ]);
    const stored = env.core.sqlite
      .prepare('SELECT rule_mask, rule_count FROM review_candidates ORDER BY customer_id')
      .all();
    expect(stored).toEqual([
      { rule_mask: 7, rule_count: 3 },
      { rule_mask: 2, rule_count: 1 },
    ]);
    const rules = JSON.parse(env.core.sqlite.prepare('SELECT rules FROM review_runs').pluck().get() as string);
    expect(rules).toEqual([
      { key: 'inactivity', days: 365 },
      { key: 'contractEnded', graceDays: 0 },
      { key: 'creditRating', ratingId: review.ratingId('D') },
    ]);
  });

  test('applies no disabled rule, and proposes nobody when every rule is off', async ({ admin, review }) => {
    await review.customer('又老又到期', {
      lastActivityAt: '2020-01-01T00:00:00.000Z',
      contractEndDate: '2021-01-01',
    });
    await review.setRules({ inactivity: { enabled: false } });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({ 又老又到期: ['contractEnded'] });
    await review.setRules({ contractEnded: { enabled: false } });
    const run = await admin.ok('review.start');
    expect(run).toMatchObject({ candidateCount: 0, rules: [] });
    expect(await review.candidates()).toEqual({});
  });

  test('leaves out deactivated, merged and scheduled customers, and keeps frozen ones in', async ({
    env,
    admin,
    review,
  }) => {
    const old = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
    await review.customer('正常', old);
    await review.customer('冻结', { ...old, status: 'frozen' });
    await review.customer('已停用', { ...old, status: 'deactivated' });
    const survivor = await review.customer('存续');
    const merged = await review.customer('被合并', old);
    env.core.sqlite.prepare('UPDATE customers SET merged_into_id = ? WHERE id = ?').run(survivor, merged);
    const scheduled = await review.customer('已排期停用', old);
    const cancelled = await review.customer('排期已取消', old);
    const reason = env.core.sqlite
      .prepare(`SELECT id FROM lookups WHERE kind = 'deactivationReason' AND key = 'inactive'`)
      .pluck()
      .get();
    const schedule = env.core.sqlite.prepare(
      `INSERT INTO customer_status_schedules (customer_id, effective_date, reason_id, created_at, created_by, state)
       VALUES (?, '2026-02-01', ?, '2026-01-01T00:00:00.000Z', 1, ?)`,
    );
    schedule.run(scheduled, reason, 'pending');
    schedule.run(cancelled, reason, 'cancelled');
    await admin.ok('review.start');
    expect(Object.keys(await review.candidates()).sort()).toEqual(['冻结', '排期已取消', '正常'].sort());
    const { items } = await admin.ok('review.candidates', { sort: { field: 'code', order: 'asc' } });
    expect(items.map((i: { status: string }) => i.status)).toEqual(['active', 'frozen', 'active']);
  });
});

/** The app's features without 无票结算, whose rules are then without a query. */
const withoutSettlement = features.filter((f) => f.name !== 'settlement');

describe('rules of a feature the core does not have', () => {
  test.override({ features: withoutSettlement });
  test('are unavailable until a feature registers their query, and then run like the others', async ({
    env,
    admin,
    review,
  }) => {
    const { rules } = await admin.ok('review.getSettings');
    expect(rules).toEqual([
      { key: 'inactivity', available: true, reasonKey: 'inactive' },
      { key: 'contractEnded', available: true, reasonKey: 'contractEnded' },
      { key: 'creditRating', available: true, reasonKey: 'creditRisk' },
      // the stocktake feature gives its query (stocktake/review-rule.ts)
      { key: 'stocktakeMissing', available: true, reasonKey: 'inactive' },
      { key: 'overdueReceivables', available: false, reasonKey: 'creditRisk' },
      { key: 'overCreditLimit', available: false, reasonKey: 'creditRisk' },
    ]);
    const overdue = await review.customer('逾期未收');
    await review.customer('按时付款');
    // a core on the same data whose features include one that gives the rule its query
    const settlement: AnyFeature = {
      name: 'settlement',
      contract: {},
      handlers: {},
      reviewRules: {
        overdueReceivables: {
          build: () => ({ sql: 'SELECT id AS customer_id FROM customers WHERE id = ?', params: [overdue] }),
        },
      },
    };
    // jobs inline: a job's core has its core's features (a worker's has the app's, features.ts)
    const core = await openCore({
      dataDir: env.dir,
      migrationsFolder: MIGRATIONS,
      clock: env.clock,
      features: [...withoutSettlement, settlement],
      jobs: inlineRunner(),
    });
    try {
      const boss = new TestClient(core);
      await boss.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
      const after = await setRules(boss, { overdueReceivables: { enabled: true } });
      expect(after.rules[4]).toEqual({ key: 'overdueReceivables', available: true, reasonKey: 'creditRisk' });
      await boss.ok('review.start');
      const { items } = await boss.ok('review.candidates', {});
      expect(items).toEqual([
        expect.objectContaining({ name: '逾期未收', rules: ['overdueReceivables'], suggestedReasonKey: 'creditRisk' }),
      ]);
    } finally {
      core.sqlite.close();
    }
    // on a core without the settlement feature the enabled rule is skipped, not failed
    expect((await admin.ok('review.getSettings')).rules[4].available).toBe(false);
    const run = await admin.ok('review.start');
    expect(run.rules).toEqual(['inactivity', 'contractEnded']);
  });
});
