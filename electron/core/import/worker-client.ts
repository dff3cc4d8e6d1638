import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '../core';
import { holdWriteGate } from '../write-gate';
import { DomainError } from '../errors';
import type { ErrorCode, ErrorParams } from '../shared/contract-kit';
import { IMPORT_PROGRESS_EVENT, type ImportProgress } from './shared/import.contract';
import { executeJob, type Job } from './jobs';
import type { Threads } from './parallel';

/**
 * Runs a job of jobs.ts in a worker thread and relays its progress as events to the user who
 * asked. In the built app the worker is the bundle next to main.js; from the sources (tests,
 * `npm run bench`) it is the TypeScript file, loaded through tsx.
 */
export const BUNDLED_WORKER = 'customer-import.worker.js';

let scriptOverride: { workerFile: string; execArgv: string[] } | null = null;
/** Benchmarks point this at a bundle they built, to measure what the packaged app runs. */
export function setWorkerScript(script: { workerFile: string; execArgv: string[] } | null): void {
  scriptOverride = script;
}

export function workerScript(): { workerFile: string; execArgv: string[] } {
  if (scriptOverride) return scriptOverride;
  // packaged: the worker is unpacked beside the asar archive (build/electron-builder.yml asarUnpack)
  const bundled = path.join(__dirname, BUNDLED_WORKER).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(bundled)) return { workerFile: bundled, execArgv: [] };
  // from the sources: the TypeScript file, compiled on the fly by tsx's CommonJS hook
  const tsx = createRequire(path.join(__dirname, 'worker-client.ts')).resolve('tsx/cjs');
  return { workerFile: path.join(__dirname, 'import.worker.ts'), execArgv: ['--require', tsx] };
}

/** Threads an import may use: the worker itself and helpers, at most one per core (≤ 4). */
export function threadCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

interface WorkerError {
  domain: boolean;
  code?: string;
  messageKey?: string;
  fields?: Record<string, string>;
  params?: ErrorParams;
  message: string;
}

export type JobRunner = (core: Core, job: Job, progress: { userId: number; uploadId: string }) => Promise<unknown>;

let inline: JobRunner | null = null;
/**
 * Tests that exercise the channels (not the thread) may run jobs on their own thread: it skips
 * starting a worker (and compiling the sources in it) per call. `null` restores the worker.
 */
export function setJobRunner(runner: JobRunner | null): void {
  inline = runner;
}

/** Runs the job here, reporting progress as the worker would (for tests and benchmarks' baselines). */
export const runInline: JobRunner = async (core, job, progress) => {
  let release: (() => void) | null = null;
  try {
    return await executeJob(job, (p) => emitProgress(core, progress, p), null, async () => {
      release = await holdWriteGate();
    });
  } finally {
    (release as (() => void) | null)?.();
  }
};

function emitProgress(core: Core, progress: { userId: number; uploadId: string }, p: Omit<ImportProgress, 'uploadId'>) {
  const payload: ImportProgress = { uploadId: progress.uploadId, phase: p.phase, done: p.done, total: p.total };
  core.events.emit({ name: IMPORT_PROGRESS_EVENT, payload, userId: progress.userId });
}

export function runJob<T>(core: Core, job: Job, progress: { userId: number; uploadId: string }): Promise<T> {
  return (inline ?? runInWorker)(core, job, progress) as Promise<T>;
}

export function runInWorker<T>(core: Core, job: Job, progress: { userId: number; uploadId: string }): Promise<T> {
  const script = workerScript();
  const threads: Threads = { ...script, count: threadCount() };
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script.workerFile, { workerData: { ...job, threads }, execArgv: script.execArgv });
    let settled = false;
    let release: (() => void) | null = null;
    const settle = () => {
      settled = true;
      release?.();
      release = null;
    };
    worker.on('message', (m: { type: string; result?: T; error?: WorkerError } & Omit<ImportProgress, 'uploadId'>) => {
      if (m.type === 'progress') {
        emitProgress(core, progress, m);
      } else if (m.type === 'lock') {
        // hold back the main connection's writes (they would wait synchronously), then let the worker write
        void holdWriteGate().then((open) => {
          if (settled) return open();
          release = open;
          worker.postMessage({ type: 'go' });
        });
      } else if (m.type === 'done') {
        settle();
        resolve(m.result as T);
      } else if (m.type === 'error' && m.error) {
        settle();
        const e = m.error;
        reject(
          e.domain
            ? new DomainError(e.code as ErrorCode, e.messageKey!, e.fields, e.params)
            : Object.assign(new Error(`import worker: ${e.message}`), { code: e.code }),
        );
      }
    });
    worker.on('error', (err) => {
      if (settled) return;
      settle();
      reject(err);
    });
    worker.on('exit', (code) => {
      release?.();
      if (settled) return;
      settle();
      reject(new Error(`import worker exited with code ${code}`));
    });
  });
}
