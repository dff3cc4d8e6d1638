import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';

describe('managed lists', () => {
  test('come seeded with the usual settlement methods and ratings', async ({ admin }) => {
    const { items } = await admin.ok('lookup.list', { kinds: ['settlementMethod', 'creditRating'] });
    expect(
      items.filter((i: { kind: string }) => i.kind === 'settlementMethod').map((i: { name: string }) => i.name),
    ).toEqual(['现金', '银行转账', '支票', '承兑汇票', '微信', '支付宝', '其他']);
  });

  test('categories form a tree; names are unique among siblings; edits are versioned and logged', async ({ admin }) => {
    const parent = await admin.ok('lookup.create', { kind: 'category', name: '代理商 ' });
    const child = await admin.ok('lookup.create', { kind: 'category', name: '一级经销商', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    expect(
      await admin.call('lookup.create', { kind: 'category', name: '一级经销商', parentId: parent.id }),
    ).toMatchObject({
      error: { code: 'DUPLICATE', fields: { name: 'lookups.errors.nameTaken' } },
    });
    // a loop is refused
    expect(
      await admin.call('lookup.update', {
        id: parent.id,
        version: 1,
        name: '代理商',
        parentId: child.id,
        active: true,
      }),
    ).toMatchObject({ error: { fields: { parentId: 'lookups.validation.parent' } } });
    // industries are flat
    expect(await admin.call('lookup.create', { kind: 'industry', name: '细分', parentId: parent.id })).toMatchObject({
      error: { fields: { parentId: 'lookups.validation.parent' } },
    });
    const off = await admin.ok('lookup.update', { id: child.id, version: 1, name: '一级经销商', active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    const log = await admin.ok('audit.list', { entity: 'lookup', entityId: String(child.id) });
    // a stale save says who changed the item since, when and what
    expect(await admin.call('lookup.update', { id: child.id, version: 1, name: 'x', active: true })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        messageKey: 'errors.changedBy',
        params: { by: [log.items[0].userName], at: log.items[0].at, fields: ['active'] },
      },
    });
    expect(log.items.map((r: { action: string }) => r.action)).toEqual(['update', 'create']);
  });

  test('a change tells every window to reload its lists, after it committed; a refused one tells none', async ({ env, admin }) => {
    const events: { name: string; payload: unknown }[] = [];
    env.core.events.subscribe((e) => events.push(e));
    const made = await admin.ok('lookup.create', { kind: 'industry', name: '造纸' });
    await admin.ok('lookup.update', { id: made.id, version: 1, name: '造纸业', active: true });
    expect(await admin.call('lookup.create', { kind: 'industry', name: '造纸业' })).toMatchObject({ ok: false });
    expect(events.filter((e) => e.name === 'lookups.changed')).toEqual([
      { name: 'lookups.changed', payload: { id: made.id } },
      { name: 'lookups.changed', payload: { id: made.id } },
    ]);
  });

  test('an inactive item cannot be chosen for a new record but stays on records that have it', async ({ admin }) => {
    const item = await admin.ok('lookup.create', { kind: 'region', name: '海外' });
    const c = await admin.ok('customer.create', { name: '海外客户', regionId: item.id });
    await admin.ok('lookup.update', { id: item.id, version: 1, name: '海外', active: false });
    expect(await admin.call('customer.create', { name: '新海外客户', regionId: item.id })).toMatchObject({
      error: { fields: { regionId: 'customers.validation.lookup' } },
    });
    expect(
      (await admin.call('customer.update', { id: c.id, version: 1, name: '海外客户', regionId: item.id, memo: '改' }))
        .ok,
    ).toBe(true);
  });
});
