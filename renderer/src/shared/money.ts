const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer cents shown as ¥1,234.56 (null stays null). */
export function formatCents(cents: number | null | undefined): string | null {
  if (cents == null) return null;
  return `¥${yuan.format(cents / 100)}`;
}
