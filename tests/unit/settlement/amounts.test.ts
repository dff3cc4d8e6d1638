import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  lineAmount,
  lineTax,
  parseScaled,
  wasRounded,
} from '../../../electron/core/settlement/shared/amounts';

describe('exact amounts (分, thousandths, ten-thousandths)', () => {
  it('reads money as people type it: full-width digits, separators, ¥ and 元', () => {
    expect(parseScaled('1,234.5', 2)).toEqual({ ok: true, value: 123450n });
    expect(parseScaled('１２３４．５６', 2)).toEqual({ ok: true, value: 123456n });
    expect(parseScaled('¥ 1，000', 2)).toEqual({ ok: true, value: 100000n });
    expect(parseScaled('￥12.30元', 2)).toEqual({ ok: true, value: 1230n });
    expect(parseScaled('RMB 0.05', 2)).toEqual({ ok: true, value: 5n });
    expect(parseScaled('-3.5', 3)).toEqual({ ok: true, value: -3500n });
    expect(parseScaled('.5', 2)).toEqual({ ok: true, value: 50n });
    expect(parseScaled('1.230', 2)).toEqual({ ok: true, value: 123n });
  });

  it('refuses too many decimals (never rounds them away), exponents, words and the empty text', () => {
    expect(parseScaled('1.234', 2)).toEqual({ ok: false, key: 'settlement.validation.decimals' });
    expect(parseScaled('0.00001', 4)).toEqual({ ok: false, key: 'settlement.validation.decimals' });
    expect(parseScaled('1.2E+3', 2)).toEqual({ ok: false, key: 'settlement.validation.number' });
    expect(parseScaled('一百', 2)).toEqual({ ok: false, key: 'settlement.validation.number' });
    expect(parseScaled('', 2)).toEqual({ ok: false, key: 'settlement.validation.number' });
    expect(parseScaled('.', 2)).toEqual({ ok: false, key: 'settlement.validation.number' });
    expect(parseScaled('1234567890123456', 2)).toEqual({ ok: false, key: 'settlement.validation.tooLarge' });
  });

  it('rounds quantity × price once to the 分, half away from zero, and says when it did', () => {
    // 3 × 0.3333 元 = 0.9999 元 → 1.00
    expect(lineAmount(3000n, 3333n)).toBe(100);
    expect(wasRounded(3000n, 3333n)).toBe(true);
    // 2.5 × 0.0123 = 0.03075 → 0.03 (0.3075 分 rounds down)
    expect(lineAmount(2500n, 123n)).toBe(3);
    // exactly half a 分: 0.005 元 = 1 × 0.005 → 0.01; and −0.005 → −0.01
    expect(lineAmount(1000n, 50n)).toBe(1);
    expect(lineAmount(-1000n, 50n)).toBe(-1);
    // 0.0049 元 → 0
    expect(lineAmount(1000n, 49n)).toBe(0);
    expect(lineAmount(1000n, 1_000_000n)).toBe(10000);
    expect(wasRounded(1000n, 1_000_000n)).toBe(false);
    expect(lineAmount(1_000_000_000_000n, 1_000_000_000_000_000n)).toBeNull();
  });

  it('taxes at basis points, rounded once', () => {
    expect(lineTax(10000, 1300)).toBe(1300);
    expect(lineTax(1, 1300)).toBe(0);
    expect(lineTax(4, 1300)).toBe(1); // 0.52 分 → 1
    expect(lineTax(-4, 1300)).toBe(-1);
    expect(lineTax(333, 600)).toBe(20); // 19.98 → 20
  });

  it('writes 大写 as banks do', () => {
    expect(amountInWords(100500)).toBe('壹仟零伍元整');
    expect(amountInWords(5)).toBe('伍分');
    expect(amountInWords(10000010)).toBe('壹拾万元壹角');
    expect(amountInWords(123456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInWords(10000)).toBe('壹佰元整');
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(101)).toBe('壹元零壹分');
    expect(amountInWords(1000000000)).toBe('壹仟万元整');
    expect(amountInWords(10000100)).toBe('壹拾万零壹元整');
    expect(amountInWords(-5000)).toBe('负伍拾元整');
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
