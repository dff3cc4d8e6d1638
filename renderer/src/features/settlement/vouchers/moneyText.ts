import { formatCents } from '../../../shared/money';

/** Integer 分 as ¥1,234.56; a negative amount (a 红字 reversal) as -¥1,234.56. */
export function moneyText(cents: number): string {
  return cents < 0 ? `-${formatCents(-cents)}` : (formatCents(cents) ?? '');
}

/** A unit price as the core gives it ("1234.5678", "1500") with ¥, thousands separators and at least 2 decimals: ¥1,234.5678, ¥1,500.00. */
export function priceText(decimal: string): string {
  const neg = decimal.startsWith('-');
  const [int, frac] = (neg ? decimal.slice(1) : decimal).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}.${(frac ?? '').padEnd(2, '0')}`;
}

/** Money columns and cells: right-aligned, figures of one width. */
export const MONEY_CELL = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
