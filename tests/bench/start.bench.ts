import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { spawnWebHost } from './web-host';

/**
 * Start and weight (issue 14, goal 5), in Chromium through the web host: N cold loads of the
 * sign-in page (a new browser context each: empty cache), then warm loads (cached assets), for
 * this checkout's build and for the base build (the commit before issue 14: one uncompressed bundle),
 * measured by the page's own clock: the skeleton's first paint, the sign-in form's username input
 * visible, and the bytes the browser received. The Electron window cannot run here: the skeleton's
 * first paint in Chromium stands in for "the window shows its skeleton".
 */

const ROOT = path.resolve(__dirname, '../..');
// the baseline build: the start (default), or any commit (KEHU_BENCH_START_BASE=<ref>, e.g.
// main before a change, measured in the same run)
// (the last commit before issue 14's work, named by its hash: a clone carries no tags)
const BASE_TAG = process.env.KEHU_BENCH_START_BASE ?? 'c0da3d7ed8f715f05c00a19a52796fb9c7128a03';
const COLD_RUNS = Number(process.env.KEHU_BENCH_START_RUNS ?? 12);
const WARM_RUNS = 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KB = 1000;

interface Load {
  /** first paint (the inline skeleton) and first contentful paint, ms from navigation start */
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  /** the username input of the sign-in form laid out, and the frame after (painted) */
  signinDom: number;
  signin: number;
  /** bytes received (headers and compressed bodies) for what loaded before the form showed, and in all */
  firstBytes: number;
  totalBytes: number;
  /** compressed and decoded body bytes of what loaded before the form showed */
  firstEncoded: number;
  firstDecoded: number;
  firstFiles: string[];
  allFiles: string[];
}

// Stamps, by the page's clock, when the sign-in form's username input is laid out and the frame
// after it (the form is then on screen). Runs before any script of the page.
const INSTRUMENT = `(() => {
  const kh = (window.__kh = { signinDom: null, signin: null });
  const check = () => {
    if (kh.signinDom !== null) return;
    const el = document.getElementById('username');
    if (!el || el.getClientRects().length === 0) return;
    kh.signinDom = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { kh.signin = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function readLoad(page: import('@playwright/test').Page): Promise<Load> {
  // a function, not a string: the page's CSP forbids eval
  await page.waitForFunction(() => (window as unknown as { __kh: { signin: number | null } }).__kh.signin !== null, null, {
    timeout: 30_000,
  });
  // the signed-in app's chunk is fetched once the form shows (idle prefetch): wait for the network to settle
  await page.waitForLoadState('networkidle');
  return page.evaluate(COLLECT) as Promise<Load>;
}

// What the page measured (a string: tsx would wrap named functions in a helper the page lacks).
const COLLECT = `(() => {
  const kh = window.__kh;
  const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const first = resources.filter((r) => r.responseEnd <= kh.signinDom);
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const file = (r) => new URL(r.name).pathname;
  return {
    firstPaint: paint('first-paint'),
    firstContentfulPaint: paint('first-contentful-paint'),
    signinDom: kh.signinDom,
    signin: kh.signin,
    firstBytes: nav.transferSize + sum(first, 'transferSize'),
    totalBytes: nav.transferSize + sum(resources, 'transferSize'),
    firstEncoded: nav.encodedBodySize + sum(first, 'encodedBodySize'),
    firstDecoded: nav.decodedBodySize + sum(first, 'decodedBodySize'),
    firstFiles: first.map(file),
    allFiles: resources.map(file),
  };
})()`;

interface Host {
  url: string;
  token: string;
  child: ChildProcess;
  dataDir: string;
}

/** The built web host of `root` on a free port, with a fresh data folder and one user (so the sign-in page shows). */
async function startWeb(root: string): Promise<Host> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-start-'));
  const { openUrl, child } = await spawnWebHost(root, dataDir, 30_000);
  const [url, token] = openUrl.split('/?token=');
  const res = await fetch(`${url}/api/auth.setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-host-token': token },
    body: JSON.stringify({ username: 'bench', displayName: 'Bench', password: 'bench-password-1' }),
  });
  if (!((await res.json()) as { ok: boolean }).ok) throw new Error('setup refused');
  return { url, token, child, dataDir };
}

async function stopWeb(host: Host) {
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
  fs.rmSync(host.dataDir, { recursive: true, force: true });
}

