import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildHarness, serveStatic } from '../e2e/camera/build-harness';
import { composeFrame, type GrayFrame, labelFrames, printLabelPdf, rasterize } from '../e2e/camera/label-video';
import { createAdmin, createCustomerDirect } from '../e2e/steps';
import { spawnWebHost } from './web-host';

const ROOT = path.resolve(__dirname, '../..');
const N = Number(process.env.KEHU_CAMERA_FRAMES ?? 40);
const WARMUP = 5;
/**
 * Goal: p95 ≤ 100 ms to read a 640×480 frame. The scanner reads a frame, waits 150 ms, reads the
 * next: at 100 ms a read it still tries ~4 frames a second and the label is reported within a
 * quarter of a second of being steady; phones' big cores run wasm about as fast as one core here.
 */
const GOAL_MS = 100;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const load = () => Math.round(os.loadavg()[0] * 100) / 100;
const r = (x: number) => Math.round(x * 100) / 100;
const log = (msg: string) => process.stderr.write(`[camera] ${msg}\n`);

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50_ms: r(at(0.5)), p95_ms: r(at(0.95)), max_ms: r(s[s.length - 1]) };
}

/**
 * Camera decode time per frame (issue 19), on the zxing-wasm path the phone takes where there is
 * no native BarcodeDetector for Code 128: the app's reader (decoder.ts, the barcode-detector
 * ponyfill over zxing-wasm) in Chromium, on frames made from a thermal label the label feature
 * printed (as the fake camera of phone.spec.ts films it): 640×480 and 1280×720, a 640×480 frame
 * with no barcode (the worst case: every line scanned for nothing), and as baseline the label
 * alone, cropped (what a reader that first found the label's region would decode).
 */
export async function cameraBench() {
  const loadBefore = load();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-camera-'));
  const built = buildHarness(path.join(tmp, 'harness'));
  const host = await spawnWebHost(ROOT, path.join(tmp, 'data'), 30_000);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host.openUrl);
    await createAdmin(page);
    const customer = await createCustomerDirect(page, { name: '上海浦东贸易有限公司' });
    const pdf = await printLabelPdf(page, host.openUrl.split('/?')[0], customer, path.join(tmp, 'label.pdf'));
    const label = rasterize(pdf, 384);
    const frames: Record<string, { frame: GrayFrame; expect: string[] }> = {
      label_640x480: {
        frame: labelFrames(pdf, { width: 640, height: 480, seconds: 1, fps: 1 })[0],
        expect: [customer.code],
      },
      label_1280x720: {
        frame: labelFrames(pdf, { width: 1280, height: 720, seconds: 1, fps: 1 })[0],
        expect: [customer.code],
      },
      no_barcode_640x480: { frame: composeFrame(640, 480, null), expect: [] },
      baseline_label_cropped: {
        frame: composeFrame(label.width + 16, label.height + 16, label),
        expect: [customer.code],
      },
    };

    const site = await serveStatic(await built);
    try {
      const bench = await browser.newPage();
      await bench.goto(`${site.url}/?bench`);
      const out: Record<string, unknown> = {};
      let kind = '';
      for (const [name, { frame, expect }] of Object.entries(frames)) {
        const res = await bench.evaluate(
          ([b64, w, h, n, warm]) =>
            (
              window as unknown as {
                cameraBench: { run(...a: unknown[]): Promise<{ kind: string; codes: string[]; ms: number[] }> };
              }
            ).cameraBench.run(b64, w, h, n, warm),
          [Buffer.from(frame.data).toString('base64'), frame.width, frame.height, N, WARMUP] as const,
        );
        kind = res.kind;
        if (res.codes.join() !== expect.join())
          throw new Error(`${name}: read ${JSON.stringify(res.codes)}, expected ${JSON.stringify(expect)}`);
        out[name] = { size: `${frame.width}x${frame.height}`, read: res.codes, ...percentiles(res.ms) };
        log(`${name}: ${JSON.stringify(out[name])}`);
      }
      const main = out.label_640x480 as { p95_ms: number };
      return {
        decoder: kind,
        where: 'Chromium on this machine (one tab, the reader on the page thread)',
        frames_each: N,
        ...out,
        goal: `p95 ≤ ${GOAL_MS} ms per 640×480 frame`,
        goal_met: main.p95_ms <= GOAL_MS,
        load_average_1m: { before: loadBefore, after: load() },
      };
    } finally {
      await site.close();
    }
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await built.catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
