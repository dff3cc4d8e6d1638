import { localDate } from '../clock';
import type { Core } from '../core';

/**
 * The next 盘点单号 of the day `at` falls on (local date): PD20261201-001, -002, … Called inside the
 * creating transaction (BEGIN IMMEDIATE), so two creations never read the same last number.
 */
export function nextStocktakeNo(core: Core, at: Date): string {
  const prefix = `PD${localDate(at).replaceAll('-', '')}-`;
  // the unique index on `no` serves this range: the day's numbers only
  const last = core.statements
    .prepare('SELECT no FROM stocktakes WHERE no >= ? AND no < ? ORDER BY length(no) DESC, no DESC LIMIT 1')
    .pluck()
    .get(prefix, `${prefix}\uffff`) as string | undefined;
  const seq = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
