import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, devices } from '@playwright/test';
import { spawnWebHost } from './web-host';

/**
 * Page weight of the phone page `/m/` (issue 19): what a phone downloads the first time it opens
 * the page, as transferred (brotli where the host has it), the service worker's precache included
 * (the app shell, its chunks and the barcode decoder's .wasm: after this the page opens offline).
 * Goal: ≤ 1.5 MB. Measured in Chromium with a Pixel 7 profile through the web host; every response
 * of the page and of its service worker is counted by its headers and body bytes on the wire.
 * Baseline in the same run: the desktop app's sign-in page, loaded the same way.
 */

const ROOT = path.resolve(__dirname, '../..');
const GOAL_BYTES = 1_500_000;
const RUNS = Number(process.env.KEHU_BENCH_MOBILE_RUNS ?? 3);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const load = () => Math.round(os.loadavg()[0] * 100) / 100;

interface Counted {
  bytes: number;
  files: Record<string, number>;
}

/** Sums every finished response of the context (page and service worker) by its wire size. */
function countResponses(context: BrowserContext): { done: () => Promise<Counted> } {
  const pending: Promise<void>[] = [];
  const counted: Counted = { bytes: 0, files: {} };
  context.on('requestfinished', (req) => {
    pending.push(
      req.sizes().then((s) => {
        const size = s.responseHeadersSize + s.responseBodySize;
        const file = new URL(req.url()).pathname;
        counted.bytes += size;
        counted.files[file] = (counted.files[file] ?? 0) + size;
      }),
    );
  });
  return {
    async done() {
      await Promise.all(pending);
      return counted;
    },
  };
}

async function firstLoad(url: string, token: string, mobile: boolean): Promise<Counted> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const context = await browser.newContext(
      mobile ? { ...devices['Pixel 7'], locale: 'zh-CN' } : { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' },
    );
    await context.addCookies([{ name: 'kh_host', value: token, url, httpOnly: true, sameSite: 'Strict' }]);
    const counter = countResponses(context);
    const page = await context.newPage();
    if (mobile) {
      await page.goto(`${url}/m/`);
      // the service worker is active once its precache (decoder included) is downloaded
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    } else {
      await page.goto(url);
      await page.locator('#username').waitFor({ timeout: 30_000 });
    }
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const counted = await counter.done();
    await context.close();
    return counted;
  } finally {
    await browser.close();
  }
}

function ensureBuild() {
  if (
    !fs.existsSync(path.join(ROOT, 'dist/renderer/m/index.html')) ||
    !fs.existsSync(path.join(ROOT, 'dist/main/web.js'))
  )
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

/** Sum of the files the service worker precaches, on disk: as sent with brotli, and uncompressed. */
function precacheOnDisk() {
  const dir = path.join(ROOT, 'dist/renderer/m');
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  let raw = 0;
  let sent = 0;
  for (const u of urls) {
    const file = path.join(dir, u);
    const size = fs.statSync(file).size;
    raw += size;
    sent += fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : size;
  }
  return { entries: urls.length, raw_bytes: raw, brotli_bytes: sent };
}

export async function mobileWeightBench() {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-mobile-'));
  const { openUrl, child } = await spawnWebHost(ROOT, dataDir, 30_000);
  const [url, token] = openUrl.split('/?token=');
  const loadBefore = load();
  try {
    const phone: Counted[] = [];
    const desktop: Counted[] = [];
    for (let i = 0; i < RUNS; i++) {
      phone.push(await firstLoad(url, token, true));
      desktop.push(await firstLoad(url, token, false));
    }
    const median = (list: Counted[]) => [...list].sort((a, b) => a.bytes - b.bytes)[Math.floor(list.length / 2)];
    const m = median(phone);
    const d = median(desktop);
    const largest = Object.entries(m.files)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([file, bytes]) => ({ file, bytes }));
    return {
      phone_first_load: {
        bytes: m.bytes,
        runs: phone.map((p) => p.bytes),
        goal: `≤ ${GOAL_BYTES} bytes (1.5 MB) as transferred, service worker precache and decoder included`,
        goal_met: m.bytes <= GOAL_BYTES,
        largest_files: largest,
        wasm_included: Object.keys(m.files).some((f) => f.endsWith('.wasm')),
      },
      precache_on_disk: precacheOnDisk(),
      baseline_desktop_signin_first_load: { bytes: d.bytes, runs: desktop.map((p) => p.bytes) },
      load_average: { before: loadBefore, after: load() },
    };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
