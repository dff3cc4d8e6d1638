import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import {
  COMPANY,
  createSettlementCustomer,
  deactivateCustomer,
  fillLine,
  openVouchers,
  scanCustomer,
  setupOffice,
  switchUser,
  USERS,
  voucherIdOf,
} from './settlement-steps';
import { callDirect, pickOption } from './steps';
import { pdfToPngs } from './stocktake-steps';

// Issue 17, acceptance 1 (the voucher half) and 2: 临时凭证 written by a clerk, the customer picked
// by scanning its label (a USB scanner types the code at 5 ms a key and Enter), approved by someone
// else, its 结算通知 printed to PDF; a deactivated customer refused; a voucher past the credit limit
// approved only with an override and its reason.

const SHOTS = '/tmp/shots/settlement';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('acceptance 1: a clerk scans the customer, writes a voucher on a contract with a file and submits it; finance approves; the notice prints with its 大写', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await setupOffice(page, app.openUrl);
  const customer = await createSettlementCustomer(page, {
    code: 'JS001',
    name: '杭州云帆科技有限公司',
    creditLimitCents: 10_000_000,
    creditDays: 30,
  });

  // ── the clerk writes the voucher ─────────────────────────────────────────────────────────────
  await switchUser(page, '系统管理员', USERS.clerk);
  await openVouchers(page, app.url);
  await page.screenshot({ path: path.join(SHOTS, 'vouchers-empty-zh.png') });
  await page.getByRole('button', { name: '新建凭证' }).click();
  await expect(page.getByRole('heading', { name: '新建临时凭证' })).toBeVisible();
  await scanCustomer(page, customer.code);
  const card = page.getByTestId('customer-credit');
  await expect(card).toContainText(customer.name);
  await expect(card).toContainText('正常');
  await expect(card).toContainText('¥100,000.00');
  await expect(card).toContainText('30 天');

  await page.getByLabel('凭据类型').click();
  await pickOption(page.locator('.ant-select-dropdown:visible').getByText('合同', { exact: true }));
  await page.getByLabel('凭据号').fill('HT-2026-018');
  await fillLine(page, 1, { description: '年度技术服务费', unit: '项', quantity: '3', unitPrice: '1,234.56' });
  await fillLine(page, 2, { description: '资料复印', unit: '页', quantity: '1.5', unitPrice: '0.0333' });
  // 1.5 × 0.0333 = 0.04995 元: rounded once to ¥0.05, and the line says so
  await expect(page.getByTestId('line-rounded')).toHaveCount(1);
  await page.getByTestId('line-rounded').hover();
  await expect(page.getByRole('tooltip')).toContainText('0.04995');
  const total = page.getByTestId('lines-total');
  await expect(total).toContainText('¥3,703.73');
  await expect(total).toContainText('叁仟柒佰零叁元柒角叁分');

  await page.getByTestId('attachment-input').setInputFiles({
    name: '购销合同扫描件.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% a contract scan for the e2e\n'),
  });
  await expect(page.getByText('购销合同扫描件.pdf')).toBeVisible();
  await page.getByLabel('备注').fill('先结算，发票下月开具');
  await page.screenshot({ path: path.join(SHOTS, 'voucher-form-zh.png'), fullPage: true });
  await page.getByRole('button', { name: '保存并提交' }).click();

  await expect(page).toHaveURL(/#\/settlement\/vouchers\/\d+$/);
  const id = voucherIdOf(page);
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '购销合同扫描件.pdf' })).toBeVisible();
  await expect(page.getByTestId('voucher-total')).toContainText('¥3,703.73');
  // the clerk may not approve: no button, and the channel refuses
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  const detail = await callDirect(page, 'settlement.voucher', { id });
  const refused = await callDirect(page, 'settlement.voucherApprove', { id, version: detail.data.version });
  expect(refused.ok).toBe(false);
  await page.screenshot({ path: path.join(SHOTS, 'voucher-submitted-zh.png'), fullPage: true });

  // the file comes back down as it went up
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('购销合同扫描件.pdf');

  // ── finance approves ─────────────────────────────────────────────────────────────────────────
  await switchUser(page, USERS.clerk.displayName, USERS.finance);
  await openVouchers(page, app.url);
  await page.getByRole('checkbox', { name: '待我审核' }).check();
  const row = page.getByRole('row').filter({ hasText: customer.name });
  await expect(row).toContainText('¥3,703.73');
  await page.screenshot({ path: path.join(SHOTS, 'vouchers-awaiting-zh.png') });
  await row.getByRole('button').first().click();
  await page.getByRole('button', { name: '审核通过' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('¥100,000.00');
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已审核').first()).toBeVisible();
  await expect(page.getByText(USERS.finance.displayName).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'voucher-approved-zh.png'), fullPage: true });

  // ── the notice, printed to PDF ───────────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '打印通知' }).click();
  await expect(page).toHaveURL(/#\/print\/settlement\/notice\/\d+$/);
  await expect(page.getByTestId('notice-words')).toHaveText('叁仟柒佰零叁元柒角叁分');
  await page.screenshot({ path: path.join(SHOTS, 'notice-screen-zh.png'), fullPage: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-notice-'));
  const pdf = path.join(tmp, 'notice.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('结算通知单');
  expect(text).toContain('叁仟柒佰零叁元柒角叁分');
  expect(text).toContain('¥3,703.73');
  expect(text).toContain(COMPANY.taxId);
  expect(text).toContain(COMPANY.bankAccount);
  expect(text).toContain(customer.name);
  expect(text).toContain('HT-2026-018');
  expect(text).not.toContain('另存为 PDF');
  const pngs = pdfToPngs(pdf, 100);
  expect(pngs.length).toBe(1);
  fs.copyFileSync(pngs[0], path.join(SHOTS, 'notice-pdf-page-1.png'));
  fs.rmSync(tmp, { recursive: true, force: true });

  // back on the voucher: 标记已发送
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '标记已发送' }).click();
  const sent = page.getByRole('dialog');
  await sent.getByText('微信', { exact: true }).click();
  await sent.getByRole('button', { name: '保存' }).click();
  await expect(sent).toBeHidden();
  await expect(page.getByRole('cell', { name: '微信' })).toBeVisible();

  // once in English
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Print notice' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'voucher-approved-en.png'), fullPage: true });
});

