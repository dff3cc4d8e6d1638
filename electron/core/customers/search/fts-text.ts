/**
 * What the FTS5 search tables hold and how a search asks them, in one place (the migration that
 * built them from an existing archive, 0008, repeats the same rules in SQL):
 * - `customer_fts_gram`: every Chinese character of name and short name AND every pair of
 *   adjacent ones as a token, so a 1–2 character query is ONE token lookup (no phrase over two
 *   doclists of 700,000 customers each, as 有限 was);
 * - `customer_fts_py`: every pinyin reading / 助记码 as a token, with prefix indexes, so a typed
 *   prefix is one lookup in a prefix index (lazy, in rowid order) instead of a range over 5.5 rows
 *   per customer.
 */

/**
 * Han characters as code point ranges (not \p{Script=Han}) so that SQL can apply the very same
 * test: CJK radicals, 々 〇 〡–〩 〸–〻, extension A, unified ideographs, compatibility ideographs,
 * extensions B–H.
 */
const HAN_RANGES: readonly [number, number][] = [
  [0x2e80, 0x2fdf],
  [0x3005, 0x3005],
  [0x3007, 0x3007],
  [0x3021, 0x3029],
  [0x3038, 0x303b],
  [0x3400, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x323af],
];

export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return HAN_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * The text of `customer_fts_gram`: each Chinese character and each pair of adjacent ones, as
 * space-separated tokens (unicode61 keeps a run of CJK characters as one token). Whitespace is
 * ignored (北京 科技 has 京科); anything else (letters, digits, brackets) breaks adjacency.
 */
export function gramText(...parts: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    const chars = [...part.normalize('NFKC').replace(/\s/gu, '')];
    chars.forEach((ch, i) => {
      if (!isHan(ch)) return;
      tokens.add(ch);
      const next = chars[i + 1];
      if (next && isHan(next)) tokens.add(ch + next);
    });
  }
  return [...tokens].join(' ');
}

/** The FTS5 query of a 1–2 character Chinese word in `customer_fts_gram`: one token. */
export const gramMatch = (word: string) => `"${word}"`;

/**
 * Prefix index lengths of `customer_fts_py` (its `prefix=` option). A prefix of a listed length is
 * one lookup; one of an unlisted length below the last is the OR of the listed length above it
 * (every letter or digit that can follow: 37 lazy lookups, merged in rowid order); a longer one
 * is a plain prefix query, which lists the terms it covers — few, that far into a name.
 */
export const PINYIN_PREFIX_INDEXES = [1, 2, 3, 4, 6, 8, 10, 12, 14, 16] as const;
const LONGEST_INDEX = PINYIN_PREFIX_INDEXES[PINYIN_PREFIX_INDEXES.length - 1];
/** Readings hold lower-case letters and digits only (pinyin.ts, the 助记码 rule). */
const READING_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The FTS5 query of a reading prefix (lower-case letters and digits) in `customer_fts_py`. */
export function pinyinMatch(prefix: string): string {
  if (!/^[a-z0-9]+$/.test(prefix)) throw new Error(`not a reading prefix: ${prefix}`);
  const n = prefix.length;
  if (n >= LONGEST_INDEX || (PINYIN_PREFIX_INDEXES as readonly number[]).includes(n)) return `"${prefix}"*`;
  // a reading of exactly this length, or one continuing with any reading character
  return [`"${prefix}"`, ...[...READING_CHARS].map((ch) => `"${prefix}${ch}"*`)].join(' OR ');
}

/**
 * `customer_fts_num`: letters and digits of name, short name, phones and tax ID as 5-grams, so a
 * fragment of 5+ letters / digits (a phone or tax ID piece) is a phrase of rare 5-grams instead of
 * one over digit trigrams held by half the archive (010: 514,000 customers at 1M). Each run of
 * letters and digits gives its 5-grams in order; an `x` token ends a run followed by anything else,
 * and sources are joined by `x`, so a phrase never spans two runs: the phrase of a fragment's
 * 5-grams matches exactly the runs it is a substring of.
 */
export const NUM_GRAM = 5;
const RUN_SEPARATOR = 'x';

/** NFKC, ASCII letters lower-cased, every other character a space (the trigram table folds case too). */
const numChars = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[^0-9a-z]/g, ' ');

/** One source's tokens: at each position, its 5-gram when free of spaces, or `x` where a run of 5+ ends in a space. */
function numTokens(mapped: string): string[] {
  const out: string[] = [];
  const clean = (i: number) => !mapped.slice(i, i + NUM_GRAM).includes(' ');
  for (let i = 0; i + NUM_GRAM <= mapped.length; i++) {
    if (clean(i)) out.push(mapped.slice(i, i + NUM_GRAM));
    else if (mapped[i + NUM_GRAM - 1] === ' ' && i > 0 && clean(i - 1)) out.push(RUN_SEPARATOR);
  }
  return out;
}

/** The text of `customer_fts_num` for these sources (name, short name, each phone form, tax ID). */
export function numText(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ? numTokens(numChars(p)).join(' ') : ''))
    .filter(Boolean)
    .join(` ${RUN_SEPARATOR} `);
}

/**
 * The FTS5 query of a fragment in `customer_fts_num`, or null when it is not one (fewer than
 * NUM_GRAM characters, or anything but letters and digits): the phrase of its 5-grams.
 */
export function numMatch(fragment: string): string | null {
  const mapped = numChars(fragment);
  if (mapped.length < NUM_GRAM || mapped.includes(' ')) return null;
  const grams: string[] = [];
  for (let i = 0; i + NUM_GRAM <= mapped.length; i++) grams.push(mapped.slice(i, i + NUM_GRAM));
  return `"${grams.join(' ')}"`;
}
