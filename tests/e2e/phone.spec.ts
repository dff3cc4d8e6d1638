import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, devices, type Page } from '@playwright/test';
import { makeLabelVideo } from './camera/label-video';
import { expect, freePort, startWeb, test } from './fixtures';
import { BT, expectEveryScanOnce, forwardPinned, phoneScans, scanRun, scanWithGaps } from './phone-steps';
import { SimScanner, seedArchive } from './stocktake-steps';
import { callDirect, createAdmin, createUserWithRole, signIn } from './steps';

/**
 * 手机盘点 (issue 19): a phone (Pixel 7 profile, a second Chromium trusting only the server's key,
 * its fake camera filming a label the app printed) pairs over the office listener (127.0.0.2), is
 * sent to /m/, signs in as a clerk, downloads the stocktake, scans a label by camera and counts by
 * a Bluetooth scanner (key bursts with their own timestamps); offline it keeps counting, a reload
 * offline opens from the service worker with the waiting scans; back online every scan reaches the
 * PC once. The server then dies while a sync page is on its way (stored, answer lost): after a
 * restart on the same archive and address the resend adds nothing twice.
 */

const LAN_ADDRESS = '127.0.0.2';
const CLERK = { username: 'lixiao', displayName: '盘点员小李', password: 'clerk-pass-1', role: 'clerk' };
const SHOTS = path.join(__dirname, '../../test-results/phone');
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const waiting = (phone: Page) => phone.getByTestId('waiting-count');
const feedback = (phone: Page) => phone.getByTestId('scan-feedback');

/** ends the server and waits for it to be gone (SIGKILL after 10 s if a SIGTERM is not enough) */
async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

