import { describe, expect } from 'vitest';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { category, customersIn, scanOf } from './count-support';

const expectedIds = (env: { core: { sqlite: import('../../../db/open').Sqlite } }, id: number) =>
  env.core.sqlite.prepare('SELECT customer_id FROM stocktake_expected WHERE stocktake_id = ? ORDER BY customer_id').pluck().all(id);

describe('a stocktake’s scope and its frozen expected set', () => {
  test('all = the active customers; a filter defaults to active ones and finds sub-categories', async ({ env, admin }) => {
    const big = await category(admin, '大客户');
    const sub = await admin.ok('lookup.create', { kind: 'category', name: '重点大客户', parentId: big });
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司'], { categoryId: big });
    const [c] = await customersIn(admin, ['丙公司'], { categoryId: sub.id });
    const [other] = await customersIn(admin, ['丁公司']);
    await admin.ok('customer.deactivate', { ids: [b.id], reasonId: await reasonId(admin, '合同到期'), acknowledgeOpenItems: true });

    expect(await admin.ok('stocktake.previewScope', { scope: { kind: 'all' } })).toEqual({ count: 3 });
    expect(await admin.ok('stocktake.previewScope', { scope: { kind: 'filter', filters: { categoryId: big } } })).toEqual({ count: 2 });
    const withGone = { kind: 'filter', filters: { categoryId: big, status: ['active', 'deactivated'] } } as const;
    expect(await admin.ok('stocktake.previewScope', { scope: withGone })).toEqual({ count: 3 });

    const all = await admin.ok('stocktake.create', { name: '全部', scope: { kind: 'all' }, start: true });
    expect(expectedIds(env, all.id)).toEqual([a.id, c.id, other.id]);
    const byCat = await admin.ok('stocktake.create', { name: '大客户', scope: { kind: 'filter', filters: { categoryId: big } }, start: true });
    expect(byCat.scope).toEqual({ kind: 'filter', filters: { categoryId: big, status: ['active'] } });
    expect(expectedIds(env, byCat.id)).toEqual([a.id, c.id]);
    const { progress } = await admin.ok('stocktake.get', { id: byCat.id });
    expect(progress.byCategory).toEqual([
      { categoryId: big, categoryName: '大客户', expected: 1, counted: 0 },
      { categoryId: sub.id, categoryName: '重点大客户', expected: 1, counted: 0 },
    ]);
  });

  test('a selection is stored at creation, refreshed while draft, and its snapshot taken at start', async ({ env, admin }) => {
    const big = await category(admin, '大客户');
    const [a, b, c] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const d = await admin.ok('stocktake.create', { name: '勾选', scope: { kind: 'selection', ids: [a.id, b.id, a.id] } });
    expect(d.expectedCount).toBe(2);
    expect(expectedIds(env, d.id)).toEqual([a.id, b.id]);
    await admin.ok('stocktake.update', { id: d.id, version: d.version, scope: { kind: 'selection', ids: [b.id, c.id] } });
    expect(expectedIds(env, d.id)).toEqual([b.id, c.id]);
    const cust = await admin.ok('customer.get', { id: b.id });
    await admin.ok('customer.update', { id: b.id, version: cust.version, name: cust.name, nature: 'other', categoryId: big });
    await admin.ok('stocktake.start', { id: d.id });
    const snap = env.core.sqlite.prepare('SELECT customer_id AS id, category_id AS cat, status FROM stocktake_expected WHERE stocktake_id = ? ORDER BY customer_id').all(d.id);
    expect(snap).toEqual([
      { id: b.id, cat: big, status: 'active' },
      { id: c.id, cat: null, status: 'active' },
    ]);
  });

  test('customers edited, added or deactivated after start do not move the expected set', async ({ env, admin }) => {
    const big = await category(admin, '大客户');
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司'], { categoryId: big });
    const st = await admin.ok('stocktake.create', { name: '大客户', scope: { kind: 'filter', filters: { categoryId: big } }, start: true });
    const before = env.core.sqlite.prepare('SELECT * FROM stocktake_expected WHERE stocktake_id = ?').all(st.id);

    const [late] = await customersIn(admin, ['后来的公司'], { categoryId: big });
    const cust = await admin.ok('customer.get', { id: a.id });
    await admin.ok('customer.update', { id: a.id, version: cust.version, name: cust.name, nature: 'other', categoryId: null });
    await admin.ok('customer.deactivate', { ids: [b.id], reasonId: await reasonId(admin, '合同到期'), acknowledgeOpenItems: true });

    expect(env.core.sqlite.prepare('SELECT * FROM stocktake_expected WHERE stocktake_id = ?').all(st.id)).toEqual(before);
    expect((await admin.ok('stocktake.scan', scanOf(st.id, late.code))).result).toBe('outOfScope');
    expect((await admin.ok('stocktake.scan', scanOf(st.id, a.code))).result).toBe('found');
    const { progress } = await admin.ok('stocktake.get', { id: st.id });
    expect(progress).toMatchObject({ expected: 2, counted: 1, outOfScope: 1 });
    expect(progress.byCategory).toEqual([{ categoryId: big, categoryName: '大客户', expected: 2, counted: 1 }]);
  });
});
