import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callDirect, createAdmin } from './steps';

// Issue 3: barcode labels. Customers' codes printed as Code 128 on an A4 sheet and on 40×30 mm
// thermal labels; the PDF Chromium makes of the print page is rasterised (pdftoppm) and every
// page decoded by a real barcode reader (zbarimg), and its paper size checked (pdfinfo).

const NAMES = ['上海浦东贸易有限公司', '北京海淀科技有限公司', '广州天河区珠江新城国际电子商务服务股份有限公司'];

/** Page sizes in points, one per page, from pdfinfo. */
function pageSizes(pdf: string): [number, number][] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Math.round(+m[1]),
    Math.round(+m[2]),
  ]);
}

/** The codes a barcode reader finds on each page, rendered at 300 dpi. */
function decodePages(pdf: string): string[][] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '300', '-png', pdf, prefix], { stdio: 'ignore' });
  const pngs = fs
    .readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort((a, b) => Number(a.match(/-(\d+)\.png$/)?.[1]) - Number(b.match(/-(\d+)\.png$/)?.[1]));
  return pngs.map((png) => {
    try {
      const out = execFileSync('zbarimg', ['--raw', '-q', path.join(path.dirname(pdf), png)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return out.split('\n').filter(Boolean).sort();
    } catch {
      return []; // zbarimg exits with 4 when it finds no barcode
    }
  });
}

async function printToPdf(page: Page, file: string) {
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

test('barcode labels: A4 sheet and 40×30 mm thermal labels decode to the customer codes', async ({ page, app }) => {
  // rasterising PDFs at 300 dpi and decoding them takes a while on a busy 2-core machine
  test.setTimeout(120_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-labels-'));
  try {
    await page.goto(app.openUrl);
    await createAdmin(page);

    const customers: { id: number; code: string; name: string }[] = [];
    for (const name of NAMES) {
      const res = await callDirect(page, 'customer.create', { name, nature: 'enterprise' });
      expect(res.ok, JSON.stringify(res)).toBe(true);
      customers.push({ id: res.data.id, code: res.data.code, name });
    }
    const codes = customers.map((c) => c.code).sort();
    expect(new Set(codes).size).toBe(3);
    const ids = customers.map((c) => c.id).join(',');

    // A4: one sheet, 3 labels, every name shown, every code read back from the PDF; an unknown id is reported
    await page.goto(`${app.url}/#/print/labels?ids=${ids},999999&layout=a4`);
    await expect(page.getByText('1 个客户不存在或无权查看，已跳过：999999')).toBeVisible();
    for (const c of customers) await expect(page.getByRole('img', { name: c.code, exact: true })).toBeVisible();
    for (const name of NAMES) await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
    await expect(page.getByText('3 个客户，3 张标签，1 页')).toBeVisible();

    const a4 = await printToPdf(page, path.join(tmp, 'a4.pdf'));
    expect(pageSizes(a4)).toEqual([[595, 842]]);
    expect(decodePages(a4)).toEqual([codes]);

    // a partly used sheet: start at position 23 of 24 → 2 labels on this sheet, 1 on the next
    await page.getByLabel('起始位置').fill('23');
    await page.getByLabel('起始位置').blur();
    await expect(page.getByText('3 个客户，3 张标签，2 页')).toBeVisible();
    const reuse = await printToPdf(page, path.join(tmp, 'a4-reuse.pdf'));
    expect(pageSizes(reuse)).toEqual([
      [595, 842],
      [595, 842],
    ]);
    const reusePages = decodePages(reuse);
    expect(reusePages.map((p) => p.length)).toEqual([2, 1]);
    expect(reusePages.flat().sort()).toEqual(codes);

    // thermal: switched from the toolbar; one 40×30 mm page per label, in the order asked for
    await page.getByText('40×30 mm 热敏标签').click();
    await expect(page).toHaveURL(/layout=thermal/);
    await expect(page.getByLabel('起始位置')).toHaveCount(0);
    for (const c of customers) await expect(page.getByRole('img', { name: c.code, exact: true })).toBeVisible();
    for (const name of NAMES) await expect(page.getByText(name, { exact: true })).toBeVisible();

    const thermal = await printToPdf(page, path.join(tmp, 'thermal.pdf'));
    expect(pageSizes(thermal)).toEqual([
      [113, 85],
      [113, 85],
      [113, 85],
    ]);
    expect(decodePages(thermal)).toEqual(customers.map((c) => [c.code]));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// Issue 12, item 11: the 保存成功 toast of the form was printed onto the labels when the user
// printed within its ~3 s. Print media shows no toast or other floating layer.
test('labels printed right after saving carry no 保存成功 toast', async ({ page, app }) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-labels-toast-'));
  try {
    // the page's timers run on a clock the test can stop: the toast then stays as long as needed,
    // however slowly the labels page loads on this machine
    await page.clock.install();
    await page.goto(app.openUrl);
    await createAdmin(page);
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByRole('button', { name: '新增客户' }).click();
    await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
    await page.getByLabel('客户名称', { exact: true }).fill('杭州西湖茶叶有限公司');
    await saveWithToastHeld(page);
    await page.getByRole('button', { name: '打印条码标签' }).click();
    await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
    await expect(page.getByText('保存成功')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('杭州西湖茶叶有限公司', { exact: true })).toBeVisible();
    await expect(page.getByText('保存成功')).toBeHidden();
    const pdf = await printToPdf(page, path.join(tmp, 'labels.pdf'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('杭州西湖茶叶有限公司');
    expect(text).not.toContain('保存成功');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

/**
 * Saves the open form and stops the page's clock while its 保存成功 toast shows. The moment to stop
 * at is read from the page; on a loaded machine it may be past when it arrives (read again), or
 * the toast's ~3 s may run out first: then the clock runs on and the customer is saved again from
 * its page (修改客户), up to three times.
 */
async function saveWithToastHeld(page: Page): Promise<void> {
  const toast = page.getByText('保存成功');
  for (let round = 1; ; round += 1) {
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(toast).toBeVisible({ timeout: 20_000 });
    for (let attempt = 0; ; attempt += 1) {
      const at = await page.evaluate(() => Date.now() + 300);
      try {
        await page.clock.pauseAt(at);
        break;
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('fast-forward to the past')) throw error;
      }
    }
    if (await toast.isVisible()) return;
    if (round >= 3) throw new Error('the 保存成功 toast ran out before the clock stopped, three times');
    await page.clock.resume();
    await page.getByRole('button', { name: '修改客户' }).click();
    await expect(page.getByRole('heading', { name: '修改客户' })).toBeVisible();
  }
}
