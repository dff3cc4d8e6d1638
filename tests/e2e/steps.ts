import { expect, type Page } from '@playwright/test';

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
