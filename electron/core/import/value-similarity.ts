import { pinyin } from 'pinyin-pro';
import { foldKey } from '../spreadsheet/cells';

/**
 * How alike a value of a file and the name of a managed-list item are, from 0 to 1, to suggest
 * the item a value means (制造 → 制造业, 批发零售 → 批发和零售业). Compared after folding spaces,
 * full-width forms and case, by characters and again by pinyin (製造 → 制造业, homophone typos):
 * - one contains the other as a run (制造 ⊂ 制造业): 0.6 … 1 by the share of the longer covered;
 * - one's characters appear in order in the other (批发零售 ⊂ 批发和零售业): 0.55 … 0.95 likewise;
 * - otherwise shared characters (Dice coefficient), discounted: 0 … 0.8.
 * The pinyin score counts 0.9 of the same measure over syllables.
 */
export function similarity(value: string, name: string): number {
  const a = foldKey(value);
  const b = foldKey(name);
  if (!a || !b) return 0;
  if (a === b) return 1;
  return Math.max(sequenceScore([...a], [...b]), 0.9 * sequenceScore(syllables(a), syllables(b)));
}

/** Below this a value gets no suggestion: 华东 / 华南 (0.4) are different regions. */
export const SUGGEST_THRESHOLD = 0.5;

interface Candidate {
  id: number;
  label: string;
}

/**
 * The item most like the value, if it is alike enough and no other item is as alike (a tie
 * suggests nothing: the user chooses).
 */
export function bestMatch(value: string, candidates: Candidate[]): { id: number; score: number } | null {
  let best: { id: number; score: number } | null = null;
  let tie = false;
  for (const c of candidates) {
    const score = similarity(value, c.label);
    if (!best || score > best.score + 1e-9) {
      best = { id: c.id, score };
      tie = false;
    } else if (Math.abs(score - best.score) <= 1e-9) tie = true;
  }
  return best && !tie && best.score >= SUGGEST_THRESHOLD ? best : null;
}

function sequenceScore(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const cover = short.length / long.length;
  if (isRun(short, long)) return 0.6 + 0.4 * cover;
  if (isInOrder(short, long)) return 0.55 + 0.4 * cover;
  return 0.8 * dice(a, b);
}

function isRun(short: string[], long: string[]): boolean {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

function isInOrder(short: string[], long: string[]): boolean {
  let j = 0;
  for (const x of long) if (x === short[j]) j++;
  return j === short.length;
}

function dice(a: string[], b: string[]): number {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  let common = 0;
  for (const x of b) {
    const n = count.get(x) ?? 0;
    if (n > 0) {
      common++;
      count.set(x, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Pinyin syllables without tones; punctuation dropped (信息传输、软件 → xin xi chuan shu ruan jian). */
function syllables(s: string): string[] {
  return pinyin(s, { toneType: 'none', type: 'array' }).filter((x) => /[\p{L}\p{N}]/u.test(x));
}
