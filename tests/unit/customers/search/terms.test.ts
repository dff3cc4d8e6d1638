import { describe, expect, it } from 'vitest';
import { phonesText, pinyinValues, unigramText } from '../../../../electron/core/customers/search/indexer';
import { parseSearchTerms } from '../../../../electron/core/customers/search/terms';

describe('what the search box asks for', () => {
  it('a 1–2 character Chinese word goes to the unigram index as a phrase', () => {
    expect(parseSearchTerms('海')).toMatchObject({
      unigram: '"海"',
      trigram: null,
      codePrefix: null,
      pinyinPrefix: null,
    });
    expect(parseSearchTerms('海淀')).toMatchObject({ unigram: '"海 淀"', trigram: null });
  });

  it('3+ characters go to the trigram index', () => {
    expect(parseSearchTerms('海淀科技')).toMatchObject({ trigram: '"海淀科技"', unigram: null });
  });

  it('letters and digits are also a code prefix (upper-case) and a pinyin prefix (lower-case)', () => {
    expect(parseSearchTerms('bjhd')).toEqual({
      codePrefix: 'BJHD',
      exactCode: 'BJHD',
      pinyinPrefix: 'bjhd',
      trigram: '"bjhd"',
      unigram: null,
    });
    expect(parseSearchTerms('c0')).toMatchObject({ codePrefix: 'C0', pinyinPrefix: 'c0', trigram: null });
    expect(parseSearchTerms('C-01')).toMatchObject({ codePrefix: 'C-01', pinyinPrefix: null });
  });

  it('a phone fragment with separators is searched as digits', () => {
    expect(parseSearchTerms('138-1234')).toMatchObject({ trigram: '"1381234"', unigram: null });
    expect(parseSearchTerms('(010) 8888 6666')).toMatchObject({ trigram: '"01088886666"' });
    expect(parseSearchTerms('+86 138')).toMatchObject({ trigram: '"86138"' });
  });

  it('several words must all match; short letter words only count as code or pinyin', () => {
    expect(parseSearchTerms('北京 科技')).toMatchObject({ unigram: '"北 京" AND "科 技"', trigram: null });
    expect(parseSearchTerms('北京 海淀科技')).toMatchObject({ unigram: '"北 京"', trigram: '"海淀科技"' });
    expect(parseSearchTerms('bj hd')).toMatchObject({ pinyinPrefix: 'bjhd', trigram: null, unigram: null });
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
      unigram: null,
    });
    expect(parseSearchTerms('%')).toEqual({
      codePrefix: null,
      exactCode: null,
      pinyinPrefix: null,
      trigram: null,
      unigram: null,
    });
  });
});

describe('what the indexer stores', () => {
  it('unigram text: one token per Chinese character, other runs break adjacency', () => {
    expect(unigramText('北京海淀科技有限公司', '海淀科技')).toBe('北 京 海 淀 科 技 有 限 公 司 0 海 淀 科 技');
    expect(unigramText('北京ABC科技')).toBe('北 京 0 科 技');
    expect(unigramText('北京 科技')).toBe('北 京 科 技');
    expect(unigramText('ABC Ltd')).toBe('');
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
