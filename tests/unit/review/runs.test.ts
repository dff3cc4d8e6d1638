import { describe, expect } from 'vitest';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import type { TestClient, TestEnv } from '../support/test-core';
import { test } from './support';

const OLD = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
/** what the status service records when a candidate is deactivated, scheduled or frozen from the review */
const decide = (env: TestEnv, runId: number, customerId: number, decision: string) =>
  env.core.sqlite
    .prepare(
      `UPDATE review_candidates SET decision = ?, decided_at = '2026-01-05T02:00:00.000Z', decided_by = 1
       WHERE run_id = ? AND customer_id = ?`,
    )
    .run(decision, runId, customerId);

describe('review runs', () => {
  test('a new run closes the current one: its undecided candidates go, its decisions and counts stay', async ({
    env,
    admin,
    review,
  }) => {
    const ids = [];
    for (const n of ['甲', '乙', '丙', '丁', '戊']) ids.push(await review.customer(`${n}公司`, OLD));
    const first = await admin.ok('review.start');
    expect(first).toMatchObject({ candidateCount: 5, open: true, deactivated: 0, scheduled: 0, frozen: 0, kept: 0 });
    decide(env, first.id, ids[0], 'deactivated');
    decide(env, first.id, ids[1], 'scheduled');
    decide(env, first.id, ids[2], 'frozen');
    await admin.ok('review.keep', { runId: first.id, customerIds: [ids[3]], note: '保留' });
    expect((await admin.ok('review.status')).currentRun).toMatchObject({
      id: first.id,
      deactivated: 1,
      scheduled: 1,
      frozen: 1,
      kept: 1,
    });

    env.clock.advanceMinutes(10);
    const second = await admin.ok('review.start');
    const runs = await admin.ok('review.runs', {});
    expect(runs.total).toBe(2);
    expect(runs.items).toEqual([
      expect.objectContaining({ id: second.id, open: true, startedAt: '2026-01-05T01:10:00.000Z' }),
      expect.objectContaining({
        id: first.id,
        open: false,
        candidateCount: 5,
        deactivated: 1,
        scheduled: 1,
        frozen: 1,
        kept: 1,
        startedByName: '系统管理员',
        rules: ['inactivity', 'contractEnded'],
      }),
    ]);
    const kept = await admin.ok('review.candidates', { runId: first.id, decision: 'all' });
    expect(kept.run).toMatchObject({ id: first.id, open: false });
    expect(kept.items.map((i: { name: string }) => i.name).sort()).toEqual(
      ['丁公司', '丙公司', '乙公司', '甲公司'].sort(),
    );
    expect((await admin.ok('review.candidates', {})).run?.id).toBe(second.id);
  });

  test('lists runs newest first, a page at a time', async ({ env, admin }) => {
    for (let i = 0; i < 3; i++) {
      await admin.ok('review.start');
      env.clock.advanceMinutes(1);
    }
    const page = await admin.ok('review.runs', { page: 2, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((r: { startedAt: string }) => r.startedAt)).toEqual(['2026-01-05T01:00:00.000Z']);
  });

  test('logs who started a run and how many candidates it found', async ({ env, admin, review }) => {
    await review.customer('甲公司', OLD);
    const run = await admin.ok('review.start');
    const row = env.core.sqlite
      .prepare(
        `SELECT entity_id, user_name, changes FROM operation_log WHERE entity = 'reviewRun' AND action = 'start'`,
      )
      .get();
    expect(row).toEqual({
      entity_id: String(run.id),
      user_name: '系统管理员',
      changes: JSON.stringify({ candidateCount: { before: null, after: 1 } }),
    });
  });

  test('without any run, the candidates are empty and naming a run that does not exist is refused', async ({
    admin,
  }) => {
    expect(await admin.ok('review.candidates', {})).toEqual({ run: null, items: [], total: 0 });
    expect(await admin.call('review.candidates', { runId: 7 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'review.errors.noRun' },
    });
  });
});

describe('the candidate list', () => {
  test.beforeEach(async ({ admin, review }) => {
    await review.customer('北京甲', { lastActivityAt: '2024-03-01T00:00:00.000Z', contractEndDate: '2025-01-01' });
    await review.customer('上海乙', { lastActivityAt: '2023-03-01T00:00:00.000Z' });
    await review.customer('广州丙', { contractEndDate: '2024-06-30' });
    await review.customer('深圳丁', { lastActivityAt: '2024-12-01T00:00:00.000Z', contractEndDate: '2025-12-31' });
    await admin.ok('review.start');
  });
  const list = async (admin: TestClient, input: ChannelInput<'review.candidates'>) =>
    (await admin.ok('review.candidates', input)).items.map((i) => i.name);

  test('sorts by code, name, rule count, last activity and contract end (missing dates last)', async ({ admin }) => {
    expect(await list(admin, {})).toEqual(['北京甲', '深圳丁', '上海乙', '广州丙']); // most rules first, then code
    expect(await list(admin, { sort: { field: 'code', order: 'desc' } })).toEqual([
      '深圳丁',
      '广州丙',
      '上海乙',
      '北京甲',
    ]);
    expect(await list(admin, { sort: { field: 'name', order: 'asc' } })).toEqual([
      '上海乙',
      '北京甲',
      '广州丙',
      '深圳丁',
    ]);
    expect(await list(admin, { sort: { field: 'ruleCount', order: 'asc' } })).toEqual([
      '上海乙',
      '广州丙',
      '北京甲',
      '深圳丁',
    ]);
    expect(await list(admin, { sort: { field: 'lastActivityAt', order: 'asc' } })).toEqual([
      '上海乙',
      '北京甲',
      '深圳丁',
      '广州丙',
    ]);
    expect(await list(admin, { sort: { field: 'contractEndDate', order: 'desc' } })).toEqual([
      '深圳丁',
      '北京甲',
      '广州丙',
      '上海乙',
    ]);
  });

  test('filters by rule and pages with a total', async ({ admin }) => {
    const r = await admin.ok('review.candidates', {
      rule: 'contractEnded',
      sort: { field: 'code', order: 'asc' },
      limit: 2,
      offset: 1,
    });
    expect(r.total).toBe(3);
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(['广州丙', '深圳丁']);
    expect(await list(admin, { rule: 'creditRating' })).toEqual([]);
  });
});

describe('the review schedule (sidebar badge)', () => {
  test('is not due on a new install without customers, nor when every customer is deactivated', async ({
    admin,
    review,
  }) => {
    const none = { due: false, lastRunAt: null, nextDueAt: null, currentRun: null };
    expect(await admin.ok('review.status')).toEqual(none);
    const id = await review.customer('甲公司');
    expect(await admin.ok('review.status')).toMatchObject({ due: true, nextDueAt: '2026-01-05T01:00:00.000Z' });
    review.setFacts(id, { status: 'frozen' });
    expect((await admin.ok('review.status')).due).toBe(true);
    review.setFacts(id, { status: 'deactivated' });
    expect(await admin.ok('review.status')).toEqual(none);
  });

  test('is due before the first run, then intervalMonths after the last one', async ({ admin, review }) => {
    await review.customer('甲公司');
    expect(await admin.ok('review.status')).toEqual({
      due: true,
      lastRunAt: null,
      nextDueAt: '2026-01-05T01:00:00.000Z',
      currentRun: null,
    });
    const run = await admin.ok('review.start');
    expect(await admin.ok('review.status')).toEqual({
      due: false,
      lastRunAt: '2026-01-05T01:00:00.000Z',
      nextDueAt: '2026-04-05T01:00:00.000Z',
      currentRun: run,
    });
    await review.travel('2026-04-05T00:59:59.999Z');
    expect((await admin.ok('review.status')).due).toBe(false);
    await review.travel('2026-04-05T01:00:00.000Z');
    expect((await admin.ok('review.status')).due).toBe(true);
    await review.setRules({}, { intervalMonths: 12 });
    expect(await admin.ok('review.status')).toMatchObject({ due: false, nextDueAt: '2027-01-05T01:00:00.000Z' });
  });

  test('is never due without a schedule', async ({ admin, review }) => {
    await review.customer('甲公司');
    await review.setRules({}, { intervalMonths: 0 });
    expect(await admin.ok('review.status')).toEqual({
      due: false,
      lastRunAt: null,
      nextDueAt: null,
      currentRun: null,
    });
  });
});
