import { expect, type Page } from '@playwright/test';
import { callDirect } from './steps';

/** Steps of the 停用审查 specs. */

export interface MadeCustomer {
  id: number;
  code: string;
  name: string;
}

/** A customer created through the channel, with the given contract end date. */
export async function createCustomer(page: Page, name: string, contractEndDate: string): Promise<MadeCustomer> {
  const made = await callDirect(page, 'customer.create', { name, contractEndDate });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  return { id: made.data.id, code: made.data.code, name };
}

/** The 停用审查 entry of the side menu. */
export function reviewMenu(page: Page) {
  return page.getByRole('menuitem', { name: /停用审查/ });
}

/** A candidate's row (labelled with its code and name). */
export function candidateRow(page: Page, c: MadeCustomer) {
  return page.getByRole('row', { name: `${c.code} ${c.name}` });
}

/** Ticks a candidate's row. */
export async function selectCandidate(page: Page, c: MadeCustomer) {
  await candidateRow(page, c).getByRole('checkbox').check();
}

/** The decision filter: 待处理 / 已处理 / 全部. */
export async function showDecisions(page: Page, which: '待处理' | '已处理' | '全部') {
  await page.getByRole('radiogroup', { name: '处理状态' }).getByText(which, { exact: true }).click();
  await expect(page.getByRole('radio', { name: which, checked: true })).toBeAttached();
}

export async function openReviewTab(page: Page, name: '候选客户' | '审查记录' | '规则设置') {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
}

/** The n-th run of 审查记录 (newest first). */
export function runRow(page: Page, n: number) {
  return page.locator('.ant-table-tbody tr.ant-table-row').nth(n);
}
