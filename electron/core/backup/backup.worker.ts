import { parentPort, workerData } from 'node:worker_threads';
import { checkDatabaseFile } from './check';
import { copyDatabase } from './copy';
import type { BackupTask } from './worker-client';

/**
 * Entry of the backup thread (bundled as dist/main/backup.worker.js): one task — copy the data
 * file on this thread's own connection, or check a file — then its result or its error.
 */
const task = workerData as BackupTask;
const post = (m: unknown) => parentPort!.postMessage(m);
async function run(): Promise<unknown> {
  if (task.type === 'check') return checkDatabaseFile(task.file, task.migrationsFolder);
  return copyDatabase(task.source, task.dest, {
    pagesPerStep: task.pagesPerStep,
    onProgress: (done, total) => post({ type: 'progress', done, total }),
  });
}
run().then(
  (result) => post({ type: 'done', result }),
  (err) => {
    const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : undefined;
    post({ type: 'error', code, message: err instanceof Error ? err.message : String(err) });
  },
);
