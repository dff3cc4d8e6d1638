import { describe, expect } from 'vitest';
import { localDate } from '../../../electron/core/clock';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { countingOver, customersIn, rowsOf, scanOf, stocktakeLog } from './count-support';

const day = (at: Date) => localDate(at).replaceAll('-', '');

describe('a stocktake’s life', () => {
  test('draft → counting → reconciling ⇄ counting → completed, each step logged with who and when', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const d = await admin.ok('stocktake.create', { name: ' 年度盘点 ', scope: { kind: 'selection', ids: [a.id] }, dueDate: '2026-01-31' });
    expect(d).toMatchObject({
      no: `PD${day(env.clock.now())}-001`,
      name: '年度盘点',
      status: 'draft',
      scopeKind: 'selection',
      scope: { kind: 'selection', count: 1 },
      expectedCount: 1,
      dueDate: '2026-01-31',
      createdByName: '系统管理员',
      version: 1,
    });
    expect((await admin.ok('stocktake.create', { name: '第二个', scope: { kind: 'all' } })).no).toBe(`PD${day(env.clock.now())}-002`);
    env.clock.advanceMinutes(60 * 24);
    await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await admin.ok('stocktake.create', { name: '次日', scope: { kind: 'all' } })).no).toBe(`PD${day(env.clock.now())}-001`);

    const started = await admin.ok('stocktake.start', { id: d.id });
    expect(started).toMatchObject({ status: 'counting', startedAt: env.clock.now().toISOString(), version: 2 });
    expect((await admin.ok('stocktake.reconcile', { id: d.id })).status).toBe('reconciling');
    expect((await admin.ok('stocktake.resume', { id: d.id })).status).toBe('counting');
    await admin.ok('stocktake.reconcile', { id: d.id });
    const done = await admin.ok('stocktake.complete', { id: d.id });
    expect(done).toMatchObject({ status: 'completed', completedByName: '系统管理员', completedAt: env.clock.now().toISOString() });
    expect(stocktakeLog(env.core, d.id).map((l) => l.action)).toEqual(['create', 'start', 'reconcile', 'resume', 'reconcile', 'complete']);
    expect(JSON.parse(stocktakeLog(env.core, d.id)[5].changes ?? '{}')).toEqual({ status: { before: 'reconciling', after: 'completed' } });
  });

  test('a wrong step is INVALID_TRANSITION with a translated message and changes nothing', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const d = await admin.ok('stocktake.create', { name: '盘点', scope: { kind: 'selection', ids: [a.id] } });
    const wrong = [
      ['stocktake.reconcile', 'draft'],
      ['stocktake.resume', 'draft'],
      ['stocktake.complete', 'draft'],
    ] as const;
    const before = snapshot(env.core);
    for (const [ch, status] of wrong) {
      expect(await admin.call(ch, { id: d.id })).toEqual({
        ok: false,
        error: { code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.wrongStatus', params: { no: d.no, status } },
      });
    }
    await admin.ok('stocktake.start', { id: d.id });
    for (const ch of ['stocktake.start', 'stocktake.resume', 'stocktake.complete'] as const) {
      const r = await admin.call(ch, { id: d.id });
      expect(r.ok ? null : r.error.code, ch).toBe('INVALID_TRANSITION');
    }
    expect(snapshot(env.core)).not.toBe(before);
    expect((await admin.call('stocktake.start', { id: 424242 })).ok).toBe(false);
  });

  test('cancel needs a reason; a cancelled or completed stocktake changes no more', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const noReason = await admin.call('stocktake.cancel', { id: st.id, reason: '  ' });
    expect(noReason.ok ? null : noReason.error.fields).toEqual({ reason: 'stocktake.validation.reasonRequired' });
    const c = await admin.ok('stocktake.cancel', { id: st.id, reason: '范围选错' });
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: '范围选错' });
    expect(stocktakeLog(env.core, st.id).at(-1)).toMatchObject({ action: 'cancel', reason: '范围选错' });
    const before = snapshot(env.core);
    for (const ch of ['stocktake.start', 'stocktake.reconcile', 'stocktake.resume', 'stocktake.complete'] as const) {
      expect((await admin.call(ch, { id: st.id })).ok).toBe(false);
    }
    expect((await admin.call('stocktake.cancel', { id: st.id, reason: '再取消' })).ok).toBe(false);
    const upd = await admin.call('stocktake.update', { id: st.id, version: c.version, name: '新名' });
    expect(upd.ok ? null : upd.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.locked' });
    expect((await admin.call('stocktake.scan', scanOf(st.id, a.code))).ok).toBe(false);
    expect(snapshot(env.core)).toBe(before);
  });

  test('update checks the version; the scope changes only while draft', async ({ env, admin }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const d = await admin.ok('stocktake.create', { name: '盘点', scope: { kind: 'selection', ids: [a.id] } });
    const u = await admin.ok('stocktake.update', { id: d.id, version: 1, name: '春季盘点', scope: { kind: 'selection', ids: [a.id, b.id] } });
    expect(u).toMatchObject({ name: '春季盘点', version: 2, expectedCount: 2, scope: { kind: 'selection', count: 2 } });
    expect(rowsOf(env.core, 'stocktake_expected')).toBe(2);
    const stale = await admin.call('stocktake.update', { id: d.id, version: 1, name: '旧的' });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    const started = await admin.ok('stocktake.start', { id: d.id });
    const frozen = await admin.call('stocktake.update', { id: d.id, version: started.version, scope: { kind: 'all' } });
    expect(frozen.ok ? null : frozen.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.scopeFrozen' });
    const later = await admin.ok('stocktake.update', { id: d.id, version: started.version, memo: '仓库一起盘', dueDate: '2026-02-01' });
    expect(later).toMatchObject({ memo: '仓库一起盘', dueDate: '2026-02-01', status: 'counting', expectedCount: 2 });
    const log = stocktakeLog(env.core, d.id).filter((l) => l.action === 'update');
    expect(JSON.parse(log[0].changes ?? '{}')).toMatchObject({ name: { before: '盘点', after: '春季盘点' }, expected: { before: 1, after: 2 } });
  });

  test('an unknown assignee or an empty scope is refused', async ({ admin }) => {
    const r = await admin.call('stocktake.create', { name: '盘点', scope: { kind: 'all' }, assigneeId: 999 });
    expect(r.ok ? null : r.error.fields).toEqual({ assigneeId: 'stocktake.validation.assigneeUnknown' });
    const empty = await admin.call('stocktake.create', { name: '盘点', scope: { kind: 'selection', ids: [12345] } });
    expect(empty.ok ? null : empty.error.fields).toEqual({ scope: 'stocktake.validation.emptyScope' });
  });

  test('list: open ones by default, newest first, with counted figures', async ({ admin }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const one = await countingOver(admin, [a.id, b.id], '一');
    const two = await admin.ok('stocktake.create', { name: '二', scope: { kind: 'all' } });
    const three = await countingOver(admin, [a.id], '三');
    await admin.ok('stocktake.cancel', { id: three.id, reason: '不要了' });
    await admin.ok('stocktake.scan', scanOf(one.id, a.code));
    const open = await admin.ok('stocktake.list', {});
    expect(open.total).toBe(2);
    expect(open.items.map((s) => [s.name, s.expectedCount, s.countedCount])).toEqual([
      ['二', 2, 0],
      ['一', 2, 1],
    ]);
    expect((await admin.ok('stocktake.list', { status: ['cancelled'] })).items.map((s) => s.id)).toEqual([three.id]);
    expect(two.scope).toEqual({ kind: 'all' });
  });
});
