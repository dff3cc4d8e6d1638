
/**
 * Pure rules of the customer record, shared by the renderer's forms and the core (contract-side:
 * imports nothing but other contract-side files).
 */

// GB 32100-2015: 统一社会信用代码 — 18 characters from this alphabet (no I, O, Z, S, V);
// the last is a check character over the first 17.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/**
 * What is wrong with a code taken as a USCC: `format` (not 18 characters of the alphabet),
 * `checksum` (the right shape, a wrong check character), or null. Codes issued in local pilots
 * before GB 32100 (Xiamen's 91350211M00013FA1N) are real and fail only the check character:
 * they may be saved after an explicit confirmation; a wrong format never.
 */
export function usccProblem(code: string): 'format' | 'checksum' | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'format';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

/** Whether a tax ID must be a USCC: any 18-character code, and a Chinese organisation's. */
export function taxIdIsUscc(taxId: string, nature: string | null | undefined, foreign: boolean): boolean {
  const organisation = nature === 'enterprise' || nature === 'individualBusiness' || nature === 'government';
  return taxId.length === 18 || (organisation && !foreign);
}

/** The warning a saved record carries in its operation-log row (`warnings`), e.g. a pilot-era USCC. */
export const TAX_ID_CHECKSUM_WARNING = 'taxIdChecksum';

/** Tax IDs are typed and pasted messily: full-width folded, spaces and dashes dropped, upper-cased. */
export function normalizeTaxId(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
}

// Longest first, so 有限责任公司 is removed whole rather than leaving 责任.
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '分公司', '集团', '股份', '公司', '工作室', '个体工商户'];
// Latin legal forms count only as whole words at the end: "Co., Ltd." but not the "co" of "Costco".
const LATIN_SUFFIX = /(?:^|[\s,.&]+)(?:co|company|corp|corporation|ltd|limited|inc|incorporated|llc|gmbh|plc)[\s,.]*$/;

/**
 * A name folded for duplicate detection: full-width → half-width, lower-case, brackets unified,
 * legal suffixes (有限公司, 有限责任公司, 股份, Co., Ltd. …) and all spaces and punctuation removed.
 * 北京海淀科技有限公司 and 北京 海淀科技（有限责任公司） fold to the same string. A name that is
 * nothing but a legal form (有限公司) is kept as it is.
 */
export function normalizeCustomerName(name: string): string {
  const fold = (x: string) => x.replace(/[\s\p{P}\p{S}]+/gu, '');
  let s = name.normalize('NFKC').toLowerCase().replace(/[()[\]{}]/g, ' ').trim();
  for (;;) {
    const trimmed = s.replace(/[\s.,'"]+$/u, '');
    const latin = trimmed.replace(LATIN_SUFFIX, '');
    const cjk = CJK_SUFFIXES.find((x) => trimmed.endsWith(x));
    const next = latin !== trimmed ? latin : cjk ? trimmed.slice(0, -cjk.length) : trimmed;
    if (next === trimmed || !fold(next)) break; // nothing more to strip, or nothing would be left
    s = next;
  }
  return fold(s) || fold(name.normalize('NFKC').toLowerCase());
}

/** A mainland mobile number: 11 digits starting 13–19, after dropping +86 / 0086 and separators. */
export function normalizeMobile(value: string): string {
  const digits = value.normalize('NFKC').replace(/[\s\-()]/g, '');
  return digits.replace(/^(\+86|0086)/, '');
}
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Digits of a phone or mobile, for search and duplicate checks. */
export function phoneDigits(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '');
}
