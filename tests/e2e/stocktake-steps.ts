import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { SimScanner } from './scanner-sim';
import { callDirect, createCustomerDirect } from './steps';

/** Steps of the stocktake specs (issue 16). */

export interface Archive {
  categoryId: number;
  categoryName: string;
  /** the category's active customers, in code order: STK001 … */
  active: { id: number; code: string; name: string; mobile: string }[];
  /** a customer of the category deactivated before the stocktake (its card still turns up) */
  deactivated: { id: number; code: string; name: string };
  /** a code no customer has */
  unknownCode: string;
}

/**
 * The archive of the acceptance: a category 盘点测试 with `count` active customers (STK001 …, each
 * with a primary contact), one more deactivated there, and customers of another category (so the
 * list's filter matters).
 */
export async function seedArchive(page: Page, count: number, prefix = 'STK'): Promise<Archive> {
  const categoryName = `盘点测试${prefix}`;
  const cat = await callDirect(page, 'lookup.create', { kind: 'category', name: categoryName });
  expect(cat.ok, JSON.stringify(cat)).toBe(true);
  const other = await callDirect(page, 'lookup.create', { kind: 'category', name: `其他分类${prefix}` });
  expect(other.ok, JSON.stringify(other)).toBe(true);
  const active = [];
  for (let i = 1; i <= count; i++) {
    const code = `${prefix}${String(i).padStart(3, '0')}`;
    const mobile = `1380000${String(i).padStart(4, '0')}`;
    const made = await createCustomerDirect(page, {
      code,
      name: `盘点客户${code}有限公司`,
      categoryId: cat.data.id,
      contacts: [{ name: `联系人${i}`, mobile, phone: '010-66660000', isPrimary: true }],
      duplicateReason: 'e2e',
    });
    active.push({ ...made, mobile });
  }
  for (let i = 1; i <= 3; i++) {
    await createCustomerDirect(page, { code: `${prefix}X${i}`, name: `别类客户${prefix}${i}`, categoryId: other.data.id, duplicateReason: 'e2e' });
  }
  const deactivated = await createCustomerDirect(page, {
    code: `${prefix}900`,
    name: `已停用客户${prefix}有限公司`,
    categoryId: cat.data.id,
    duplicateReason: 'e2e',
  });
  const reasons = await callDirect(page, 'lookup.list', { kinds: ['deactivationReason'] });
  const reasonId = (reasons.data.items as { id: number; key: string }[]).find((r) => r.key === 'inactive')!.id;
  const off = await callDirect(page, 'customer.deactivate', { ids: [deactivated.id], reasonId, memo: '已歇业' });
  expect(off.ok, JSON.stringify(off)).toBe(true);
  return { categoryId: cat.data.id, categoryName, active, deactivated, unknownCode: `${prefix}999` };
}

/** The counting screen's scan field, focused. */
export async function scanField(page: Page) {
  const field = page.getByTestId('scan-field');
  await expect(field).toBeEnabled();
  return field;
}

/** The feedback panel after a scan must show `text` (the newest scan's result). */
export async function expectFeedback(page: Page, text: string | RegExp) {
  await expect(page.getByTestId('scan-feedback')).toContainText(text);
}

/** The scans stored for a stocktake, read through the API (as the counting screen's 最近扫描 does). */
export async function storedScans(page: Page, stocktakeId: number) {
  const r = await callDirect(page, 'stocktake.recent', { stocktakeId, limit: 200 });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.data.items as { code: string; result: string; source: string; undone: boolean }[];
}

/** Rasterises a PDF's pages to PNGs beside it (pdftoppm); returns their paths in page order. */
export function pdfToPngs(pdf: string, dpi = 80): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix], { stdio: 'ignore' });
  return fs
    .readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort((a, b) => Number(a.match(/-(\d+)\.png$/)?.[1]) - Number(b.match(/-(\d+)\.png$/)?.[1]))
    .map((f) => path.join(path.dirname(pdf), f));
}

export { SimScanner };
