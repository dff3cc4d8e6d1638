import { formatCents } from '../../../shared/money';

/** Integer 分 as ¥1,234.56; a negative amount (a 红字 reversal) as -¥1,234.56. */
export function moneyText(cents: number): string {
  return cents < 0 ? `-${formatCents(-cents)}` : (formatCents(cents) ?? '');
}

/** Money columns and cells: right-aligned, figures of one width. */
export const MONEY_CELL = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
