import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { WORKER_ENTRIES } from '../../build/worker-entries.mjs';
import { bundleEntries } from '../unit/support/bundle-worker';

/**
 * The host in a child process, and a client that calls it over HTTP as the browser does.
 *
 * The child runs a bundle of kill-host.ts made here with esbuild as build/build-main.mjs makes
 * dist/main/web.js (the workers of build/worker-entries.mjs beside it): a kill test starts
 * the host a thousand times, and through tsx each start (and each worker thread) would compile
 * the sources again. Bundling from the sources also means no `npm run build` is needed and the
 * test never runs a stale dist/.
 */
const ROOT = path.resolve(__dirname, '../..');
export const MIGRATIONS = path.join(ROOT, 'db/migrations');

/** Bundles the host into a new folder under test-results/ (inside the repo, so that packages resolve from node_modules). */
export async function bundleHost(): Promise<{ dir: string; script: string }> {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'test-results', 'proof-host-'));
  await bundleEntries(dir, {
    'kill-host': path.join(__dirname, 'kill-host.ts'),
    ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, src]) => [name, path.join(ROOT, src)])),
  });
  return { dir, script: path.join(dir, 'kill-host.js') };
}

export interface RunningChild {
  proc: ChildProcess;
  url: string;
  token: string;
  fault: string | null;
  /** resolves when the process has ended (by the kill, or by itself) */
  exited: Promise<void>;
  /** what the child wrote on stderr (its last 4 KB), for the report when it fails */
  stderr(): string;
}

/**
 * Starts the host on `dataDir`; resolves once it printed its address (or rejects with its stderr).
 * `fileSizeLimitKiB`: no file the host writes may grow past this (the shell's `ulimit -f`, the
 * kernel's RLIMIT_FSIZE): a write beyond it fails with EFBIG (Node ignores SIGXFSZ), which SQLite
 * reports as SQLITE_IOERR_WRITE: a real I/O error from the OS, for the I/O-error test.
 */
export function startChild(
  script: string,
  dataDir: string,
  opts: { fileSizeLimitKiB?: number } = {},
): { proc: ChildProcess; ready: Promise<RunningChild> } {
  const args = [script, '--data-dir', dataDir, '--migrations', MIGRATIONS, '--renderer-dir', dataDir];
  const [command, argv] =
    opts.fileSizeLimitKiB === undefined
      ? [process.execPath, args]
      : ['bash', ['-c', 'ulimit -f "$0" && exec "$@"', String(Math.ceil(opts.fileSizeLimitKiB)), process.execPath, ...args]];
  const proc = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-4096);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const ready = new Promise<RunningChild>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => {
      try {
        const { url, token, fault } = JSON.parse(line) as { url: string; token: string; fault: string | null };
        resolve({ proc, url, token, fault, exited, stderr: () => err });
      } catch {
        reject(new Error(`host printed ${line}\n${err}`));
      }
    });
    void exited.then(() => reject(new Error(`host exited before it was ready (${proc.exitCode ?? proc.signalCode})\n${err}`)));
  });
  return { proc, ready };
}

/** SIGKILL: no handler runs, nothing is flushed or closed, as when the power goes. */
export async function killChild(proc: ChildProcess, exited?: Promise<void>): Promise<void> {
  if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  await (exited ?? new Promise<void>((resolve) => proc.once('exit', () => resolve())));
}

export type Reply = { ok: true; data: any } | { ok: false; error: { code: string; messageKey: string } };

/** A signed-in browser: the host token and its session cookie. A call that gets no answer throws. */
export class HttpClient {
  session: string | null = null;
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async call(channel: string, input: unknown): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-host-token': this.token };
    if (this.session) headers.cookie = `kh_session=${this.session}`;
    const res = await fetch(`${this.url}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kh_session='));
    if (cookie) this.session = cookie.slice('kh_session='.length).split(';')[0] || null;
    // the whole body, parsed: only then is the reply "arrived"
    return JSON.parse(await res.text()) as Reply;
  }

  async ok(channel: string, input: unknown): Promise<any> {
    const r = await this.call(channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  }
}
