import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MONEY_DECIMALS, parseScaled } from '../../../../../electron/core/settlement/shared/amounts';
import { formatCents } from '../../../shared/money';

/** Money in a table cell: ¥ with separators, right-aligned by its column, never wrapped; none: a dash. */
export function Money({
  cents,
  strong,
  muted,
}: {
  cents: number | null | undefined;
  strong?: boolean;
  muted?: boolean;
}) {
  const { t } = useTranslation();
  const text = formatCents(cents) ?? t('common.empty');
  return (
    <Typography.Text
      strong={strong}
      type={muted || cents === 0 ? 'secondary' : undefined}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {text}
    </Typography.Text>
  );
}

/** A money column's fixed part: right-aligned, wide enough for ¥1,234,567.89. */
export const moneyColumn = {
  align: 'right' as const,
  width: 130,
  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
};

/**
 * Money as people type it (full-width digits, commas, ¥, 元) → 分, as the core reads it
 * (amounts.ts parseScaled); null for anything that is not an amount of at most 2 decimals.
 */
export function typedCents(text: string | null | undefined): number | null {
  if (text == null || text.trim() === '') return null;
  const r = parseScaled(text, MONEY_DECIMALS);
  return r.ok ? Number(r.value) : null;
}

/** 分 as a plain amount to put in an input (1234.5 元 → "1234.50"). */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
