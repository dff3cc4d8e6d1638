import { describe, expect, it } from 'vitest';
import {
  cellText,
  centsCell,
  dateCell,
  digitsCell,
  excelSerialToDate,
  intCell,
  isoDate,
  postcodeCell,
} from '../../../electron/core/spreadsheet/cells';
import { resolveDivision } from '../../../electron/core/import/areas';

describe('messy cells', () => {
  it('mobiles that a spreadsheet turned into numbers come back as digits', () => {
    expect(digitsCell(13812345678)).toEqual({ ok: true, value: '13812345678' });
    expect(digitsCell('13812345678.0')).toEqual({ ok: true, value: '13812345678' });
    expect(digitsCell('1.3812345678E10')).toEqual({ ok: true, value: '13812345678' });
    expect(digitsCell('1.3812345678e+10')).toEqual({ ok: true, value: '13812345678' });
    expect(digitsCell(' １３８１２３４５６７８ ')).toEqual({ ok: true, value: '13812345678' });
  });

  it('refuses numbers that lost digits instead of guessing them', () => {
    // what a narrow Excel column displays, saved as CSV: the last digits are gone
    expect(digitsCell('1.38123E+10')).toEqual({ ok: false, messageKey: 'import.errors.scientific' });
    // a 19-digit bank account typed into a number cell keeps only 15 significant digits
    expect(digitsCell(6222020200112233000)).toEqual({ ok: false, messageKey: 'import.errors.numberPrecision' });
  });

  it('numbers become text without float noise', () => {
    expect(cellText(1234.5000000000002)).toBe('1234.5');
    expect(cellText(100080)).toBe('100080');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2027, 0, 31)))).toBe('2027-01-31');
  });

  it('postcodes get back the leading zero a number cell dropped', () => {
    expect(postcodeCell(10020)).toBe('010020');
    expect(postcodeCell(100080)).toBe('100080');
    expect(postcodeCell('010020')).toBe('010020');
  });

  it('dates from date cells, Excel serials, numbers and Chinese text', () => {
    expect(dateCell(new Date(Date.UTC(2027, 0, 31)))).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell(46418)).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell(20270131)).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('2027/1/31')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('2027.1.31')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('2027年1月31日')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('２０２７－０１－３１')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('2027-01-31 00:00:00')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('20270131')).toEqual({ ok: true, value: '2027-01-31' });
    expect(dateCell('  ')).toEqual({ ok: true, value: null });
    expect(dateCell('2027-02-30')).toEqual({ ok: false, messageKey: 'customers.validation.date' });
    expect(dateCell('下个月')).toEqual({ ok: false, messageKey: 'customers.validation.date' });
  });

  it('Excel serials: the 1900 leap-year bug and the 1904 system', () => {
    expect(isoDate(excelSerialToDate(1))).toBe('1900-01-01');
    expect(isoDate(excelSerialToDate(59))).toBe('1900-02-28');
    expect(isoDate(excelSerialToDate(61))).toBe('1900-03-01');
    expect(isoDate(excelSerialToDate(45000))).toBe('2023-03-15');
    expect(isoDate(excelSerialToDate(45000 - 1462, true))).toBe('2023-03-15');
  });

  it('amounts in yuan become cents', () => {
    expect(centsCell(12345.67)).toEqual({ ok: true, value: 1234567 });
    expect(centsCell('¥1,234.50')).toEqual({ ok: true, value: 123450 });
    expect(centsCell('１２３４．５元')).toEqual({ ok: true, value: 123450 });
    expect(centsCell('5万')).toEqual({ ok: true, value: 5_000_000 });
    expect(centsCell('')).toEqual({ ok: true, value: null });
    expect(centsCell('12.345')).toEqual({ ok: false, messageKey: 'import.errors.amount' });
    expect(centsCell('很多')).toEqual({ ok: false, messageKey: 'import.errors.amount' });
  });

  it('whole numbers: 30, "30天", 30.0', () => {
    expect(intCell(30)).toEqual({ ok: true, value: 30 });
    expect(intCell('30天')).toEqual({ ok: true, value: 30 });
    expect(intCell('30.0')).toEqual({ ok: true, value: 30 });
    expect(intCell(30.5)).toEqual({ ok: false, messageKey: 'import.errors.integer' });
  });
});

describe('places by name', () => {
  it('finds codes with or without the suffix, inside the parent', () => {
    expect(resolveDivision({ province: '北京', city: '北京市', district: '海淀' })).toEqual({
      ok: true,
      provinceCode: '110000',
      cityCode: '110100',
      districtCode: '110108',
    });
    expect(resolveDivision({ province: '广西', city: '', district: '' })).toMatchObject({ ok: true, provinceCode: '450000' });
    expect(resolveDivision({ province: '广东省', city: '深圳', district: '南山区' })).toMatchObject({ ok: true, districtCode: '440305' });
  });

  it('a district alone fills in its city and province; unknown names name their column', () => {
    expect(resolveDivision({ province: '', city: '', district: '海淀区' })).toEqual({
      ok: true,
      provinceCode: '110000',
      cityCode: '110100',
      districtCode: '110108',
    });
    expect(resolveDivision({ province: '北京', city: '深圳', district: '' })).toEqual({ ok: false, field: 'city' });
    expect(resolveDivision({ province: '火星', city: '', district: '' })).toEqual({ ok: false, field: 'province' });
  });
});
