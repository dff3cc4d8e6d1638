import { describe, expect } from 'vitest';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { countingOver, customersIn, scanOf, stocktakeLog } from './count-support';

describe('counted lines, notes, evidence and proposed corrections', () => {
  test('lines: newest first, search by code or name, the customer brief', async ({ admin }) => {
    const [a, b] = await customersIn(admin, ['杭州西湖贸易有限公司', '北京海淀科技有限公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    await admin.ok('stocktake.scan', scanOf(st.id, b.code));
    await admin.ok('stocktake.scan', scanOf(st.id, 'ZZ-9'));
    const all = await admin.ok('stocktake.lines', { stocktakeId: st.id });
    expect(all.total).toBe(3);
    expect(all.items.map((l) => l.code)).toEqual(['ZZ-9', b.code, a.code]);
    expect(all.items[0]).toMatchObject({ customer: null, scans: 1, checked: false, evidence: [], note: null, pendingCorrections: 0 });
    expect(all.items[1].customer).toMatchObject({ id: b.id, name: '北京海淀科技有限公司', status: 'active' });
    expect((await admin.ok('stocktake.lines', { stocktakeId: st.id, q: '西湖' })).items.map((l) => l.code)).toEqual([a.code]);
    expect((await admin.ok('stocktake.lines', { stocktakeId: st.id, q: 'zz-' })).items.map((l) => l.code)).toEqual(['ZZ-9']);
    expect((await admin.ok('stocktake.lines', { stocktakeId: st.id, q: '%' })).total).toBe(0);
    expect((await admin.ok('stocktake.lines', { stocktakeId: st.id, pageSize: 1, page: 2 })).items.map((l) => l.code)).toEqual([b.code]);
  });

  test('updateLine: note, evidence (no invoice: 合同) and 已核对, with a version check, logged', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const ack = await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    const lineId = ack.lineId as number;
    const u = await admin.ok('stocktake.updateLine', { stocktakeId: st.id, lineId, version: 1, note: '无发票，有合同', evidence: ['contract'], checked: true });
    expect(u).toMatchObject({ id: lineId, note: '无发票，有合同', evidence: ['contract'], checked: true, version: 2 });
    // a scan does not move the line's version (a note being edited is not refused by counting)
    await admin.ok('stocktake.scan', scanOf(st.id, a.code));
    const stale = await admin.call('stocktake.updateLine', { stocktakeId: st.id, lineId, version: 1, note: '旧' });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect((await admin.ok('stocktake.updateLine', { stocktakeId: st.id, lineId, version: 2, evidence: [] })).evidence).toEqual([]);
    const log = stocktakeLog(env.core, st.id).filter((l) => l.action === 'updateLine');
    expect(JSON.parse(log[0].changes ?? '{}')).toMatchObject({
      note: { before: null, after: '无发票，有合同' },
      evidence: { before: [], after: ['contract'] },
      checked: { before: false, after: true },
    });
    await admin.ok('stocktake.reconcile', { id: st.id });
    await admin.ok('stocktake.complete', { id: st.id });
    const before = snapshot(env.core);
    const locked = await admin.call('stocktake.updateLine', { stocktakeId: st.id, lineId, version: 3, note: '晚了' });
    expect(locked.ok ? null : locked.error.messageKey).toBe('stocktake.errors.linesLocked');
    expect(snapshot(env.core)).toBe(before);
  });

  test('proposeCorrection keeps the proposal, the values it replaces and the customer version', async ({ env, admin }) => {
    const c = await admin.ok('customer.create', {
      name: '甲公司',
      nature: 'other',
      contacts: [{ name: '张伟', mobile: '13812345678', phone: '010-88886666', isPrimary: true }],
    });
    const st = await countingOver(admin, [c.id]);
    const ack = await admin.ok('stocktake.scan', scanOf(st.id, c.code));
    const unknown = await admin.ok('stocktake.scan', scanOf(st.id, 'NOPE-1'));
    const p = await admin.ok('stocktake.proposeCorrection', {
      stocktakeId: st.id,
      lineId: ack.lineId as number,
      proposal: { contact: { mobile: '13900001111' }, note: '电话换了' },
    });
    expect(p).toMatchObject({
      lineId: ack.lineId,
      customer: { id: c.id, code: c.code, name: '甲公司' },
      proposal: { contact: { mobile: '13900001111' }, note: '电话换了' },
      before: { contact: { name: '张伟', mobile: '13812345678', phone: '010-88886666' } },
      status: 'proposed',
      customerChanged: false,
      proposedByName: '系统管理员',
    });
    const row = env.core.sqlite.prepare('SELECT customer_version AS v FROM stocktake_corrections WHERE id = ?').get(p.id);
    expect(row).toEqual({ v: (await admin.ok('customer.get', { id: c.id })).version });
    expect((await admin.ok('stocktake.lines', { stocktakeId: st.id, q: c.code })).items[0].pendingCorrections).toBe(1);
    const noCustomer = await admin.call('stocktake.proposeCorrection', {
      stocktakeId: st.id,
      lineId: unknown.lineId as number,
      proposal: { contact: { mobile: '13900001111' } },
    });
    expect(noCustomer.ok ? null : noCustomer.error.fields).toEqual({ lineId: 'stocktake.errors.lineWithoutCustomer' });
    const empty = await admin.call('stocktake.proposeCorrection', { stocktakeId: st.id, lineId: ack.lineId as number, proposal: { note: 'x' } });
    expect(empty.ok ? null : empty.error.code).toBe('INVALID_INPUT');
    expect(stocktakeLog(env.core, st.id).filter((l) => l.action === 'proposeCorrection')).toHaveLength(1);
  });

  test('an open stocktake is an open item of its customers until it is completed', async ({ admin }) => {
    const [a, b, c] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const draft = await admin.ok('stocktake.create', { name: '草稿', scope: { kind: 'selection', ids: [a.id] } });
    await admin.ok('stocktake.create', { name: '全部草稿', scope: { kind: 'all' } });
    const st = await countingOver(admin, [b.id]);
    await admin.ok('stocktake.scan', scanOf(st.id, c.code)); // out of scope, but counted
    const items = async () =>
      Object.fromEntries((await admin.ok('customer.statusPreview', { ids: [a.id, b.id, c.id], action: 'deactivate' })).items.map((i) => [i.id, i.openItems]));
    expect(await items()).toEqual({
      [a.id]: [{ kind: 'openStocktakes', count: 1, amountCents: null }],
      [b.id]: [{ kind: 'openStocktakes', count: 1, amountCents: null }],
      [c.id]: [{ kind: 'openStocktakes', count: 1, amountCents: null }],
    });
    const refused = await admin.call('customer.deactivate', { ids: [b.id], reasonId: await reasonId(admin, '合同到期') });
    expect(refused.ok ? null : refused.error.code).toBe('OPEN_ITEMS');
    await admin.ok('stocktake.cancel', { id: draft.id, reason: '不盘了' });
    await admin.ok('stocktake.reconcile', { id: st.id });
    await admin.ok('stocktake.complete', { id: st.id });
    expect(await items()).toEqual({ [a.id]: [], [b.id]: [], [c.id]: [] });
  });
});
