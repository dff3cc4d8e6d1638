import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callDirect, createAdmin, createCustomerDirect, createUserWithRole, signIn } from './steps';

// Issue 12 follow-ups (h6): the customer list's filters and table at 1280 and 1366 px with 0, 1 and
// 50 customers (重置 inline, the table filling the page, the scrollbar below the rows); leaving a
// filled customer form through the sidebar or the browser's back button asks first; the sign-in
// screen says why the session ended.

/** a folder to save screenshots in (KEHU_SHOTS=/tmp/shots/...), as the other specs do */
const SHOTS = process.env.KEHU_SHOTS;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where the list's parts are on the screen (px). */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const q = (s: string) => document.querySelector(s);
    const filters = q('.kh-list-filters');
    const reset = [...(filters?.querySelectorAll('button') ?? [])].pop() ?? null;
    const selects = [...(filters?.querySelectorAll('.ant-select') ?? [])].map(box) as Box[];
    const rows = [...document.querySelectorAll('.kh-customer-table .kh-list-row')].map(box) as Box[];
    // the list scrolls in one box: its horizontal scrollbar, when there is one, is that box's foot
    const scroller = q('.kh-customer-table .kh-list-scroll') as HTMLElement | null;
    const frame = scroller ? scroller.getBoundingClientRect() : null;
    const bar = scroller && scroller.scrollWidth > scroller.clientWidth ? scroller.offsetHeight - scroller.clientHeight - 2 : 0;
    return {
      viewport: window.innerHeight,
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
      reset: box(reset),
      selects,
      body: box(scroller),
      scrollbar: frame && bar > 0 ? { top: frame.bottom - 1 - bar, bottom: frame.bottom - 1, left: frame.left, right: frame.right } : null,
      lastRow: rows.length ? rows[rows.length - 1] : null,
      rowCount: rows.length,
    };
  });
}

/** The list lays out cleanly: the filters on one line with 重置 at its end, the table down to the page's foot. */
async function expectCleanList(page: Page, shot: string, rows: number) {
  if (rows) await expect(page.locator('.kh-customer-table .kh-list-row').first()).toBeVisible();
  else await expect(page.locator('.kh-customer-table .kh-list-empty')).toBeVisible();
  // after a change of window size the list re-measures its height on the next frames: check the
  // layout once it has settled, as a person would see it
  await expect(async () => expectLayout(await measure(page), shot, rows)).toPass({ timeout: 5_000 });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${shot}.png` });
}

function expectLayout(m: Awaited<ReturnType<typeof measure>>, shot: string, rows: number) {
  expect(m.reset, shot).not.toBeNull();
  // 状态, 客户分类, 地区, 行业, 信用等级, 专管业务员, 核对, 排序方式
  expect(m.selects.length, shot).toBe(8);
  const line = (b: Box) => (b.top + b.bottom) / 2;
  // one line: every filter and 重置 share it
  for (const s of m.selects) expect(Math.abs(line(s) - line(m.selects[0])), shot).toBeLessThan(2);
  expect(Math.abs(line(m.reset as Box) - line(m.selects[0])), shot).toBeLessThan(2);
  // the table's body reaches the foot of the page (less the line under it), and the page itself does not scroll
  expect(m.body, shot).not.toBeNull();
  expect((m.body as Box).bottom, shot).toBeGreaterThan(m.viewport - 90);
  expect(m.pageScrolls, shot).toBe(false);
  // a horizontal scrollbar, when there is one, lies below the rows, never over one
  if (m.scrollbar && m.lastRow && rows <= 5)
    expect(m.scrollbar.top, shot).toBeGreaterThanOrEqual(m.lastRow.bottom - 0.5);
}

test('customer list: filters on one line, table fills the page, scrollbar below the rows (0, 1, 50 customers)', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  await page.getByRole('menuitem', { name: '客户' }).click();
  await expectCleanList(page, 'list-0-1280-zh-CN', 0);

  await createCustomerDirect(page, { name: '北京海淀科技有限公司' });
  await page.getByRole('button', { name: '刷新' }).click();
  await expectCleanList(page, 'list-1-1280-zh-CN', 1);
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectCleanList(page, 'list-1-1366-zh-CN', 1);

  for (let i = 2; i <= 50; i++) await createCustomerDirect(page, { name: `测试客户${i}号贸易有限公司` });
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByText('共 50 条')).toBeVisible();
  await expectCleanList(page, 'list-50-1366-zh-CN', 50);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectCleanList(page, 'list-50-1280-zh-CN', 50);

  // ticked customers turn the toolbar to them: still one line, and the rows stay where they were
  const firstRowTop = async () => (await page.locator('.kh-customer-table .kh-list-row').first().boundingBox())!.y;
  const before = await firstRowTop();
  await page.getByRole('checkbox', { name: '全选' }).check();
  await expect(page.getByText('已选 50 位客户')).toBeVisible();
  await expect(page.getByRole('button', { name: '停用（50）' })).toBeVisible();
  await expectToolbarOneLine(page, 'list-50-ticked-1280-zh-CN');
  expect(await firstRowTop()).toBe(before);

  // English labels are longer: still one line at 1280, beside the title
  await page.getByRole('button', { name: 'English' }).click();
  await expectToolbarOneLine(page, 'list-50-ticked-1280-en');
  expect(await firstRowTop()).toBe(before);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('button', { name: 'New customer' })).toBeVisible();
  expect(await firstRowTop()).toBe(before);
  await expect(page.getByRole('button', { name: 'Reset', exact: true })).toBeVisible();
  await expectCleanList(page, 'list-50-1280-en', 50);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '重置', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增客户' })).toBeVisible();
});

/** Every button of the list's toolbar on one line, beside the title. */
async function expectToolbarOneLine(page: Page, shot: string) {
  await expect(async () => {
    const lines = await page.locator('.kh-list-toolbar button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return Math.round((r.top + r.bottom) / 2);
      }),
    );
    expect(lines.length, shot).toBeGreaterThan(4);
    expect(Math.max(...lines) - Math.min(...lines), shot).toBeLessThan(2);
  }).toPass({ timeout: 5_000 });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${shot}.png` });
}

