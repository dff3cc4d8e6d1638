import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../electron/core/customers/customer.rules';
import { IMPORT_COLUMNS } from '../../electron/core/customers/import/import.contract';
import { expect, test } from './fixtures';
import { callDirect, createAdmin } from './steps';

// Issue 3, acceptance 2: import an .xlsx with 200 rows of which 3 are invalid: the errors name the
// rows; the valid rows arrive after the user chooses to import them; export gives back the same data.

const HEADERS: string[] = IMPORT_COLUMNS.map((c) => c.header);
const SHOTS = path.resolve(__dirname, '../../test-results/e2e/customers-import');

function uscc(n: number): string {
  const first17 = `9133010${String(n).padStart(10, '0')}`;
  return first17 + usccCheckChar(first17);
}

interface Customer {
  code: string;
  name: string;
  taxId: string;
  contact: string;
  mobile: string;
  creditLimit: number;
  creditDays: number;
  contractEnd: string;
  category: string;
  district: string;
  street: string;
}

/** 200 customers; rows 57, 102 and 152 of the sheet (header = row 1) are wrong. */
function customers(): { rows: unknown[][]; valid: Customer[] } {
  const rows: unknown[][] = [];
  const valid: Customer[] = [];
  for (let i = 0; i < 200; i++) {
    const c: Customer = {
      code: `IMP${String(i + 1).padStart(3, '0')}`,
      name: `杭州西湖${i + 1}号贸易有限公司`,
      taxId: uscc(i + 1),
      contact: `联系人${i + 1}`,
      mobile: String(13900000000 + i),
      creditLimit: 1000 * (i + 1) + 0.5,
      creditDays: [0, 15, 30, 60][i % 4],
      contractEnd: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
      category: ['批发客户', '零售客户', '经销商'][i % 3],
      district: ['西湖区', '上城区', '滨江区'][i % 3],
      street: `文三路${i + 1}号`,
    };
    const cells: Record<string, unknown> = {
      客户编码: c.code,
      客户名称: c.name,
      客户性质: '企业',
      客户分类: c.category,
      '统一社会信用代码/税号': c.taxId,
      '信用额度(元)': c.creditLimit,
      '信用期限(天)': c.creditDays,
      合同到期日: new Date(`${c.contractEnd}T00:00:00Z`),
      联系人: c.contact,
      // as offices type mobiles: into number cells
      手机: Number(c.mobile),
      省: '浙江省',
      市: '杭州市',
      区: c.district,
      详细地址: c.street,
    };
    const sheetRow = i + 2;
    if (sheetRow === 57) cells['统一社会信用代码/税号'] = `${c.taxId.slice(0, 17)}${c.taxId[17] === 'X' ? 'Y' : 'X'}`;
    else if (sheetRow === 102) cells.客户名称 = '';
    else if (sheetRow === 152) cells.手机 = '1390000';
    else valid.push(c);
    rows.push(HEADERS.map((h) => cells[h] ?? null));
  }
  return { rows, valid };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('import 200 rows with 3 invalid, valid rows only, export gives back the same data', async ({ page, app }) => {
  test.setTimeout(150_000);
  const { rows, valid } = customers();
  const file = await workbook(rows);

  await page.goto(app.openUrl);
  await createAdmin(page);

  // ── upload ──────────────────────────────────────────────────────────────────────────────────
  await page.goto(`${app.url}/#/customers-import`);
  await expect(page.getByRole('heading', { name: '客户导入 / 导出' })).toBeVisible();
  await expect(page.getByRole('button', { name: '下载导入模板' })).toBeVisible();
  await shot(page, '1-upload');
  await page.locator('input[type=file]').setInputFiles({
    name: '十月新客户.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });

  // ── mapping + preview ───────────────────────────────────────────────────────────────────────
  await expect(page.getByText('文件“十月新客户.xlsx”：共 200 行数据，31 列')).toBeVisible();
  // every header of the template was recognised
  await expect(page.getByLabel('“手机”列导入为', { exact: true })).toBeVisible();
  await expect(page.locator('.ant-select-selection-item', { hasText: '（不导入）' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '杭州西湖1号贸易有限公司' }).first()).toBeVisible();
  await shot(page, '2-mapping');
  await page.getByRole('button', { name: '下一步：检查数据' }).click();

  // ── the check: errors by row, column and reason ─────────────────────────────────────────────
  await expect(page.getByText('有 3 行存在错误（共 3 处）')).toBeVisible();
  const errors = page.getByRole('tabpanel').first();
  await expect(errors.getByRole('row').filter({ hasText: '第 57 行' })).toContainText('统一社会信用代码无效');
  await expect(errors.getByRole('row').filter({ hasText: '第 102 行' })).toContainText('客户名称');
  await expect(errors.getByRole('row').filter({ hasText: '第 102 行' })).toContainText('此项为必填项');
  await expect(errors.getByRole('row').filter({ hasText: '第 152 行' })).toContainText('手机号码格式不正确');
  // all-or-nothing (the default) is not possible with errors
  await expect(page.getByRole('radio', { name: /全部导入/ })).toBeChecked();
  await expect(page.getByRole('button', { name: /开始导入/ })).toBeDisabled();
  await shot(page, '3-check');

  // the rows with errors download as .xlsx with their row numbers
  const [errorsDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载错误行（.xlsx）' }).click(),
  ]);
  expect(errorsDownload.suggestedFilename()).toBe('十月新客户-错误行.xlsx');
  const errorsBook = new ExcelJS.Workbook();
  await errorsBook.xlsx.readFile(await errorsDownload.path());
  const errorsSheet = errorsBook.worksheets[0];
  expect(errorsSheet.rowCount).toBe(4);
  expect([2, 3, 4].map((r) => errorsSheet.getRow(r).getCell(HEADERS.length + 1).value)).toEqual([57, 102, 152]);

  // ── import the valid rows only ──────────────────────────────────────────────────────────────
  await page.getByRole('radio', { name: /仅导入有效行/ }).check();
  await page.getByRole('button', { name: '开始导入（197 行）' }).click();
  await expect(page.getByText('已导入 197 个客户')).toBeVisible();
  await expect(page.getByText('跳过 3 行错误数据。')).toBeVisible();
  await shot(page, '4-done');

  const listed = await callDirect(page, 'customer.search', { q: '西湖' });
  expect(listed.data.total).toBe(197);
  await page.getByRole('button', { name: '查看客户列表' }).click();
  await expect(page.getByText('共 197 条')).toBeVisible();
  await expect(page.getByText('IMP001', { exact: true })).toBeVisible();

  // ── export, and read the file back ──────────────────────────────────────────────────────────
  await page.goto(`${app.url}/#/customers-import?tab=export`);
  await expect(page.getByRole('tab', { name: '导出', selected: true })).toBeVisible();
  await shot(page, '5-export');
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出$/ }).click(),
  ]);
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await exported.path());
  const sheet = book.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
  const col = (h: string) => HEADERS.indexOf(h) + 1;
  const back: Customer[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const v = (h: string) => r.getCell(col(h)).value;
    back.push({
      code: String(v('客户编码')),
      name: String(v('客户名称')),
      taxId: String(v('统一社会信用代码/税号')),
      contact: String(v('联系人')),
      mobile: String(v('手机')),
      creditLimit: Number(v('信用额度(元)')),
      creditDays: Number(v('信用期限(天)')),
      contractEnd: (v('合同到期日') as Date).toISOString().slice(0, 10),
      category: String(v('客户分类')),
      district: String(v('区')),
      street: String(v('详细地址')),
    });
    expect([v('客户性质'), v('省'), v('市')]).toEqual(['企业', '浙江省', '杭州市']);
  });
  expect(back).toEqual(valid);
});
