import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, freePort, startWeb, test } from './fixtures';
import { createAdmin, createUserWithRole, signIn } from './steps';

/**
 * 办公室网络 (issue 18): the server serves its LAN listener on a second loopback address
 * (127.0.0.2 stands in for the office LAN) with the certificate authority it made. A second
 * Chromium trusts only that server's key (`--ignore-certificate-errors-spki-list`, the hash the
 * pairing QR code carries): the page is a secure context without certificate checks turned off.
 * The admin makes a pairing code on 设置 → 办公室网络; the QR code on the screen is decoded
 * (zbarimg) and opened by the second browser, which pairs, signs in as a clerk and creates a
 * customer; the admin sees it; 撤销 refuses the device at once.
 */

const LAN_ADDRESS = '127.0.0.2';
const CLERK = { username: 'wangxiao', displayName: '业务员小王', password: 'clerk-pass-1', role: 'clerk' };
const CUSTOMER = '杭州西湖网络设备有限公司';
/** typed on the device while the server restarts */
const TYPED = '杭州西湖茶园农业有限公司';

/** Screens of this test (test-results/network/): the README's pictures come from here. */
const SHOTS = path.join(__dirname, '../../test-results/network');
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** The text of the QR code shown on the page, read back from a screenshot of it (zbarimg). */
async function decodeQr(page: Page): Promise<string> {
  const file = path.join(os.tmpdir(), `kehu-e2e-qr-${process.pid}.png`);
  await page.getByRole('img', { name: '配对二维码' }).screenshot({ path: file });
  try {
    return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

test('a second browser pairs over the office network, a clerk creates a customer there, 撤销 refuses it at once', async ({
  page,
  playwright,
  launchOptions,
}) => {
  test.setTimeout(120_000);
  const lanPort = await freePort(LAN_ADDRESS);
  const lanArgs = ['--lan', `${LAN_ADDRESS}:${lanPort}`];
  let { host, child, output } = await startWeb(undefined, lanArgs);
  let phoneBrowser: Browser | null = null;
  try {
    const lanUrl = `https://${LAN_ADDRESS}:${lanPort}/`;
    await expect.poll(output, { timeout: 30_000 }).toContain(lanUrl);

    // ── the server PC: the administrator, a clerk, 设置 → 办公室网络 ─────────────────────────
    await page.goto(host.openUrl);
    await createAdmin(page);
    await createUserWithRole(page, CLERK);
    await page.goto(`${host.url}/#/settings?tab=network`);
    await expect(page.getByText('运行中', { exact: true })).toBeVisible();
    await expect(page.getByText(lanUrl, { exact: true })).toBeVisible();
    await shot(page, 'settings-network');

    // 添加设备 → a pairing code for a phone or browser
    await page.getByRole('button', { name: '添加设备' }).click();
    await page.getByRole('button', { name: '生成配对码' }).click();
    await expect(page.getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)).toBeVisible();
    const pairUrl = await decodeQr(page);
    await shot(page, 'pair-code');
    expect(pairUrl.startsWith(`${lanUrl}pair#t=`), pairUrl).toBe(true);
    const spki = decodeURIComponent(new URL(pairUrl).hash.split('spki=')[1] ?? '');
    expect(spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    // ── the second device: trusts only this server's key, opens the QR code's address ─────────
    // the suite's own Chromium and flags (playwright.config.ts), plus the one pinned key
    const second = await playwright.chromium.launch({
      ...launchOptions,
      args: [...(launchOptions.args ?? []), `--ignore-certificate-errors-spki-list=${spki}`],
    });
    phoneBrowser = second;
    const phone = await (
      await phoneBrowser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 800 },
      })
    ).newPage();
    await phone.goto(pairUrl);
    // paired: the app's sign-in page, served over HTTPS to a secure context
    await expect(phone.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 20_000 });
    expect(phone.url().startsWith(lanUrl)).toBe(true);
    expect(await phone.evaluate(() => window.isSecureContext)).toBe(true);

    // the server PC's dialog sees the pairing and closes it as paired
    await expect(page.getByText('配对成功')).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: '完成' }).click();

    // the clerk signs in on the device with their own account and creates a customer
    await signIn(phone, CLERK.username, CLERK.password, CLERK.displayName);
    await phone.getByRole('menuitem', { name: '客户' }).click();
    await phone.getByRole('button', { name: '新增客户' }).click();
    await expect(phone.getByRole('heading', { name: '新增客户' })).toBeVisible();
    await phone.getByLabel('客户名称', { exact: true }).fill(CUSTOMER);
    await phone.getByLabel('姓名', { exact: true }).first().fill('陈晓');
    await phone.getByRole('button', { name: '保存', exact: true }).click();
    await expect(phone.getByText('保存成功')).toBeVisible();

    // ── the server stops while the clerk types; what was typed is saved once it is back ──────────
    await phone.getByRole('menuitem', { name: '客户' }).click();
    await phone.getByRole('button', { name: '新增客户' }).click();
    await expect(phone.getByRole('heading', { name: '新增客户' })).toBeVisible();
    await phone.getByLabel('客户名称', { exact: true }).fill(TYPED);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await phone.getByLabel('姓名', { exact: true }).first().fill('林静');
    await phone.getByRole('button', { name: '保存', exact: true }).click();
    await expect(
      phone.getByRole('alert').filter({ hasText: `无法连接到办公室服务器 ${LAN_ADDRESS}:${lanPort}` }),
    ).toBeVisible({
      timeout: 15_000,
    });
    await expect(phone.getByText(`服务器 ${LAN_ADDRESS}:${lanPort}（未连接）`)).toBeVisible();
    await shot(phone, 'device-server-down');
    // the same archive served again at the same address; its sessions were in memory only
    ({ host, child, output } = await startWeb(host.dataDir, lanArgs));
    await expect.poll(output, { timeout: 30_000 }).toContain(lanUrl);
    const again = phone.getByRole('dialog').filter({ hasText: '请重新登录' });
    await expect(again).toBeVisible({ timeout: 20_000 });
    await shot(phone, 'device-sign-in-again');
    await expect(phone.getByLabel('客户名称', { exact: true })).toHaveValue(TYPED);
    await again.getByLabel('密码', { exact: true }).fill(CLERK.password);
    await again.getByRole('button', { name: '登录并继续' }).click();
    await expect(phone.getByText('保存成功')).toBeVisible({ timeout: 15_000 });
    await expect(phone.getByRole('alert').filter({ hasText: '无法连接' })).toHaveCount(0);

    // ── the server PC sees the customers, and the device with its session ──────────────────────
    await page.goto(host.openUrl);
    await signIn(page, 'admin', 'admin-pass-1', '系统管理员');
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByRole('searchbox', { name: '搜索客户' }).fill('西湖茶园');
    await expect(page.getByRole('row').filter({ hasText: TYPED })).toHaveCount(1);
    await page.getByRole('searchbox', { name: '搜索客户' }).fill('西湖网络');
    await expect(page.getByRole('row').filter({ hasText: CUSTOMER })).toHaveCount(1);
    await page.goto(`${host.url}/#/settings?tab=network`);
    const deviceRow = page.getByRole('row').filter({ hasText: '手机或浏览器' });
    await expect(deviceRow).toHaveCount(1);
    await expect(deviceRow).toContainText('正常');
    await deviceRow.scrollIntoViewIfNeeded();
    await shot(page, 'devices');

    const deviceName = ((await deviceRow.getByRole('cell').first().textContent()) ?? '').trim();
    expect(deviceName.length).toBeGreaterThan(0);

    // the operation log names the device beside the clerk
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const created = page.getByRole('row').filter({ hasText: CUSTOMER }).filter({ hasText: '新增' });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(CLERK.displayName);
    await expect(created).toContainText(`经 ${deviceName}`);
    await page.goto(`${host.url}/#/settings?tab=network`);

    // ── 撤销: the device's next call is refused, its session is gone ───────────────────────────
    await deviceRow.getByRole('button', { name: '撤销' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因（可选）').fill('测试：手机丢失');
    await dialog.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('row').filter({ hasText: '已撤销' })).toHaveCount(1);

    const refused = await phone.evaluate(async () => {
      const res = await fetch('/api/customer.search', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: '西湖' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', messageKey: 'network.errors.deviceUnknown' },
    });
    await phone.reload();
    await expect(phone.getByRole('heading', { name: '此设备尚未配对' })).toBeVisible();
  } finally {
    await phoneBrowser?.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  }
});
