import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../electron/core/import/shared/import.contract';
import { expect, test } from './fixtures';
import { callDirect, createAdmin } from './steps';

// Issue 12, item 9: the operation log after a working day — customers created, edited, frozen,
// deactivated and reactivated, an import, a user changed, settings, a review — names each
// customer by code and name (a link to it), shows no English or codes in zh-CN, and fits at 1280 px.

const SHOTS = process.env.KEHU_SHOTS;

async function ok(page: Page, channel: string, input: unknown) {
  const r = await callDirect(page, channel, input);
  expect(r.ok, `${channel}: ${JSON.stringify(r)}`).toBe(true);
  return r.data;
}

async function lookupId(page: Page, kind: string, name: string): Promise<number> {
  const { items } = await ok(page, 'lookup.list', { kinds: [kind] });
  return items.find((i: { name: string }) => i.name === name).id;
}

async function importFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  ws.addRow(headers);
  const at = (values: Record<string, unknown>) => headers.map((h) => values[h] ?? null);
  ws.addRow(at({ 客户名称: '上海浦东贸易有限公司', 联系人: '李娜', 手机: 13812345679 }));
  ws.addRow(at({ 客户名称: '广州天河商行', '统一社会信用代码/税号': '123' }));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A working day through the channels (the screens for these are tested in their own specs). */
async function workingDay(page: Page) {
  const category = await lookupId(page, 'category', '大客户');
  const fields = {
    name: '北京海淀科技有限公司',
    nature: 'enterprise',
    categoryId: category,
    contacts: [{ name: '张伟', title: '采购经理', mobile: '13812345678', isPrimary: true }],
    addresses: [
      {
        kind: 'registered',
        country: 'CN',
        provinceCode: '110000',
        cityCode: '110100',
        districtCode: '110108',
        street: '中关村大街1号',
      },
    ],
    creditLimitCents: 5_000_000,
    creditDays: 30,
    memo: '重点客户，年度框架协议客户，每季度对账一次，开票信息以合同附件为准',
  };
  const created = await ok(page, 'customer.create', fields);
  const edited = await ok(page, 'customer.update', {
    ...fields,
    id: created.id,
    version: created.version,
    nature: 'individualBusiness',
    creditLimitCents: 8_000_000,
  });
  const risk = await lookupId(page, 'deactivationReason', '信用风险');
  const other = await lookupId(page, 'deactivationReason', '其他');
  await ok(page, 'customer.freeze', { ids: [edited.id], reasonId: risk, memo: '逾期三个月' });
  await ok(page, 'customer.unfreeze', { ids: [edited.id], memo: '已结清' });
  await ok(page, 'customer.deactivate', { ids: [edited.id], reasonId: other, memo: '暂停合作' });
  await ok(page, 'customer.reactivate', { ids: [edited.id], memo: '重新签约' });
  const up = await ok(page, 'customer.importUpload', { fileName: '十月客户.xlsx', dataBase64: await importFile() });
  await ok(page, 'customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
  const user = await ok(page, 'user.create', {
    username: 'wangwu',
    displayName: '王五',
    password: 'correct-horse-1',
    roles: ['clerk'],
  });
  await ok(page, 'user.update', {
    id: user.id,
    version: user.version,
    displayName: '王五',
    roles: ['clerk', 'finance'],
  });
  await ok(page, 'settings.updateSecurity', { lockoutThreshold: 6, lockoutMinutes: 20, sessionIdleMinutes: 45 });
  const { settings } = await ok(page, 'review.getSettings', {});
  await ok(page, 'review.updateSettings', { ...settings, intervalMonths: 6 });
  await ok(page, 'review.start', {});
  return edited as { id: number; code: string; name: string };
}

/** Latin words in the log's table that are not data (codes like C000001, mnemonics, user names, file names). */
async function englishIn(page: Page): Promise<string[]> {
  const text = (await page.locator('.ant-table-tbody').textContent()) ?? '';
  const words = text.match(/[A-Za-z][A-Za-z_-]+/g) ?? [];
  return words.filter((w) => !/^([A-Z0-9]+|admin|wangwu|xlsx)$/.test(w));
}

test('operation log: customers by code and name, everything in Chinese, columns that fit', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const customer = await workingDay(page);

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  const freezeRow = page.getByRole('row').filter({ hasText: '冻结' }).filter({ hasText: '逾期三个月' });
  await expect(freezeRow).toHaveCount(1);
  // the customer by code and name, linking to its page; the reason and the memo in 原因
  await expect(freezeRow.getByRole('link', { name: `${customer.code} ${customer.name}` })).toBeVisible();
  await expect(freezeRow).toContainText('信用风险');
  await expect(freezeRow).toContainText('备注：逾期三个月');
  await expect(freezeRow).toContainText('状态：正常 → 冻结');
  await expect(page.getByRole('row').filter({ hasText: '导入方式：仅导入有效行' })).toHaveCount(1);
  expect(await englishIn(page)).toEqual([]);

  // the columns keep their width: no cell of 用户, 对象 or 动作 is narrower than two characters
  for (const name of ['用户', '对象', '动作']) {
    const box = await page.getByRole('columnheader', { name, exact: true }).boundingBox();
    expect(box?.width ?? 0, name).toBeGreaterThan(90);
  }
  // nothing runs off the right edge at 1280 px
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/audit-zh-CN.png` });
    await page.screenshot({ path: `${SHOTS}/audit-zh-CN-full.png`, fullPage: true });
  }

  await freezeRow.getByRole('link', { name: `${customer.code} ${customer.name}` }).click();
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();

  if (SHOTS) {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Operation log' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'State: Active → Frozen' })).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/audit-en.png` });
  }
});
