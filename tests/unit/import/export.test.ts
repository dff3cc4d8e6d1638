import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { download, row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';

test.override({ jobs: 'inline' });

const full = (i: number) =>
  row({
    客户编码: `E${i}`,
    客户名称: `苏州工业园区${i}号精密机械有限公司`,
    简称: `苏州精密${i}`,
    客户性质: i % 2 ? '企业' : '个体工商户',
    客户分类: '经销商',
    行业: '制造业',
    地区: i % 3 ? '华东' : '华南',
    信用等级: 'B',
    '统一社会信用代码/税号': uscc(100 + i),
    法人代表: '顾',
    网址: 'https://sz.example.cn',
    开户银行: '苏州银行',
    银行账号: `62220000${String(i).padStart(8, '0')}`,
    '信用额度(元)': 1000 + i + 0.5,
    '信用期限(天)': 30,
    结算方式: '银行转账',
    付款条件: '月结',
    专管业务员: '系统管理员',
    合同到期日: new Date(Date.UTC(2027, 5, 1 + i)),
    备注: `第${i}号`,
    联系人: '陆',
    职务: '采购',
    手机: String(13700000000 + i),
    电话: '0512-6666 0000',
    邮箱: `lu${i}@example.cn`,
    省: '江苏省',
    市: '苏州市',
    区: '姑苏区',
    详细地址: `人民路${i}号`,
    邮编: '215000',
  });

async function importRows(
  client: TestClient,
  rows: unknown[][],
  name = 'x.xlsx',
  headers = TEMPLATE_HEADERS,
  bytes?: Buffer,
) {
  const up = await upload(client, name, bytes ?? (await xlsxBytes(headers, rows)));
  return client.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
}

async function allRecords(client: TestClient) {
  const list = await client.ok('customer.search', { limit: 500, sort: { field: 'code', order: 'asc' } });
  const out = [];
  for (const item of list.items) {
    const {
      id: _i,
      createdAt: _c,
      updatedAt: _u,
      contacts,
      addresses,
      ...rest
    } = await client.ok('customer.get', { id: item.id });
    out.push({
      ...rest,
      contacts: contacts.map(({ id: _x, ...c }: any) => c),
      addresses: addresses.map(({ id: _x, ...a }: any) => a),
    });
  }
  return out;
}

describe('export of the filtered list', () => {
  test('.xlsx with the template headers; importing it again gives back the same records', async ({ admin, newEnv }) => {
    await importRows(
      admin,
      Array.from({ length: 12 }, (_x, i) => full(i)),
    );
    const file = await admin.ok('customer.export', { format: 'xlsx' });
    expect(file).toMatchObject({ rows: 12, fileName: expect.stringMatching(/\.xlsx$/) });
    const bytes = await download(admin, file.fileId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // the template's columns, then the state columns (read, not imported)
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS, '状态', '停用原因', '停用时间']);
    expect(ws.getRow(2).getCell(24).value).toBe('13700000000');

    const before = await allRecords(admin);
    const other = await (await newEnv()).admin();
    const r = await importRows(other, [], '导出.xlsx', TEMPLATE_HEADERS, bytes);
    expect(r.imported).toBe(12);
    const after = await allRecords(other);
    expect(after).toEqual(before);
  });

  test('.csv (UTF-8 with BOM) round-trips too', async ({ admin, newEnv }) => {
    await importRows(
      admin,
      Array.from({ length: 5 }, (_x, i) => full(i)),
    );
    const file = await admin.ok('customer.export', { format: 'csv' });
    const bytes = await download(admin, file.fileId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('客户编码,客户名称,简称');
    const before = await allRecords(admin);
    const other = await (await newEnv()).admin();
    await importRows(other, [], '导出.csv', TEMPLATE_HEADERS, bytes);
    expect(await allRecords(other)).toEqual(before);
  });

  test('exports what the list shows for the same filters and search text', async ({ admin }) => {
    await importRows(
      admin,
      Array.from({ length: 9 }, (_x, i) => full(i)),
    );
    const lists = await admin.ok('lookup.list', { kinds: ['region'] });
    const south = lists.items.find((l) => l.name === '华南')!.id;
    const listed = await admin.ok('customer.search', { filters: { regionId: south } });
    const file = await admin.ok('customer.export', { filters: { regionId: south }, format: 'csv' });
    expect(file.rows).toBe(listed.total);
    expect(file.rows).toBe(3);
    const text = (await download(admin, file.fileId)).toString('utf8');
    expect(
      text
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['E0', 'E3', 'E6']);

    const byText = await admin.ok('customer.export', { q: '精密机械', filters: { regionId: south }, format: 'csv' });
    expect(byText.rows).toBe(3);
    const none = await admin.ok('customer.export', { q: '没有这个', format: 'csv' });
    expect(none.rows).toBe(0);
  });

  test('the template downloads with the Chinese headers and an example row that passes validation', async ({
    admin,
  }) => {
    const t = await admin.ok('customer.importTemplate', {});
    const bytes = await download(admin, t.fileId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADERS);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', '可选值', '填写说明']);
    const up = await upload(admin, t.fileName, bytes);
    expect(up.rowCount).toBe(1);
    const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(v.errors).toEqual([]);
  });

  test('the rows with errors download as .xlsx: original cells, row number, translated reasons', async ({ admin }) => {
    const up = await upload(
      admin,
      'bad.xlsx',
      await xlsxBytes(TEMPLATE_HEADERS, [
        row({ 客户名称: '好' }),
        row({ 客户名称: '坏', 联系人: '甲', 手机: '12345' }),
        row({ 客户名称: '', 备注: '无名' }),
      ]),
    );
    const texts = {
      'customers.validation.mobile': '手机号不正确',
      'validation.required': '必填',
      'import.errorsFile.row': '原行号',
      'import.errorsFile.reasons': '错误原因',
      'import.errorsFile.fileSuffix': '错误行',
    };
    const f = await admin.ok('customer.importErrorsFile', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      texts,
    });
    expect(f).toMatchObject({ rows: 2, fileName: 'bad-错误行.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(admin, f.fileId)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['原行号', '错误原因']);
    const n = header.length;
    expect([ws.getRow(2).getCell(2).value, ws.getRow(2).getCell(n - 1).value, ws.getRow(2).getCell(n).value]).toEqual([
      '坏',
      3,
      '手机：手机号不正确',
    ]);
    expect([ws.getRow(3).getCell(21).value, ws.getRow(3).getCell(n - 1).value, ws.getRow(3).getCell(n).value]).toEqual([
      '无名',
      4,
      '客户名称：必填',
    ]);
  });

  test('a file made for one user cannot be fetched by another', async ({ env, admin }) => {
    const t = await admin.ok('customer.importTemplate', {});
    const other = await env.userWithRoles('fin', ['finance']);
    const r = await other.call('customer.downloadFile', { fileId: t.fileId });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
