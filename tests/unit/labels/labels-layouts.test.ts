import { describe, expect, it } from 'vitest';
import {
  A4_SHEETS,
  fillSheets,
  pageRule,
  parseIds,
  parseLayout,
  placeSlots,
  sheetById,
  sheetCount,
  withCopies,
} from '../../../renderer/src/features/labels/layouts';

// Pure rules of the label print page (renderer/src/features/labels/layouts.ts).

describe('label layouts', () => {
  it('reads ids from the query: positive integers, duplicates and junk dropped, order kept', () => {
    expect(parseIds('12,15,19')).toEqual([12, 15, 19]);
    expect(parseIds(' 19, 12 ,19,,abc,-3,0,1.5,7\uff0c8')).toEqual([19, 12, 7, 8]);
    expect(parseIds(null)).toEqual([]);
  });

  it('knows two layouts, A4 by default, each with exactly one @page rule', () => {
    expect(parseLayout('thermal')).toBe('thermal');
    expect(parseLayout('a4')).toBe('a4');
    expect(parseLayout('bogus')).toBe('a4');
    expect(pageRule('a4').match(/@page/g)).toHaveLength(1);
    expect(pageRule('a4')).toContain('size: A4');
    expect(pageRule('thermal')).toContain('size: 40mm 30mm');
  });

  it('every A4 sheet fits the paper', () => {
    for (const s of A4_SHEETS) {
      const last = placeSlots(s, new Array(s.cols * s.rows).fill(null)).at(-1)!;
      expect(last.left + s.labelW, s.id).toBeLessThanOrEqual(s.paperW + 1e-9);
      expect(last.top + s.labelH, s.id).toBeLessThanOrEqual(s.paperH + 1e-9);
    }
    expect(sheetById('unknown').id).toBe('a4-3x8');
  });

  it('places copies in a row and leaves the used positions of a partly used sheet empty', () => {
    expect(withCopies(['A', 'B'], 2)).toEqual(['A', 'A', 'B', 'B']);
    const sheets = fillSheets(['A', 'B', 'C'], 4, 2);
    expect(sheets).toEqual([
      [null, null, 'A', 'B'],
      ['C', null, null, null],
    ]);
    expect(sheetCount(3, 4, 2)).toBe(sheets.length);
    expect(sheetCount(0, 4, 2)).toBe(0);
    expect(fillSheets([], 4, 2)).toEqual([]);
    // the start position can never skip a whole sheet
    expect(fillSheets(['A'], 4, 9)).toEqual([[null, null, null, 'A']]);
  });

  it('puts the 3×8 grid at exact millimetres', () => {
    const s = sheetById('a4-3x8');
    const slots = placeSlots(s, new Array(24).fill(null));
    expect(slots[0]).toMatchObject({ left: 0, top: 0.5 });
    expect(slots[4]).toMatchObject({ left: 70, top: 37.5 });
    expect(slots[23]).toMatchObject({ left: 140, top: 259.5 });
  });
});
