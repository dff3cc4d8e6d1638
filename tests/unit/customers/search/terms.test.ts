import { describe, expect, it } from 'vitest';
import { gramText, phonesText, pinyinValues } from '../../../../electron/core/customers/search/indexer';
import { PINYIN_PREFIX_INDEXES, pinyinMatch } from '../../../../electron/core/customers/search/fts-text';
import { parseSearchTerms } from '../../../../electron/core/customers/search/terms';

describe('what the search box asks for', () => {
  it('a 1–2 character Chinese word goes to the gram index as one token', () => {
    expect(parseSearchTerms('海')).toMatchObject({
      gram: '"海"',
      trigram: null,
      codePrefix: null,
      pinyinPrefix: null,
    });
    expect(parseSearchTerms('海淀')).toMatchObject({ gram: '"海淀"', trigram: null });
  });

  it('3+ characters go to the trigram index', () => {
    expect(parseSearchTerms('海淀科技')).toMatchObject({ trigram: '"海淀科技"', gram: null });
  });

  it('letters and digits are also a code prefix (upper-case) and a pinyin prefix (lower-case)', () => {
    expect(parseSearchTerms('bjhd')).toEqual({
      codePrefix: 'BJHD',
      exactCode: 'BJHD',
      pinyinPrefix: 'bjhd',
      trigram: '"bjhd"',
      gram: null,
      num: null,
    });
    expect(parseSearchTerms('c0')).toMatchObject({ codePrefix: 'C0', pinyinPrefix: 'c0', trigram: null });
    expect(parseSearchTerms('C-01')).toMatchObject({ codePrefix: 'C-01', pinyinPrefix: null });
  });

  it('a phone fragment with separators is searched as digits: 5+ in the 5-gram table, 3–4 as trigrams', () => {
    expect(parseSearchTerms('138-1234')).toMatchObject({ num: '"13812 38123 81234"', trigram: null, gram: null });
    expect(parseSearchTerms('(010) 8888')).toMatchObject({ num: '"01088 10888 08888"', trigram: null });
    expect(parseSearchTerms('+86 138')).toMatchObject({ num: '"86138"', trigram: null });
    expect(parseSearchTerms('138-1')).toMatchObject({ trigram: '"1381"', num: null });
  });

  it('one run of 5+ letters / digits (a tax ID piece) goes to the 5-gram table, not the trigram one', () => {
    expect(parseSearchTerms('91110108ma')).toMatchObject({
      num: '"91110 11101 11010 10108 0108m 108ma"',
      trigram: null,
      codePrefix: '91110108MA',
      pinyinPrefix: '91110108ma',
    });
    expect(parseSearchTerms('ＡＢＣ１２')).toMatchObject({ num: '"abc12"', trigram: null });
    // shorter, or mixed with other characters or words: trigrams as before
    expect(parseSearchTerms('0108')).toMatchObject({ trigram: '"0108"', num: null });
    expect(parseSearchTerms('C-0001')).toMatchObject({ trigram: '"C-0001"', num: null });
    expect(parseSearchTerms('北京 91110108')).toMatchObject({ gram: '"北京"', trigram: '"91110108"', num: null });
  });

  it('several words must all match; short letter words only count as code or pinyin', () => {
    expect(parseSearchTerms('北京 科技')).toMatchObject({ gram: '"北京" AND "科技"', trigram: null });
    expect(parseSearchTerms('北京 海淀科技')).toMatchObject({ gram: '"北京"', trigram: '"海淀科技"' });
    expect(parseSearchTerms('bj hd')).toMatchObject({ pinyinPrefix: 'bjhd', trigram: null, gram: null });
  });

  it('folds full-width text and quotes FTS syntax away', () => {
    expect(parseSearchTerms('ＢＪＨＤ')).toMatchObject({ pinyinPrefix: 'bjhd' });
    expect(parseSearchTerms('a"b OR c')).toMatchObject({ trigram: '"a""b"' });
    expect(parseSearchTerms('NEAR 北京*')).toMatchObject({ trigram: '"NEAR" AND "北京*"' });
  });

  it('finds nothing to ask for in blank or punctuation-only text', () => {
    expect(parseSearchTerms('   ')).toEqual({
      codePrefix: null,
      exactCode: null,
      pinyinPrefix: null,
      trigram: null,
      gram: null,
      num: null,
    });
    expect(parseSearchTerms('%')).toEqual({
      codePrefix: null,
      exactCode: null,
      pinyinPrefix: null,
      trigram: null,
      gram: null,
      num: null,
    });
  });
});

describe('what the indexer stores', () => {
  it('gram text: each Chinese character and each adjacent pair, once; other runs break adjacency', () => {
    expect(gramText('北京海淀科技', '海淀')).toBe('北 北京 京 京海 海 海淀 淀 淀科 科 科技 技');
    expect(gramText('北京ABC科技')).toBe('北 北京 京 科 科技 技');
    expect(gramText('北京 科技')).toBe('北 北京 京 京科 科 科技 技');
    expect(gramText('北京', '京科')).toBe('北 北京 京 京科 科');
    expect(gramText('ABC Ltd', null)).toBe('');
  });

  it('phones: digits of every number, and the number as typed where it differs', () => {
    expect(
      phonesText([
        { mobile: '13812345678', phone: '010-8888 6666' },
        { mobile: null, phone: '0571-12345678' },
        { mobile: '13812345678', phone: null },
      ]),
    ).toBe('13812345678 01088886666 010-8888 6666 057112345678 0571-12345678');
  });

  it('pinyin values: readings of name and short name, and the 助记码 lower-cased', () => {
    const v = pinyinValues({ name: '重庆长安', short_name: '长安', mnemonic: 'CA01', nature: 'enterprise' });
    expect(v).toEqual(
      expect.arrayContaining(['cqca', 'zqca', 'chongqingchangan', 'zhongqingchangan', 'ca', 'za', 'changan', 'ca01']),
    );
    expect(new Set(v).size).toBe(v.length);
  });
});

describe('how a reading prefix asks customer_fts_py', () => {
  it('a prefix of an indexed length is one prefix-index lookup', () => {
    for (const n of PINYIN_PREFIX_INDEXES) expect(pinyinMatch('b'.repeat(n))).toBe(`"${'b'.repeat(n)}"*`);
  });

  it('a prefix between two indexed lengths: the reading itself or any character after it, through the next index', () => {
    const q = pinyinMatch('bjhdk');
    const parts = q.split(' OR ');
    expect(parts[0]).toBe('"bjhdk"');
    expect(parts).toHaveLength(37);
    expect(parts).toContain('"bjhdka"*');
    expect(parts).toContain('"bjhdk9"*');
    expect(PINYIN_PREFIX_INDEXES).toContain(6);
  });

  it('a prefix longer than the longest index is a plain prefix query', () => {
    expect(pinyinMatch('beijinghaidiankeji')).toBe('"beijinghaidiankeji"*');
  });

  it('refuses text a reading cannot hold (so no FTS syntax gets through)', () => {
    expect(() => pinyinMatch('b" OR x')).toThrow();
    expect(() => pinyinMatch('')).toThrow();
  });
});
