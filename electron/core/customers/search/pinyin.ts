import { polyphonic } from 'pinyin-pro';
import { likelyReadings } from './readings';

/** At most this many readings of each kind (initials, full) are stored per name. */
const MAX_READINGS = 16;
/**
 * Pinyin is searched by prefix on at most this many letters: stored readings are cut here (which
 * also merges readings that differ only further on) and so is the search text (terms.ts).
 */
export const PINYIN_PREFIX_MAX = 24;

interface PinyinReadings {
  /** the suggested 助记码: initials of the most likely reading, upper-case (北京海淀 → BJHD) */
  mnemonic: string;
  /** every plausible initials string, lower-case, most likely first */
  initials: string[];
  /** every plausible full pinyin, lower-case without spaces, most likely first */
  full: string[];
}

/** lower-case a–z and digits only; tone marks removed (shàn → shan, lü → lu) */
const plain = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/** A syllable's spellings: ü is typed as u or v (lü → lu, lv). */
const spellings = (syllable: string): string[] => {
  const base = plain(syllable);
  return syllable.normalize('NFKD').includes('u\u0308') ? unique([base, base.replace(/u/g, 'v')]) : [base];
};

/**
 * Readings built from per-position options (the first option of each is the likely one), fewest
 * departures from the likely reading first and, among equals, departures nearer the start first
 * (a prefix search only sees the start). Bounded: never enumerates more than `limit` results.
 */
export function readings(parts: string[][], limit: number): string[] {
  if (parts.every((options) => options.length === 1))
    return [parts.map((options) => options[0]).join('')].filter(Boolean);
  const out = new Set<string>();
  const alternatives = parts.flatMap((options, pos) => options.slice(1).map((option) => ({ pos, option })));
  // the reading being built, changed in place as departures are picked and unpicked (no copies
  // per step: this runs for every name an import indexes); positions strictly increasing
  const chosen = parts.map((options) => options[0]);
  let lastPos = -1;
  let picked = 0;
  const visit = (from: number, depth: number) => {
    if (out.size >= limit) return;
    if (picked === depth) {
      out.add(chosen.join(''));
      return;
    }
    for (let i = from; i < alternatives.length && out.size < limit; i++) {
      const { pos, option } = alternatives[i];
      if (pos <= lastPos) continue;
      const before = lastPos;
      chosen[pos] = option;
      lastPos = pos;
      picked++;
      visit(i + 1, depth);
      picked--;
      lastPos = before;
      chosen[pos] = parts[pos][0];
    }
  };
  const polyphonic = new Set(alternatives.map((a) => a.pos)).size;
  for (let depth = 0; depth <= polyphonic && out.size < limit; depth++) visit(0, depth);
  return [...out];
}

/**
 * Pinyin of a customer name: the 助记码 the form suggests and every value the search index keeps
 * (the same function for both). The first reading uses pinyin-pro's context (重庆 → chongqing), a
 * dictionary of place names and trade words (乐清 → yueqing, 分行 → fenhang) and surname readings
 * at the head of person-like names (曾国藩书院 → zeng, 查良镛 → zha; readings.ts); the others come
 * from every reading of each polyphonic character (重庆 → zq too, 乐清 → lq too), since a user may
 * type either. Letters and digits are kept as they are.
 */
export function pinyinReadings(name: string, nature?: string): PinyinReadings {
  // the same name is often asked twice in a row (助记码 suggested, then the record indexed)
  const key = `${nature === 'person' ? 'p' : 'o'}${name}`;
  let r = recent.get(key);
  if (!r) {
    r = computeReadings(name, nature);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(key, r);
  }
  return { mnemonic: r.mnemonic, initials: [...r.initials], full: [...r.full] };
}

const RECENT_MAX = 256;
const recent = new Map<string, PinyinReadings>();

/** Options of one character given its likely reading: the likely one first, then every other (cached). */
const charOptions = new Map<string, { full: string[]; first: string[] }>();
function optionsOf(ch: string, likely: string): { full: string[]; first: string[] } {
  const key = ch + likely;
  let o = charOptions.get(key);
  if (!o) {
    const others = (polyphonic(ch, { type: 'array', toneType: 'none' })[0] ?? []).flatMap(spellings);
    const full = unique([...spellings(likely), ...others]);
    o = { full, first: unique(full.map((p) => p[0])) };
    if (charOptions.size > 50_000) charOptions.clear();
    charOptions.set(key, o);
  }
  return o;
}

const HAN = /\p{Script=Han}/u;

function computeReadings(name: string, nature?: string): PinyinReadings {
  const text = name.normalize('NFKC');
  // the likely reading of each Chinese character, in context (重庆 → chong qing; 单 as a surname → shan)
  const likely = likelyReadings(text, nature);
  const fullOptions: string[][] = [];
  const firstOptions: string[][] = [];
  let zh = 0;
  let other = '';
  const flushOther = () => {
    // most names have no letters or digits between their characters: nothing to normalise
    if (!other) return;
    const kept = plain(other);
    other = '';
    if (!kept) return;
    fullOptions.push([kept]);
    firstOptions.push([kept]);
  };
  for (const ch of text) {
    if (!HAN.test(ch)) {
      other += ch;
      continue;
    }
    flushOther();
    const o = optionsOf(ch, likely[zh++] ?? '');
    if (!o.full.length) continue;
    fullOptions.push(o.full);
    firstOptions.push(o.first);
  }
  flushOther();
  const initials = readings(firstOptions, MAX_READINGS);
  const full = unique(readings(fullOptions, MAX_READINGS).map((f) => f.slice(0, PINYIN_PREFIX_MAX)));
  return {
    mnemonic: (initials[0] ?? '').toUpperCase().slice(0, 50),
    initials,
    full,
  };
}
