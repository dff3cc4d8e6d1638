import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../errors';
import { executeJob, type Job, type Report } from './jobs';
import { type CheckJob, checkSlice, type Threads } from './parallel';

/**
 * Entry of the import / export worker thread (bundled as dist/main/customer-import.worker.js).
 * It runs one job given as workerData and posts progress, then `done` or `error`; helper threads
 * it starts for big files run this same script with a `check` job.
 */
type Message =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'lock' }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { domain: boolean; code?: string; messageKey?: string; fields?: unknown; params?: unknown; message: string } };

const post = (m: Message) => parentPort!.postMessage(m);

/** Progress at most every 100 ms (and always the last of a phase). */
function reporter(): Report {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done !== 0 && p.done !== p.total) return;
    last = now;
    post({ type: 'progress', ...p });
  };
}

/** Asks the main thread for the write lock and waits for its `go`. */
function acquireWrite(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== 'go') return;
      parentPort!.off('message', onMessage);
      resolve();
    };
    parentPort!.on('message', onMessage);
    post({ type: 'lock' });
  });
}

async function main() {
  const data = workerData as (Job | CheckJob) & { threads?: Threads };
  const report = reporter();
  if (data.kind === 'check') return checkSlice(data, (done) => report({ phase: 'validate', done, total: data.rows.length }));
  return executeJob(data, report, data.threads ?? null, acquireWrite);
}

main().then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => {
    if (err instanceof DomainError) {
      post({ type: 'error', error: { domain: true, code: err.code, messageKey: err.messageKey, fields: err.fields, params: err.params, message: err.message } });
    } else {
      // SQLite's or the OS's code (SQLITE_FULL, ENOSPC, ...) crosses too: the dispatcher names storage faults by it
      const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
      post({ type: 'error', error: { domain: false, code, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } });
    }
  },
);
