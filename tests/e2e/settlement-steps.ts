import { expect, type Page } from '@playwright/test';
import { callDirect, createAdmin, createCustomerDirect, createUserWithRole, signIn, signOut } from './steps';

/** Steps of the 无票结算 specs (issue 17), shared by the voucher and the payment specs. */

export interface SettlementUser {
  username: string;
  displayName: string;
  password: string;
  role: 'manager' | 'finance' | 'clerk' | 'viewer';
}

/** The office: a clerk writes vouchers, finance approves and collects, a manager may override the credit limit. */
export const USERS = {
  clerk: { username: 'clerk1', displayName: '录入员小王', password: 'clerk-pass-1', role: 'clerk' },
  finance: { username: 'finance1', displayName: '财务小李', password: 'finance-pass-1', role: 'finance' },
  manager: { username: 'manager1', displayName: '经理老张', password: 'manager-pass-1', role: 'manager' },
} as const satisfies Record<string, SettlementUser>;

/** The company header, tax ID and bank details printed on notices and statements. */
export const COMPANY = {
  name: '上海示例贸易有限公司',
  taxId: '91310000MA1FL00X1K',
  address: '上海市浦东新区世纪大道 100 号',
  phone: '021-55550000',
  bankName: '中国工商银行上海分行',
  bankAccount: '1001 2345 6789 0123 456',
  paymentNote: '请通过银行转账付款，不收现金。',
};

/**
 * First run as the administrator: the clerk, finance and manager users and the company details.
 * The page stays signed in as the administrator.
 */
export async function setupOffice(page: Page, openUrl: string) {
  await page.goto(openUrl);
  await createAdmin(page);
  for (const u of Object.values(USERS)) await createUserWithRole(page, u);
  const company = await callDirect(page, 'settlement.companyUpdate', COMPANY);
  expect(company.ok, JSON.stringify(company)).toBe(true);
}

/** A customer with credit terms (limit in 分, days), created by a direct call as the administrator. */
export async function createSettlementCustomer(
  page: Page,
  input: { code: string; name: string; creditLimitCents?: number | null; creditDays?: number | null },
) {
  return createCustomerDirect(page, { duplicateReason: 'e2e', ...input });
}

/** Deactivates a customer with the reason 不再合作 (the seeded 'inactive') and a memo. */
export async function deactivateCustomer(page: Page, id: number, memo: string) {
  const reasons = await callDirect(page, 'lookup.list', { kinds: ['deactivationReason'] });
  const reason = (reasons.data.items as { id: number; key: string; name: string }[]).find((r) => r.key === 'inactive')!;
  const off = await callDirect(page, 'customer.deactivate', { ids: [id], reasonId: reason.id, memo });
  expect(off.ok, JSON.stringify(off)).toBe(true);
  return reason.name;
}

/** Signs the current user out and `user` in. */
export async function switchUser(page: Page, from: string, user: SettlementUser) {
  await signOut(page, from);
  await signIn(page, user.username, user.password, user.displayName);
}

/** The 结算 page, 凭证 tab. */
export async function openVouchers(page: Page, origin: string) {
  await page.goto(`${origin}/#/settlement`);
  await expect(page.getByRole('tab', { name: '凭证' })).toBeVisible();
}

/** Picks a customer on the voucher (or payment) form by scanning its label: the code typed at 5 ms a key, then Enter. */
export async function scanCustomer(page: Page, code: string) {
  await page.getByTestId('customer-scan').click();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-credit')).toContainText(code);
}

/** Fills line `n` (from 1) of the voucher form's lines editor, adding the line when needed. */
export async function fillLine(
  page: Page,
  n: number,
  line: { description: string; unit?: string; quantity: string; unitPrice: string },
) {
  const description = page.getByLabel(`第 ${n} 行品名`);
  if (!(await description.count())) await page.getByRole('button', { name: '添加一行' }).click();
  await description.fill(line.description);
  if (line.unit) await page.getByLabel(`第 ${n} 行单位`).fill(line.unit);
  await page.getByLabel(`第 ${n} 行数量`).fill(line.quantity);
  await page.getByLabel(`第 ${n} 行单价`).fill(line.unitPrice);
}

/** The voucher's id from the voucher page's address. */
export function voucherIdOf(page: Page): number {
  return Number(page.url().match(/settlement\/vouchers\/(\d+)/)![1]);
}
