import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-core';
import { makeReviewEnv, type ReviewEnv } from './support';

// Decisions taken from the review page go through the status channels with reviewRunId.
let env: ReviewEnv;
let admin: TestClient;
const OLD = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
beforeEach(async () => {
  env = await makeReviewEnv();
  admin = await env.admin();
});
afterEach(() => env.close());

const reason = (key: string) =>
  env.core.sqlite.prepare(`SELECT id FROM lookups WHERE kind = 'deactivationReason' AND key = ?`).pluck().get(key);

describe('decisions taken from the review', () => {
  it('are recorded on the run, counted, and the customers are not proposed again', async () => {
    const ids: number[] = [];
    for (const n of ['停用', '排期', '冻结', '合并', '存续', '未决'])
      ids.push(await env.customer(admin, `${n}公司`, OLD));
    const [deactivate, schedule, freeze, merge, survivor] = ids;
    const run = await env.ok(admin, 'review.start');
    expect(run.candidateCount).toBe(6);
    const runId = run.id;
    await env.ok(admin, 'customer.deactivate', { ids: [deactivate], reasonId: reason('inactive'), reviewRunId: runId });
    await env.ok(admin, 'customer.deactivate', {
      ids: [schedule],
      reasonId: reason('contractEnded'),
      effectiveDate: '2026-03-01',
      reviewRunId: runId,
    });
    await env.ok(admin, 'customer.freeze', { ids: [freeze], reasonId: reason('creditRisk'), reviewRunId: runId });
    await env.ok(admin, 'customer.deactivate', { ids: [merge], reasonId: reason('duplicate'), survivorId: survivor });

    const open = await env.ok(admin, 'review.candidates', { decision: 'open', sort: { field: 'code', order: 'asc' } });
    expect(open.items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['合并公司', 'deactivated'],
      ['存续公司', 'active'],
      ['未决公司', 'active'],
    ]);
    const decided = await env.ok(admin, 'review.candidates', {
      decision: 'decided',
      sort: { field: 'code', order: 'asc' },
    });
    expect(decided.items.map((i: { name: string; decision: string }) => [i.name, i.decision])).toEqual([
      ['停用公司', 'deactivated'],
      ['排期公司', 'scheduled'],
      ['冻结公司', 'frozen'],
    ]);
    expect(decided.items[0]).toMatchObject({ decidedByName: '系统管理员', decidedAt: '2026-01-05T01:00:00.000Z' });
    expect(await env.ok(admin, 'review.runs', {})).toMatchObject({
      items: [{ id: runId, deactivated: 1, scheduled: 1, frozen: 1, kept: 0 }],
    });

    // the next run: deactivated, scheduled and merged customers are out; the frozen one is still reviewed
    env.clock.advanceMinutes(1);
    await env.ok(admin, 'review.start');
    expect(Object.keys(await env.candidates(admin)).sort()).toEqual(['存续公司', '冻结公司', '未决公司'].sort());
    expect((await env.ok(admin, 'review.runs', {})).items[1]).toMatchObject({ id: runId, open: false, deactivated: 1 });
  });

  it('a reactivated customer starts a new period of activity', async () => {
    const id = await env.customer(admin, '回头客', OLD);
    await env.ok(admin, 'customer.deactivate', { ids: [id], reasonId: reason('inactive') });
    await env.ok(admin, 'review.start');
    expect(await env.candidates(admin)).toEqual({});
    await env.ok(admin, 'customer.reactivate', { ids: [id], memo: '重新合作' });
    await env.ok(admin, 'review.start');
    expect(await env.candidates(admin)).toEqual({});
  });
});
