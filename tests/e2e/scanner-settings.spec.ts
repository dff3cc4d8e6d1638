import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedArchive, storedScans } from './stocktake-steps';
import { callDirect, createAdmin, createUserWithRole, signIn, signOut } from './steps';

// 设置 › 扫码枪: the scanner test reads real Chromium key events (CDP, with their own timestamps,
// so a loaded machine cannot make a burst look slow) and tells a scan from typing, with a
// Chinese input method's keys (keyCode 229 + composition) too. SHOTS=<dir> keeps screenshots.
const SHOTS = process.env.SHOTS;

const US: Record<string, { code: string; shift: boolean }> = {};
for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') US[l] = { code: `Key${l}`, shift: true };
for (const d of '0123456789') US[d] = { code: `Digit${d}`, shift: false };
US['-'] = { code: 'Minus', shift: false };

/**
 * A scanner typing `code` then Enter, `perKeyMs` apart by the events' own timestamps; `ime`: as a
 * Chinese input method passes it on. The commands are sent without waiting for each answer (CDP
 * runs them in order), so the burst also arrives about as fast as its timestamps say.
 */
async function scannerBurst(cdp: CDPSession, code: string, perKeyMs: number, ime: boolean) {
  const sent: Promise<unknown>[] = [];
  const send = (method: Parameters<CDPSession['send']>[0], params: Record<string, unknown>) => {
    sent.push(cdp.send(method, params as never));
  };
  const start = Date.now() / 1000;
  let i = 0;
  const at = () => start + (i++ * perKeyMs) / 1000;
  let composed = '';
  for (const ch of code) {
    const k = US[ch];
    const modifiers = k.shift ? 8 : 0;
    if (ime) {
      const timestamp = at();
      send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        key: 'Process',
        code: k.code,
        windowsVirtualKeyCode: 229,
        modifiers,
        timestamp,
      });
      composed += ch.toLowerCase();
      send('Input.imeSetComposition', {
        text: composed,
        selectionStart: composed.length,
        selectionEnd: composed.length,
      });
      send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: ch,
        code: k.code,
        windowsVirtualKeyCode: ch.charCodeAt(0),
        modifiers,
        timestamp,
      });
    } else {
      const timestamp = at();
      send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: ch,
        code: k.code,
        text: ch,
        windowsVirtualKeyCode: ch.charCodeAt(0),
        modifiers,
        timestamp,
      });
      send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: ch,
        code: k.code,
        windowsVirtualKeyCode: ch.charCodeAt(0),
        modifiers,
        timestamp,
      });
    }
  }
  const timestamp = at();
  if (ime) {
    send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Process',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
      timestamp,
    });
    send('Input.insertText', { text: composed }); // Enter commits the composition
  } else {
    send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: 'Enter',
      code: 'Enter',
      text: '\r',
      windowsVirtualKeyCode: 13,
      timestamp,
    });
  }
  send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp });
}

async function openScannerTab(page: Page, url: string) {
  await page.goto(`${url}/#/settings?tab=scanner`);
  await expect(page.getByText('扫码测试', { exact: true })).toBeVisible();
}

test('设置 › 扫码枪: scanner bursts are recognised, with an input method too; typing is not; the field keeps nothing', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  await openScannerTab(page, app.url);
  const field = page.getByTestId('scanner-test-field');
  const traces = page.getByTestId('scanner-trace');
  const cdp = await page.context().newCDPSession(page);

  await field.click();
  await scannerBurst(cdp, 'KH00012345678', 4, false);
  await expect(traces.first()).toContainText('识别为扫码枪扫码');
  await expect(traces.first()).toContainText('KH00012345678');
  await expect(traces.first()).toContainText('未检测到输入法');
  await expect(field).toHaveValue('');

  await scannerBurst(cdp, 'KH00012345679', 16, true);
  await expect(traces).toHaveCount(2);
  await expect(traces.first()).toContainText('识别为扫码枪扫码');
  await expect(traces.first()).toContainText('KH00012345679');
  await expect(traces.first()).toContainText('输入法已开启');
  await expect(field).toHaveValue('');

  // a person: 150 ms between keys at the least, however busy the machine
  await field.pressSequentially('ab12', { delay: 150 });
  await field.press('Enter');
  await expect(traces).toHaveCount(3);
  await expect(traces.first()).toContainText('键盘输入（回车确认）');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/scanner-settings-zh-CN.png` });

  // a burst while another field (the prefix) has focus goes to the test, and the prefix keeps its value
  const prefix = page.getByLabel('条码前缀');
  await prefix.fill('P');
  await scannerBurst(cdp, 'KH00000000042', 4, false);
  await expect(traces).toHaveCount(4);
  await expect(traces.first()).toContainText('KH00000000042');
  await expect(prefix).toHaveValue('P');

  if (SHOTS) {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByText('Scanner test', { exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/scanner-settings-en.png` });
  }
});