/**
 * Cold and warm loads of each host, taken in turn (this build, the baseline, this build, …): on a
 * shared, loaded machine both then see the same load, and their ratio means something.
 */
async function measure(browser: Browser, hosts: Host[]) {
  const results = hosts.map(() => ({ cold: [] as Load[], warm: [] as Load[] }));
  const newContext = async (host: Host) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.addCookies([{ name: 'kh_host', value: host.token, url: host.url, httpOnly: true, sameSite: 'Strict' }]);
    await context.addInitScript(INSTRUMENT);
    return context;
  };
  // one load each not counted: the host's and the disk's first touch of the files
  for (const host of hosts) {
    const warmup = await newContext(host);
    const first = await warmup.newPage();
    await first.goto(host.url);
    await readLoad(first);
    await warmup.close();
  }
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [h, host] of hosts.entries()) {
      const context = await newContext(host);
      const page = await context.newPage();
      await page.goto(host.url);
      results[h].cold.push(await readLoad(page));
      if (i < WARM_RUNS) {
        // the same browser again (its cache holds the assets): a new tab opens the app
        const again = await context.newPage();
        await again.goto(host.url);
        results[h].warm.push(await readLoad(again));
      }
      await context.close();
    }
  }
  return results;
}

const round = (x: number) => Math.round(x * 10) / 10;
function stats(values: (number | null)[]) {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { n: v.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(v[v.length - 1]) };
}
function summarize({ cold, warm }: { cold: Load[]; warm: Load[] }) {
  const of = (list: Load[]) => ({
    skeleton_first_paint_ms: stats(list.map((l) => l.firstPaint)),
    first_contentful_paint_ms: stats(list.map((l) => l.firstContentfulPaint)),
    signin_visible_ms: stats(list.map((l) => l.signin)),
    first_load_bytes: stats(list.map((l) => l.firstBytes)),
    total_bytes: stats(list.map((l) => l.totalBytes)),
  });
  const last = cold[cold.length - 1];
  return {
    cold: of(cold),
    warm: of(warm),
    first_load: {
      files: last.firstFiles,
      compressed_body_bytes: last.firstEncoded,
      decoded_body_bytes: last.firstDecoded,
    },
    files_loaded_in_all: last.allFiles.length,
  };
}

