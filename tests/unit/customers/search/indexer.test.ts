import { describe, expect } from 'vitest';
import { reindexCustomers, removeFromIndex } from '../../../../electron/core/customers/search/indexer';
import { test } from '../../support/fixtures';
import type { TestClient } from '../../support/test-core';

const found = async (admin: TestClient, q: string) =>
  (await admin.ok('customer.search', { q })).items.map((r: { name: string }) => r.name);

describe('the search index follows the record', () => {
  test('an edit through customer.update drops the old words and adds the new ones', async ({ admin }) => {
    const c = await admin.ok('customer.create', {
      name: '北京海淀科技有限公司',
      shortName: '海淀科技',
      contacts: [{ name: '张伟', mobile: '13812345678' }],
    });
    expect(await found(admin, '1381234')).toEqual(['北京海淀科技有限公司']);
    await admin.ok('customer.update', {
      id: c.id,
      version: c.version,
      name: '北京朝阳科技有限公司',
      shortName: null,
      contacts: [{ name: '张伟', mobile: '13900001111' }],
    });
    for (const gone of ['海淀', '淀', 'bjhd', 'beijinghaidian', 'hdkj', '1381234'])
      expect(await found(admin, gone)).toEqual([]);
    for (const now of ['朝阳', 'bjcy', 'beijingchaoyang', 'beijingzhaoyang', '9000011'])
      expect(await found(admin, now)).toEqual(['北京朝阳科技有限公司']);
  });

  test('reindexing is idempotent and removeFromIndex forgets a customer', async ({ env, admin }) => {
    const c = await admin.ok('customer.create', {
      name: '杭州鑫源贸易有限责任公司',
      contacts: [{ name: '陈静', mobile: '15012345678' }],
    });
    const count = () =>
      env.core.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM customer_fts_py WHERE customer_fts_py MATCH '"hzxy"*' AND rowid = @id)
             || '/' || (SELECT count(*) FROM customer_fts_tri WHERE customer_fts_tri MATCH '"鑫源贸"' AND rowid = @id)
             || '/' || (SELECT count(*) FROM customer_fts_gram WHERE customer_fts_gram MATCH '"鑫源"' AND rowid = @id)`,
        )
        .pluck()
        .get({ id: c.id });
    const before = count();
    expect(before).toBe('1/1/1');
    env.core.sqlite.transaction(() => reindexCustomers(env.core.sqlite, [c.id, c.id]))();
    expect(count()).toBe(before);
    env.core.sqlite.transaction(() => removeFromIndex(env.core.sqlite, [c.id]))();
    expect(count()).toBe('0/0/0');
    expect(await found(admin, '鑫源')).toEqual([]);
    expect(await found(admin, 'hzxy')).toEqual([]);
  });

  test('reindexing a customer that does not exist removes nothing else and fails nothing', async ({ env, admin }) => {
    await admin.ok('customer.create', { name: '单伟', nature: 'person' });
    env.core.sqlite.transaction(() => reindexCustomers(env.core.sqlite, [999]))();
    expect(await found(admin, 'sw')).toEqual(['单伟']);
  });
});
