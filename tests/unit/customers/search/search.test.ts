import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../../electron/core/shared/contract';
import { makeEnv, type TestClient, type TestEnv, userByName } from '../../support/test-core';
import { fullCustomer, lookupId, uscc } from '../support';

/**
 * customer.search through the dispatcher, on a small archive created through customer.create.
 * Each test only reads, so the archive is built once.
 */
let env: TestEnv;
let admin: TestClient;
let salespersonId: number;
const ids: Record<string, number> = {};

interface Row {
  id: number;
  code: string;
  name: string;
  [k: string]: unknown;
}
interface Result {
  items: Row[];
  total: number;
  totalCapped: boolean;
}

const search = (input: object): Promise<Result> => admin.ok('customer.search', input);
const names = async (q: string, more: object = {}) => (await search({ q, ...more })).items.map((r) => r.name);

beforeAll(async () => {
  env = await makeEnv();
  admin = await env.admin();
  await env.userWithRoles('sales1', ['clerk']);
  salespersonId = userByName(env.core, 'sales1')!.id;
  const id = async (key: string, input: ChannelInput<'customer.create'>) => {
    ids[key] = (await admin.ok('customer.create', input)).id;
  };
  await id('haidian', await fullCustomer(admin)); // C000001 北京海淀科技有限公司, 海淀科技, 13812345678, 010-8888 6666
  await id('changan', {
    name: '重庆长安汽车股份有限公司',
    shortName: '长安汽车',
    taxId: uscc('91500000202812345'),
    categoryId: await lookupId(admin, 'category', '经销商'),
    industryId: await lookupId(admin, 'industry', '制造业'),
    regionId: await lookupId(admin, 'region', '西南'),
    creditRatingId: await lookupId(admin, 'creditRating', 'B'),
    salespersonId,
    contacts: [{ name: '刘洋', mobile: '13900001111', isPrimary: true }],
  });
  await id('shan', {
    name: '单伟',
    nature: 'person',
    regionId: await lookupId(admin, 'region', '华北'),
    contacts: [{ name: '单伟', mobile: '13700002222' }],
  });
  await id('zeng', { name: '曾行', nature: 'person', contacts: [{ name: '曾行', mobile: '13600003333' }] });
  await id('xinyuan', {
    name: '杭州鑫源贸易有限责任公司',
    taxId: uscc('91330106MA2B12345'),
    regionId: await lookupId(admin, 'region', '华东'),
    contacts: [
      { name: '陈静', mobile: '15012345678' },
      { name: '黄磊', title: '经理', mobile: '15087654321', isPrimary: true },
    ],
  });
  await id('shop', { name: '张伟便利店', nature: 'individualBusiness', mnemonic: 'ZWSHOP' });
  await id('pudong', { code: 'SH-001', name: '上海浦东海关报关行' });
  await id('beiji', { code: 'BJHD', name: '北极星航电设备有限公司' });
});
afterAll(() => env.close());

