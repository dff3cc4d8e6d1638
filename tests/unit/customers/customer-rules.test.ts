import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidUscc,
  normalizeCustomerName,
  normalizeMobile,
  normalizeTaxId,
  usccCheckChar,
} from '../../../electron/core/customers/shared/customer.rules';
import { yuanToCents } from '../../../electron/core/shared/money';
import { customerCreateSchema, mobileSchema, usccChecksumWarning } from '../../../electron/core/customers/shared/customers.contract';

describe('统一社会信用代码 (USCC) check character', () => {
  it('accepts published codes and rejects a changed character', () => {
    // real registrations: 阿里巴巴(中国)有限公司, 腾讯科技(深圳)有限公司, 华为技术有限公司
    for (const code of ['91330100716105852F', '9144030071526726XG', '914403001922038216']) {
      expect(isValidUscc(code), code).toBe(true);
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      expect(isValidUscc(wrong), wrong).toBe(false);
    }
  });

  it('rejects wrong length and letters outside the alphabet (I, O, Z, S, V)', () => {
    expect(isValidUscc('91330100716105852')).toBe(false);
    expect(isValidUscc('91330100716105852FF')).toBe(false);
    expect(isValidUscc('9133010071610585IF')).toBe(false);
    expect(usccCheckChar('9133010071610585O')).toBeNull();
  });

  it('every 17-character body has exactly one valid check character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }), (chars) => {
        const body = chars.join('');
        const valid = [...alphabet].filter((c) => isValidUscc(body + c));
        expect(valid).toEqual([usccCheckChar(body)]);
      }),
    );
  });

  it('normalises typed tax IDs: full-width, spaces, dashes, lower case', () => {
    expect(normalizeTaxId(' ９１３３ 0100-716105852f ')).toBe('91330100716105852F');
  });
});

describe('customer name normalisation (duplicate detection)', () => {
  it('folds full-width, spaces, brackets and legal suffixes', () => {
    const same = [
      '北京海淀科技有限公司',
      '北京海淀科技有限责任公司',
      '北京 海淀科技 （有限公司）',
      '北京海淀科技股份有限公司',
      '北京海淀科技',
      '　北京海淀科技有限公司　',
    ];
    for (const n of same) expect(normalizeCustomerName(n), n).toBe('北京海淀科技');
  });

  it('keeps names that differ in substance apart', () => {
    expect(normalizeCustomerName('北京海淀科技有限公司')).not.toBe(normalizeCustomerName('北京海淀软件有限公司'));
    expect(normalizeCustomerName('ABC Trading Co., Ltd.')).toBe('abctrading');
    expect(normalizeCustomerName('ＡＢＣ　Trading Limited')).toBe('abctrading');
  });

  it('does not strip a name down to nothing', () => {
    expect(normalizeCustomerName('有限公司')).toBe('有限公司');
  });
});

describe('money and phones from messy input', () => {
  it('turns yuan into integer cents without float drift', () => {
    expect(yuanToCents('1,234.56')).toBe(123456);
    expect(yuanToCents('￥50000')).toBe(5000000);
    expect(yuanToCents('０.１')).toBe(10);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(yuanToCents(1234.5)).toBe(123450);
    expect(yuanToCents(1.005)).toBeNull(); // not a whole number of cents: say so, do not guess
    expect(yuanToCents('12.345')).toBeNull();
    expect(yuanToCents('abc')).toBeNull();
  });

  it('normalises mainland mobiles and validates them', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(mobileSchema.parse('１３８１２３４５６７８')).toBe('13812345678');
    expect(mobileSchema.parse('')).toBeNull();
    expect(mobileSchema.safeParse('1381234567').success).toBe(false); // 10 digits
    expect(mobileSchema.safeParse('12812345678').success).toBe(false); // no 12x mobiles
    expect(mobileSchema.parse('+44 7700 900123')).toBe('+447700900123'); // foreign numbers kept
  });
});

describe('customer record schema', () => {
  const base = { name: '杭州鑫源贸易有限公司', nature: 'enterprise' as const };

  it('requires a USCC of the right shape for a Chinese organisation', () => {
    for (const taxId of ['9133010071610585', '9133010071610585IF', 'G12345678']) {
      const r = customerCreateSchema.safeParse({ ...base, taxId });
      expect(r.success, taxId).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['taxId', 'customers.validation.uscc']]);
    }
    expect(customerCreateSchema.safeParse({ ...base, taxId: '91330100716105852F' }).success).toBe(true);
  });

  it('leaves a wrong check character alone to the confirmation (usccChecksumWarning), never to the shape rule', () => {
    const pilot = { ...base, taxId: '91350211M00013FA1N' };
    const parsed = customerCreateSchema.parse(pilot);
    expect(usccChecksumWarning(parsed)).toBe('taxIdChecksum');
    expect(usccChecksumWarning(customerCreateSchema.parse({ ...base, taxId: '91330100716105852F' }))).toBeNull();
    // not a USCC at all: a person's or a foreign tax ID of another length
    expect(usccChecksumWarning(customerCreateSchema.parse({ ...base, nature: 'person', taxId: 'G12345678' }))).toBeNull();
  });

  it('allows other tax-ID formats for people and foreign customers', () => {
    expect(customerCreateSchema.safeParse({ ...base, nature: 'person', taxId: 'G12345678' }).success).toBe(true);
    const foreign = {
      ...base,
      taxId: 'DE123456789',
      addresses: [{ kind: 'registered', country: 'DE', street: 'Hauptstr. 1' }],
    };
    expect(customerCreateSchema.safeParse(foreign).success).toBe(true);
  });

  it('allows one primary contact and one default address per kind', () => {
    const two = { ...base, contacts: [{ name: '甲', isPrimary: true }, { name: '乙', isPrimary: true }] };
    expect(customerCreateSchema.safeParse(two).error?.issues[0].message).toBe('customers.validation.onePrimaryContact');
  });
});
