import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { connect } from '../../electron/client/connect';
import type { ConnectAnswer, LauncherState, RetryAnswer } from '../../electron/core/network/shared/launch-bridge';
import { type ClientLaunch, readLaunch } from '../../electron/client/launch-file';
import { probeServer, REACH_KEYS } from '../../electron/client/reach';
import { expect, freePort, startWeb, test } from './fixtures';
import { callDirect, createAdmin } from './steps';

/**
 * The desktop app's launcher (issue 18, the other PCs), in Chromium: the built page with a
 * `window.launch` bridge made of the real Node functions (electron/client: connect, probeServer)
 * exposed to the page, against a real server (`npm run web -- --lan 127.0.0.2:PORT`). The
 * Electron glue around it (windows, IPC) cannot run here.
 */

const LAN_ADDRESS = '127.0.0.2';
const SHOTS = path.resolve(__dirname, '../../test-results/launch');

interface Bridged {
  /** what chooseLocal was called with */
  chosen: string[];
}

/** Installs `window.launch` on the page: the real connect/probe in this process, state as given. */
async function bridge(page: Page, dataDir: string, state: LauncherState, client?: ClientLaunch): Promise<Bridged> {
  const seen: Bridged = { chosen: [] };
  await page.exposeFunction('__launchState', () => state);
  await page.exposeFunction('__launchLocal', () => {
    seen.chosen.push('local');
  });
  await page.exposeFunction(
    '__launchConnect',
    async (text: string, address: string, confirmedCa?: string): Promise<ConnectAnswer> => {
      const r = await connect(text, { dataDir, address, confirmedCa });
      return r.ok ? { ok: true } : r;
    },
  );
  await page.exposeFunction('__launchRetry', async (): Promise<RetryAnswer> => {
    if (!client) return { ok: false, messageKey: 'launch.errors.unreachable' };
    const reach = await probeServer(client);
    return reach === 'ok' ? { ok: true } : { ok: false, messageKey: REACH_KEYS[reach] };
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    (window as unknown as { launch: unknown }).launch = {
      state: () => w.__launchState(),
      chooseLocal: () => w.__launchLocal(),
      connect: (text: string, address: string, confirmedCa?: string) => w.__launchConnect(text, address, confirmedCa),
      retry: () => w.__launchRetry(),
      moveServer: () => Promise.resolve({ ok: false, messageKey: 'launch.errors.unreachable' }),
    };
  });
  return seen;
}

