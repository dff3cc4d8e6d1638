import { describe, expect, it } from 'vitest';
import { queryKey } from '../../../renderer/src/features/customers/list/listQuery';
import { rowSlotKey, rowWindow } from '../../../renderer/src/features/customers/list/rowWindow';

describe('the customer list draws the rows in view first', () => {
  it('a fresh answer (no overscan) draws exactly the rows in view', () => {
    expect(rowWindow(0, 12, 50, 0)).toEqual({ from: 0, to: 12 });
    expect(rowWindow(30, 12, 100, 0)).toEqual({ from: 30, to: 42 });
  });

  it('then the overscan on both sides, within what is loaded', () => {
    expect(rowWindow(0, 12, 50, 6)).toEqual({ from: 0, to: 18 });
    expect(rowWindow(30, 12, 100, 6)).toEqual({ from: 24, to: 48 });
    expect(rowWindow(95, 12, 100, 6)).toEqual({ from: 89, to: 100 });
  });

  it('fewer rows than the view, or none', () => {
    expect(rowWindow(0, 12, 3, 6)).toEqual({ from: 0, to: 3 });
    expect(rowWindow(0, 12, 0, 6)).toEqual({ from: 0, to: 0 });
    // scrolled further than a new, shorter answer reaches (before the view returns to the top)
    expect(rowWindow(40, 12, 5, 6)).toEqual({ from: 0, to: 5 });
  });

  it('rows are keyed by their place, so a new answer updates the rows already drawn', () => {
    const keys = (ids: number[]) => {
      const { from, to } = rowWindow(0, 12, ids.length, 0);
      return ids.slice(from, to).map((_, i) => rowSlotKey(from + i));
    };
    const first = Array.from({ length: 50 }, (_, i) => 1000 + i);
    const second = Array.from({ length: 50 }, (_, i) => 900_000 - i);
    expect(keys(second)).toEqual(keys(first));
  });
});

describe('a query is asked once', () => {
  const base = { q: '杭州', filters: {}, sort: null };

  it('the same text, filters and order have the same key', () => {
    expect(queryKey({ ...base, filters: {} })).toBe(queryKey(base));
    // empty filter entries ask the core nothing more
    expect(queryKey({ ...base, filters: { status: [], regionId: undefined } })).toBe(queryKey(base));
  });

  it('another text, filter or order is another query', () => {
    expect(queryKey({ ...base, q: '杭州西' })).not.toBe(queryKey(base));
    expect(queryKey({ ...base, filters: { status: ['active'] } })).not.toBe(queryKey(base));
    expect(queryKey({ ...base, sort: { field: 'code', order: 'asc' } })).not.toBe(queryKey(base));
  });
});
