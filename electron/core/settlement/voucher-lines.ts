import type { z } from 'zod';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import { lineAmount, lineTax, MAX_CENTS, wasRounded } from './shared/amounts';
import type { voucherLineInputSchema } from './shared/settlement.contract';

/**
 * A voucher's figures, computed here from its lines (amounts.ts), never taken from the client:
 * amount = quantity × unit price rounded once to the 分 (half away from zero, the line says so),
 * tax = amount × rate rounded once; the voucher's total is Σ (amount + tax).
 * A normal voucher's quantities are positive. A reversal's (红字) lines are typed as positive
 * quantities (what is taken back) and stored negated here; a negative typed quantity is read as
 * the same (its size counts), so a reversal's figures are always ≤ 0.
 */
export type LineInput = z.output<typeof voucherLineInputSchema>;

export interface ComputedLine {
  description: string;
  unit: string | null;
  quantityMilli: number;
  unitPrice: number;
  amountCents: number;
  rounded: boolean;
  taxRateBp: number | null;
  taxCents: number;
}

export interface Computed {
  lines: ComputedLine[];
  amountCents: number;
  taxCents: number;
  totalCents: number;
}

export function computeLines(input: readonly LineInput[], kind: 'normal' | 'reversal'): Computed {
  const lines = input.map((l, i): ComputedLine => {
    const abs = l.quantity < 0n ? -l.quantity : l.quantity;
    if (abs === 0n || (kind === 'normal' && l.quantity < 0n))
      throw InvalidField(`lines.${i}.quantity`, 'settlement.validation.quantityPositive');
    const q = kind === 'reversal' ? -abs : abs;
    const amount = lineAmount(q, l.unitPrice);
    const tax = amount == null || l.taxRateBp == null ? 0 : lineTax(amount, l.taxRateBp);
    if (amount == null || tax == null) throw InvalidField(`lines.${i}.unitPrice`, 'settlement.validation.tooLarge');
    return {
      description: l.description,
      unit: l.unit ?? null,
      quantityMilli: Number(q),
      unitPrice: Number(l.unitPrice),
      amountCents: amount,
      rounded: wasRounded(q, l.unitPrice),
      taxRateBp: l.taxRateBp ?? null,
      taxCents: tax,
    };
  });
  const amountCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const taxCents = lines.reduce((s, l) => s + l.taxCents, 0);
  const totalCents = amountCents + taxCents;
  if (Math.abs(totalCents) > MAX_CENTS) throw InvalidField('lines', 'settlement.validation.tooLarge');
  if (kind === 'normal' && totalCents <= 0) throw InvalidField('lines', 'settlement.validation.totalPositive');
  if (kind === 'reversal' && totalCents >= 0) throw InvalidField('lines', 'settlement.validation.totalPositive');
  return { lines, amountCents, taxCents, totalCents };
}

/** Replaces a voucher's lines (a draft's or a rejected one's: never a posted voucher's). */
export function writeLines(core: Core, voucherId: number, lines: readonly ComputedLine[]): void {
  core.sqlite.prepare('DELETE FROM settlement_voucher_lines WHERE voucher_id = ?').run(voucherId);
  const ins = core.sqlite.prepare(
    `INSERT INTO settlement_voucher_lines (voucher_id, line_no, description, unit, quantity_milli, unit_price, amount_cents, rounded, tax_rate_bp, tax_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => {
    ins.run(
      voucherId,
      i + 1,
      l.description,
      l.unit,
      l.quantityMilli,
      l.unitPrice,
      l.amountCents,
      l.rounded ? 1 : 0,
      l.taxRateBp,
      l.taxCents,
    );
  });
}