test('acceptance 2: a deactivated customer is refused with its reason; past the credit limit finance is refused with the figures and a manager approves with a reason', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await setupOffice(page, app.openUrl);
  const gone = await createSettlementCustomer(page, { code: 'JS090', name: '宁波旧友贸易有限公司' });
  const reasonName = await deactivateCustomer(page, gone.id, '已歇业');
  const tight = await createSettlementCustomer(page, {
    code: 'JS100',
    name: '苏州小额度商贸有限公司',
    creditLimitCents: 100_000,
    creditDays: 15,
  });

  // ── the clerk: the deactivated customer ──────────────────────────────────────────────────────
  await switchUser(page, '系统管理员', USERS.clerk);
  await openVouchers(page, app.url);
  await page.getByRole('button', { name: '新建凭证' }).click();
  await scanCustomer(page, gone.code);
  const card = page.getByTestId('customer-credit');
  await expect(card).toContainText('已停用');
  await expect(card.getByRole('alert')).toContainText(reasonName);
  await fillLine(page, 1, { description: '维修费', quantity: '1', unitPrice: '500' });
  await page.getByRole('button', { name: '保存草稿' }).click();
  const refusal = page.getByTestId('voucher-refusal');
  await expect(refusal).toContainText('已停用');
  await expect(refusal).toContainText(gone.code);
  await page.screenshot({ path: path.join(SHOTS, 'voucher-deactivated-zh.png'), fullPage: true });
  await expect(page).toHaveURL(/#\/settlement\/vouchers\/new$/);
  // leaving the refused form asks first
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(page).toHaveURL(/#\/settlement$/);

  // ── the clerk: a voucher of ¥1,500.00 for a customer with a ¥1,000.00 limit ───────────────────
  await page.getByRole('button', { name: '新建凭证' }).click();
  await scanCustomer(page, tight.code);
  await expect(page.getByTestId('customer-credit')).toContainText('¥1,000.00');
  await fillLine(page, 1, { description: '办公耗材', unit: '批', quantity: '1', unitPrice: '1500' });
  await page.getByRole('button', { name: '保存并提交' }).click();
  await expect(page).toHaveURL(/#\/settlement\/vouchers\/\d+$/);
  const id = voucherIdOf(page);

  // ── finance (no override_credit): refused, the figures shown ─────────────────────────────────
  await switchUser(page, USERS.clerk.displayName, USERS.finance);
  await page.goto(`${app.url}/#/settlement/vouchers/${id}`);
  await page.getByRole('button', { name: '审核通过' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('¥1,000.00');
  await expect(dialog).toContainText('¥1,500.00');
  await expect(dialog.getByLabel('超信用额度原因')).toHaveCount(0);
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await expect(dialog.getByTestId('approve-refusal')).toBeVisible();
  await expect(dialog.getByTestId('approve-refusal')).toContainText(/1,000\.00|1000\.00/);
  await page.screenshot({ path: path.join(SHOTS, 'approve-refused-finance-zh.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('待审核').first()).toBeVisible();

  // ── the manager: needs a reason, then approves ───────────────────────────────────────────────
  await switchUser(page, USERS.finance.displayName, USERS.manager);
  await page.goto(`${app.url}/#/settlement/vouchers/${id}`);
  await page.getByRole('button', { name: '审核通过' }).click();
  dialog = page.getByRole('dialog');
  const reason = dialog.getByLabel('超信用额度原因');
  await expect(reason).toBeVisible();
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await reason.fill('老客户，月底前回款，经理特批');
  await page.screenshot({ path: path.join(SHOTS, 'approve-override-manager-zh.png') });
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已审核').first()).toBeVisible();
  await expect(page.getByText('老客户，月底前回款，经理特批')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'voucher-override-approved-zh.png'), fullPage: true });
});
