import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { countingOver, customersIn, scanOf, stocktakeLog } from './count-support';

describe('stocktake.undo and stocktake.recent', () => {
  test('an undo takes one scan back: the tally drops, progress follows, logged', async ({ env, admin }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const first = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    const second = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    expect(await admin.ok('stocktake.undo', { stocktakeId: st.id, scanId: second.scanId, reason: '扫重了' })).toEqual({
      lineId: first.lineId,
      times: 1,
      progress: { expected: 2, counted: 1, scans: 1, unknown: 0, outOfScope: 0 },
    });
    expect(await admin.ok('stocktake.undo', { stocktakeId: st.id, scanId: first.scanId })).toMatchObject({
      times: 0,
      progress: { counted: 0 },
    });
    // counted again after both were taken back: found, not duplicate
    expect(await admin.ok('stocktake.scan', scanOf(st.id, a.code))).toMatchObject({ result: 'found', times: 1, earlier: [] });
    expect(stocktakeLog(env.core, st.id).filter((l) => l.action === 'undo')).toEqual([
      expect.objectContaining({ reason: '扫重了', userName: '系统管理员' }),
      expect.objectContaining({ reason: null }),
    ]);
    const { progress } = await admin.ok('stocktake.get', { id: st.id });
    expect(progress).toMatchObject({ counted: 1, scans: 1 });
  });

  test('undoing twice is a CONFLICT; another stocktake’s scan is NOT_FOUND; only while counting', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const other = await countingOver(admin, [a.id], '另一个');
    const ack = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    await admin.ok('stocktake.undo', { stocktakeId: st.id, scanId: ack.scanId });
    const before = snapshot(env.core);
    const twice = await admin.call('stocktake.undo', { stocktakeId: st.id, scanId: ack.scanId });
    expect(twice).toEqual({ ok: false, error: { code: 'CONFLICT', messageKey: 'stocktake.errors.alreadyUndone', params: { code: a.code } } });
    const elsewhere = await admin.call('stocktake.undo', { stocktakeId: other.id, scanId: ack.scanId });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('NOT_FOUND');
    expect(snapshot(env.core)).toBe(before);
    const again = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    await admin.ok('stocktake.reconcile', { id: st.id });
    const late = await admin.call('stocktake.undo', { stocktakeId: st.id, scanId: again.scanId });
    expect(late.ok ? null : late.error.messageKey).toBe('stocktake.errors.notCounting');
  });

  test('recent: newest first, undone flagged, mine = the caller’s', async ({ env, admin }) => {
    const clerk = await env.userWithRoles('li', ['clerk']);
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const s1 = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    const s2 = await clerk.ok('stocktake.scan', { ...scanOf(st.id, b.code), source: 'search' });
    const s3 = await clerk.ok('stocktake.scan', scanOf(st.id, 'X-404'));
    await clerk.ok('stocktake.undo', { stocktakeId: st.id, scanId: s3.scanId });
    const all = await clerk.ok('stocktake.recent', { stocktakeId: st.id });
    expect(all.items.map((i) => [i.scanId, i.userName, i.undone])).toEqual([
      [s3.scanId, 'li', true],
      [s2.scanId, 'li', false],
      [s1.scanId, '系统管理员', false],
    ]);
    expect(all.items[1]).toMatchObject({ source: 'search', customerName: '乙公司', result: 'found', code: b.code });
    const mine = await admin.ok('stocktake.recent', { stocktakeId: st.id, mine: true, limit: 5 });
    expect(mine.items.map((i) => i.scanId)).toEqual([s1.scanId]);
    const { progress } = await admin.ok('stocktake.get', { id: st.id });
    expect(progress.byCounter).toEqual([
      { userId: expect.any(Number), userName: '系统管理员', scans: 1 },
      { userId: expect.any(Number), userName: 'li', scans: 1 },
    ]);
  });
});