test('first start: the choice, then connecting with a typed code (fingerprint compared) and with the QR code', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const lanPort = await freePort(LAN_ADDRESS);
  const { host, child, output } = await startWeb(undefined, ['--lan', `${LAN_ADDRESS}:${lanPort}`]);
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-client-'));
  const serverContext = await browser.newContext({ locale: 'zh-CN' });
  try {
    await expect.poll(output, { timeout: 30_000 }).toContain(`https://${LAN_ADDRESS}:${lanPort}/`);
    // the server PC: its administrator makes pairings for another PC's app
    const server = await serverContext.newPage();
    await server.goto(host.openUrl);
    await createAdmin(server);
    const pairing = async () =>
      (await callDirect(server, 'network.pairStart', { kind: 'desktop', name: null })) as {
        ok: true;
        data: { url: string; shortCode: string };
      };
    const status = (await callDirect(server, 'network.status', {})) as { data: { caFingerprint: string } };

    // ── this PC, first start: the launcher page of the local bundle ────────────────────────────
    await page.setViewportSize({ width: 1280, height: 800 });
    const seen = await bridge(page, clientDir, { screen: 'choose' });
    await page.goto(host.openUrl);
    await expect(page.getByText('这台电脑如何使用客户管理？')).toBeVisible();
    await expect(page.getByRole('button', { name: /本机保存数据/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /连接到办公室服务器/ })).toBeVisible();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'first-run-zh.png') });

    await page.getByRole('button', { name: /连接到办公室服务器/ }).click();
    await expect(page.getByText('连接到办公室服务器', { exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'connect-zh.png') });

    // a code without the address, then a wrong code: said beside the form
    await page.getByLabel('二维码内容或配对码').fill('abcd efgh');
    await page.getByRole('button', { name: '连接' }).click();
    await expect(page.getByRole('alert')).toContainText('请同时填写服务器地址');
    await page.getByLabel('服务器地址').fill(`${LAN_ADDRESS}:${lanPort}`);
    await page.getByRole('button', { name: '连接' }).click();
    await expect(page.getByText('请核对证书指纹')).toBeVisible();
    await expect(page.getByTestId('launch-fingerprint')).toHaveText(status.data.caFingerprint);
    await page.getByRole('button', { name: '指纹一致，连接' }).click();
    await expect(page.getByRole('alert')).toContainText('配对码无效或已使用');

    // the real code, typed in lower case with spaces: the fingerprint is compared, then it pairs
    const typed = await pairing();
    await page.getByLabel('二维码内容或配对码').fill(typed.data.shortCode.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: '连接' }).click();
    await expect(page.getByTestId('launch-fingerprint')).toHaveText(status.data.caFingerprint);
    await page.screenshot({ path: path.join(SHOTS, 'confirm-zh.png') });
    await page.getByRole('button', { name: '指纹一致，连接' }).click();
    await expect.poll(() => readLaunch(clientDir)?.mode ?? null).toBe('client');
    const launch = readLaunch(clientDir) as ClientLaunch;
    expect(launch.serverUrl).toBe(`https://${LAN_ADDRESS}:${lanPort}`);
    expect(await probeServer(launch)).toBe('ok');

    // the QR code's address pairs at once (a scanner types it and Enter); a forged key hash does not
    fs.rmSync(path.join(clientDir, 'launch.json'));
    const qr = await pairing();
    await page
      .getByRole('button', { name: '不一致，取消' })
      .click()
      .catch(() => undefined);
    const forged = qr.data.url.replace(
      /spki=[^&]+/,
      `spki=${encodeURIComponent(Buffer.alloc(32, 1).toString('base64'))}`,
    );
    await page.getByLabel('二维码内容或配对码').fill(forged);
    await page.getByLabel('二维码内容或配对码').press('Enter');
    await expect(page.getByRole('alert')).toContainText('服务器证书与二维码不一致');
    expect(readLaunch(clientDir)).toBeNull();
    await page.getByLabel('二维码内容或配对码').fill(qr.data.url);
    await page.getByLabel('二维码内容或配对码').press('Enter');
    await expect.poll(() => readLaunch(clientDir)?.mode ?? null).toBe('client');
    expect(seen.chosen).toEqual([]);

    // 本机保存数据 on the first-run screen
    await page.reload();
    await page.getByRole('button', { name: /本机保存数据/ }).click();
    await expect.poll(() => seen.chosen).toEqual(['local']);
  } finally {
    await serverContext.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(host.dataDir, { recursive: true, force: true });
    fs.rmSync(clientDir, { recursive: true, force: true });
  }
});

test('a client PC whose server does not answer: the offline page says so and retries; no local archive offered', async ({
  page,
  app,
}) => {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-client-'));
  try {
    const deadPort = await freePort(LAN_ADDRESS);
    const client: ClientLaunch = {
      mode: 'client',
      serverUrl: `https://${LAN_ADDRESS}:${deadPort}`,
      caCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      deviceSecret: 'Zb3_kq-9xY7wVu5tSr3qPo1nMl-kJi9hGf7eDc5bA3Z',
      pairedAt: new Date().toISOString(),
    };
    await page.setViewportSize({ width: 1280, height: 800 });
    await bridge(
      page,
      clientDir,
      { screen: 'offline', server: `${LAN_ADDRESS}:${deadPort}`, messageKey: 'launch.offline.connecting' },
      client,
    );
    await page.goto(app.openUrl);
    await expect(page.getByText(`无法连接到办公室服务器 ${LAN_ADDRESS}:${deadPort}`)).toBeVisible();
    await expect(page.getByText(/正在重试/)).toBeVisible();
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status')).toContainText('无法连接到服务器');
    await expect(page.getByText('本机保存数据')).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, 'offline-zh.png') });
    // 重新配对 opens the connect form; 返回 comes back to the offline page
    await page.getByRole('button', { name: '重新配对' }).click();
    await expect(page.getByLabel('二维码内容或配对码')).toBeVisible();
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByText(`无法连接到办公室服务器 ${LAN_ADDRESS}:${deadPort}`)).toBeVisible();
  } finally {
    fs.rmSync(clientDir, { recursive: true, force: true });
  }
});
