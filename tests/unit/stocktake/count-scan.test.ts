import { describe, expect } from 'vitest';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { countingOver, customersIn, rowsOf, scanOf, stocktakeLog } from './count-support';

describe('stocktake.scan', () => {
  test('classifies every result: found, duplicate, unknown, deactivated, frozen, outOfScope', async ({ env, admin }) => {
    const [a, b, frozen, gone, outside] = await customersIn(admin, ['甲公司', '乙公司', '丙公司', '丁公司', '戊公司']);
    const st = await countingOver(admin, [a.id, b.id, frozen.id, gone.id]);
    await admin.ok('customer.freeze', { ids: [frozen.id], reasonId: await reasonId(admin, '信用风险'), acknowledgeOpenItems: true });
    await admin.ok('customer.deactivate', { ids: [gone.id], reasonId: await reasonId(admin, '合同到期'), acknowledgeOpenItems: true });

    const found = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    expect(found).toMatchObject({ result: 'found', times: 1, earlier: [], replayed: false, progress: { expected: 4, counted: 1 } });
    expect(found.customer).toMatchObject({ id: a.id, code: a.code, name: '甲公司', status: 'active', mergedInto: null });

    const dup = await admin.ok('stocktake.scan', scanOf(st.id, a.code.toLowerCase()));
    expect(dup).toMatchObject({ result: 'duplicate', times: 2, lineId: found.lineId, progress: { counted: 1 } });
    expect(dup.earlier).toEqual([{ userName: '系统管理员', at: env.clock.now().toISOString() }]);

    const unknown = await admin.ok('stocktake.scan', scanOf(st.id, 'ＮＯ－ＳＵＣＨ－１'));
    expect(unknown).toMatchObject({ result: 'unknown', code: 'NO-SUCH-1', customer: null, times: 1 });
    // an unknown code scanned again stays unknown (one line, two scans)
    expect(await admin.ok('stocktake.scan', scanOf(st.id, 'no-such-1'))).toMatchObject({ result: 'unknown', times: 2, lineId: unknown.lineId });

    const f = await admin.ok('stocktake.scan', scanOf(st.id, frozen.code));
    expect(f).toMatchObject({ result: 'frozen', customer: { status: 'frozen', statusReasonName: '信用风险' }, progress: { counted: 2 } });
    const d = await admin.ok('stocktake.scan', scanOf(st.id, gone.code));
    expect(d).toMatchObject({ result: 'deactivated', customer: { status: 'deactivated', statusReasonName: '合同到期' }, progress: { counted: 3 } });
    const o = await admin.ok('stocktake.scan', scanOf(st.id, outside.code));
    // the ack carries every counter the screen shows live, as the full recount has them
    expect(o).toMatchObject({ result: 'outOfScope', progress: { expected: 4, counted: 3, scans: 7, unknown: 1, outOfScope: 1 } });

    const { progress } = await admin.ok('stocktake.get', { id: st.id });
    expect(progress).toMatchObject(o.progress);
    expect(progress.byCounter).toEqual([{ userId: expect.any(Number), userName: '系统管理员', scans: 7 }]);
    expect(stocktakeLog(env.core, st.id).filter((l) => l.action === 'scan')).toHaveLength(7);
  });

  test('a state beats out-of-scope; a merged duplicate names its survivor', async ({ admin }) => {
    const [inScope, dupe, survivor] = await customersIn(admin, ['甲公司', '甲公司分部', '甲公司总部']);
    const st = await countingOver(admin, [inScope.id]);
    await admin.ok('customer.deactivate', {
      ids: [dupe.id],
      reasonId: await reasonId(admin, '重复档案'),
      survivorId: survivor.id,
      acknowledgeOpenItems: true,
    });
    const ack = await admin.ok('stocktake.scan', scanOf(st.id, dupe.code));
    expect(ack.result).toBe('deactivated');
    expect(ack.customer?.mergedInto).toEqual({ id: survivor.id, code: survivor.code, name: '甲公司总部' });
  });

  test('a resent client id is answered from its row and counted once, nothing written', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const scan = scanOf(st.id, a.code);
    const first = await admin.ok('stocktake.scan', scan);
    const before = snapshot(env.core);
    const again = await admin.ok('stocktake.scan', scan);
    expect(snapshot(env.core)).toBe(before);
    expect(again).toEqual({ ...first, replayed: true });
    // resent after counting stopped: still answered, not refused
    await admin.ok('stocktake.reconcile', { id: st.id });
    expect(await admin.ok('stocktake.scan', scan)).toMatchObject({ scanId: first.scanId, replayed: true });
  });

  test('the same scan sent at once from two devices is stored once', async ({ env, admin }) => {
    const clerk = await env.userWithRoles('li', ['clerk']);
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const scan = scanOf(st.id, a.code);
    const acks = await Promise.all([admin.ok('stocktake.scan', scan), clerk.ok('stocktake.scan', { ...scan, deviceId: 'pc-2' })]);
    expect(acks.map((x) => x.scanId)).toEqual([acks[0].scanId, acks[0].scanId]);
    expect(acks.map((x) => x.replayed).sort()).toEqual([false, true]);
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(1);
    expect(acks[1].times).toBe(1);
    expect((await admin.ok('stocktake.get', { id: st.id })).progress.scans).toBe(1);
  });

  test('counting only while counting: a draft or reconciling stocktake refuses a new scan and changes nothing', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const draft = await admin.ok('stocktake.create', { name: '草稿', scope: { kind: 'selection', ids: [a.id] } });
    const before = snapshot(env.core);
    const r = await admin.call('stocktake.scan', scanOf(draft.id, a.code));
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.notCounting', params: { no: draft.no, status: 'draft' } } });
    const st = await countingOver(admin, [a.id]);
    await admin.ok('stocktake.reconcile', { id: st.id });
    const r2 = await admin.call('stocktake.scan', scanOf(st.id, a.code));
    expect(r2.ok ? null : r2.error.messageKey).toBe('stocktake.errors.notCounting');
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(0);
    expect(snapshot(env.core)).not.toBe(before); // the second stocktake was made
    expect((await admin.call('stocktake.scan', scanOf(9999, a.code))).ok).toBe(false);
  });

  test('clerks count, but do not create; a scan of a deactivated customer is not refused by the document guard', async ({ env, admin }) => {
    const clerk = await env.userWithRoles('li', ['clerk']);
    const [a] = await customersIn(admin, ['甲公司']);
    const refused = await clerk.call('stocktake.create', { name: '盘点', scope: { kind: 'all' } });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const st = await countingOver(admin, [a.id]);
    await admin.ok('customer.deactivate', { ids: [a.id], reasonId: await reasonId(admin, '合同到期'), acknowledgeOpenItems: true });
    expect((await clerk.ok('stocktake.scan', scanOf(st.id, a.code))).result).toBe('deactivated');
  });

  test('scans and undos are append-only in the database', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const ack = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    await admin.ok('stocktake.undo', { stocktakeId: st.id, scanId: ack.scanId });
    const db = env.core.sqlite;
    expect(() => db.prepare(`UPDATE stocktake_scans SET code = 'X' WHERE id = ?`).run(ack.scanId)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stocktake_scans').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE stocktake_undos SET reason = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stocktake_undos').run()).toThrow(/append-only/);
  });

  test('a scan whose write fails leaves no scan, line or log row', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const logs = rowsOf(env.core, 'operation_log');
    // the log row is written last: a failure there must take the scan and its line back with it
    env.core.sqlite.exec(
      `CREATE TEMP TRIGGER fail_log BEFORE INSERT ON main.operation_log WHEN NEW.action = 'scan' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
    );
    const r = await admin.call('stocktake.scan', scanOf(st.id, a.code));
    expect(r.ok ? null : r.error.code).toBe('INTERNAL');
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(0);
    expect(rowsOf(env.core, 'stocktake_lines')).toBe(0);
    expect(rowsOf(env.core, 'operation_log')).toBe(logs);
    env.core.sqlite.exec('DROP TRIGGER temp.fail_log');
    expect(await admin.ok('stocktake.scan', scanOf(st.id, a.code))).toMatchObject({ result: 'found', progress: { counted: 1 } });
  });
});
