import { describe, expect, it } from 'vitest';
import { centsText, typedCents } from '../../../renderer/src/features/settlement/payments/money';
import { checkSplit, startSplit } from '../../../renderer/src/features/settlement/payments/split';
import { agingBars, agingOption } from '../../../renderer/src/features/settlement/receivables/agingOption';
import { defaultPeriod, statementPrintPath } from '../../../renderer/src/features/settlement/statement/statementPaths';

const open = [
  { id: 1, openCents: 115 },
  { id: 2, openCents: 230 },
  { id: 3, openCents: 1000 },
];

describe('the payment form: amounts as typed', () => {
  it('reads full-width digits, commas, ¥ and 元 as the core does', () => {
    expect(typedCents('１，２３４.５')).toBe(123450);
    expect(typedCents('¥1,234.56')).toBe(123456);
    expect(typedCents('3.45元')).toBe(345);
    expect(typedCents('1.234')).toBeNull();
    expect(typedCents('abc')).toBeNull();
    expect(typedCents('  ')).toBeNull();
  });

  it('writes 分 back as a plain amount', () => {
    expect(centsText(345)).toBe('3.45');
    expect(centsText(5)).toBe('0.05');
    expect(centsText(100000)).toBe('1000.00');
  });
});

describe('the payment form: the split', () => {
  it("starts from the core's suggestion (oldest due first)", () => {
    const split = startSplit(
      open,
      [
        { voucherId: 1, amountCents: 115 },
        { voucherId: 2, amountCents: 230 },
      ],
      345,
    );
    expect(split).toEqual({ 1: '1.15', 2: '2.30' });
  });

  it('opened from one voucher: that voucher first, then the others in order', () => {
    expect(startSplit(open, [], 1200, 3)).toEqual({ 3: '10.00', 1: '1.15', 2: '0.85' });
  });

  it('1.15 + 2.30 paid by one payment of 3.45 leaves no advance', () => {
    const c = checkSplit(open, { 1: '1.15', 2: '2.30' }, 345);
    expect(c.allocatedCents).toBe(345);
    expect(c.remainderCents).toBe(0);
    expect(c.allocations).toEqual([
      { voucherId: 1, amount: '1.15' },
      { voucherId: 2, amount: '2.30' },
    ]);
  });

  it('what is not allocated stays as 预收; blank and zero rows are left out', () => {
    const c = checkSplit(open, { 1: '1.15', 2: '', 3: '0' }, 500);
    expect(c.allocations).toEqual([{ voucherId: 1, amount: '1.15' }]);
    expect(c.remainderCents).toBe(385);
  });

  it('marks amounts over the open amount or not amounts, and a split over the payment', () => {
    const c = checkSplit(open, { 1: '1.16', 2: 'x' }, 100);
    expect(c.bad).toEqual({ 1: 'overOpen', 2: 'number' });
    expect(c.remainderCents).toBe(-16);
  });
});

describe('the aging chart and the statement link', () => {
  it('has one bar per bucket, not due first, in 元 with exact ¥ labels', () => {
    const bars = agingBars({ notDueCents: 100, d0_30: 0, d31_60: 12345, d61_90: 0, d90_plus: 7 }, (b) => b);
    const option = agingOption(bars, 'open', (c) => `¥${c}`);
    expect(option.xAxis.data).toEqual(['notDueCents', 'd0_30', 'd31_60', 'd61_90', 'd90_plus']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([1, 0, 123.45, 0, 0.07]);
    expect(option.series[0].label.formatter({ dataIndex: 2 })).toBe('¥12345');
    expect(option.series[0].label.formatter({ dataIndex: 1 })).toBe('');
  });

  it('prints the period asked for', () => {
    expect(statementPrintPath(7, '2026-01-01', '2026-12-01')).toBe(
      '/print/settlement/statement?customerId=7&from=2026-01-01&to=2026-12-01',
    );
    expect(defaultPeriod('2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });
});
