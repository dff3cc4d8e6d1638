import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-core';
import { makeReviewEnv, type ReviewEnv, setRules } from './support';

let env: ReviewEnv;
let admin: TestClient;
const OLD = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
beforeEach(async () => {
  env = await makeReviewEnv();
  admin = await env.admin();
});
afterEach(() => env.close());

const start = () => env.ok(admin, 'review.start');
/** what the status service records when a candidate is deactivated, scheduled or frozen from the review */
const decide = (runId: number, customerId: number, decision: string) =>
  env.core.sqlite
    .prepare(
      `UPDATE review_candidates SET decision = ?, decided_at = '2026-01-05T02:00:00.000Z', decided_by = 1
       WHERE run_id = ? AND customer_id = ?`,
    )
    .run(decision, runId, customerId);

describe('review runs', () => {
  it('a new run closes the current one: its undecided candidates go, its decisions and counts stay', async () => {
    const ids = [];
    for (const n of ['甲', '乙', '丙', '丁', '戊']) ids.push(await env.customer(admin, `${n}公司`, OLD));
    const first = await start();
    expect(first).toMatchObject({ candidateCount: 5, open: true, deactivated: 0, scheduled: 0, frozen: 0, kept: 0 });
    decide(first.id, ids[0], 'deactivated');
    decide(first.id, ids[1], 'scheduled');
    decide(first.id, ids[2], 'frozen');
    await env.ok(admin, 'review.keep', { runId: first.id, customerIds: [ids[3]], note: '保留' });
    expect((await env.ok(admin, 'review.status')).currentRun).toMatchObject({
      id: first.id,
      deactivated: 1,
      scheduled: 1,
      frozen: 1,
      kept: 1,
    });

    env.clock.advanceMinutes(10);
    const second = await start();
    const runs = await env.ok(admin, 'review.runs', {});
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
    const kept = await env.ok(admin, 'review.candidates', { runId: first.id, decision: 'all' });
    expect(kept.run).toMatchObject({ id: first.id, open: false });
    expect(kept.items.map((i: { name: string }) => i.name).sort()).toEqual(
      ['丁公司', '丙公司', '乙公司', '甲公司'].sort(),
    );
    expect((await env.ok(admin, 'review.candidates', {})).run.id).toBe(second.id);
  });

  it('lists runs newest first, a page at a time', async () => {
    for (let i = 0; i < 3; i++) {
      await start();
      env.clock.advanceMinutes(1);
    }
    const page = await env.ok(admin, 'review.runs', { page: 2, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((r: { startedAt: string }) => r.startedAt)).toEqual(['2026-01-05T01:00:00.000Z']);
  });

  it('logs who started a run and how many candidates it found', async () => {
    await env.customer(admin, '甲公司', OLD);
    const run = await start();
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

  it('without any run, the candidates are empty and naming a run that does not exist is refused', async () => {
    expect(await env.ok(admin, 'review.candidates', {})).toEqual({ run: null, items: [], total: 0 });
    expect(await env.call(admin, 'review.candidates', { runId: 7 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'review.errors.noRun' },
    });
  });
});

describe('the candidate list', () => {
  beforeEach(async () => {
    await env.customer(admin, '北京甲', { lastActivityAt: '2024-03-01T00:00:00.000Z', contractEndDate: '2025-01-01' });
    await env.customer(admin, '上海乙', { lastActivityAt: '2023-03-01T00:00:00.000Z' });
    await env.customer(admin, '广州丙', { contractEndDate: '2024-06-30' });
    await env.customer(admin, '深圳丁', { lastActivityAt: '2024-12-01T00:00:00.000Z', contractEndDate: '2025-12-31' });
    await start();
  });
  const list = async (input: object) =>
    (await env.ok(admin, 'review.candidates', input)).items.map((i: { name: string }) => i.name);

  it('sorts by code, name, rule count, last activity and contract end (missing dates last)', async () => {
    expect(await list({})).toEqual(['北京甲', '深圳丁', '上海乙', '广州丙']); // most rules first, then code
    expect(await list({ sort: { field: 'code', order: 'desc' } })).toEqual(['深圳丁', '广州丙', '上海乙', '北京甲']);
    expect(await list({ sort: { field: 'name', order: 'asc' } })).toEqual(['上海乙', '北京甲', '广州丙', '深圳丁']);
    expect(await list({ sort: { field: 'ruleCount', order: 'asc' } })).toEqual([
      '上海乙',
      '广州丙',
      '北京甲',
      '深圳丁',
    ]);
    expect(await list({ sort: { field: 'lastActivityAt', order: 'asc' } })).toEqual([
      '上海乙',
      '北京甲',
      '深圳丁',
      '广州丙',
    ]);
    expect(await list({ sort: { field: 'contractEndDate', order: 'desc' } })).toEqual([
      '深圳丁',
      '北京甲',
      '广州丙',
      '上海乙',
    ]);
  });

  it('filters by rule and pages with a total', async () => {
    const r = await env.ok(admin, 'review.candidates', {
      rule: 'contractEnded',
      sort: { field: 'code', order: 'asc' },
      limit: 2,
      offset: 1,
    });
    expect(r.total).toBe(3);
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(['广州丙', '深圳丁']);
    expect(await list({ rule: 'creditRating' })).toEqual([]);
  });
});

describe('the review schedule (sidebar badge)', () => {
  it('is not due on a new install without customers, nor when every customer is deactivated', async () => {
    const none = { due: false, lastRunAt: null, nextDueAt: null, currentRun: null };
    expect(await env.ok(admin, 'review.status')).toEqual(none);
    const id = await env.customer(admin, '甲公司');
    expect(await env.ok(admin, 'review.status')).toMatchObject({ due: true, nextDueAt: '2026-01-05T01:00:00.000Z' });
    env.setFacts(id, { status: 'frozen' });
    expect((await env.ok(admin, 'review.status')).due).toBe(true);
    env.setFacts(id, { status: 'deactivated' });
    expect(await env.ok(admin, 'review.status')).toEqual(none);
  });

  it('is due before the first run, then intervalMonths after the last one', async () => {
    await env.customer(admin, '甲公司');
    expect(await env.ok(admin, 'review.status')).toEqual({
      due: true,
      lastRunAt: null,
      nextDueAt: '2026-01-05T01:00:00.000Z',
      currentRun: null,
    });
    const run = await start();
    expect(await env.ok(admin, 'review.status')).toEqual({
      due: false,
      lastRunAt: '2026-01-05T01:00:00.000Z',
      nextDueAt: '2026-04-05T01:00:00.000Z',
      currentRun: run,
    });
    await env.travel(admin, '2026-04-05T00:59:59.999Z');
    expect((await env.ok(admin, 'review.status')).due).toBe(false);
    await env.travel(admin, '2026-04-05T01:00:00.000Z');
    expect((await env.ok(admin, 'review.status')).due).toBe(true);
    await setRules(env, admin, {}, { intervalMonths: 12 });
    expect(await env.ok(admin, 'review.status')).toMatchObject({ due: false, nextDueAt: '2027-01-05T01:00:00.000Z' });
  });

  it('is never due without a schedule', async () => {
    await env.customer(admin, '甲公司');
    await setRules(env, admin, {}, { intervalMonths: 0 });
    expect(await env.ok(admin, 'review.status')).toEqual({
      due: false,
      lastRunAt: null,
      nextDueAt: null,
      currentRun: null,
    });
  });
});
