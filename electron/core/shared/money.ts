/**
 * Money is stored and sent as integer 分 (cents); people type and spreadsheets hold 元 (yuan).
 * The conversions both ways, for the forms, the spreadsheet cells and the files (contract-side).
 */

/** Yuan as typed (1,234.56 / ￥1234.5 / 1234) → integer cents, or null if it is not an amount. */
export function yuanToCents(value: string | number): number | null {
  if (typeof value === 'number') {
    // a spreadsheet's float (1234.5000000001): accept only if it is a whole number of cents
    if (!Number.isFinite(value)) return null;
    const c = Math.round(value * 100);
    return Math.abs(value * 100 - c) < 1e-6 ? c : null;
  }
  const s = String(value).normalize('NFKC').replace(/[,\s¥￥]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const [int, frac = ''] = s.replace('-', '').split('.');
  const cents = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return s.startsWith('-') ? -cents : cents;
}

/** Cents → yuan, for an amount input or a spreadsheet cell (null stays null). */
export function centsToYuan(cents: number | null | undefined): number | null {
  return cents == null ? null : cents / 100;
}