test('盘点 › 扫码枪测试: a clerk tests the scanner on the counting screen; bursts go to the test, not the stocktake; an undo relabels this PC\'s scan', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.openUrl);
  await createAdmin(page);
  const a = await seedArchive(page, 3, 'SCT');
  const made = await callDirect(page, 'stocktake.create', {
    name: '扫码枪测试盘点',
    scope: { kind: 'filter', filters: { categoryId: a.categoryId } },
    start: true,
  });
  expect(made.ok, JSON.stringify(made)).toBe(true);
  const id = made.data.id as number;
  // a clerk counts (stocktake.count) but may not open 设置 (settings.manage)
  await createUserWithRole(page, { username: 'clerk1', displayName: '盘点员甲', password: 'clerk-pass-123', role: 'clerk' });
  await signOut(page, '系统管理员');
  await signIn(page, 'clerk1', 'clerk-pass-123', '盘点员甲');
  await page.goto(`${app.url}/#/stocktake/${id}`);
  await expect(page.getByTestId('scan-field')).toBeFocused();
  const cdp = await page.context().newCDPSession(page);

  await page.getByRole('button', { name: '扫码枪测试' }).click();
  const drawer = page.getByTestId('scanner-test-drawer');
  await expect(drawer).toContainText('不计入本次盘点');
  await drawer.getByTestId('scanner-test-field').click();
  const [first, second] = a.active;
  await scannerBurst(cdp, first.code, 4, false);
  const traces = drawer.getByTestId('scanner-trace');
  await expect(traces.first()).toContainText('识别为扫码枪扫码');
  await expect(traces.first()).toContainText(first.code);
  // a burst while the drawer's settings have focus goes to the test too
  const prefix = drawer.getByLabel('条码前缀');
  await prefix.click();
  await scannerBurst(cdp, second.code, 4, true);
  await expect(traces).toHaveCount(2);
  await expect(traces.first()).toContainText(second.code);
  // the prefix keeps its (empty) value, and empty is no error: no prefix is a valid setting
  await expect(prefix).toHaveValue('');
  await expect(drawer.getByText('此项为必填项')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/counting-scanner-test-zh-CN.png` });
  await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();
  await expect(drawer).toHaveCount(0);
  // nothing was counted, nothing queued on this PC
  expect(await storedScans(page, id)).toEqual([]);
  await expect(page.getByTestId('device-scans').locator('li')).toHaveCount(0);

  // closed: the scan field has the focus back and a burst counts
  await expect(page.getByTestId('scan-field')).toBeFocused();
  await scannerBurst(cdp, first.code, 4, false);
  await expect(page.getByTestId('scan-feedback')).toContainText(`已盘到 ${first.code}`);
  const row = page.getByTestId('device-scans').locator('li').filter({ hasText: first.code });
  await expect(row).toContainText('已盘到');

  // 撤销 in 最近扫描 relabels the scan in 本机扫描记录
  await page.getByRole('tab', { name: '最近扫描' }).click();
  await page.getByRole('row').filter({ hasText: first.code }).getByRole('button', { name: '撤销' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
  await expect(row).toContainText(`已撤销 ${first.code}`);
  await expect(row).toHaveAttribute('data-tone', 'undone');
  expect((await storedScans(page, id)).map((x) => [x.code, x.undone])).toEqual([[first.code, true]]);

  // 已盘客户 at 1280 px: who and when on two lines beside the 已核对 switch
  await page.getByTestId('scan-field').focus();
  await scannerBurst(cdp, second.code, 4, false);
  await expect(page.getByTestId('scan-feedback')).toContainText(`已盘到 ${second.code}`);
  await page.getByRole('tab', { name: '已盘客户' }).click();
  const line = page.getByRole('row').filter({ hasText: second.code });
  await expect(line).toContainText('盘点员甲', { timeout: 15_000 });
  await expect(line.getByRole('switch', { name: '已核对' })).toBeVisible();
  if (SHOTS) {
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/counting-lines-1280-zh-CN.png` });
  }
});
