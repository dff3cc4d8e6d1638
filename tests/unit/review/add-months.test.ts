import { afterEach, describe, expect, it } from 'vitest';
import { addMonths } from '../../../electron/core/clock';

const tz = process.env.TZ;
afterEach(() => {
  process.env.TZ = tz;
});

describe('the review interval in months', () => {
  it('adds months in local time, the 31st becoming the last day of a shorter month', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 31 January in Beijing → 28 February in Beijing
    expect(addMonths(new Date('2026-01-30T17:00:00.000Z'), 1).toISOString()).toBe('2026-02-27T17:00:00.000Z');
    expect(addMonths(new Date('2026-01-05T01:00:00.000Z'), 3).toISOString()).toBe('2026-04-05T01:00:00.000Z');
    expect(addMonths(new Date('2026-11-15T01:00:00.000Z'), 12).toISOString()).toBe('2027-11-15T01:00:00.000Z');
    expect(addMonths(new Date('2027-12-31T02:00:00.000Z'), 2).toISOString()).toBe('2028-02-29T02:00:00.000Z');
  });
});
