import { yuanToCents } from '../shared/money';

/**
 * Cells as spreadsheets deliver them, turned into what the record expects. Office files are
 * messy: mobiles typed into number cells come back as 13812345678 or "1.3812345678E10",
 * dates as Date cells, serial numbers or 2027年1月31日, amounts as "¥1,234.50" or "5万".
 * Only what is unambiguous is repaired; anything else is an error naming the cell.
 */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; messageKey: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (messageKey: string): Parsed<never> => ({ ok: false, messageKey });

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A number without float noise: 1234.5000000001 → "1234.5", 13812345678 → "13812345678". */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The text of a cell, for text fields (the schema then folds full-width and trims). */
export function cellText(c: Cell | undefined): string {
  if (c == null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return numberText(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return isoDate(c);
}

/** Is the cell empty (nothing but spaces, including full-width ones)? */
export function isBlank(c: Cell | undefined): boolean {
  return c == null || (typeof c === 'string' && c.normalize('NFKC').trim() === '');
}

/**
 * Digits typed into a number cell (mobile, tax ID, account): 13812345678, "13812345678.0" and
 * "1.3812345678E10" all give "13812345678". A number that cannot carry all its digits (Excel keeps
 * 15 significant digits; "1.38123E+10" is what a narrow column displayed) is refused, not guessed.
 */
export function digitsCell(c: Cell | undefined): Parsed<string> {
  if (c == null) return ok('');
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || c < 0) return fail('import.errors.number');
    if (!Number.isInteger(c)) {
      const t = numberText(c);
      return /\.0*$/.test(t) ? ok(t.replace(/\.0*$/, '')) : ok(t);
    }
    return c >= 1e15 ? fail('import.errors.numberPrecision') : ok(c.toFixed(0));
  }
  const s = cellText(c).normalize('NFKC').trim();
  const plainFloat = s.match(/^(\d+)\.0+$/);
  if (plainFloat) return ok(plainFloat[1]);
  const sci = s.match(/^(\d)(?:\.(\d+))?E\+?(\d{1,2})$/i);
  if (sci) {
    const frac = sci[2] ?? '';
    const exp = Number(sci[3]);
    // every digit must be present in the mantissa; padding with zeros would invent them
    if (frac.replace(/0+$/, '').length > exp || frac.length < exp) return fail('import.errors.scientific');
    return ok(sci[1] + frac.slice(0, exp));
  }
  return ok(s);
}

/** Postcodes lose a leading zero in a number cell (010020 → 10020): a 5-digit number gets it back. */
export function postcodeCell(c: Cell | undefined): string {
  if (typeof c === 'number' && Number.isInteger(c) && c >= 1000 && c < 100000) return pad(c, 6);
  return cellText(c);
}

// Excel's day 0 in the 1900 system, counting its phantom 1900-02-29 (serial 60)
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** An Excel serial day number as a UTC date (1900 system unless the workbook says 1904). */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const days = Math.floor(serial + 1e-9);
  if (date1904) return new Date(EXCEL_EPOCH_1904 + days * DAY_MS);
  // serials before 1900-03-01 are one day off because of the phantom leap day
  return new Date(EXCEL_EPOCH_1900 + (days < 61 ? days + 1 : days) * DAY_MS);
}

function ymd(y: number, m: number, d: number): Parsed<string> {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return fail('customers.validation.date');
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/**
 * A date as 'YYYY-MM-DD' from a date cell, an Excel serial (46418), a number 20270131, or text:
 * 2027-01-31, 2027/1/31, 2027.1.31, 2027年1月31日, 20270131 (a time after it is ignored).
 */
export function dateCell(c: Cell | undefined, date1904 = false): Parsed<string | null> {
  if (isBlank(c)) return ok(null);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? fail('customers.validation.date') : ok(isoDate(c));
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 22001231) return ymd(Math.floor(c / 1e4), Math.floor(c / 100) % 100, c % 100);
    if (c >= 1 && c < 2958466) return ok(isoDate(excelSerialToDate(c, date1904)));
    return fail('customers.validation.date');
  }
  const s = cellText(c).normalize('NFKC').trim();
  const parts = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/);
  if (parts) return ymd(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  const compact = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return ok(isoDate(excelSerialToDate(Number(s), date1904)));
  return fail('customers.validation.date');
}

/** Yuan → cents: 1234.5, "¥1,234.50", "1234.50元", "5万" (50,000 yuan). */
export function centsCell(c: Cell | undefined): Parsed<number | null> {
  if (isBlank(c)) return ok(null);
  if (typeof c === 'number') {
    const cents = yuanToCents(c);
    return cents == null ? fail('import.errors.amount') : ok(cents);
  }
  const s = cellText(c).normalize('NFKC').replace(/\s+/g, '').replace(/(人民币|RMB|CNY)/gi, '').replace(/元$/, '');
  const wan = s.match(/^(\d+(?:\.\d{1,6})?)万$/);
  if (wan) {
    const cents = yuanToCents(wan[1]);
    return cents == null ? fail('import.errors.amount') : ok(cents * 10_000);
  }
  const cents = yuanToCents(s);
  return cents == null ? fail('import.errors.amount') : ok(cents);
}

/** A whole number (信用期限 "30", "30天", 30.0). */
export function intCell(c: Cell | undefined): Parsed<number | null> {
  if (isBlank(c)) return ok(null);
  if (typeof c === 'number') return Number.isInteger(c) ? ok(c) : fail('import.errors.integer');
  const s = cellText(c).normalize('NFKC').replace(/\s+/g, '').replace(/天$/, '');
  const m = s.match(/^(\d{1,9})(?:\.0+)?$/);
  return m ? ok(Number(m[1])) : fail('import.errors.integer');
}

/** Text compared loosely: half-width, lower-case, no spaces. For names of lists, users, places. */
export function foldKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