describe('one search box finds a customer by', () => {
  it('one Chinese character', async () => {
    expect(await names('淀')).toEqual(['北京海淀科技有限公司']);
    expect(await names('海')).toEqual(['北京海淀科技有限公司', '上海浦东海关报关行']);
  });

  it('two Chinese characters, in order', async () => {
    expect(await names('海淀')).toEqual(['北京海淀科技有限公司']);
    expect(await names('单伟')).toEqual(['单伟']);
    expect(await names('长安')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('淀海')).toEqual([]);
  });

  it('a longer Chinese substring of the name or short name', async () => {
    expect(await names('海淀科技')).toEqual(['北京海淀科技有限公司']);
    expect(await names('鑫源贸易')).toEqual(['杭州鑫源贸易有限责任公司']);
    expect(await names('有限责任')).toEqual(['杭州鑫源贸易有限责任公司']);
    expect(await names('安汽车')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('海淀贸易')).toEqual([]);
  });

  it('pinyin initials of the name or short name, any case, polyphones either way', async () => {
    expect(await names('bjhd')).toContain('北京海淀科技有限公司');
    expect(await names('BJHDKJ')).toEqual(['北京海淀科技有限公司']);
    expect(await names('hdkj')).toEqual(['北京海淀科技有限公司']); // 海淀科技 (short name)
    expect(await names('cq')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('zq')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('sw')).toEqual(['单伟']);
    expect(await names('dw')).toEqual(['单伟']);
    expect(await names('zx')).toEqual(['曾行']);
  });

  it('full pinyin, polyphones and surnames either way', async () => {
    expect(await names('beijinghai')).toEqual(['北京海淀科技有限公司']);
    expect(await names('chongqing')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('zhongqing')).toEqual(['重庆长安汽车股份有限公司']);
    expect(await names('shanwei')).toEqual(['单伟']);
    expect(await names('zengxing')).toEqual(['曾行']);
    expect(await names('hangzhouxinyuan')).toEqual(['杭州鑫源贸易有限责任公司']);
    // longer than the stored prefix of a reading: still found
    expect(await names('beijinghaidiankejiyouxiangongsi')).toEqual(['北京海淀科技有限公司']);
  });

  it('a 助记码 typed by hand', async () => {
    expect(await names('zwshop')).toEqual(['张伟便利店']);
    expect(await names('zwbld')).toEqual(['张伟便利店']); // the generated readings still count
  });

  it('code prefix, any case; the exact code first', async () => {
    expect(await names('sh-0')).toEqual(['上海浦东海关报关行']);
    const c0 = await search({ q: 'c00000' });
    expect(c0.items.map((r) => r.code)).toEqual(['C000001', 'C000002', 'C000003', 'C000004', 'C000005', 'C000006']);
    expect(c0).toMatchObject({ total: 6, totalCapped: false });
    // BJHD is a code and also the pinyin of 北京海淀: the code's owner comes first, though C000001 sorts before it
    expect((await search({ q: 'bjhd' })).items.map((r) => r.code)).toEqual(['BJHD', 'C000001']);
    // an explicit sort does not put it first
    expect((await search({ q: 'bjhd', sort: { field: 'code', order: 'asc' } })).items.map((r) => r.code)).toEqual(
      ['BJHD', 'C000001'].sort(),
    );
  });

  it('a fragment of any contact mobile or phone, with or without separators', async () => {
    expect(await names('1381234')).toEqual(['北京海淀科技有限公司']);
    expect(await names('138-1234')).toEqual(['北京海淀科技有限公司']);
    expect(await names('88886666')).toEqual(['北京海淀科技有限公司']);
    expect(await names('010-8888')).toEqual(['北京海淀科技有限公司']);
    expect(await names('7654321')).toEqual(['北京海淀科技有限公司', '杭州鑫源贸易有限责任公司']); // 13987654321, 15087654321
    expect(await names('13700002222')).toEqual(['单伟']);
    expect(await names('99999')).toEqual([]);
  });

  it('tax ID prefix or substring, any case', async () => {
    const taxId = uscc('91110108MA01ABCD1');
    expect(await names('91110108')).toEqual(['北京海淀科技有限公司']);
    expect(await names('ma01abcd')).toEqual(['北京海淀科技有限公司']);
    expect(await names(taxId)).toEqual(['北京海淀科技有限公司']);
    expect(await names('9133 0106')).toEqual(['杭州鑫源贸易有限责任公司']);
  });

  it('several words, all of which must match', async () => {
    expect(await names('北京 科技')).toEqual(['北京海淀科技有限公司']);
    expect(await names('杭州 贸易')).toEqual(['杭州鑫源贸易有限责任公司']);
    expect(await names('北京 海淀科技')).toEqual(['北京海淀科技有限公司']);
    expect(await names('北京 贸易')).toEqual([]);
  });

  it('full-width text and stray spaces', async () => {
    expect(await names('　ＢＪＨＤＫＪ ')).toEqual(['北京海淀科技有限公司']);
    expect(await names('１３８１２３４')).toEqual(['北京海淀科技有限公司']);
  });
});

describe('list rows', () => {
  it('carry the lookup names, salesperson and the primary contact', async () => {
    const [haidian] = (await search({ q: '海淀' })).items;
    expect(haidian).toEqual({
      id: ids.haidian,
      code: 'C000001',
      name: '北京海淀科技有限公司',
      shortName: '海淀科技',
      mnemonic: 'BJHDKJYXGS',
      nature: 'enterprise',
      categoryName: '大客户',
      industryName: '信息技术服务',
      regionName: '华北',
      creditRatingName: 'A',
      salespersonName: null,
      contactName: '张伟',
      mobile: '13812345678',
      phone: '010-8888 6666',
      taxId: uscc('91110108MA01ABCD1'),
      creditLimitCents: 5_000_000,
      contractEndDate: '2027-12-31',
      status: 'active',
      statusChangedAt: null,
      statusChangedByName: null,
      statusReasonName: null,
      statusMemo: null,
      scheduledDeactivation: null,
      lastVerifiedAt: null,
      updatedAt: expect.any(String),
    });
    const [xinyuan] = (await search({ q: '鑫源' })).items;
    expect(xinyuan).toMatchObject({ contactName: '黄磊', mobile: '15087654321' }); // the primary, not the first
    const [changan] = (await search({ q: '长安' })).items;
    expect(changan).toMatchObject({ salespersonName: 'sales1', contactName: '刘洋', categoryName: '经销商' });
    const [zeng] = (await search({ q: '曾行' })).items;
    expect(zeng).toMatchObject({ categoryName: null, regionName: null, creditRatingName: null, shortName: null });
  });
});

