import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Archive, expectFeedback, pdfToPngs, scanField, seedArchive, SimScanner, storedScans } from './stocktake-steps';
import { callDirect, createAdmin, pickOption } from './steps';

// Issue 16, acceptance 1 and 2: the customer stocktake with a USB scanner, simulated in Chromium
// (scanner-sim.ts: CDP key events at 5 ms per character, then Enter; the IME variant as a Chinese
// input method sends them).

const SHOTS = '/tmp/shots/proof';
const GAP = 5;

function rowOf(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

/** The 30 scans of acceptance 1: 27 customers, one of them again, an unknown code, the deactivated customer. */
function scansOf(a: Archive) {
  const found = a.active.slice(0, 27).map((c) => ({ code: c.code, expect: `已盘到 ${c.code} ${c.name}` }));
  const dup = a.active[3];
  return [
    ...found.slice(0, 10),
    { code: dup.code, expect: `重复扫描：${dup.code} ${dup.name}（第 2 次）` },
    ...found.slice(10, 20),
    { code: a.unknownCode, expect: `未知编码 ${a.unknownCode}` },
    ...found.slice(20),
    { code: a.deactivated.code, expect: `已停用客户 ${a.deactivated.code} ${a.deactivated.name}` },
  ];
}

/** Opens the customer list filtered to the category's 正常 customers, ticks them all, clicks 盘点 and creates and starts the stocktake. */
async function createFromCustomerList(page: Page, origin: string, a: Archive, name: string): Promise<number> {
  await page.goto(`${origin}/#/customers`);
  const category = page.getByRole('combobox', { name: '客户分类' });
  await category.click();
  await pickOption(page.locator('.ant-select-dropdown:visible').getByText(a.categoryName, { exact: true }));
  const status = page.getByRole('combobox', { name: '状态' });
  await status.click();
  await pickOption(page.locator('.ant-select-dropdown:visible').getByText('正常', { exact: true }));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: `选择 ${a.active[0].code} ${a.active[0].name}` })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `选择 ${a.deactivated.code} ${a.deactivated.name}` })).toHaveCount(0);
  await page.getByRole('checkbox', { name: '全选' }).check();
  await page.getByRole('button', { name: `盘点（${a.active.length}）` }).click();
  const dialog = page.getByRole('dialog', { name: '新建盘点' });
  await expect(dialog).toContainText(`勾选的客户（${a.active.length} 位）`);
  await dialog.getByLabel('名称', { exact: true }).fill(name);
  await dialog.getByRole('button', { name: '创建并开始盘点' }).click();
  await expect(page).toHaveURL(/#\/stocktake\/\d+$/);
  return Number(page.url().match(/stocktake\/(\d+)$/)![1]);
}

