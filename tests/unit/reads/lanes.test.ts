import { describe, expect, it } from 'vitest';
import { LONG_READ_MS, nextRead, readDurations } from '../../../electron/core/reads/lanes';

const long = { long: true };
const short = { long: false };

describe("the pool's lanes", () => {
  it('lets long reads hold every thread but one: a short read waiting behind them goes first', () => {
    expect(nextRead([long, long, short], 1, 2)).toBe(2);
    expect(nextRead([long, long], 1, 2)).toBe(-1);
    expect(nextRead([long, short], 0, 2)).toBe(0);
    expect(nextRead([long, long, short, short], 2, 4)).toBe(0);
    expect(nextRead([long, short], 3, 4)).toBe(1);
  });

  it('takes reads in order in a pool of one thread', () => {
    expect(nextRead([long, short], 0, 1)).toBe(0);
    expect(nextRead([long, short], 1, 1)).toBe(0);
  });

  it("calls a channel long after its recent reads were, and short again after they are not", () => {
    const d = readDurations();
    expect(d.isLong('review.candidates')).toBe(false);
    d.record('review.candidates', 300);
    expect(d.isLong('review.candidates')).toBe(true);
    expect(d.isLong('customer.search')).toBe(false);
    for (let i = 0; i < 12; i++) d.record('review.candidates', 2);
    expect(d.isLong('review.candidates')).toBe(false);
    d.record('customer.search', LONG_READ_MS);
    expect(d.isLong('customer.search')).toBe(false);
  });
});
