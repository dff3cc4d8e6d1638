import { describe, expect, it } from 'vitest';
import { PINYIN_PREFIX_MAX, pinyinReadings } from '../../../../electron/core/customers/search/pinyin';

describe('pinyin readings of a customer name', () => {
  it('suggests the initials of the likely reading as the 助记码 and gives the full pinyin', () => {
    expect(pinyinReadings('北京海淀科技有限公司')).toEqual({
      mnemonic: 'BJHDKJYXGS',
      initials: ['bjhdkjyxgs'],
      full: ['beijinghaidiankejiyouxia'], // cut at PINYIN_PREFIX_MAX letters
    });
    expect(PINYIN_PREFIX_MAX).toBe(24);
  });

  it('reads polyphones in context first and keeps the other readings (重庆 → cq and zq)', () => {
    const r = pinyinReadings('重庆长安汽车股份有限公司');
    expect(r.mnemonic).toBe('CQCAQCGFYXGS');
    expect(r.initials[0]).toBe('cqcaqcgfyxgs');
    expect(r.initials).toContain('zqcaqcgfyxgs');
    expect(r.initials).toContain('cqzaqcgfyxgs'); // 长 read zhang
    expect(r.full[0]).toBe('chongqingchanganqichegufenyouxiangongsi'.slice(0, 24));
    expect(r.full).toContain('zhongqingchanganqichegufenyouxiangongsi'.slice(0, 24));
    expect(r.full).toContain('chongqingzhanganqichegufenyouxiangongsi'.slice(0, 24));
  });

  it('puts readings that depart least, and earliest, from the likely one first', () => {
    const r = pinyinReadings('重庆长安汽车股份有限公司');
    // one departure each, in order of position, before any two-departure reading
    expect(r.initials.slice(1, 5)).toEqual(['zqcaqcgfyxgs', 'cqzaqcgfyxgs', 'cqcaqjgfyxgs', 'cqcaqcgbyxgs']);
  });

  it('reads surnames as surnames for people (单 shan, 曾 zeng) and keeps the common readings too', () => {
    const shan = pinyinReadings('单伟', 'person');
    expect(shan.mnemonic).toBe('SW');
    expect(shan.full[0]).toBe('shanwei');
    expect(shan.initials).toEqual(expect.arrayContaining(['sw', 'dw']));
    expect(shan.full).toContain('danwei');

    const zeng = pinyinReadings('曾行', 'person');
    expect(zeng.mnemonic).toBe('ZX');
    expect(zeng.full[0]).toBe('zengxing');
    expect(zeng.initials).toEqual(expect.arrayContaining(['zx', 'zh', 'cx']));
  });

  it('gives 银行 both hang and xing readings', () => {
    const r = pinyinReadings('中国银行厦门分行');
    expect(r.initials).toEqual(expect.arrayContaining(['zgyhxmfh', 'zgyxxmfx']));
    expect(r.full).toEqual(
      expect.arrayContaining(['zhongguoyinhangxiamenfenh', 'zhongguoyinxingxiamenfenx'].map((f) => f.slice(0, 24))),
    );
  });

  it('spells ü both as u and as v (吕 → lu, lv)', () => {
    const r = pinyinReadings('吕', 'person');
    expect(r.full).toEqual(expect.arrayContaining(['lu', 'lv']));
    expect(r.initials).toEqual(['l']);
  });

  it('keeps letters and digits, folds full-width ones, and drops punctuation', () => {
    expect(pinyinReadings('ＡＢＣ贸易（上海）有限公司').mnemonic).toBe('ABCMYSHYXGS');
    expect(pinyinReadings('3M中国').initials[0]).toBe('3mzg');
    expect(pinyinReadings('（）').initials).toEqual([]);
  });

  it('bounds the readings of a name full of polyphones', () => {
    const r = pinyinReadings('重庆长乐行都朝阳银行长城分行');
    expect(r.initials.length).toBeLessThanOrEqual(16);
    expect(r.full.length).toBeLessThanOrEqual(16);
    expect(new Set(r.initials).size).toBe(r.initials.length);
    expect(r.full.every((f) => f.length <= PINYIN_PREFIX_MAX)).toBe(true);
  });

  it('gives the same answer when asked again (the memo returns copies)', () => {
    const a = pinyinReadings('杭州鑫源贸易有限责任公司');
    a.initials.push('changed');
    expect(pinyinReadings('杭州鑫源贸易有限责任公司').initials).toEqual(['hzxymyyxzrgs']);
  });

  it('reads the head of person-like names with surname readings (曾国藩书院 ZGF, 仇英画廊 QYHL, 查良镛 ZLY)', () => {
    for (const [name, mnemonic, common] of [
      ['曾国藩书院', 'ZGFSY', 'cgfsy'],
      ['仇英画廊', 'QYHL', 'cyhl'],
      ['查良镛', 'ZLY', 'cly'],
      ['单田芳工作室', 'STFGZS', 'dtfgzs'],
    ]) {
      const r = pinyinReadings(name);
      expect(r.mnemonic, name).toBe(mnemonic);
      // the common reading stays searchable
      expect(r.initials, name).toContain(common);
    }
    expect(pinyinReadings('曾国藩书院').full[0]).toBe('zengguofanshuyuan');
  });

  it('takes place names and trade words from the dictionary (乐清 YQ, 分行 FH) and keeps the other readings', () => {
    for (const [name, mnemonic, other] of [
      ['乐清', 'YQ', 'lq'],
      ['分行', 'FH', 'fx'],
      ['工商银行乐清分行', 'GSYHYQFH', 'gsyhlqfh'],
      ['单县车行', 'SXCH', 'dxch'],
      ['洪洞县五金行', 'HTXWJH', 'hdxwjh'],
      ['武汉黄陂乐器行', 'WHHPYQH', 'whhbyqh'],
    ]) {
      const r = pinyinReadings(name);
      expect(r.mnemonic, name).toBe(mnemonic);
      expect(r.initials, name).toContain(other);
    }
    expect(pinyinReadings('乐清').full).toEqual(expect.arrayContaining(['yueqing', 'leqing']));
  });

  it('keeps words and places that start with a surname character as they are read (乐山, 单位, 区政府, 重庆, 长沙)', () => {
    expect(pinyinReadings('乐山书院').mnemonic).toBe('LSSY');
    expect(pinyinReadings('解放路').mnemonic).toBe('JFL');
    expect(pinyinReadings('单位').mnemonic).toBe('DW');
    expect(pinyinReadings('区政府', 'government').mnemonic).toBe('QZF');
    for (const [name, mnemonic] of [
      ['重庆', 'CQ'],
      ['长沙银行', 'CSYH'],
      ['厦门', 'XM'],
      ['六安', 'LA'],
      ['蚌埠', 'BB'],
      ['丽水', 'LS'],
      ['番禺', 'PY'],
      ['东莞', 'DG'],
      ['支行', 'ZH'],
      ['行业协会', 'HYXH'],
    ]) {
      expect(pinyinReadings(name).mnemonic, name).toBe(mnemonic);
    }
  });

  it('a person keeps the word readings after the surname (单银行 is shan yin hang, not yin xing)', () => {
    expect(pinyinReadings('单银行', 'person').full[0]).toBe('shanyinhang');
  });
});
