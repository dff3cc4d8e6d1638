import { expect, type Locator, type Page } from '@playwright/test';

/** Steps the specs share. */

/** First run: creates the administrator 系统管理员 (admin / admin-pass-1) on the 首次设置 screen. */
export async function createAdmin(page: Page) {
  await expect(page.getByText('首次设置')).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('显示名称', { exact: true }).fill('系统管理员');
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
  await page.getByLabel('确认密码', { exact: true }).fill('admin-pass-1');
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByRole('button', { name: '系统管理员', exact: true })).toBeVisible();
}

/** A direct call with the page's own session cookie, bypassing the UI. */
export function callDirect(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [channel, input] as const,
  );
}

/**
 * Signs in on the 登录 screen and waits for the user menu (named after the display name). The
 * button is found by a name containing 登录: after a refused sign-in, antd may leave its hidden
 * loading icon in the button while the icon's exit animation waits on a loaded machine, and the
 * button's accessible name is then "loading 登录" (a CI run showed it).
 */
export async function signIn(page: Page, username: string, password: string, displayName: string) {
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: displayName, exact: true })).toBeVisible();
}

/** Signs out through the user menu (the button named after the display name). */
export async function signOut(page: Page, displayName: string) {
  await page.getByRole('button', { name: displayName, exact: true }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

/** Creates a user with one role by a direct call (the page must be signed in as an administrator). */
export async function createUserWithRole(
  page: Page,
  user: { username: string; displayName: string; password: string; role: string },
) {
  const made = await callDirect(page, 'user.create', {
    username: user.username,
    displayName: user.displayName,
    password: user.password,
    roles: [user.role],
  });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  return made.data as { id: number };
}

/** Creates a customer by a direct call; returns its id and code. */
export async function createCustomerDirect(page: Page, input: Record<string, unknown>) {
  const made = await callDirect(page, 'customer.create', { nature: 'enterprise', ...input });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  return made.data as { id: number; code: string; name: string };
}

/**
 * Clicks an item of an open antd popup (Select, Cascader) once the popup's opening motion is over:
 * on a loaded machine the item can still move between Playwright's check of where it is and the
 * click, which then lands beside it and chooses nothing.
 */
export async function pickOption(item: Locator) {
  const popup = item.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), "-dropdown ")][1]');
  await expect(popup).not.toHaveClass(/-(appear|enter)\b/);
  await item.click();
}
