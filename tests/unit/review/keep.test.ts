import { describe, expect } from 'vitest';
import { snapshot } from '../support/test-core';
import { type Review, test } from './support';

const OLD = { lastActivityAt: '2020-01-01T00:00:00.000Z' };
const names = async (review: Review) => Object.keys(await review.candidates()).sort();

describe('keeping a candidate (保留)', () => {
  test('records the decision with its note, and does not propose the customer again for keepDays', async ({
    admin,
    review,
  }) => {
    const jia = await review.customer('甲公司', OLD);
    await review.customer('乙公司', OLD);
    const run = await admin.ok('review.start');
    const r = await admin.ok('review.keep', { runId: run.id, customerIds: [jia], note: ' 年底有大单 ' });
    expect(r).toEqual({ kept: 1, keptUntil: '2026-07-04' }); // 2026-01-05 + 180 days
    expect(await names(review)).toEqual(['乙公司']);
    const decided = await admin.ok('review.candidates', { decision: 'decided' });
    expect(decided.items).toEqual([
      expect.objectContaining({
        name: '甲公司',
        decision: 'kept',
        note: '年底有大单',
        decidedAt: '2026-01-05T01:00:00.000Z',
        decidedByName: '系统管理员',
      }),
    ]);
    expect((await admin.ok('review.candidates', { decision: 'all' })).total).toBe(2);

    await review.travel('2026-07-03T23:59:00.000Z');
    await admin.ok('review.start');
    expect(await names(review)).toEqual(['乙公司']);
    await review.travel('2026-07-04T00:00:00.000Z');
    await admin.ok('review.start');
    expect(await names(review)).toEqual(['乙公司', '甲公司']);
  });

  test('writes one operation-log row per customer, with the note as the reason', async ({ env, admin, review }) => {
    const jia = await review.customer('甲公司', OLD);
    const yi = await review.customer('乙公司', OLD);
    const run = await admin.ok('review.start');
    await admin.ok('review.keep', { runId: run.id, customerIds: [jia, yi, jia], note: '老客户,保留' });
    const rows = env.core.sqlite
      .prepare(
        `SELECT entity_id, user_name, changes, reason FROM operation_log WHERE action = 'reviewKeep' ORDER BY entity_id`,
      )
      .all();
    expect(rows).toEqual(
      [jia, yi].map((id) => ({
        entity_id: String(id),
        user_name: '系统管理员',
        changes: JSON.stringify({ keptUntil: { before: null, after: '2026-07-04' } }),
        reason: '老客户,保留',
      })),
    );
    const history = await admin.ok('customer.history', { id: jia });
    expect(history.items[0]).toMatchObject({ action: 'reviewKeep', reason: '老客户,保留' });
  });

  test('uses the keep period set', async ({ admin, review }) => {
    const jia = await review.customer('甲公司', OLD);
    await review.setRules({}, { keepDays: 30 });
    const run = await admin.ok('review.start');
    expect(await admin.ok('review.keep', { runId: run.id, customerIds: [jia], note: '再看看' })).toEqual({
      kept: 1,
      keptUntil: '2026-02-04',
    });
  });
});

describe('keeping refuses, changing nothing', () => {
  test('a closed run, an unknown run, a customer that is no candidate, a decided one, an empty note', async ({
    env,
    admin,
    review,
  }) => {
    const jia = await review.customer('甲公司', OLD);
    const fresh = await review.customer('新客户');
    const yi = await review.customer('乙公司', OLD);
    const first = await admin.ok('review.start');
    const run = await admin.ok('review.start');
    env.core.sqlite
      .prepare(`UPDATE review_candidates SET decision = 'deactivated' WHERE run_id = ? AND customer_id = ?`)
      .run(run.id, yi);
    const before = snapshot(env.core);
    const keep = (input: object) => admin.callRaw('review.keep', { runId: run.id, note: '保留', ...input });
    expect(await keep({ runId: first.id, customerIds: [jia] })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', messageKey: 'review.errors.runClosed' },
    });
    expect(await keep({ runId: 999, customerIds: [jia] })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'review.errors.noRun' },
    });
    expect(await keep({ customerIds: [jia, fresh] })).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        messageKey: 'review.errors.notCandidate',
        params: { code: 'C000002', name: '新客户' },
      },
    });
    expect(await keep({ customerIds: [12345] })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'review.errors.notCandidate' },
    });
    expect(await keep({ customerIds: [yi] })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        messageKey: 'review.errors.alreadyDecided',
        params: { code: 'C000003', name: '乙公司' },
      },
    });
    expect(await keep({ customerIds: [jia], note: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { note: 'review.validation.noteRequired' } },
    });
    expect(await keep({ customerIds: [jia], note: undefined })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { note: 'review.validation.noteRequired' } },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});
