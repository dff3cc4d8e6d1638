import { expect, test } from './fixtures';
import { callDirect, createAdmin, createUserWithRole, signIn } from './steps';

// Issue 12, item 12: the customer list names its checkboxes in Chinese; 取消 on a filled form asks
// before discarding it; a stale save says who changed the customer, when and what.

test('customer list checkboxes, 取消 with unsaved input, and who changed a customer meanwhile', async ({
  page,
  browser,
  app,
}) => {
  await page.goto(app.openUrl);
  await createAdmin(page);
  const made = await callDirect(page, 'customer.create', { name: '北京海淀科技有限公司', nature: 'enterprise' });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  const customer = made.data as { id: number; code: string; name: string; version: number };
  await createUserWithRole(page, {
    username: 'wangwu',
    displayName: '王五',
    password: 'correct-horse-1',
    role: 'clerk',
  });

  // ── the list's checkboxes are named for the customer, in Chinese ─────────────────────────────
  await page.reload(); // the list was open before the customer was made
  await page.getByRole('menuitem', { name: '客户' }).click();
  await expect(page.getByRole('checkbox', { name: `选择 ${customer.code} ${customer.name}` })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '全选' })).toBeVisible();
  const names = await page
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? b.closest('label')?.textContent ?? ''));
  expect(names.filter((n) => /[A-Za-z]{3,}/.test(n.replace(/C\d+/g, '')))).toEqual([]);
  if (process.env.KEHU_SHOTS) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('checkbox', { name: `选择 ${customer.code} ${customer.name}` }).check();
    await page.screenshot({ path: `${process.env.KEHU_SHOTS}/customer-list-zh-CN.png` });
  }

  // ── 取消 on a filled form asks first ─────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await page.getByLabel('客户名称', { exact: true }).fill('上海浦东贸易有限公司');
  await page.getByRole('button', { name: '取消', exact: true }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue('上海浦东贸易有限公司');
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

  // ── a stale save names who changed the customer, when and what ──────────────────────────────
  await page.goto(`${app.url}/#/customers/${customer.id}/edit`);
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue(customer.name);
  const other = await browser.newPage();
  try {
    await other.goto(app.openUrl);
    await signIn(other, 'wangwu', 'correct-horse-1', '王五');
    const saved = await callDirect(other, 'customer.update', {
      id: customer.id,
      version: customer.version,
      name: customer.name,
      nature: 'enterprise',
      website: 'www.hdkj.example.cn',
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
  } finally {
    await other.close();
  }
  await page.getByLabel('备注', { exact: true }).fill('年底对账');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const refused = page.getByRole('alert').filter({ hasText: '保存失败：该客户刚被其他人修改过' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText(/王五 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改了 网址/);
  await expect(page.getByLabel('备注', { exact: true })).toHaveValue('年底对账');
});
