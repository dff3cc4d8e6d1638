import {
  lineAmount,
  lineTax,
  PRICE_DECIMALS,
  parseScaled,
  QTY_DECIMALS,
  wasRounded,
} from '../../../../../electron/core/settlement/shared/amounts';

/** A line as the form holds it: the figures as typed (the core parses the same text). */
export interface LineDraft {
  key: string;
  description: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  /** basis points (13% = 1300); null: no tax on this line */
  taxRateBp: number | null;
}

export type LineFigures =
  | {
      ok: true;
      amountCents: number;
      taxCents: number;
      totalCents: number;
      /** quantity × price was not a whole 分 */
      rounded: boolean;
      /** quantity × price exactly, in 元 (up to 7 decimals) */
      exact: string;
    }
  /** `key`: why the figures cannot be read yet (null: nothing typed) */
  | { ok: false; key: string | null };

/** 10⁻⁷ 元 (quantity thousandths × price ten-thousandths) as a decimal text in 元. */
function exactYuan(product: bigint): string {
  const neg = product < 0n;
  const digits = (neg ? -product : product).toString().padStart(8, '0');
  const int = digits.slice(0, -7);
  const frac = digits.slice(-7).replace(/0+$/, '').padEnd(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** The line's amount, tax and total in 分, computed as the core computes them (amounts.ts). */
export function lineFigures(line: Pick<LineDraft, 'quantity' | 'unitPrice' | 'taxRateBp'>): LineFigures {
  if (!line.quantity.trim() || !line.unitPrice.trim()) return { ok: false, key: null };
  const qty = parseScaled(line.quantity, QTY_DECIMALS);
  if (!qty.ok) return { ok: false, key: qty.key };
  const price = parseScaled(line.unitPrice, PRICE_DECIMALS);
  if (!price.ok) return { ok: false, key: price.key };
  const amount = lineAmount(qty.value, price.value);
  if (amount === null) return { ok: false, key: 'settlement.validation.tooLarge' };
  const tax = line.taxRateBp ? lineTax(amount, line.taxRateBp) : 0;
  if (tax === null) return { ok: false, key: 'settlement.validation.tooLarge' };
  return {
    ok: true,
    amountCents: amount,
    taxCents: tax,
    totalCents: amount + tax,
    rounded: wasRounded(qty.value, price.value),
    exact: exactYuan(qty.value * price.value),
  };
}

/** The voucher's sums over the lines that can be read (null when none can). */
export function linesTotals(lines: readonly LineDraft[]) {
  let amountCents = 0;
  let taxCents = 0;
  let readable = 0;
  for (const l of lines) {
    const f = lineFigures(l);
    if (!f.ok) continue;
    readable++;
    amountCents += f.amountCents;
    taxCents += f.taxCents;
  }
  return readable
    ? { amountCents, taxCents, totalCents: amountCents + taxCents, complete: readable === lines.length }
    : null;
}

let counter = 0;
export function emptyLine(): LineDraft {
  counter += 1;
  return { key: `l${Date.now()}-${counter}`, description: '', unit: '', quantity: '', unitPrice: '', taxRateBp: null };
}

/** Tax rates offered (basis points); null: 不计税. */
export const TAX_RATES: readonly (number | null)[] = [null, 0, 100, 300, 600, 900, 1300];
