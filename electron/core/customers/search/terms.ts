import { phoneDigits } from '../shared/customer.rules';
import { gramMatch, isHan, numMatch } from './fts-text';
import { PINYIN_PREFIX_MAX } from './pinyin';

/**
 * What one search box string asks for, kind by kind. Every kind that applies contributes
 * candidates; a customer matching any of them is a hit.
 */
export interface SearchTerms {
  /** 客户编码 prefix, upper-case (codes are stored upper-case) */
  codePrefix: string | null;
  /** the whole box as a code, for "exact code first" */
  exactCode: string | null;
  /** 助记码 / pinyin initials / full pinyin prefix, lower-case */
  pinyinPrefix: string | null;
  /** FTS5 query on the trigram table (substrings of 3+ characters: name, short name, phones, tax ID) */
  trigram: string | null;
  /** FTS5 query on the gram table (Chinese words of 1–2 characters, each one token) */
  gram: string | null;
  /**
   * FTS5 query on the 5-gram table, instead of `trigram` when the box holds one fragment of 5+
   * letters / digits (a phone or tax ID piece): the same customers, found through rare 5-grams.
   */
  num: string | null;
}

const CODE_CHARS = /^[0-9A-Za-z_-]+$/;
const PINYIN_CHARS = /^[0-9a-z]+$/;
/** digits with the separators people type in phone numbers: 138-1234, (010) 6234 5678, +86 138… */
const PHONE_LIKE = /^\+?[\d\s\-()]+$/;

/** An FTS5 phrase: the text in double quotes, inner quotes doubled. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Splits the (already normalised) box text into the kinds above. Several words are AND-ed for the
 * text kinds (北京 科技); code and pinyin see the words run together.
 */
export function parseSearchTerms(raw: string): SearchTerms {
  const q = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const compact = q.replace(/\s+/g, '');
  const none: SearchTerms = {
    codePrefix: null,
    exactCode: null,
    pinyinPrefix: null,
    trigram: null,
    gram: null,
    num: null,
  };
  if (!compact) return none;

  const terms = { ...none };
  if (CODE_CHARS.test(compact)) {
    terms.codePrefix = compact.toUpperCase();
    terms.exactCode = compact.toUpperCase();
    const lower = compact.toLowerCase();
    // readings are stored cut to PINYIN_PREFIX_MAX letters: a longer text matches on as many
    if (PINYIN_CHARS.test(lower)) terms.pinyinPrefix = lower.slice(0, PINYIN_PREFIX_MAX);
  }

  if (PHONE_LIKE.test(q)) {
    // a phone fragment: the index holds every number as digits
    const digits = phoneDigits(q);
    terms.num = numMatch(digits);
    if (!terms.num && digits.length >= 3) terms.trigram = ftsPhrase(digits);
    return terms;
  }

  // one run of letters and digits: every column's runs are in the 5-gram table
  const num = q.includes(' ') ? null : numMatch(q);
  if (num) return { ...terms, num };

  const tri: string[] = [];
  const gram: string[] = [];
  for (const word of q.split(' ')) {
    const length = [...word].length;
    if (length >= 3) tri.push(ftsPhrase(word));
    else if ([...word].every(isHan)) gram.push(gramMatch(word));
    // a 1–2 character word of letters or digits is only a code / pinyin prefix
  }
  if (tri.length) terms.trigram = tri.join(' AND ');
  if (gram.length) terms.gram = gram.join(' AND ');
  return terms;
}
