import { Worker } from 'node:worker_threads';
import { workerScriptBeside } from '../jobs/protocol';

/**
 * The backup thread (backup.worker.ts): copies and checks run there, off the main thread. In the
 * built app it is the bundle beside main.js (build/build-main.mjs), from the sources the TS file.
 */
export const BUNDLED_BACKUP_WORKER = 'backup.worker.js';

export type BackupTask =
  | { type: 'check'; file: string; migrationsFolder: string }
  | { type: 'take'; source: string; dest: string; pagesPerStep: number };

export type BackupWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code?: string; message: string };

/** The worker did not run (could not start, or died): not a finding about the file. */
class WorkerFailed extends Error {}

/**
 * Runs `task` in a new backup thread; `onProgress` gets its progress posts. When no thread can be
 * started (a broken installation), `fallback` runs here instead, if given (the check does; a
 * copy refuses: on the main thread it would block every call).
 */
export async function runBackupTask<T>(
  task: BackupTask,
  fallback?: () => T,
  onProgress?: (done: number, total: number) => void,
): Promise<T> {
  try {
    return await inWorker<T>(task, onProgress);
  } catch (err) {
    if (!(err instanceof WorkerFailed) || !fallback) throw err;
    console.warn(`[backup] the ${task.type} runs on the main thread: ${err.message}`);
    return fallback();
  }
}

function inWorker<T>(task: BackupTask, onProgress?: (done: number, total: number) => void): Promise<T> {
  const script = workerScriptBeside(__dirname, BUNDLED_BACKUP_WORKER, 'backup.worker.ts');
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script.workerFile, { workerData: task, execArgv: script.execArgv });
    } catch (err) {
      reject(new WorkerFailed(err instanceof Error ? err.message : String(err)));
      return;
    }
    let settled = false;
    worker.on('message', (m: BackupWorkerMessage) => {
      if (m.type === 'progress') {
        onProgress?.(m.done, m.total);
        return;
      }
      settled = true;
      if (m.type === 'done') resolve(m.result as T);
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
      reject(new WorkerFailed(`the backup worker exited with code ${code}`));
    });
  });
}
