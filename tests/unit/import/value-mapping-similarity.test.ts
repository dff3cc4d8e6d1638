import { describe, expect, it } from 'vitest';
import { bestMatch, similarity, SUGGEST_THRESHOLD } from '../../../electron/core/import/value-similarity';

// Issue 12, item 7: values of a real list that name no managed-list item get the most similar
// item as a suggestion.

/** GB/T 4754-2017 sections, as an office that follows the national standard keeps its 行业 list. */
const GB4754 = [
  '农、林、牧、渔业',
  '采矿业',
  '制造业',
  '电力、热力、燃气及水生产和供应业',
  '建筑业',
  '批发和零售业',
  '交通运输、仓储和邮政业',
  '住宿和餐饮业',
  '信息传输、软件和信息技术服务业',
  '金融业',
  '房地产业',
  '租赁和商务服务业',
  '科学研究和技术服务业',
  '水利、环境和公共设施管理业',
  '居民服务、修理和其他服务业',
  '教育',
  '卫生和社会工作',
  '文化、体育和娱乐业',
  '公共管理、社会保障和社会组织',
  '国际组织',
].map((label, i) => ({ id: i + 1, label }));
/** The lists the app starts with (db/migrations/0003). */
const SEED_INDUSTRY = ['制造业', '批发和零售业', '建筑业', '信息技术服务', '住宿和餐饮业', '交通运输', '其他'].map((label, i) => ({ id: i + 1, label }));
const SEED_REGION = ['华东', '华北', '华南', '华中', '西南', '西北', '东北'].map((label, i) => ({ id: i + 1, label }));
const SEED_SETTLEMENT = ['现金', '银行转账', '支票', '承兑汇票', '微信', '支付宝', '其他'].map((label, i) => ({ id: i + 1, label }));
const SEED_RATING = ['A', 'B', 'C', 'D'].map((label, i) => ({ id: i + 1, label }));

const suggested = (value: string, list: { id: number; label: string }[]) => {
  const m = bestMatch(value, list);
  return m ? list.find((l) => l.id === m.id)!.label : null;
};

describe('value similarity', () => {
  it('suggests the national-standard section a short name means', () => {
    expect(suggested('制造', GB4754)).toBe('制造业');
    expect(suggested('批发零售', GB4754)).toBe('批发和零售业');
    expect(suggested('信息技术', GB4754)).toBe('信息传输、软件和信息技术服务业');
    expect(suggested('软件', GB4754)).toBe('信息传输、软件和信息技术服务业');
    expect(suggested('餐饮', GB4754)).toBe('住宿和餐饮业');
    expect(suggested('房地产', GB4754)).toBe('房地产业');
    expect(suggested('交通运输', GB4754)).toBe('交通运输、仓储和邮政业');
  });

  it('suggests items of the lists the app starts with', () => {
    expect(suggested('制造', SEED_INDUSTRY)).toBe('制造业');
    expect(suggested('批发零售', SEED_INDUSTRY)).toBe('批发和零售业');
    expect(suggested('信息技术', SEED_INDUSTRY)).toBe('信息技术服务');
    expect(suggested('建筑', SEED_INDUSTRY)).toBe('建筑业');
    expect(suggested('华东地区', SEED_REGION)).toBe('华东');
    expect(suggested('华北区', SEED_REGION)).toBe('华北');
    expect(suggested('转账', SEED_SETTLEMENT)).toBe('银行转账');
    expect(suggested('微信支付', SEED_SETTLEMENT)).toBe('微信');
    expect(suggested('A级', SEED_RATING)).toBe('A');
  });

  it('reads pinyin: a traditional form or a homophone still finds the item', () => {
    expect(suggested('製造', SEED_INDUSTRY)).toBe('制造业');
    expect(suggested('其它', SEED_INDUSTRY)).toBe('其他');
    expect(similarity('其它', '其他')).toBeGreaterThan(similarity('其它', '建筑业'));
  });

  it('suggests nothing for a value unlike every item, or alike two items equally', () => {
    expect(suggested('物流', SEED_INDUSTRY)).toBeNull();
    expect(suggested('月结', SEED_SETTLEMENT)).toBeNull();
    expect(suggested('华西', SEED_REGION)).toBeNull();
    // 华 is in 华东, 华北, 华南 and 华中 alike
    expect(suggested('华', SEED_REGION)).toBeNull();
    expect(similarity('华东', '华南')).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it('spaces, full-width forms and case make no difference', () => {
    expect(similarity('制 造 业', '制造业')).toBe(1);
    expect(similarity('Ａ', 'a')).toBe(1);
    expect(similarity(' 批发和零售业　', '批发和零售业')).toBe(1);
  });

  it('orders closer matches higher: a run above the same characters in order, above shared characters', () => {
    const run = similarity('零售', '批发和零售业');
    const inOrder = similarity('批零', '批发和零售业');
    const shared = similarity('售批', '批发和零售业');
    expect(run).toBeGreaterThan(inOrder);
    expect(inOrder).toBeGreaterThan(shared);
    expect(similarity('制造', '制造业')).toBeGreaterThan(similarity('制造', '制造业及加工服务'));
  });
});
