import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAdmin } from './steps';

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
