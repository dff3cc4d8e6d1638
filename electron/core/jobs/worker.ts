import { parentPort, workerData } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../../db/schema';
import { createCore } from '../core';
import { features } from '../features';
import { jobKindsOf } from './kinds';
import { toWireError, type WorkerData, type WorkerMessage } from './protocol';
import { type AcquireWrite, createJobRegistry, type Report } from './registry';
import { yieldCpuToMain } from './priority';
import { helperThreads } from './threads';

/**
 * The one job worker thread (bundled as dist/main/jobs.worker.js). It runs one job of the
 * registry given as workerData, posts its progress, then `done` or `error`; helper threads a
 * job starts run this same script (protocol.ts).
 */
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

/** Progress at most every 100 ms (and always the first and last of a phase). */
function reporter(): Report {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done !== 0 && p.done !== p.total) return;
    last = now;
    post({ type: 'progress', phase: p.phase, done: p.done, total: p.total });
  };
}

/** Asks the main thread for the write lock and waits for its `go`. */
const acquireWrite: AcquireWrite = () =>
  new Promise((resolve) => {
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== 'go') return;
      parentPort!.off('message', onMessage);
      resolve();
    };
    parentPort!.on('message', onMessage);
    post({ type: 'lock' });
  });

const helperMayNotWrite: AcquireWrite = () => Promise.reject(new Error('a helper thread does not write'));

async function main() {
  const data = workerData as WorkerData;
  yieldCpuToMain();
  return createJobRegistry(jobKindsOf(features)).run(data.kind, data.input, {
    report: reporter(),
    coreOn: (sqlite, at, dataDir) => createCore({ db: drizzle(sqlite, { schema }), sqlite, clock: { now: () => at }, dataDir, features }),
    acquireWrite: data.helper ? helperMayNotWrite : acquireWrite,
    helpers: data.threads ? helperThreads(data.threads) : null,
  });
}

main().then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', error: toWireError(err) }),
);
