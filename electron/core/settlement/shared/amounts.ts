/**
 * Money and quantities of 无票结算, exact: integers only, never floats (ERPNext's float drift
 * rejected valid allocations: erpnext#54980, #33681).
 * - money: integer 分 (cents);
 * - quantity: thousandths (3 decimals), unit price: ten-thousandths of a 元 (4 decimals, 0.01 分);
 * - a line's amount = quantity × unit price, rounded ONCE to the 分, half away from zero (四舍五入);
 * - a line's tax = amount × rate, the rate in basis points (13% = 1300), rounded the same way;
 *   prices exclude tax: the line's total is amount + tax, the voucher's total the sum of those.
 * Contract-side (the renderer computes the same figures while the user types; the core recomputes).
 */

/** The largest amount any figure may reach: 100 亿元 in 分, far inside Number's exact integers. */
export const MAX_CENTS = 1_000_000_000_000;
export const QTY_DECIMALS = 3;
export const PRICE_DECIMALS = 4;
export const MONEY_DECIMALS = 2;

export type Scaled =
  | { ok: true; value: bigint }
  | {
      ok: false;
      key: 'settlement.validation.number' | 'settlement.validation.decimals' | 'settlement.validation.tooLarge';
    };

/**
 * A decimal as people type it or spreadsheets mangle it, as an integer of `decimals` places:
 * full-width digits and signs (NFKC), spaces, thousands separators (, ， and ' ), a leading ¥ ￥ or
 * RMB, a trailing 元. More decimals than allowed are refused (never silently rounded), as are
 * exponents ("1.2E+3": a spreadsheet's mangling that cannot be read back safely).
 */
export function parseScaled(text: string, decimals: number): Scaled {
  let s = text.normalize('NFKC').replace(/[\s,'’]/g, '');
  s = s.replace(/^(?:RMB|CNY|¥|￥)/i, '').replace(/元$/, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, key: 'settlement.validation.number' };
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return { ok: false, key: 'settlement.validation.decimals' };
  const int = m[2].replace(/^0+(?=\d)/, '') || '0';
  if (int.length > 15) return { ok: false, key: 'settlement.validation.tooLarge' };
  const v = BigInt(int + frac.padEnd(decimals, '0'));
  return { ok: true, value: m[1] === '-' ? -v : v };
}

/** Divides by a positive power of ten, half away from zero. */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const inRange = (v: bigint): number | null => (v > BigInt(MAX_CENTS) || v < -BigInt(MAX_CENTS) ? null : Number(v));

/**
 * quantity (thousandths) × unit price (ten-thousandths of a 元) in 分: the product is in units of
 * 10⁻⁷ 元 = 10⁻⁵ 分, rounded once to the 分. Null beyond MAX_CENTS.
 */
export function lineAmount(qtyMilli: bigint, priceTenThousandths: bigint): number | null {
  return inRange(roundDiv(qtyMilli * priceTenThousandths, 100_000n));
}

/** The tax of an amount at a rate in basis points (1300 = 13%), rounded once to the 分. */
export function lineTax(amountCents: number, rateBp: number): number | null {
  return inRange(roundDiv(BigInt(amountCents) * BigInt(rateBp), 10_000n));
}

/** True when quantity × price was not a whole 分 (the line says it was rounded, and how). */
export function wasRounded(qtyMilli: bigint, priceTenThousandths: bigint): boolean {
  return (qtyMilli * priceTenThousandths) % 100_000n !== 0n;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits (0–9999) in capitals, with 零 where a zero stands between digits. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + UNITS[i];
  }
  return out;
}

/**
 * An amount in 分 in Chinese capitals (大写金额), as banks and notices write it:
 * 1234.56 → 壹仟贰佰叁拾肆元伍角陆分; 100 → 壹佰元整; 0.05 → 伍分; 1005.00 → 壹仟零伍元整;
 * 100000.10 → 壹拾万元壹角; negative amounts start with 负.
 */
export function amountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('cents must be an integer');
  if (cents === 0) return '零元整';
  const sign = cents < 0 ? '负' : '';
  const abs = Math.abs(cents);
  let yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fen = abs % 10;
  let words = '';
  if (yuan > 0) {
    const groups: number[] = [];
    while (yuan > 0) {
      groups.push(yuan % 10_000);
      yuan = Math.floor(yuan / 10_000);
    }
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g];
      if (v === 0) {
        needZero = words.length > 0;
        continue;
      }
      if (words && (needZero || v < 1000)) words += '零';
      needZero = false;
      words += group(v) + GROUPS[g];
    }
    words += '元';
  }
  if (jiao === 0 && fen === 0) return `${sign}${words}整`;
  // 元位 zero and 角 not: one may write 零 or not (支付结算办法); we write none, as 壹拾万元壹角
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (words) words += '零'; // 壹元零壹分
  if (fen > 0) words += `${DIGITS[fen]}分`;
  return sign + words;
}
