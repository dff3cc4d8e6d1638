import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reindexCustomers, removeFromIndex } from '../../../../electron/core/customers/search/indexer';
import { makeEnv, type TestClient, type TestEnv } from '../../support/test-core';

let env: TestEnv;
let admin: TestClient;
beforeEach(async () => {
  env = await makeEnv();
  admin = await env.admin();
});
afterEach(() => env.close());

const found = async (q: string) =>
  (await admin.ok('customer.search', { q })).items.map((r: { name: string }) => r.name);

describe('the search index follows the record', () => {
  it('an edit through customer.update drops the old words and adds the new ones', async () => {
    const c = await admin.ok('customer.create', {
      name: '北京海淀科技有限公司',
      shortName: '海淀科技',
      contacts: [{ name: '张伟', mobile: '13812345678' }],
    });
    expect(await found('1381234')).toEqual(['北京海淀科技有限公司']);
    await admin.ok('customer.update', {
      id: c.id,
      version: c.version,
      name: '北京朝阳科技有限公司',
      shortName: null,
      contacts: [{ name: '张伟', mobile: '13900001111' }],
    });
    for (const gone of ['海淀', '淀', 'bjhd', 'beijinghaidian', 'hdkj', '1381234'])
      expect(await found(gone)).toEqual([]);
    for (const now of ['朝阳', 'bjcy', 'beijingchaoyang', 'beijingzhaoyang', '9000011'])
      expect(await found(now)).toEqual(['北京朝阳科技有限公司']);
  });

  it('reindexing is idempotent and removeFromIndex forgets a customer', async () => {
    const c = await admin.ok('customer.create', {
      name: '杭州鑫源贸易有限责任公司',
      contacts: [{ name: '陈静', mobile: '15012345678' }],
    });
    const count = () =>
      env.core.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM customer_pinyin WHERE customer_id = @id)
             || '/' || (SELECT count(*) FROM customer_fts_tri WHERE customer_fts_tri MATCH '"鑫源贸"' AND rowid = @id)
             || '/' || (SELECT count(*) FROM customer_fts_uni WHERE customer_fts_uni MATCH '"鑫"' AND rowid = @id)`,
        )
        .pluck()
        .get({ id: c.id });
    const before = count();
    expect(before).toMatch(/^[1-9]\d*\/1\/1$/);
    env.core.sqlite.transaction(() => reindexCustomers(env.core.sqlite, [c.id, c.id]))();
    expect(count()).toBe(before);
    env.core.sqlite.transaction(() => removeFromIndex(env.core.sqlite, [c.id]))();
    expect(count()).toBe('0/0/0');
    expect(await found('鑫源')).toEqual([]);
    expect(await found('hzxy')).toEqual([]);
  });

  it('reindexing a customer that does not exist removes nothing else and fails nothing', async () => {
    await admin.ok('customer.create', { name: '单伟', nature: 'person' });
    env.core.sqlite.transaction(() => reindexCustomers(env.core.sqlite, [999]))();
    expect(await found('sw')).toEqual(['单伟']);
  });
});
