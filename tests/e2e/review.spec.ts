import { expect, test } from './fixtures';
import {
  candidateRow,
  createCustomer,
  openReviewTab,
  reviewMenu,
  runRow,
  selectCandidate,
  showDecisions,
} from './review-steps';
import { createAdmin } from './steps';

// Issue 4, acceptance 2: the review page lists customers whose contract end date has passed;
// bulk-deactivate one from there; keep another, and it is not proposed again.

const EXPIRED = '杭州西湖茶叶有限公司';
const KEPT = '苏州园林建材有限公司';
const LEFT_OPEN = '南京秦淮文具有限公司';
const FUTURE = '成都锦江餐饮有限公司';

test('status review: contract-ended candidates, bulk deactivate, keep, a new run, the record of runs', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.openUrl);
  await createAdmin(page);

  // a new install has no customer to review: no 待审查 badge (issue 12)
  await reviewMenu(page).click();
  await expect(page.getByText('还没有进行过停用审查')).toBeVisible();
  await expect(reviewMenu(page)).not.toContainText('待审查');

  // customers created now have activity today: only the contract rule can hit them
  const expired = await createCustomer(page, EXPIRED, '2020-01-31');
  const kept = await createCustomer(page, KEPT, '2021-06-30');
  const leftOpen = await createCustomer(page, LEFT_OPEN, '2019-05-01');
  await createCustomer(page, FUTURE, '2099-12-31');

  // never reviewed, with the default quarterly schedule: once there are customers, the menu says
  // a review is due (the status is asked again when the user moves to another section)
  await page.getByRole('menuitem', { name: '客户' }).click();
  await expect(reviewMenu(page)).toContainText('待审查');
  await reviewMenu(page).click();
  await expect(page.getByRole('heading', { name: '停用审查', exact: true })).toBeVisible();
  await expect(page.getByText('还没有进行过停用审查')).toBeVisible();

  // ── first run ──────────────────────────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '开始审查' }).click();
  await expect(page.getByText('审查完成，找到 3 个候选客户')).toBeVisible();
  await expect(reviewMenu(page)).not.toContainText('待审查');
  await expect(page.getByText(/由 系统管理员 发起，候选客户 3 个/)).toBeVisible();
  await expect(candidateRow(page, expired)).toContainText('合同到期 2020-01-31');
  await expect(candidateRow(page, kept)).toContainText('合同到期 2021-06-30');
  await expect(candidateRow(page, leftOpen)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: FUTURE })).toHaveCount(0);
  // the code opens the customer
  await expect(candidateRow(page, expired).getByRole('link', { name: expired.code })).toHaveAttribute(
    'href',
    new RegExp(`/customers/${expired.id}$`),
  );

  // bulk 停用 with the reason the rule suggests
  await selectCandidate(page, expired);
  await expect(page.getByText('已选 1 个客户')).toBeVisible();
  await page.getByRole('button', { name: '停用', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '停用原因' });
  await expect(dialog.getByRole('cell', { name: expired.code })).toBeVisible();
  await expect(dialog.getByText('合同到期', { exact: true })).toBeVisible(); // the reason the rule suggests
  await dialog.getByLabel('备注').fill('合同未续签');
  await dialog.getByRole('button', { name: '停用', exact: true }).click();
  await expect(page.getByText('已停用 1 个客户')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(candidateRow(page, expired)).toHaveCount(0);

  // 保留 the second: a note is required
  await selectCandidate(page, kept);
  await page.getByRole('button', { name: '保留', exact: true }).click();
  const keep = page.getByRole('dialog', { name: '保留 1 个客户' });
  await expect(keep).toContainText('180 天内');
  await keep.getByRole('button', { name: '保留', exact: true }).click();
  await expect(keep.getByText('此项为必填项')).toBeVisible();
  await keep.getByLabel('保留说明').fill('客户已口头确认续签');
  await keep.getByRole('button', { name: '保留', exact: true }).click();
  await expect(page.getByText(/已保留 1 个客户/)).toBeVisible();
  await expect(keep).toBeHidden();
  await expect(candidateRow(page, kept)).toHaveCount(0);
  await expect(page.getByText('待处理 1 个，已处理 2 个')).toBeVisible();

  // 已处理: what was decided, by whom
  await showDecisions(page, '已处理');
  await expect(candidateRow(page, expired).getByText('已停用').last()).toBeVisible();
  await expect(candidateRow(page, expired)).toContainText('系统管理员');
  await expect(candidateRow(page, kept)).toContainText('已保留');
  await expect(candidateRow(page, kept)).toContainText('客户已口头确认续签');
  await expect(candidateRow(page, leftOpen)).toHaveCount(0);

  // ── a new run replaces the current one (an open candidate remains: confirm first) ─────────
  await page.getByRole('button', { name: '开始审查' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '开始新的审查？' });
  await expect(confirm).toContainText('当前审查还有 1 个客户未处理');
  await confirm.getByRole('button', { name: '开始审查' }).click();
  await expect(page.getByText('审查完成，找到 1 个候选客户')).toBeVisible();
  await showDecisions(page, '全部');
  await expect(candidateRow(page, leftOpen)).toBeVisible();
  // neither the kept nor the deactivated customer is proposed again
  await expect(candidateRow(page, kept)).toHaveCount(0);
  await expect(candidateRow(page, expired)).toHaveCount(0);

  // ── 审查记录: both runs, with what was done ─────────────────────────────────────────────────
  await openReviewTab(page, '审查记录');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  const current = runRow(page, 0);
  await expect(current.getByText('当前')).toBeVisible();
  await expect(current.getByRole('cell').nth(3)).toHaveText('1');
  const first = runRow(page, 1);
  await expect(first.getByText('当前')).toHaveCount(0);
  // candidates, deactivated, scheduled, frozen, kept, still open when replaced
  for (const [cell, text] of [
    [3, '3'],
    [5, '1'],
    [6, '0'],
    [7, '0'],
    [8, '1'],
    [9, '1'],
  ] as const) {
    await expect(first.getByRole('cell').nth(cell)).toHaveText(text);
  }
  await expect(first).toContainText('系统管理员');

  // the first run can still be read (not acted on) from the record
  await first.getByRole('button', { name: '查看候选客户' }).click();
  await expect(page.getByText(/已被之后的审查取代/)).toBeVisible();
  await showDecisions(page, '全部');
  await expect(candidateRow(page, expired)).toBeVisible();
  await expect(candidateRow(page, kept)).toBeVisible();
  await expect(page.getByRole('button', { name: '停用', exact: true })).toHaveCount(0);
});
