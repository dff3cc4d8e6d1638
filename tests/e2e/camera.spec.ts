import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildHarness, serveStatic } from './camera/build-harness';
import { makeLabelVideo } from './camera/label-video';
import { expect, test } from './fixtures';
import config from './playwright.config';
import { createAdmin, createCustomerDirect } from './steps';

// Issue 19, the phone's camera: a label the label feature printed, filmed by Chromium's fake
// camera, is read by CameraScanner through the zxing-wasm path (Linux Chromium has no native
// BarcodeDetector for code_128), its .wasm loaded from the page's own origin under a CSP that
// allows nothing else; the code is reported once although it stays in view.

test('camera: a printed label in the fake video is read once, by zxing-wasm served from our origin', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000); // the harness's vite build and the label's PDF take most of it
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-camera-'));
  const built = buildHarness(path.join(tmp, 'harness'));
  try {
    await page.goto(app.openUrl);
    await createAdmin(page);
    const customer = await createCustomerDirect(page, { name: '上海浦东贸易有限公司' });
    const { y4m } = await makeLabelVideo(page, app.url, customer, tmp);

    const site = await serveStatic(await built);
    const browser = await chromium.launch({
      ...config.use?.launchOptions,
      args: [
        ...(config.use?.launchOptions?.args ?? []),
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ],
    });
    try {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 412, height: 915 },
        hasTouch: true,
      });
      await context.grantPermissions(['camera'], { origin: site.url });
      const phone = await context.newPage();
      const requested: string[] = [];
      phone.on('request', (r) => requested.push(r.url()));
      await phone.goto(`${site.url}/`);
      await expect(phone.getByRole('button', { name: '关闭' })).toBeVisible();

      const codes = phone.getByRole('list', { name: 'codes' }).getByRole('listitem');
      await expect(codes.first()).toHaveText(customer.code, { timeout: 20_000 });
      const scanner = phone.getByRole('dialog', { name: '扫码' });
      await expect(scanner).toHaveAttribute('data-decoder', 'zxing');
      // no native reader for code_128 here: the polyfill path is the one that ran
      const native = await phone.evaluate(async () => {
        const B = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
        return B ? (await B.getSupportedFormats()).includes('code_128') : false;
      });
      expect(native).toBe(false);

      // the label stays in view: ten more frames read, still one report
      const frames = Number(await scanner.getAttribute('data-frames'));
      await expect
        .poll(async () => Number(await scanner.getAttribute('data-frames')), { timeout: 15_000 })
        .toBeGreaterThan(frames + 10);
      await expect(codes).toHaveCount(1);

      // the wasm came from the page's own origin, and nothing was asked of any other
      expect(requested.filter((u) => u.endsWith('.wasm'))).toEqual([
        expect.stringMatching(new RegExp(`^${site.url}/`)),
      ]);
      expect(requested.filter((u) => !u.startsWith(`${site.url}/`))).toEqual([]);

      await phone.getByRole('button', { name: '关闭' }).click();
      await expect(phone.getByText('closed')).toBeVisible();
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    await built.catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
