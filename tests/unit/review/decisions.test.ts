import { describe, expect } from 'vitest';
import type { TestEnv } from '../support/test-core';
import { test } from './support';

// Decisions taken from the review page go through the status channels with reviewRunId.
const OLD = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
const reason = (env: TestEnv, key: string) =>
  env.core.sqlite
    .prepare(`SELECT id FROM lookups WHERE kind = 'deactivationReason' AND key = ?`)
    .pluck()
    .get(key) as number;

describe('decisions taken from the review', () => {
  test('are recorded on the run, counted, and the customers are not proposed again', async ({ env, admin, review }) => {
    const ids: number[] = [];
    for (const n of ['停用', '排期', '冻结', '合并', '存续', '未决']) ids.push(await review.customer(`${n}公司`, OLD));
    const [deactivate, schedule, freeze, merge, survivor] = ids;
    const run = await admin.ok('review.start');
    expect(run.candidateCount).toBe(6);
    const runId = run.id;
    await admin.ok('customer.deactivate', { ids: [deactivate], reasonId: reason(env, 'inactive'), reviewRunId: runId });
    await admin.ok('customer.deactivate', {
      ids: [schedule],
      reasonId: reason(env, 'contractEnded'),
      effectiveDate: '2026-03-01',
      reviewRunId: runId,
    });
    await admin.ok('customer.freeze', { ids: [freeze], reasonId: reason(env, 'creditRisk'), reviewRunId: runId });
    await admin.ok('customer.deactivate', { ids: [merge], reasonId: reason(env, 'duplicate'), survivorId: survivor });

    const open = await admin.ok('review.candidates', { decision: 'open', sort: { field: 'code', order: 'asc' } });
    expect(open.items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['合并公司', 'deactivated'],
      ['存续公司', 'active'],
      ['未决公司', 'active'],
    ]);
    const decided = await admin.ok('review.candidates', {
      decision: 'decided',
      sort: { field: 'code', order: 'asc' },
    });
    expect(decided.items.map((i) => [i.name, i.decision])).toEqual([
      ['停用公司', 'deactivated'],
      ['排期公司', 'scheduled'],
      ['冻结公司', 'frozen'],
    ]);
    expect(decided.items[0]).toMatchObject({ decidedByName: '系统管理员', decidedAt: '2026-01-05T01:00:00.000Z' });
    expect(await admin.ok('review.runs', {})).toMatchObject({
      items: [{ id: runId, deactivated: 1, scheduled: 1, frozen: 1, kept: 0 }],
    });

    // the next run: deactivated, scheduled and merged customers are out; the frozen one is still reviewed
    env.clock.advanceMinutes(1);
    await admin.ok('review.start');
    expect(Object.keys(await review.candidates()).sort()).toEqual(['存续公司', '冻结公司', '未决公司'].sort());
    expect((await admin.ok('review.runs', {})).items[1]).toMatchObject({ id: runId, open: false, deactivated: 1 });
  });

  test('a reactivated customer starts a new period of activity', async ({ env, admin, review }) => {
    const id = await review.customer('回头客', OLD);
    await admin.ok('customer.deactivate', { ids: [id], reasonId: reason(env, 'inactive') });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({});
    await admin.ok('customer.reactivate', { ids: [id], memo: '重新合作' });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({});
  });
});