test('a phone counts over the office network, by camera and scanner, offline too, and every scan reaches the PC once', async ({
  page,
  playwright,
  launchOptions,
}) => {
  test.setTimeout(180_000);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-phone-'));
  const lanPort = await freePort(LAN_ADDRESS);
  const lanArgs = ['--lan', `${LAN_ADDRESS}:${lanPort}`];
  const servers: ChildProcess[] = [];
  let { host, child, output } = await startWeb(undefined, lanArgs);
  servers.push(child);
  let phoneBrowser: Browser | null = null;
  try {
    const lanUrl = `https://${LAN_ADDRESS}:${lanPort}/`;
    await expect.poll(output, { timeout: 30_000 }).toContain(lanUrl);

    // ── the server PC: admin, a clerk, customers, a stocktake being counted, a pairing code ─────
    await page.goto(host.openUrl);
    await createAdmin(page);
    await createUserWithRole(page, CLERK);
    const a = await seedArchive(page, 60, 'PH');
    const made = await callDirect(page, 'stocktake.create', {
      name: '手机盘点测试',
      scope: { kind: 'filter', filters: { categoryId: a.categoryId } },
      start: true,
    });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const stocktakeId = made.data.id as number;
    // the label of the first customer, printed by the app, filmed for the phone's fake camera
    const filmed = a.active[0];
    const { y4m } = await makeLabelVideo(page, host.url, filmed, tmp);
    const pairing = await callDirect(page, 'network.pairStart', { kind: 'browser', name: null });
    expect(pairing.ok, JSON.stringify(pairing)).toBe(true);
    const pairUrl = pairing.data.url as string;
    const spki = decodeURIComponent(new URL(pairUrl).hash.split('spki=')[1] ?? '');

    // ── the phone: Pixel 7, trusting only this server's key, its camera filming the label ────
    phoneBrowser = await playwright.chromium.launch({
      ...launchOptions,
      args: [
        ...(launchOptions.args ?? []),
        `--ignore-certificate-errors-spki-list=${spki}`,
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ],
    });
    const { defaultBrowserType: _b, ...pixel } = devices['Pixel 7'];
    const context = await phoneBrowser.newContext({
      ...pixel,
      viewport: { width: 412, height: 915 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await context.grantPermissions(['camera'], { origin: new URL(lanUrl).origin });
    // everything the phone asks for (its page and its service worker): the server's origin only
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const phone = await context.newPage();
    const scanner = await SimScanner.attach(phone);
    await phone.goto(pairUrl);
    // paired: a phone is sent to the counting page
    await expect(phone.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 20_000 });
    expect(phone.url()).toBe(`${lanUrl}m/`);
    await shot(phone, '1-sign-in');
    await phone.locator('input[aria-label="用户名"]').fill(CLERK.username);
    await phone.locator('input[aria-label="密码"]').fill(CLERK.password);
    await phone.getByRole('button', { name: '登录' }).click();

    // choose the stocktake: its expected set is downloaded
    const item = phone.getByText('手机盘点测试');
    await expect(item).toBeVisible();
    await shot(phone, '2-stocktakes');
    await item.click();
    const field = phone.getByTestId('scan-field');
    await expect(field).toBeVisible({ timeout: 20_000 });
    await expect(phone.getByText(/^已盘 0 \/ 应盘 60$/)).toBeVisible();
    // the service worker has the app shell and the decoder before the phone goes offline
    await phone.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => phone.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);

    // ── the camera: the printed label is read and counted ──────────────────────────────────
    await phone.getByRole('button', { name: '相机' }).click();
    const camera = phone.getByRole('dialog', { name: '扫码' });
    await expect(camera).toBeVisible();
    // what was read shows on top of the camera, and on the counting screen behind it
    await expect(phone.getByTestId('camera-feedback')).toContainText(`${filmed.code} ${filmed.name}`, {
      timeout: 30_000,
    });
    await expect(phone.getByTestId('camera-feedback')).toContainText('找到');
    await expect(feedback(phone)).toContainText(`${filmed.code} ${filmed.name}`);
    await shot(phone, '3-camera');
    // the decoder's wasm came from the server itself (never a CDN), and nothing else was asked elsewhere
    expect(requested.filter((u) => u.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith(lanUrl))).toEqual([]);
    await camera.getByRole('button', { name: '关闭' }).click();
    await expect(camera).toHaveCount(0);
    await expect(waiting(phone)).toHaveAttribute('data-count', '0', { timeout: 15_000 });
    const counted = [filmed.code];

    // ── online: three scans by the Bluetooth scanner, one of them twice ────────────────────
    for (const c of a.active.slice(1, 4)) {
      await scanner.scan(c.code, BT);
      await expect(feedback(phone)).toContainText(c.code);
      counted.push(c.code);
    }
    await scanner.scan(a.active[1].code, BT);
    counted.push(a.active[1].code);
    await expect(feedback(phone)).toContainText('已盘过（本机）');
    await expect(waiting(phone)).toHaveAttribute('data-count', '0', { timeout: 15_000 });
    await expect(feedback(phone)).toContainText('重复扫描');
    // the Bluetooth link stalls after the first key: the code is still read whole, nothing left in the field
    const stalled = a.active[4];
    await scanWithGaps(await context.newCDPSession(phone), stalled.code, [120, 8, 8, 8, 8]);
    counted.push(stalled.code);
    await expect(feedback(phone)).toContainText(`${stalled.code} ${stalled.name}`);
    await expect(field).toHaveValue('');
    await expect(phone.getByText(/^已盘 5 \/ 应盘 60$/)).toBeVisible();
    await expect(waiting(phone)).toHaveAttribute('data-count', '0', { timeout: 15_000 });
    await shot(phone, '4-counting-online');

    // ── offline: 50 more, label after label, the next burst coming while the last is stored ──
    await context.setOffline(true);
    await expect(phone.getByTestId('net-state')).toHaveText('离线');
    // meanwhile at the PC a customer the phone will count offline is frozen: the phone cannot know
    const frozen = a.active[53];
    const reasons = await callDirect(page, 'lookup.list', { kinds: ['deactivationReason'] });
    const reasonId = reasons.data.items.find((i: { name: string }) => i.name === '信用风险').id;
    // (it is in the open stocktake: an open item the freeze acknowledges)
    const froze = await callDirect(page, 'customer.freeze', {
      ids: [frozen.id],
      reasonId,
      memo: '逾期',
      acknowledgeOpenItems: true,
    });
    expect(froze.ok, JSON.stringify(froze)).toBe(true);
    const offline = a.active.slice(5, 55).map((c) => c.code);
    await scanRun(scanner, offline);
    counted.push(...offline);
    await expect(waiting(phone)).toHaveAttribute('data-count', '50');
    await expect(feedback(phone)).toContainText(offline[49]);
    await scanner.scan(a.unknownCode, BT);
    counted.push(a.unknownCode);
    await expect(feedback(phone)).toContainText('不在名单中 — 同步后确认');
    await expect(waiting(phone)).toHaveAttribute('data-count', '51');
    await expect(phone.getByText(/^已盘 55 \/ 应盘 60$/)).toBeVisible();
    await shot(phone, '5-counting-offline');
    // offline the phone knew it as a customer of the list, as downloaded
    await expect(phone.getByTestId('recent-scan').filter({ hasText: frozen.code })).toContainText('找到');

    // a note with its evidence, written offline about a scan still waiting: kept on the phone
    const noted = offline[49];
    await phone.getByTestId('recent-scan').filter({ hasText: noted }).click();
    const sheet = phone.locator('.adm-popup-body').filter({ hasText: '备注与更正' });
    await expect(sheet).toContainText('这次扫描还没有同步');
    await sheet.getByLabel('备注').locator('textarea').fill('门店已搬迁到二楼');
    await sheet.getByText('合同', { exact: true }).click();
    await sheet.getByRole('button', { name: '保存' }).click();
    await expect(sheet.getByTestId('line-edit')).toHaveAttribute('data-state', 'waiting');
    await shot(phone, '5b-note-offline');
    await sheet.getByRole('button', { name: '关闭' }).click();

    // the page reloaded offline opens from the service worker, the scans still waiting
    await phone.reload();
    await expect(phone.getByTestId('scan-field')).toBeVisible({ timeout: 20_000 });
    await expect(waiting(phone)).toHaveAttribute('data-count', '51');
    await expect(phone.getByTestId('recent-scan').filter({ hasText: '等待同步' })).toHaveCount(30);
    await shot(phone, '6-reloaded-offline');

    // ── back online: everything synced, once ────────────────────────────────────────────────
    await context.setOffline(false);
    await expect(waiting(phone)).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await expect(feedback(phone)).toContainText('未知编码');
    // the customer frozen while the phone was offline: classified as of the sync, and shown so
    await expect(phone.getByTestId('recent-scan').filter({ hasText: frozen.code })).toContainText('冻结客户');
    await shot(phone, '7-synced');
    await expectEveryScanOnce(page, phone, stocktakeId, counted);
    // the note reached its line after its scan
    await expect
      .poll(async () => {
        const r = await callDirect(page, 'stocktake.lines', { stocktakeId, q: noted });
        return r.data.items.map((l: { note: string | null; evidence: string[] }) => [l.note, l.evidence]);
      })
      .toEqual([['门店已搬迁到二楼', ['contract']]]);

    // ── the server dies while a sync page is on its way: stored, the answer lost ────────────
    await context.setOffline(true);
    const last = a.active.slice(55, 60).map((c) => c.code);
    await scanRun(scanner, last);
    counted.push(...last);
    await expect(waiting(phone)).toHaveAttribute('data-count', '5');
    let caught = false;
    let killed = false;
    const dying = child;
    await phone.route('**/api/stocktake.syncScans', async (route) => {
      if (caught) return route.continue();
      caught = true;
      // the server gets the page and stores it; it dies before the phone hears the answer
      await forwardPinned(route.request(), spki);
      await stop(dying, 'SIGKILL');
      killed = true;
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(() => killed, { timeout: 30_000 }).toBe(true);
    expect(dying.signalCode).toBe('SIGKILL');
    await expect(waiting(phone)).toHaveAttribute('data-count', '5');
    await phone.unroute('**/api/stocktake.syncScans');

    // the same archive served again at the same address (sessions were in memory: sign in again)
    ({ host, child, output } = await startWeb(host.dataDir, lanArgs));
    servers.push(child);
    await expect.poll(output, { timeout: 30_000 }).toContain(lanUrl);
    await expect(phone.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 30_000 });
    await expect(phone.getByText('未同步的扫描已保存在本机')).toBeVisible();
    await shot(phone, '8-sign-in-again');
    await phone.locator('input[aria-label="密码"]').fill(CLERK.password);
    await phone.getByRole('button', { name: '登录' }).click();
    await expect(waiting(phone)).toHaveAttribute('data-count', '0', { timeout: 30_000 });

    await expect.poll(async () => (await phoneScans(phone)).filter((s) => s.pending).length).toBe(0);
    // the page the dead server had stored came back as resent (replayed), not counted again
    const resent = (await phoneScans(phone)).filter((s) => last.includes(s.code));
    expect(resent.map((s) => s.replayed)).toEqual(last.map(() => true));
    await page.goto(host.openUrl);
    await signIn(page, 'admin', 'admin-pass-1', '系统管理员');
    await expectEveryScanOnce(page, phone, stocktakeId, counted);
  } finally {
    await phoneBrowser?.close();
    for (const s of servers) await stop(s, 'SIGTERM');
    fs.rmSync(host.dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
