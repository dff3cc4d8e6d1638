import { describe, expect, it } from 'vitest';
import { readings } from '../../../electron/core/customers/search/pinyin';
import { Prng } from '../../bench/seed/prng';

/**
 * The enumeration of readings as it was written first (a copy of the picks per step): the
 * reference the import's faster one (in place) must equal, reading for reading and in order.
 */
function reference(parts: string[][], limit: number): string[] {
  if (parts.every((options) => options.length === 1)) return [parts.map((options) => options[0]).join('')].filter(Boolean);
  const out = new Set<string>();
  const alternatives = parts.flatMap((options, pos) => options.slice(1).map((option) => ({ pos, option })));
  const visit = (picks: { pos: number; option: string }[], from: number, depth: number) => {
    if (out.size >= limit) return;
    if (picks.length === depth) {
      const chosen = parts.map((options) => options[0]);
      for (const p of picks) chosen[p.pos] = p.option;
      out.add(chosen.join(''));
      return;
    }
    for (let i = from; i < alternatives.length && out.size < limit; i++) {
      const last = picks[picks.length - 1];
      if (last && alternatives[i].pos <= last.pos) continue;
      visit([...picks, alternatives[i]], i + 1, depth);
    }
  };
  const polyphonic = new Set(alternatives.map((a) => a.pos)).size;
  for (let depth = 0; depth <= polyphonic && out.size < limit; depth++) visit([], 0, depth);
  return [...out];
}

const SYLLABLES = ['zhong', 'chong', 'hang', 'xing', 'le', 'yue', 'lu', 'lv', 'shan', 'dan', 'z', 'c', 'h', 'x', '', 'gong', 'si'];

describe('pinyin readings of polyphonic names', () => {
  it('are the same readings, in the same order, as the first enumeration', () => {
    const rng = new Prng(20_261_130);
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      const length = rng.int(15);
      const parts = Array.from({ length }, () =>
        Array.from({ length: rng.next() < 0.6 ? 1 : 2 + rng.int(3) }, () => rng.pick(SYLLABLES)),
      );
      for (const limit of [1, 3, 16]) {
        expect(readings(parts, limit)).toEqual(reference(parts, limit));
        compared++;
      }
    }
    expect(compared).toBe(9000);
  });
});
