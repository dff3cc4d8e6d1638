import fs from 'node:fs';
import { expect, test } from './fixtures';
import { approveVoucher, asPerson, localDate, type Person, submitVoucher } from './settlement-payment-steps';
import { callDirect, createAdmin, createCustomerDirect, createUserWithRole, pickOption, signIn, signOut } from './steps';

// Issue 17, acceptance 1 (second half): one payment split over two approved vouchers in the UI,
// the statement's closing balance, the aging chart showing the overdue one.

const SHOTS = '/tmp/shots/settlement-payments';

const clerk: Person = { username: 'zhangsan', displayName: '张三', password: 'clerk-pass-1', role: 'clerk' };
const finance: Person = { username: 'lisi', displayName: '李四', password: 'finance-pass-1', role: 'finance' };

test('acceptance 1: a payment split over two vouchers, the statement closing balance, the overdue one in the aging chart', async ({
  page,
  app,
  browser,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  await createUserWithRole(page, clerk);
  await createUserWithRole(page, finance);
  const customer = await createCustomerDirect(page, { name: '杭州西湖结算测试贸易有限公司' });
  // the company header printed on the statement (设置 › 本公司信息)
  const company = await callDirect(page, 'settlement.companyUpdate', {
    name: '宁波甬江商贸有限公司',
    taxId: '91330200MA2H7C8X1Q',
    address: '浙江省宁波市江北区人民路 88 号',
    phone: '0574-87654321',
    bankName: '中国工商银行宁波江北支行',
    bankAccount: '3901 1100 0920 0123 456',
    paymentNote: '请于到期日前汇款，并在附言中注明凭证号。',
  });
  expect(company.ok, JSON.stringify(company)).toBe(true);

  // two vouchers: one long overdue (31-60 days), one not yet due; created and submitted by the clerk
  const overdue = { date: localDate(-70), dueDate: localDate(-40) };
  const current = { date: localDate(-1), dueDate: localDate(29) };
  const [a, b] = await asPerson(browser, app.openUrl, clerk, async (p) => [
    await submitVoucher(p, {
      customerId: customer.id,
      ...overdue,
      description: '八月货款',
      amount: '1000',
      evidenceRef: 'HT-2026-081',
    }),
    await submitVoucher(p, {
      customerId: customer.id,
      ...current,
      description: '本月货款',
      amount: '500',
      evidenceRef: 'HT-2026-112',
    }),
  ]);
  await asPerson(browser, app.openUrl, finance, async (p) => {
    await approveVoucher(p, a);
    await approveVoucher(p, b);
  });

  // ── the finance user records ONE payment split over both ─────────────────────────────────────
  await signOut(page, '系统管理员');
  await signIn(page, finance.username, finance.password, finance.displayName);
  await page.goto(`${app.url}/#/settlement`);
  await page.getByRole('tab', { name: '收款' }).click();
  await page.getByRole('button', { name: '新增收款' }).click();
  const dialog = page.getByRole('dialog', { name: '新增收款' });
  await dialog.getByRole('combobox', { name: '客户' }).fill('西湖结算');
  await pickOption(page.locator('.ant-select-dropdown:visible').getByText(`${customer.code} ${customer.name}`));
  // typed as people type it: full-width digits and a comma
  await dialog.getByLabel('收款金额').fill('１，２００.００');
  // the suggestion: oldest due first — all of it to the overdue voucher, the rest to the other
  await expect(dialog.getByLabel(`${a.no} 的本次核销金额`)).toHaveValue('1000.00');
  await expect(dialog.getByLabel(`${b.no} 的本次核销金额`)).toHaveValue('200.00');
  // the office splits it otherwise: 800 and 400
  await dialog.getByLabel(`${a.no} 的本次核销金额`).fill('800');
  await dialog.getByLabel(`${b.no} 的本次核销金额`).fill('400.00');
  const split = dialog.getByTestId('payment-split-summary');
  await expect(split).toContainText('本次核销合计 ¥1,200.00');
  await expect(split).toContainText('余额转预收 ¥0.00');
  await dialog.getByLabel('参考号').fill('工行流水 20261201-0007');
  await page.screenshot({ path: `${SHOTS}/payment-dialog.png` });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // the payment's detail opens with its two allocations
  const drawer = page.getByRole('dialog', { name: /^收款单 SK/ });
  await expect(drawer.getByRole('row').filter({ hasText: a.no })).toContainText('¥800.00');
  await expect(drawer.getByRole('row').filter({ hasText: b.no })).toContainText('¥400.00');
  await page.screenshot({ path: `${SHOTS}/payment-drawer.png` });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // the drawer's mask fades out after its panel: a click meanwhile lands on the mask
  await expect(page.locator('.ant-drawer-mask')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: customer.name });
  await expect(row).toContainText('¥1,200.00');
  await page.screenshot({ path: `${SHOTS}/payments-tab.png` });

  // ── aging: the overdue voucher's 200.00 in 31-60 days, the other's 100.00 not yet due ─────────
  // at 1280×800; the rows come first, the totals and the chart (a pass over every customer) after:
  // held back here once, so the screen between shows (the rows, skeletons for the rest)
  await page.setViewportSize({ width: 1280, height: 800 });
  let releaseTotals = () => {};
  const totalsHeld = new Promise<void>((resolve) => {
    releaseTotals = resolve;
  });
  await page.route('**/api/settlement.agingTotals', async (route) => {
    await totalsHeld;
    await route.continue();
  });
  await page.getByRole('tab', { name: '应收账龄' }).click();
  await expect(page.getByRole('tab', { name: '应收账龄' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row').filter({ hasText: customer.name })).toContainText('¥300.00');
  await expect(page.getByTestId('aging-chart')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/aging-rows-first.png` });
  releaseTotals();
  const summary = page.getByTestId('aging-summary');
  await expect(summary.locator('[data-bucket="d31_60"]')).toHaveAttribute('data-cents', '20000');
  await expect(summary.locator('[data-bucket="notDueCents"]')).toHaveAttribute('data-cents', '10000');
  await expect(summary.locator('[data-bucket="d0_30"]')).toHaveAttribute('data-cents', '0');
  await expect(summary).toContainText('逾期 31-60 天¥200.00');
  const agingRow = page.getByRole('row').filter({ hasText: customer.name });
  await expect(agingRow).toContainText('¥200.00');
  await expect(agingRow).toContainText('¥300.00');
  await expect(page.getByTestId('aging-chart').locator('canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/aging.png` });

  // ── the statement: 1,500.00 owed, 1,200.00 paid, closing 300.00 ──────────────────────────────
  await agingRow.click();
  const closing = page.getByTestId('statement-closing');
  await expect(closing).toHaveText('¥300.00');
  const doc = page.getByTestId('statement-doc');
  await expect(doc).toContainText(b.no);
  await expect(doc).toContainText('宁波甬江商贸有限公司');
  // the drawer has slid in (its motion over) before the picture
  await expect(page.locator('.ant-drawer-content-wrapper')).toHaveCSS('transform', 'none');
  await page.screenshot({ path: `${SHOTS}/statement-panel.png` });
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(
    /#\/print\/settlement\/statement\?customerId=\d+&from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/,
  );
  await expect(page.getByTestId('statement-closing')).toHaveText('¥300.00');
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/statement-print.png`, fullPage: true });
});
