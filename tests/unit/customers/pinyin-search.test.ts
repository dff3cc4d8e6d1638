import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';

/**
 * The 助记码 the form proposes (customer.pinyin) and the one the core stores are the same
 * function's answer; every other reading of a polyphone stays searchable (issue 12, item 12).
 */
describe('context readings in the form and the index', () => {
  test('proposes, stores and finds 乐清分行 as YQFH, and still finds it by the common readings', async ({ admin }) => {
    const proposed = await admin.ok('customer.pinyin', { name: '工商银行乐清分行' });
    expect(proposed.mnemonic).toBe('GSYHYQFH');
    expect(proposed.readings).toEqual(expect.arrayContaining(['GSYHLQFX', 'GSYHYQFX', 'GSYHLQFH']));
    const c = await admin.ok('customer.create', { name: '工商银行乐清分行' });
    expect(c.mnemonic).toBe('GSYHYQFH');
    // pinyin is searched by prefix: the whole name's initials or its full pinyin, in either reading
    for (const q of ['gsyhyqfh', 'gsyhlqfx', 'gsyhyq', 'gongshangyinhangyueqing', 'gongshangyinhangleqing']) {
      expect(
        (await admin.ok('customer.search', { q })).items.map((r: { id: number }) => r.id),
        q,
      ).toEqual([c.id]);
    }
  });

  test('a person-like head: 曾国藩书院 is proposed as ZGFSY and found by cgf as well', async ({ admin }) => {
    expect((await admin.ok('customer.pinyin', { name: '曾国藩书院', nature: 'other' })).mnemonic).toBe('ZGFSY');
    const c = await admin.ok('customer.create', { name: '曾国藩书院', nature: 'other' });
    expect(c.mnemonic).toBe('ZGFSY');
    for (const q of ['zgf', 'cgf', 'zengguofan']) {
      expect((await admin.ok('customer.search', { q })).total, q).toBe(1);
    }
  });
});
