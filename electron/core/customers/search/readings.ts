import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Readings that context decides and pinyin-pro gets wrong on its own (each checked against
 * pinyin-pro 3.29's default: 分行 fen xing, 乐清 le qing, 单县 dan xian …). Given to pinyin-pro as
 * custom entries, so the likely reading — the suggested 助记码 — is the right one; the other
 * readings of each character stay searchable (pinyin.ts keeps every alternative).
 */
const READING_DICTIONARY: Readonly<Record<string, string>> = {
  // banks and trades: 行 is háng (a firm, a shop), not xíng
  分行: 'fēn háng',
  车行: 'chē háng',
  琴行: 'qín háng',
  酒行: 'jiǔ háng',
  茶行: 'chá háng',
  粮行: 'liáng háng',
  花行: 'huā háng',
  药行: 'yào háng',
  油行: 'yóu háng',
  鞋行: 'xié háng',
  表行: 'biǎo háng',
  布行: 'bù háng',
  米行: 'mǐ háng',
  五金行: 'wǔ jīn háng',
  电器行: 'diàn qì háng',
  乐器行: 'yuè qì háng',
  珠宝行: 'zhū bǎo háng',
  眼镜行: 'yǎn jìng háng',
  钟表行: 'zhōng biǎo háng',
  家电行: 'jiā diàn háng',
  通讯行: 'tōng xùn háng',
  手机行: 'shǒu jī háng',
  // places with a reading of their own
  乐清: 'yuè qīng',
  乐亭: 'lào tíng',
  单县: 'shàn xiàn',
  莘庄: 'xīn zhuāng',
  洪洞: 'hóng tóng',
  大埔: 'dà bù',
  会稽: 'kuài jī',
  涡阳: 'guō yáng',
  歙县: 'shè xiàn',
  蔚县: 'yù xiàn',
  栎阳: 'yuè yáng',
  筠连: 'jūn lián',
  黄陂: 'huáng pí',
  泌阳: 'bì yáng',
  蚌山: 'bèng shān',
  繁峙: 'fán shì',
  曾厝垵: 'zēng cuò ān',
  六合: 'lù hé',
};

/**
 * Words that pinyin-pro reads right but whose first character is also a surname with a reading
 * of its own (乐 yuè, 解 xiè, 单 shàn, 区 ōu, 查 zhā, 曾 zēng, 仇 qiú): a name starting with one is
 * not taken for a person's name (乐山书院 is Lèshān, not Yuè Shān).
 */
const NOT_A_PERSON: Readonly<Record<string, string>> = {
  乐山: 'lè shān',
  乐陵: 'lè líng',
  乐东: 'lè dōng',
  乐至: 'lè zhì',
  乐昌: 'lè chāng',
  乐平: 'lè píng',
  乐业: 'lè yè',
  乐安: 'lè ān',
  解放: 'jiě fàng',
  解决: 'jiě jué',
  单位: 'dān wèi',
  区域: 'qū yù',
  查询: 'chá xún',
  查看: 'chá kàn',
  曾经: 'céng jīng',
  仇恨: 'chóu hèn',
};

customPinyin({ ...READING_DICTIONARY, ...NOT_A_PERSON });

const WORDS = [...Object.keys(READING_DICTIONARY), ...Object.keys(NOT_A_PERSON)];

/** Legal forms and kinds of place a person's name often heads: 曾国藩书院, 仇英画廊, 张三工作室. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '个体工商户'];
const PERSONAL_PLACES = [
  '律师事务所',
  '会计师事务所',
  '事务所',
  '工作室',
  '工作坊',
  '书画院',
  '书院',
  '画廊',
  '画室',
  '美术馆',
  '艺术馆',
  '纪念馆',
  '故居',
  '诊所',
  '设计室',
  '商行',
  '餐馆',
  '面馆',
  '茶馆',
  '酒家',
  '小吃',
  '书店',
  '商店',
];
const stripEnd = (s: string, suffixes: string[]) => {
  const hit = suffixes.find((x) => s.endsWith(x) && s.length > x.length);
  return hit ? s.slice(0, -hit.length) : s;
};

/**
 * How many leading Han characters of a name are a person's name, read with surname readings
 * (曾 zēng, 仇 qiú, 查 zhā, 单 shàn): a person's surname; else a 3-character name
 * (查良镛), or a 2–3 character name before a personal place (曾国藩书院, 仇英画廊). Names that
 * start with a dictionary word (乐清, 乐山, 单位) are not person-like.
 */
function personHeadLength(name: string, nature?: string): number {
  const han = name.match(/^\p{Script=Han}+/u)?.[0] ?? '';
  if (!han) return 0;
  // a person: the surname, one or two characters (欧阳, 尉迟); the given name keeps its own readings
  if (nature === 'person') return Math.min(han.length, 2);
  if (WORDS.some((w) => han.startsWith(w))) return 0;
  // a bare 3-character name (not a government body: 区政府 is qū)
  if (han.length === 3 && han === name.trim() && nature !== 'government') return 3;
  const rest = stripEnd(stripEnd(han, LEGAL_FORMS), PERSONAL_PLACES);
  return rest !== han && rest.length >= 2 && rest.length <= 3 ? rest.length : 0;
}

/**
 * The likely reading of each Han character of a name, in context: pinyin-pro with the dictionary
 * above, and surname readings for the person's name at its head (pinyin-pro's surname mode is
 * applied to that part only: on a whole name it also drops the word readings, 银行 → yin xing).
 */
export function likelyReadings(text: string, nature?: string): string[] {
  const likely = pinyin(text, { type: 'array', toneType: 'none', nonZh: 'removed' });
  const head = personHeadLength(text, nature);
  if (head > 0) {
    const person = pinyin(text.slice(0, head), { type: 'array', toneType: 'none', surname: 'head' });
    likely.splice(0, person.length, ...person);
  }
  return likely;
}
