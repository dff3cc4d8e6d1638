import { describe, expect, it } from 'vitest';
import { buildIndex, classifyOffline, localProgress, noteScan } from '../../../renderer/src/mobile/offline/classify';
import { exactOrOnly, searchExpected } from '../../../renderer/src/mobile/offline/search';
import type { ExpectedRow } from '../../../renderer/src/mobile/offline/types';

const row = (customerId: number, code: string, over: Partial<ExpectedRow> = {}): ExpectedRow => ({
  customerId,
  code,
  name: `客户${code}`,
  shortName: null,
  mnemonic: null,
  status: 'active',
  scans: 0,
  ...over,
});

describe('offline classification', () => {
  const rows = [
    row(1, 'K001', { name: '杭州西湖茶叶有限公司', shortName: '西湖茶叶', mnemonic: 'HZXHCY' }),
    row(2, 'K002', { scans: 1 }),
    row(3, 'K003', { status: 'frozen' }),
    row(4, 'K004', { status: 'deactivated', scans: 2 }),
  ];

  it('found, then already counted here; counted on the server before the download', () => {
    const index = buildIndex(rows, [], []);
    expect(classifyOffline(index, 'k001')).toMatchObject({
      kind: 'found',
      already: null,
      customerName: '杭州西湖茶叶有限公司',
    });
    noteScan(index, 'K001');
    expect(classifyOffline(index, 'K001')).toMatchObject({ kind: 'duplicate', already: 'here' });
    expect(classifyOffline(index, 'K002')).toMatchObject({ kind: 'duplicate', already: 'server' });
  });

  it("the customer's state wins over the count, which it still tells", () => {
    const index = buildIndex(rows, [], ['K003']);
    expect(classifyOffline(index, 'K003')).toMatchObject({ kind: 'frozen', already: 'here' });
    expect(classifyOffline(index, 'K004')).toMatchObject({ kind: 'deactivated', already: 'server' });
  });

  it('a code outside the list waits for the sync to say unknown or out of scope', () => {
    const index = buildIndex(rows, [{ code: 'X9', scans: 1 }], []);
    expect(classifyOffline(index, 'Z1')).toMatchObject({ kind: 'notInList', notInList: true, already: null });
    expect(classifyOffline(index, 'X9')).toMatchObject({ kind: 'duplicate', notInList: true, already: 'server' });
    noteScan(index, 'Z1');
    expect(classifyOffline(index, 'Z1')).toMatchObject({ kind: 'duplicate', notInList: true, already: 'here' });
  });

  it('counted / expected from local data counts each customer once', () => {
    const index = buildIndex(rows, [], ['K001', 'K001', 'Z1']);
    expect(localProgress(index)).toEqual({ counted: 3, expected: 4 });
  });
});

describe('offline search', () => {
  const rows = [
    row(1, 'K001', { name: '杭州西湖茶叶有限公司', shortName: '西湖茶叶', mnemonic: 'HZXHCY' }),
    row(2, 'K010', { name: '宁波港务', mnemonic: 'NBGW' }),
    row(3, 'A100', { name: '北京K01贸易', mnemonic: 'BJMY' }),
  ];
  it('finds by code, name, short name and mnemonic (pinyin initials), exact code first', () => {
    expect(searchExpected(rows, 'k01').map((r) => r.code)).toEqual(['K010', 'A100']);
    expect(searchExpected(rows, 'K001').map((r) => r.code)).toEqual(['K001']);
    expect(searchExpected(rows, '西湖').map((r) => r.code)).toEqual(['K001']);
    expect(searchExpected(rows, 'hzx').map((r) => r.code)).toEqual(['K001']);
    expect(searchExpected(rows, 'ｎｂｇｗ').map((r) => r.code)).toEqual(['K010']);
    expect(searchExpected(rows, '  ')).toEqual([]);
  });

  it('Enter takes the customer meant (the code typed whole, or the only match), never the search words as a code', () => {
    const enter = (q: string) => exactOrOnly(searchExpected(rows, q), q)?.code ?? null;
    expect(enter('西湖')).toBe('K001');
    expect(enter('ｋ００１')).toBe('K001');
    // two matches and none of them the code typed: nothing is counted
    expect(enter('k01')).toBeNull();
    // no match at all (a name not in the list, pinyin of nobody): nothing is counted
    expect(enter('zswl')).toBeNull();
    expect(enter('张三')).toBeNull();
  });
});
