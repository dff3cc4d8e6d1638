import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * SQLite's quick_check reads every page of the file (about 1 s per 100 MB): it runs in a worker
 * thread, so that the main process stays responsive (the window opens, IPC answers) meanwhile.
 * In the built app the worker is the bundle next to main.js (build/build-main.mjs); from the
 * sources (tests, scripts) it is the TypeScript file, loaded through tsx.
 */
const BUNDLED_QUICK_CHECK_WORKER = 'db-quick-check.worker.js';

function workerScript(): { workerFile: string; execArgv: string[] } {
  // packaged: the worker is unpacked beside the asar archive (build/electron-builder.yml asarUnpack)
  const bundled = path
    .join(__dirname, BUNDLED_QUICK_CHECK_WORKER)
    .replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(bundled)) return { workerFile: bundled, execArgv: [] };
  const tsx = createRequire(path.join(__dirname, 'quick-check.ts')).resolve('tsx/cjs');
  return { workerFile: path.join(__dirname, 'quick-check.worker.ts'), execArgv: ['--require', tsx] };
}

interface QuickCheckResult {
  /** what quick_check reported wrong (empty: the file is intact) */
  problems: string[];
  /** the thread that ran the check (never the main thread's 0) */
  threadId: number;
}

/** The check itself, on the calling thread (the worker runs this). */
export function runQuickCheck(file: string, maxErrors = 5): QuickCheckResult {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma(`quick_check(${Math.trunc(maxErrors)})`) as { quick_check: string }[];
    return { problems: rows.map((r) => r.quick_check).filter((r) => r !== 'ok'), threadId };
  } finally {
    sqlite.close();
  }
}

/** The worker did not run (could not start, or died): not a finding about the file. */
class WorkerFailed extends Error {}

type Reply =
  | { type: 'done'; problems: string[]; threadId: number }
  | { type: 'error'; code?: string; message: string };

/**
 * Runs `PRAGMA quick_check(maxErrors)` on `file` in a worker thread. Rejects with SQLite's error
 * (its `code` kept: SQLITE_CORRUPT, SQLITE_NOTADB, ...) when the file cannot even be read. A
 * worker that cannot start (a broken installation) does not stop the app: the check then runs
 * here, on the calling thread, as it did before there was a worker.
 */
export async function quickCheckInWorker(file: string, maxErrors = 5): Promise<QuickCheckResult> {
  try {
    return await inWorker(file, maxErrors);
  } catch (err) {
    if (!(err instanceof WorkerFailed)) throw err;
    console.warn(`[db] the integrity check runs on the main thread: ${err.message}`);
    return runQuickCheck(file, maxErrors);
  }
}

function inWorker(file: string, maxErrors: number): Promise<QuickCheckResult> {
  const script = workerScript();
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script.workerFile, { workerData: { file, maxErrors }, execArgv: script.execArgv });
    } catch (err) {
      reject(new WorkerFailed(err instanceof Error ? err.message : String(err)));
      return;
    }
    let settled = false;
    worker.once('message', (m: Reply) => {
      settled = true;
      if (m.type === 'done') resolve({ problems: m.problems, threadId: m.threadId });
      else reject(Object.assign(new Error(m.message), { code: m.code }));
    });
    worker.on('error', (err) => {
      if (settled) return;
      settled = true;
      reject(new WorkerFailed(err instanceof Error ? err.message : String(err)));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new WorkerFailed(`the worker exited with code ${code}`));
    });
  });
}