test('leaving a filled customer form by the sidebar or the browser back button asks first', async ({ page, app }) => {
  await page.goto(app.openUrl);
  await createAdmin(page);
  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await page.getByLabel('客户名称', { exact: true }).fill('上海浦东贸易有限公司');
  const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });

  // the sidebar: stay, and the input is still there
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(ask).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/unsaved-sidebar-zh-CN.png` });
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue('上海浦东贸易有限公司');
  expect(page.url()).toContain('#/customers/new');

  // the browser's back button: stay, then leave
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue('上海浦东贸易有限公司');
  expect(page.url()).toContain('#/customers/new');
  await page.goBack();
  await expect(ask).toHaveCount(1);
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

  // nothing typed: no question; a saved form leaves without one
  await page.getByRole('button', { name: '新增客户' }).click();
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByRole('button', { name: '新增客户' }).click();
  await expect(page.getByRole('heading', { name: '新增客户' })).toBeVisible();
  await page.getByLabel('客户名称', { exact: true }).fill('广州天河商行有限公司');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '广州天河商行有限公司' })).toBeVisible();
  await expect(ask).toBeHidden();
});

test('the sign-in screen says why the session ended: account disabled, password reset', async ({
  page,
  browser,
  app,
}) => {
  await page.goto(app.openUrl);
  await createAdmin(page);
  const clerk = await createUserWithRole(page, {
    username: 'wangwu',
    displayName: '王五',
    password: 'correct-horse-1',
    role: 'clerk',
  });
  const other = await browser.newPage();
  try {
    await other.goto(app.openUrl);
    await signIn(other, 'wangwu', 'correct-horse-1', '王五');
    const reset = await callDirect(page, 'user.resetPassword', { id: clerk.id, password: 'correct-horse-2' });
    expect(reset.ok, JSON.stringify(reset)).toBe(true);
    await expect(other.getByText('管理员已重置你的密码，已退出登录。请使用新密码登录。')).toBeVisible();
    await expect(other.getByText('会话已过期，请重新登录')).toBeHidden();

    await signIn(other, 'wangwu', 'correct-horse-2', '王五');
    const list = await callDirect(page, 'user.list', {});
    const row = (list.data.items as { id: number; version: number }[]).find((u) => u.id === clerk.id);
    const off = await callDirect(page, 'user.setDisabled', { id: clerk.id, version: row?.version, disabled: true });
    expect(off.ok, JSON.stringify(off)).toBe(true);
    await expect(other.getByText('你的账号已被管理员停用，已退出登录。如有疑问请联系管理员。')).toBeVisible();
    if (SHOTS) await other.screenshot({ path: `${SHOTS}/session-ended-disabled-zh-CN.png` });
  } finally {
    await other.close();
  }
});