describe('filters', () => {
  it('are AND-ed with the search text', async () => {
    const north = await lookupId(admin, 'region', '华北');
    expect(await names('海', { filters: { regionId: north } })).toEqual(['北京海淀科技有限公司']);
    expect(await names('c0', { filters: { regionId: north } })).toEqual(['北京海淀科技有限公司', '单伟']);
    expect(
      await names('c0', { filters: { regionId: north, categoryId: await lookupId(admin, 'category', '大客户') } }),
    ).toEqual(['北京海淀科技有限公司']);
    expect(await names('bjhd', { filters: { salespersonId } })).toEqual([]);
  });

  it('work on their own, each kind', async () => {
    const browse = async (filters: object) => (await search({ filters })).items.map((r) => r.name);
    expect(await browse({ industryId: await lookupId(admin, 'industry', '制造业') })).toEqual([
      '重庆长安汽车股份有限公司',
    ]);
    expect(await browse({ creditRatingId: await lookupId(admin, 'creditRating', 'B') })).toEqual([
      '重庆长安汽车股份有限公司',
    ]);
    expect(await browse({ salespersonId })).toEqual(['重庆长安汽车股份有限公司']);
    expect(await browse({ regionId: await lookupId(admin, 'region', '华东') })).toEqual(['杭州鑫源贸易有限责任公司']);
    expect((await search({ filters: { status: ['active'] } })).total).toBe(8);
    expect(await search({ filters: { status: ['deactivated', 'frozen'] } })).toEqual({
      items: [],
      total: 0,
      totalCapped: false,
      next: null,
    });
  });
});

describe('browsing (no search text)', () => {
  it('pages through every customer by code by default, with an exact total', async () => {
    const pages: string[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const r = await search({ offset, limit: 3 });
      expect(r).toMatchObject({ total: 8, totalCapped: false });
      pages.push(...r.items.map((x) => x.code));
    }
    expect(pages).toEqual(['BJHD', 'C000001', 'C000002', 'C000003', 'C000004', 'C000005', 'C000006', 'SH-001']);
  });

  it('sorts by code, name, created or updated time, either way', async () => {
    const codes = async (field: string, order: string) =>
      (await search({ sort: { field, order } })).items.map((r) => r.code);
    expect(await codes('code', 'desc')).toEqual([
      'SH-001',
      'C000006',
      'C000005',
      'C000004',
      'C000003',
      'C000002',
      'C000001',
      'BJHD',
    ]);
    const byName = (await search({ sort: { field: 'name', order: 'asc' } })).items.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(await codes('createdAt', 'desc')).toEqual([
      'BJHD',
      'SH-001',
      'C000006',
      'C000005',
      'C000004',
      'C000003',
      'C000002',
      'C000001',
    ]);
    expect(await codes('createdAt', 'asc')).toEqual([
      'C000001',
      'C000002',
      'C000003',
      'C000004',
      'C000005',
      'C000006',
      'SH-001',
      'BJHD',
    ]);
    expect((await codes('updatedAt', 'asc')).length).toBe(8);
  });

  it('pages search hits too', async () => {
    const first = await search({ q: 'c0', limit: 2 });
    const second = await search({ q: 'c0', limit: 2, offset: 2 });
    expect(first.total).toBe(6);
    expect([...first.items, ...second.items].map((r) => r.code)).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect((await search({ q: 'c0', offset: 6 })).items).toEqual([]);
  });
});

describe('refusals', () => {
  it('needs customer.view', async () => {
    const nobody = await env.userWithRoles('nobody', []);
    expect(await nobody.call('customer.search', { q: '海淀' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('validates paging', async () => {
    expect(await admin.call('customer.search', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await admin.call('customer.search', { limit: 501 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
