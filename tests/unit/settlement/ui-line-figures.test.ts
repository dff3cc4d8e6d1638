import { describe, expect, it } from 'vitest';
import { lineFigures, linesTotals } from '../../../renderer/src/features/settlement/lines/lineMath';
import { moneyText, priceText } from '../../../renderer/src/features/settlement/vouchers/moneyText';

/** The voucher form's live figures are the core's (amounts.ts), never a float's. */
describe('the lines editor figures', () => {
  const line = (quantity: string, unitPrice: string, taxRateBp: number | null = null) => ({
    quantity,
    unitPrice,
    taxRateBp,
  });

  it('a whole-分 line is exact and not marked rounded', () => {
    expect(lineFigures(line('3', '1.15'))).toMatchObject({
      ok: true,
      amountCents: 345,
      taxCents: 0,
      totalCents: 345,
      rounded: false,
    });
    // 0.1 + 0.2 style drift would show here as a float
    expect(lineFigures(line('3', '0.1'))).toMatchObject({ ok: true, amountCents: 30 });
  });

  it('quantity × price below a 分 is rounded once, half away from zero, and says the exact product', () => {
    expect(lineFigures(line('1.5', '0.0333'))).toEqual({
      ok: true,
      amountCents: 5,
      taxCents: 0,
      totalCents: 5,
      rounded: true,
      exact: '0.04995',
    });
    expect(lineFigures(line('-1', '0.005'))).toMatchObject({
      ok: true,
      amountCents: -1,
      rounded: true,
      exact: '-0.005',
    });
  });

  it('tax at a rate in basis points, rounded once; the total is amount + tax', () => {
    expect(lineFigures(line('1', '10.05', 1300))).toMatchObject({
      ok: true,
      amountCents: 1005,
      taxCents: 131,
      totalCents: 1136,
    });
  });

  it('full-width digits and separators are read as the core reads them; too many decimals are refused', () => {
    expect(lineFigures(line('２', '¥1,000.50'))).toMatchObject({ ok: true, amountCents: 200100 });
    expect(lineFigures(line('1.0001', '1'))).toEqual({ ok: false, key: 'settlement.validation.decimals' });
    expect(lineFigures(line('', '1'))).toEqual({ ok: false, key: null });
  });

  it('the sums cover the readable lines and say whether all were', () => {
    const lines = [
      { key: 'a', description: '', unit: '', ...line('1', '1.15') },
      { key: 'b', description: '', unit: '', ...line('1', '2.30') },
    ];
    expect(linesTotals(lines)).toEqual({ amountCents: 345, taxCents: 0, totalCents: 345, complete: true });
    expect(linesTotals([...lines, { key: 'c', description: '', unit: '', ...line('x', '1') }])?.complete).toBe(false);
  });
});

describe('money and prices on the settlement pages', () => {
  it('shows ¥ and thousands separators; a reversal is negative before the ¥', () => {
    expect(moneyText(370373)).toBe('¥3,703.73');
    expect(moneyText(-123456789)).toBe('-¥1,234,567.89');
    expect(priceText('1234.5678')).toBe('¥1,234.5678');
    expect(priceText('0.0333')).toBe('¥0.0333');
    expect(priceText('-1000000')).toBe('-¥1,000,000.00');
    expect(priceText('1500.5')).toBe('¥1,500.50');
  });
});
