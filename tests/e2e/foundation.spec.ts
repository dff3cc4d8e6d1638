import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callDirect, createAdmin, signOut } from './steps';

// Issue 2 acceptance: first-run admin creation → login → create a clerk → logout → clerk logs in →
// no Users page for the clerk and user.* refused on direct calls → the operation log shows the
// clerk's creation with who and when → English switch changes the shell's labels.

async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByText('登录', { exact: true }).first()).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('first run, users and roles, operation log, language', async ({ page, app }) => {
  await page.goto(app.openUrl);

  // first run: the administrator is created here; no default account exists
  await createAdmin(page);

  // login
  await signOut(page, '系统管理员');
  await signIn(page, 'admin', 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('用户名或密码');
  await signIn(page, 'admin', 'admin-pass-1');

  // create a clerk
  await page.getByRole('menuitem', { name: '用户' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名', { exact: true }).fill('clerk1');
  await dialog.getByLabel('显示名称', { exact: true }).fill('小王');
  await dialog.getByLabel('密码', { exact: true }).fill('clerk-pass-1');
  await dialog.getByLabel('确认密码', { exact: true }).fill('clerk-pass-1');
  await dialog.getByRole('checkbox', { name: '业务员' }).check();
  const createdAfter = new Date();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const clerkRow = page.getByRole('row').filter({ hasText: 'clerk1' });
  await expect(clerkRow).toContainText('小王');
  await expect(clerkRow).toContainText('业务员');
  await signOut(page, '系统管理员');

  // the clerk signs in: no Users page offered, and the channels refuse the clerk's session
  await signIn(page, 'clerk1', 'clerk-pass-1');
  await expect(page.getByRole('button', { name: '小王', exact: true })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '用户' })).toHaveCount(0);
  await page.goto(`${app.url}/#/users`);
  await expect(page.getByRole('heading', { name: '用户管理' })).toHaveCount(0);
  for (const [channel, input] of [
    ['user.list', {}],
    ['user.create', { username: 'mole', displayName: 'M', password: 'mole-pass-1', roles: ['admin'] }],
    ['user.setDisabled', { id: 1, version: 1, disabled: true }],
  ] as const) {
    expect(await callDirect(page, channel, input)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' },
    });
  }
  await signOut(page, '小王');

  // the operation log, as admin, shows the clerk's creation with who and when
  await signIn(page, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const created = page.getByRole('row').filter({ hasText: 'clerk1' }).filter({ hasText: '新增' });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('系统管理员');
  const when = ((await created.getByRole('cell').first().textContent()) ?? '').trim();
  // shown in local time (Asia/Shanghai in this test), to the second
  expect(when).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const shown = new Date(`${when.replace(' ', 'T')}+08:00`).getTime();
  expect(Math.abs(shown - createdAfter.getTime())).toBeLessThan(60_000);
  // nobody ever got the mole account
  await expect(page.getByRole('row').filter({ hasText: 'mole' })).toHaveCount(0);

  // English switch changes the shell's labels
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Operation log' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '操作日志' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
});

// Issue 14 (goal 5): the entry's stylesheet no longer blocks the skeleton's first paint, and the
// app still never draws antd's components before it applies. The stylesheet is held back here so
// both orders are plain to see: a render that did not wait for it would show a grey button.
test('the skeleton paints before the stylesheet arrives; the first screen draws styled', async ({ page, app }) => {
  await page.route('**/assets/*.css', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __firstButton?: string };
    const obs = new MutationObserver(() => {
      const button = document.querySelector('.ant-btn-primary');
      if (!button) return;
      // read as the button enters the page, before any later frame could fix it
      w.__firstButton = getComputedStyle(button).backgroundColor;
      obs.disconnect();
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  await page.goto(app.openUrl);
  await expect(page.getByRole('button', { name: '创建管理员' })).toBeVisible();
  const seen = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-paint', 'paint')[0]?.startTime ?? null;
    const css = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.css'));
    return {
      paint,
      cssEnd: css ? (css as PerformanceResourceTiming).responseEnd : null,
      firstButton: (window as unknown as { __firstButton?: string }).__firstButton,
    };
  });
  expect(seen.paint).not.toBeNull();
  expect(seen.cssEnd).not.toBeNull();
  expect(seen.paint!).toBeLessThan(seen.cssEnd!);
  // antd's primary colour (#1677ff), not the browser's grey
  expect(seen.firstButton).toBe('rgb(22, 119, 255)');
});

test('the sign-in messages shown follow a switch of language', async ({ page, app }) => {
  await page.goto(app.openUrl);
  await createAdmin(page);
  await signOut(page, '系统管理员');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('此项为必填项')).toHaveCount(2);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('此项为必填项')).toHaveCount(0);
  await expect(page.getByText('This field is required')).toHaveCount(2);
});