test('acceptance 1: stocktake from the customer list, 30 scans at 5 ms per character, note, correction, reconcile, complete, export', async ({
  page,
  app,
}) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-stocktake-e2e-'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const a = await seedArchive(page, 31);

  // ── create over one category from the customer list ───────────────────────────────────────
  const id = await createFromCustomerList(page, app.url, a, '四季度客户盘点');
  const field = await scanField(page);
  await expect(field).toBeFocused();
  await expect(page.getByLabel('已盘 0 / 应盘 31')).toBeVisible();

  // ── 30 scans at 5 ms per character, each feedback seen ────────────────────────────────────
  const scanner = await SimScanner.attach(page);
  const scans = scansOf(a);
  expect(scans).toHaveLength(30);
  for (const s of scans) {
    await scanner.scan(s.code, { gapMs: GAP, shiftKeys: true });
    await expectFeedback(page, s.expect);
  }
  await page.screenshot({ path: path.join(SHOTS, 'stocktake-1-counted.png') });
  // progress: 27 of the 31 expected (the duplicate counts once; unknown and deactivated are not expected)
  await expect(page.getByLabel('已盘 27 / 应盘 31')).toBeVisible();
  const stored = await storedScans(page, id);
  expect(stored.map((s) => s.code).sort()).toEqual(scans.map((s) => s.code).sort());
  expect(stored.filter((s) => s.result === 'duplicate')).toHaveLength(1);
  expect(stored.filter((s) => s.result === 'unknown').map((s) => s.code)).toEqual([a.unknownCode]);
  expect(stored.filter((s) => s.result === 'deactivated').map((s) => s.code)).toEqual([a.deactivated.code]);
  // recognised as scanner bursts by their timing (soft: the rest of the journey still runs)
  expect.soft(stored.filter((s) => s.source !== 'scanner').map((s) => s.code)).toEqual([]);

  // ── a note with evidence 合同 on one line ─────────────────────────────────────────────────
  const noted = a.active[4];
  // the lines are paged newest first: find the line by its code
  const linesSearch = page.getByRole('searchbox', { name: '按编码或名称查找' }).or(page.getByLabel('按编码或名称查找'));
  await linesSearch.first().fill(noted.code);
  await rowOf(page, noted.code).getByRole('button', { name: '备注/凭证' }).click();
  const lineDialog = page.getByRole('dialog').filter({ hasText: `备注与凭证：${noted.code}` });
  await lineDialog.getByRole('checkbox', { name: '合同' }).check();
  await lineDialog.getByLabel('备注', { exact: true }).fill('无发票，提供了购销合同');
  await lineDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(lineDialog).toBeHidden();
  await expect(rowOf(page, noted.code)).toContainText('合同');
  await expect(rowOf(page, noted.code)).toContainText('无发票，提供了购销合同');

  // ── a phone correction proposed ───────────────────────────────────────────────────────────
  const corrected = a.active[5];
  await linesSearch.first().fill(corrected.code);
  await rowOf(page, corrected.code).getByRole('button', { name: '提出更正' }).click();
  const corrDialog = page.getByRole('dialog').filter({ hasText: `提出更正：${corrected.code}` });
  await corrDialog.getByLabel('电话', { exact: true }).fill('010-88889999');
  await corrDialog.getByRole('button', { name: '提交更正' }).click();
  await expect(corrDialog).toBeHidden();
  await expect(rowOf(page, corrected.code)).toContainText('待定更正 1');
  await page.screenshot({ path: path.join(SHOTS, 'stocktake-2-lines.png'), fullPage: true });

  // ── reconcile: apply the correction, deactivate the missing ones in bulk, complete ────────
  await page.getByRole('button', { name: '进入核对' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /进入核对|确\s*定|OK/ }).last().click();
  await page.goto(`${app.url}/#/stocktake/${id}/reconcile`);
  await expect(page.getByText('核对：四季度客户盘点')).toBeVisible();
  await page.getByRole('tab', { name: /更正建议/ }).click();
  await rowOf(page, corrected.code).getByRole('button', { name: /应\s*用/ }).click();
  await expect(page.getByText('已应用更正')).toBeVisible();
  const after = await callDirect(page, 'customer.get', { id: corrected.id });
  const primary = after.data.contacts.find((c: { isPrimary: boolean }) => c.isPrimary);
  expect(primary.phone).toBe('010-88889999');
  // only the phone was corrected: the mobile stays (soft, so that the journey goes on)
  expect.soft(primary.mobile, 'a phone correction must leave the mobile as it was').toBe(corrected.mobile);

  await page.getByRole('tab', { name: /未盘到/ }).click();
  for (const c of a.active.slice(27)) await expect(rowOf(page, c.code)).toBeVisible();
  await page.getByRole('button', { name: '停用未盘到客户' }).click();
  const adjust = page.getByRole('dialog').filter({ hasText: '停用未盘到的客户' });
  await adjust.getByRole('button', { name: /执\s*行/ }).click();
  await expect(page.getByText('已处理 4 个客户，跳过 0 个')).toBeVisible();
  for (const c of a.active.slice(27)) {
    const got = await callDirect(page, 'customer.get', { id: c.id });
    expect(got.data.status).toBe('deactivated');
  }
  await page.getByRole('button', { name: '完成盘点' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '完成盘点' }).click();
  await expect(page.getByText('盘点已完成').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'stocktake-3-completed.png'), fullPage: true });

  // ── export: the .xlsx opens and holds the report ──────────────────────────────────────────
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const xlsx = path.join(tmp, 'report.xlsx');
  await download.saveAs(xlsx);
  const book = XLSX.read(fs.readFileSync(xlsx));
  const all = book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n])).join('\n');
  expect(book.SheetNames.length).toBeGreaterThan(1);
  for (const c of a.active.slice(27)) expect(all).toContain(c.code);
  expect(all).toContain(a.unknownCode);
  expect(all).toContain('合同');
  expect(all).toContain('无发票，提供了购销合同');

  // ── the report's print route as PDF: its pages as PNG ─────────────────────────────────────
  await page.getByRole('button', { name: '打印 / PDF' }).click();
  await expect(page.getByText('客户盘点报告').first()).toBeVisible();
  const pdf = path.join(tmp, 'report.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('客户盘点报告');
  expect(text).toContain('四季度客户盘点');
  for (const c of a.active.slice(27)) expect(text).toContain(c.code);
  const pngs = pdfToPngs(pdf);
  expect(pngs.length).toBeGreaterThan(0);
  for (const [i, png] of pngs.entries()) fs.copyFileSync(png, path.join(SHOTS, `stocktake-report-page-${i + 1}.png`));
  await scanner.detach();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('acceptance 2: scans as a Chinese IME sends them arrive whole; a burst while the note field has focus goes to the scan queue', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const a = await seedArchive(page, 12, 'IME');
  const made = await callDirect(page, 'stocktake.create', {
    name: '输入法盘点',
    scope: { kind: 'filter', filters: { categoryId: a.categoryId } },
    start: true,
  });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  const id = made.data.id as number;
  await page.goto(`${app.url}/#/stocktake/${id}`);
  await scanField(page);
  const scanner = await SimScanner.attach(page);

  // ── the same kinds of scans, as the IME sends them: keyCode 229 / Process, composition ───
  const scans = [
    ...a.active.slice(0, 8).map((c) => ({ code: c.code, expect: `已盘到 ${c.code} ${c.name}` })),
    { code: a.active[2].code, expect: `重复扫描：${a.active[2].code} ${a.active[2].name}（第 2 次）` },
    { code: a.unknownCode, expect: `未知编码 ${a.unknownCode}` },
    { code: a.deactivated.code, expect: `已停用客户 ${a.deactivated.code} ${a.deactivated.name}` },
  ];
  for (const s of scans) {
    await scanner.scan(s.code, { gapMs: GAP, ime: true, shiftKeys: true });
    await expectFeedback(page, s.expect);
  }
  await expect(page.getByLabel('已盘 8 / 应盘 12')).toBeVisible();
  let stored = await storedScans(page, id);
  // whole: exactly the codes typed, none split, merged or doubled, none left in the field
  expect(stored.map((s) => s.code).sort()).toEqual(scans.map((s) => s.code).sort());
  await expect(page.getByTestId('scan-field')).toHaveValue('');

  // ── a burst while the note field has focus: a scan, and the note keeps only what was typed ─
  const line = a.active[0];
  await page.getByRole('row').filter({ hasText: line.code }).getByRole('button', { name: '备注/凭证' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `备注与凭证：${line.code}` });
  const note = dialog.getByLabel('备注', { exact: true });
  await note.click();
  await scanner.type('ok ');
  await expect(note).toHaveValue('ok ');
  const burst = a.active[8];
  await scanner.scan(burst.code, { gapMs: GAP, shiftKeys: true });
  await expectFeedback(page, `已盘到 ${burst.code} ${burst.name}`);
  await expect(note).toHaveValue('ok ');
  await expect(note).toBeFocused();
  // and the IME variant of a burst there too
  const burst2 = a.active[9];
  await scanner.scan(burst2.code, { gapMs: GAP, ime: true, shiftKeys: true });
  await expectFeedback(page, `已盘到 ${burst2.code} ${burst2.name}`);
  await expect(note).toHaveValue('ok ');
  await page.screenshot({ path: path.join(SHOTS, 'stocktake-ime-note-burst.png') });
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  stored = await storedScans(page, id);
  expect(stored.map((s) => s.code).sort()).toEqual([...scans.map((s) => s.code), burst.code, burst2.code].sort());
  expect(stored.every((s) => s.source === 'scanner')).toBe(true);
  await scanner.detach();
});
