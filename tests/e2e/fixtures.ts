import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { describeLeaks, flushGuard, guardContext, type Leak } from './i18n-guard';

// the app under test: this checkout's dist/, or another build's root (KEHU_E2E_ROOT, for experiments)
const root = process.env.KEHU_E2E_ROOT ?? path.resolve(__dirname, '../..');

export interface AppHost {
  /** http://127.0.0.1:<port> */
  url: string;
  /** the URL with the per-launch token, as `npm run web` prints it */
  openUrl: string;
  dataDir: string;
}

/** A port free on that address now (a server started a moment later takes it). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
/**
 * Starts the built host (`dist/main/web.js`) on a free port with an empty data folder (or the one
 * given), with more options when asked (`--lan ADDRESS:PORT`); `output()` is what it printed so far.
 */
export async function startWeb(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-e2e-')),
  args: string[] = [],
): Promise<{ host: AppHost; child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/main/web.js'), '--data-dir', dataDir, '--port', '0', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    // a host that never says where it listens is not left running behind the test
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start: ${printed}`));
    }, 20_000);
    const onData = (d: Buffer) => {
      printed += d.toString();
      const m = printed.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${printed}`)));
  });
  return { host: { url: openUrl.split('/?')[0], openUrl, dataDir }, child, output: () => printed };
}

export const test = base.extend<{ app: AppHost; i18nLeaks: Leak[] }>({
  // every page of every test is watched for untranslated keys and English (see i18n-guard.ts)
  i18nLeaks: [
    async ({ context }, use) => {
      await use(await guardContext(context));
    },
    { auto: true },
  ],
  page: async ({ page, i18nLeaks }, use) => {
    await use(page);
    for (const p of page.context().pages()) await flushGuard(p);
    if (i18nLeaks.length) throw new Error(`The screen showed untranslated text:\n${describeLeaks(i18nLeaks)}`);
  },
  app: async ({}, use) => {
    const { host, child } = await startWeb();
    await use(host);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect };
