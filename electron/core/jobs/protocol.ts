import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors';
import type { ErrorCode, ErrorParams } from '../shared/contract-kit';
import type { JobStep } from './registry';
import type { ThreadsSpec } from './threads';

/**
 * What the main side and a job worker (worker.ts) say to each other. The worker gets one job as
 * workerData and posts progress, asks for the write lock (`lock`, answered by `go`), then posts
 * `done` or `error`. Helper threads run the same script with `helper: true`.
 */
export interface WorkerData {
  kind: string;
  input: unknown;
  /** how to start helper threads, for a job that splits its work; null: none */
  threads: ThreadsSpec | null;
  /** a helper thread of another job: it reads and computes, it never writes */
  helper: boolean;
}

/** An error as it crosses between threads: a refusal keeps its code and keys, anything else its SQLite/OS code. */
export interface WireError {
  domain: boolean;
  code?: string;
  messageKey?: string;
  fields?: Record<string, string>;
  params?: ErrorParams;
  message: string;
}

export type WorkerMessage =
  | ({ type: 'progress' } & JobStep)
  | { type: 'lock' }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: WireError };

/** The worker script and the flags to start it with. */
export interface WorkerScript {
  workerFile: string;
  execArgv: string[];
}

/** The bundle's name beside main.js (build/build-main.mjs; asarUnpack takes every *.worker.js). */
export const BUNDLED_WORKER = 'jobs.worker.js';

/**
 * In the built app the worker is the bundle next to main.js; from the sources (tests,
 * `npm run bench`) it is the TypeScript file, loaded through tsx.
 */
export function defaultWorkerScript(): WorkerScript {
  return workerScriptBeside(__dirname, BUNDLED_WORKER, 'worker.ts');
}

/**
 * A worker script of the core (the job worker, the read pool's): the bundle `bundled` beside
 * main.js when the app is built, else the TypeScript file `source` in `dir`, through tsx.
 */
export function workerScriptBeside(dir: string, bundled: string, source: string): WorkerScript {
  // packaged: the worker is unpacked beside the asar archive (build/electron-builder.yml asarUnpack)
  const file = path.join(dir, bundled).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(file)) return { workerFile: file, execArgv: [] };
  // from the sources: the TypeScript file, compiled on the fly by tsx's CommonJS hook
  const tsx = createRequire(path.join(dir, source)).resolve('tsx/cjs');
  return { workerFile: path.join(dir, source), execArgv: ['--require', tsx] };
}

export function toWireError(err: unknown): WireError {
  if (err instanceof DomainError) {
    return { domain: true, code: err.code, messageKey: err.messageKey, fields: err.fields, params: err.params, message: err.message };
  }
  // SQLite's or the OS's code (SQLITE_FULL, ENOSPC, ...) crosses too: the dispatcher names storage faults by it
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  return { domain: false, code, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** The error again on the main side; `where` names the thread in the message (`job worker (import.run)`). */
export function fromWireError(e: WireError, where: string): Error {
  if (e.domain) return DomainError.fromApi({ code: e.code as ErrorCode, messageKey: e.messageKey!, fields: e.fields, params: e.params });
  return Object.assign(new Error(`${where}: ${e.message}`), { code: e.code });
}

/**
 * Runs one job in a new worker thread. `lock` grants the write lock when the worker asks for it
 * and returns the function that gives it back (called when the job ends, however it ends).
 */
export function runWorker<T>(
  script: WorkerScript,
  data: WorkerData,
  on: { progress(step: JobStep): void; lock?(): Promise<() => void> },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script.workerFile, { workerData: data, execArgv: script.execArgv });
    let settled = false;
    let release: (() => void) | null = null;
    const settle = () => {
      settled = true;
      release?.();
      release = null;
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        on.progress({ phase: m.phase, done: m.done, total: m.total });
      } else if (m.type === 'lock') {
        if (!on.lock) {
          settleWith(new Error(`job worker (${data.kind}) asked for the write lock it may not take`));
          void worker.terminate();
          return;
        }
        void on.lock().then((open) => {
          if (settled) return open();
          release = open;
          worker.postMessage({ type: 'go' });
        });
      } else if (m.type === 'done') {
        settle();
        resolve(m.result as T);
      } else if (m.type === 'error') {
        settleWith(fromWireError(m.error, `job worker (${data.kind})`));
      }
    });
    const settleWith = (err: Error) => {
      if (settled) return;
      settle();
      reject(err);
    };
    worker.on('error', (err) => settleWith(err));
    worker.on('exit', (code) => {
      release?.();
      settleWith(new Error(`job worker (${data.kind}) exited with code ${code}`));
    });
  });
}
