import { describe, expect } from 'vitest';
import { test } from '../../support/fixtures';
import type { TestClient } from '../../support/test-core';

const found = async (admin: TestClient, q: string) =>
  (await admin.ok('customer.search', { q })).items.map((r: { name: string }) => r.name).sort();

describe('2-character words are adjacent characters, whatever their frequency', () => {
  test('有限 / 限公 / 司公 find the names where the two stand side by side, in name or short name', async ({
    admin,
  }) => {
    const archive: [string, string | null][] = [
      ['北京海淀科技有限公司', null],
      ['上海有色金属公司', null],
      ['限量公司', '限量'],
      ['杭州 公司', '限公'],
    ];
    for (const [name, shortName] of archive) await admin.ok('customer.create', { name, shortName });
    expect(await found(admin, '有限')).toEqual(['北京海淀科技有限公司']);
    expect(await found(admin, '限公')).toEqual(['北京海淀科技有限公司', '杭州 公司']);
    expect(await found(admin, '公司')).toEqual(['上海有色金属公司', '北京海淀科技有限公司', '杭州 公司', '限量公司']);
    expect(await found(admin, '州公')).toEqual(['杭州 公司']); // spaces do not separate characters
    expect(await found(admin, '司公')).toEqual([]);
    expect(await found(admin, '量限')).toEqual([]);
  });
});

describe('a reading prefix of any length, past the prefix indexes too', () => {
  test('every length of the full pinyin and of the initials finds the customer, and only it', async ({ admin }) => {
    await admin.ok('customer.create', { name: '北京海淀科技有限公司' });
    await admin.ok('customer.create', { name: '北京海洋科技有限公司' });
    const full = 'beijinghaidiankejiyouxiangongsi';
    for (let n = 1; n <= full.length; n++) {
      const q = full.slice(0, n);
      const expected =
        n <= 'beijinghai'.length ? ['北京海洋科技有限公司', '北京海淀科技有限公司'] : ['北京海淀科技有限公司'];
      expect({ q, names: await found(admin, q) }).toEqual({ q, names: expected });
    }
    expect(await found(admin, 'bjhdkjyxgs')).toEqual(['北京海淀科技有限公司']);
    expect(await found(admin, 'bjhykjyx')).toEqual(['北京海洋科技有限公司']);
    expect(await found(admin, 'beijinghaidianx')).toEqual([]);
  });
});
