import { describe, expect } from 'vitest';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';

test.override({ jobs: 'inline' });

async function validate(admin: TestClient, rows: unknown[][], headers = TEMPLATE_HEADERS) {
  const up = await upload(admin, '客户.xlsx', await xlsxBytes(headers, rows));
  const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
  return { up, v };
}

describe('import validation: errors by row and column', () => {
  test('names the spreadsheet row (header = row 1), the column header and the reason', async ({ admin }) => {
    const { v } = await validate(admin, [
      row({ 客户名称: '北京海淀科技有限公司', '统一社会信用代码/税号': uscc(1) }),
      row({ 客户名称: '上海浦东贸易有限公司', '统一社会信用代码/税号': '91310000MA1FL8XQ3' }), // 17 characters
      row({ 客户名称: '', 联系人: '王五' }),
      row({ 客户名称: '广州天河商行', 联系人: '赵六', 手机: '1381234567' }),
      row({ 客户名称: '深圳南山电子', 客户分类: '不存在的分类', 合同到期日: '2027-02-30', 省: '广东', 市: '北京' }),
    ]);
    expect(v).toMatchObject({ total: 5, validRows: 1, invalidRows: 4, errorCount: 6 });
    const brief = v.errors.map((e: any) => [e.row, e.column, e.messageKey]);
    expect(brief).toEqual([
      [3, '统一社会信用代码/税号', 'customers.validation.uscc'],
      [4, '客户名称', 'validation.required'],
      [5, '手机', 'customers.validation.mobile'],
      [6, '客户分类', 'import.errors.unknownLookup'],
      [6, '合同到期日', 'customers.validation.date'],
      [6, '市', 'import.errors.division'],
    ]);
    expect(v.errors[2].value).toBe('1381234567');
    expect(v.messageKeys).toContain('customers.validation.uscc');
  });

  test('cleans messy cells before checking them: full-width text, floats, spaces, Chinese labels', async ({
    admin,
  }) => {
    const { up, v } = await validate(admin, [
      row({
        客户名称: '　北京　海淀科技有限公司 ',
        客户性质: '个体工商户',
        '统一社会信用代码/税号': ` ${uscc(7).toLowerCase()} `,
        手机: '1.3812345678E10',
        联系人: '李娜',
        '信用额度(元)': '￥1,000.50',
        '信用期限(天)': '３０天',
        结算方式: '银行转账',
        专管业务员: '系统管理员',
        合同到期日: 46418,
        省: '北京',
        区: '海淀',
        邮编: 100080,
      }),
    ]);
    expect(v.errors).toEqual([]);
    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(r.imported).toBe(1);
    const found = await admin.ok('customer.search', { q: '13812345678' });
    const c = await admin.ok('customer.get', { id: found.items[0].id });
    expect(c).toMatchObject({
      name: '北京 海淀科技有限公司',
      nature: 'individualBusiness',
      taxId: uscc(7),
      creditLimitCents: 100050,
      creditDays: 30,
      contractEndDate: '2027-01-31',
      salespersonName: '系统管理员',
      contacts: [{ name: '李娜', mobile: '13812345678', isPrimary: true }],
      addresses: [
        {
          kind: 'registered',
          country: 'CN',
          provinceCode: '110000',
          cityCode: '110100',
          districtCode: '110108',
          postcode: '100080',
          isDefault: true,
        },
      ],
    });
  });

  test('the same tax ID or code twice in the file: the later rows are errors naming the first', async ({ admin }) => {
    const { v } = await validate(admin, [
      row({ 客户编码: 'A1', 客户名称: '甲公司', '统一社会信用代码/税号': uscc(2) }),
      row({ 客户编码: 'A2', 客户名称: '乙公司', '统一社会信用代码/税号': uscc(2) }),
      row({ 客户编码: 'a1', 客户名称: '丙公司' }),
      row({ 客户名称: '甲公司（有限责任公司）' }),
    ]);
    expect(v.errors.map((e: any) => [e.row, e.column, e.messageKey, e.params])).toEqual([
      [3, '统一社会信用代码/税号', 'import.errors.taxIdInFile', { row: 2 }],
      [4, '客户编码', 'import.errors.codeInFile', { row: 2 }],
    ]);
    // a similar name only warns: the row stays valid
    expect(v.warnings.map((w: any) => [w.row, w.column, w.messageKey, w.params])).toEqual([
      [5, '客户名称', 'import.warnings.nameInFile', { row: 2 }],
    ]);
    expect(v).toMatchObject({ validRows: 2, invalidRows: 2, warningRows: 1 });
  });

  test('against the archive: a taken tax ID or code is an error, a similar name a warning', async ({ admin }) => {
    await admin.ok('customer.create', { code: 'X1', name: '北京海淀科技有限公司', taxId: uscc(3) });
    const { v } = await validate(admin, [
      row({ 客户名称: '新公司', '统一社会信用代码/税号': uscc(3) }),
      row({ 客户编码: 'x1', 客户名称: '另一家' }),
      row({ 客户名称: '北京 海淀科技（有限责任公司）' }),
    ]);
    expect(v.errors.map((e: any) => [e.row, e.messageKey, e.params])).toEqual([
      [2, 'import.errors.taxIdTaken', { code: 'X1', name: '北京海淀科技有限公司' }],
      [3, 'import.errors.codeTaken', { code: 'X1', name: '北京海淀科技有限公司' }],
    ]);
    expect(v.warnings.map((w: any) => [w.row, w.messageKey])).toEqual([[4, 'import.warnings.similarName']]);
  });

  test('a mapping without 客户名称, or with a field twice, is refused before any row is read', async ({ admin }) => {
    const { up } = await validate(admin, [row({ 客户名称: '甲' })]);
    const noName = up.suggestedMapping.map((f) => (f === 'name' ? null : f));
    const v1 = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: noName });
    expect(v1.mappingErrors).toEqual([{ field: 'name', messageKey: 'import.errors.nameNotMapped' }]);
    const twice = up.suggestedMapping.map((f) => (f === 'shortName' ? 'name' : f));
    const v2 = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: twice });
    expect(v2.mappingErrors).toEqual([{ field: 'name', messageKey: 'import.errors.mappedTwice' }]);
    const run = await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: twice });
    expect(run).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', messageKey: 'import.errors.mappedTwice' } });
  });

  test('the user may map columns by hand (headers the matcher does not know)', async ({ admin }) => {
    const { up, v } = await validate(admin, [['甲公司', '13812345678', '张三']], ['公司', '联系手机', '对接人']);
    expect(up.suggestedMapping).toEqual(['name', null, null]);
    expect(v.errors).toEqual([]);
    const mapping: ChannelInput<'customer.importValidate'>['mapping'] = ['name', 'mobile', 'contactName'];
    const v2 = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping });
    expect(v2.errors).toEqual([]);
    await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping });
    const found = await admin.ok('customer.search', { q: '13812345678' });
    expect(found.items[0]).toMatchObject({ name: '甲公司', contactName: '张三', mobile: '13812345678' });
  });

  test('a title row above the column names is skipped; row numbers stay those of the sheet', async ({ admin }) => {
    const up = await upload(
      admin,
      't.xlsx',
      await xlsxBytes(['客户资料表（2026年）'], [[], ['客户名称', '手机', '联系人'], ['甲公司', '123', '张']]),
    );
    expect(up.headers).toEqual(['客户名称', '手机', '联系人']);
    expect(up.suggestedMapping).toEqual(['name', 'mobile', 'contactName']);
    const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(v.errors.map((e: any) => [e.row, e.column])).toEqual([[4, '手机']]);
  });

  test('a pilot-era USCC (wrong check character only) is a warning and the row imports; a bad shape stays an error', async ({
    admin,
  }) => {
    const { up, v } = await validate(admin, [
      row({ 客户名称: '厦门湖里试点企业', '统一社会信用代码/税号': '91350211M00013FA1N' }),
      row({ 客户名称: '厦门思明试点企业', '统一社会信用代码/税号': '91350203M0001QAY9B' }),
      row({ 客户名称: '格式错误企业', '统一社会信用代码/税号': '91350203M0001QAYIB' }),
    ]);
    expect(v.errors.map((e: any) => [e.row, e.column, e.messageKey])).toEqual([
      [4, '统一社会信用代码/税号', 'customers.validation.uscc'],
    ]);
    expect(v.warnings.map((w: any) => [w.row, w.column, w.messageKey, w.value])).toEqual([
      [2, '统一社会信用代码/税号', 'import.warnings.taxIdChecksum', '91350211M00013FA1N'],
      [3, '统一社会信用代码/税号', 'import.warnings.taxIdChecksum', '91350203M0001QAY9B'],
    ]);
    expect(v).toMatchObject({ validRows: 2, invalidRows: 1, warningRows: 2 });
    const warnings = await admin.ok('customer.importIssues', { uploadId: up.uploadId, kind: 'warning' });
    expect(warnings.total).toBe(2);

    const r = await admin.ok('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      mode: 'validOnly',
    });
    expect(r).toMatchObject({ imported: 2, skipped: 1 });
    const c = await admin.ok('customer.get', { id: 1 });
    expect(c.taxId).toBe('91350211M00013FA1N');
    // the log row of each imported customer keeps the warning, as a confirmed save in the form does
    const [entry] = (await admin.ok('customer.history', { id: c.id })).items;
    expect(entry.changes!.warnings).toEqual({ before: null, after: ['taxIdChecksum'] });
  });

  test('pages through many errors', async ({ admin }) => {
    const rows = Array.from({ length: 1500 }, (_x, i) => row({ 客户名称: `公司${i}`, 联系人: '张三', 手机: '12345' }));
    const { up, v } = await validate(admin, rows);
    expect(v.errorCount).toBe(1500);
    expect(v.errors).toHaveLength(100);
    const page = await admin.ok('customer.importIssues', {
      uploadId: up.uploadId,
      kind: 'error',
      offset: 990,
      limit: 20,
    });
    expect(page.total).toBe(1500);
    expect(page.items.map((e: any) => e.row)).toEqual(Array.from({ length: 20 }, (_x, i) => 992 + i));
  });
});