/** This checkout's build (made when missing, or always with KEHU_BENCH_BUILD=1). */
function ensureBuild(root: string) {
  const built = fs.existsSync(path.join(root, 'dist/main/web.js')) && fs.existsSync(path.join(root, 'dist/renderer/index.html'));
  if (!built || process.env.KEHU_BENCH_BUILD === '1') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

/** The base build (BASE_TAG), exported from git and built once into the temp folder. */
function baseBuild(): string | null {
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', BASE_TAG], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
  const dir = path.join(os.tmpdir(), `kehu-bench-start-base-${sha.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, 'dist/main/web.js'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', sha], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: 'ignore' });
  return dir;
}

/** Bytes of the first chunk set as files: compressed (what the host sends) and not (the baseline way of serving). */
async function identityBytes(host: Host, files: string[]) {
  let identity = 0;
  for (const f of files) {
    const res = await fetch(host.url + f, { headers: { 'x-host-token': host.token, 'accept-encoding': 'identity' } });
    identity += (await res.arrayBuffer()).byteLength;
  }
  return identity;
}

interface ChunkInfo {
  file: string;
  isEntry: boolean;
  imports: string[];
  bytes: number;
  brotliBytes: number;
  parts: Record<string, number>;
}

/** The build's chunks (dist/renderer-chunks.json, build/chunk-report.mts): the first set, and the largest. */
function chunkReport(root: string) {
  const file = path.join(root, 'dist/renderer-chunks.json');
  if (!fs.existsSync(file)) {
    // a build without the report (the base): its scripts as files
    const dir = path.join(root, 'dist/renderer/assets');
    const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
    return {
      scripts: scripts.map((f) => {
        const body = fs.readFileSync(path.join(dir, f));
        return { file: f, bytes: body.length, brotli_bytes: brotliCompressSync(body).length };
      }),
    };
  }
  const chunks = JSON.parse(fs.readFileSync(file, 'utf8')) as ChunkInfo[];
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) return null;
  const first = new Set([entry.file]);
  for (const f of first) for (const i of byFile.get(f)?.imports ?? []) first.add(i);
  const top = (parts: Record<string, number>, n: number) => Object.fromEntries(Object.entries(parts).slice(0, n));
  return {
    first_chunk_set: [...first].map((f) => {
      const c = byFile.get(f)!;
      return { file: c.file, bytes: c.bytes, brotli_bytes: c.brotliBytes, largest_parts: top(c.parts, 12) };
    }),
    largest_chunks: chunks.slice(0, 8).map((c) => ({ file: c.file, bytes: c.bytes, brotli_bytes: c.brotliBytes, largest_parts: top(c.parts, 4) })),
    chunk_count: chunks.length,
  };
}

function figure(value: number, goal: string, met: boolean, baseline: number | null) {
  return {
    value,
    goal,
    goal_met: met,
    baseline,
    ratio_vs_baseline: baseline ? Math.round((value / baseline) * 1000) / 1000 : null,
  };
}

export async function startBench() {
  ensureBuild(ROOT);
  const baseRoot = baseBuild();
  const loadBefore = os.loadavg();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const hosts = [await startWeb(ROOT), ...(baseRoot ? [await startWeb(baseRoot)] : [])];
    let now: ReturnType<typeof summarize> & { first_load_identity_bytes: number };
    let base: typeof now | null = null;
    try {
      const [mine, theirs] = await measure(browser, hosts);
      const withIdentity = async (m: typeof mine, host: Host) => {
        const s = summarize(m);
        return { ...s, first_load_identity_bytes: await identityBytes(host, ['/', ...s.first_load.files]) };
      };
      now = await withIdentity(mine, hosts[0]);
      if (theirs) base = await withIdentity(theirs, hosts[1]);
    } finally {
      for (const host of hosts) await stopWeb(host);
    }
    const loadAfter = os.loadavg();
    const firstChunk = now.first_load.compressed_body_bytes;
    return {
      note:
        'Chromium through the web host on 127.0.0.1 (no network throttling); times by the page clock from navigation start. ' +
        'The Electron window cannot run here: the skeleton first paint in Chromium stands in for the window showing its skeleton. ' +
        `Baseline: the build of ${BASE_TAG} (one script, served uncompressed), measured in the same run.`,
      runs: { cold: COLD_RUNS, warm: WARM_RUNS },
      figures: {
        signin_visible_cold_p95_ms: figure(now.cold.signin_visible_ms.p95, '≤ 500 ms', now.cold.signin_visible_ms.p95 <= 500, base?.cold.signin_visible_ms.p95 ?? null),
        skeleton_first_paint_cold_p95_ms: figure(
          now.cold.skeleton_first_paint_ms.p95,
          '≤ 1000 ms (proxy for the Electron window showing its skeleton)',
          now.cold.skeleton_first_paint_ms.p95 <= 1000,
          base?.cold.skeleton_first_paint_ms.p95 ?? null,
        ),
        first_chunk_compressed_bytes: figure(firstChunk, '≤ 300 KB (300,000 bytes) compressed: everything the sign-in page loads', firstChunk <= 300 * KB, base?.first_load.compressed_body_bytes ?? null),
        first_load_transferred_bytes: figure(now.cold.first_load_bytes.p50, 'smaller than the baseline', now.cold.first_load_bytes.p50 < (base?.cold.first_load_bytes.p50 ?? Infinity), base?.cold.first_load_bytes.p50 ?? null),
        warm_load_transferred_bytes: figure(now.warm.total_bytes.p50, 'hashed assets from the cache: only index.html revalidated', now.warm.total_bytes.p50 < 5 * KB, base?.warm.total_bytes.p50 ?? null),
        signin_visible_warm_p95_ms: figure(now.warm.signin_visible_ms.p95, '≤ 500 ms', now.warm.signin_visible_ms.p95 <= 500, base?.warm.signin_visible_ms.p95 ?? null),
      },
      first_load_uncompressed_bytes: { this_build: now.first_load_identity_bytes, baseline: base?.first_load_identity_bytes ?? null },
      this_build: now,
      baseline: base,
      chunks: chunkReport(ROOT),
      baseline_chunks: baseRoot ? chunkReport(baseRoot) : null,
      load_average: { before: loadBefore, after: loadAfter },
    };
  } finally {
    await browser.close();
  }
}
