import type { WireError, WorkerScript } from '../jobs/protocol';
import { workerScriptBeside } from '../jobs/protocol';
import type { ReadCall } from './run';

/**
 * What the main side and a read pool thread (worker.ts) say to each other. The thread opens the
 * database read-only (workerData), posts `ready`, then answers each `read` with `done` or
 * `error`, one call at a time (the pool sends a thread its next call only after the answer).
 */
export interface ReadWorkerData {
  dbFile: string;
  dataDir: string;
  /** whether the thread lowers its CPU priority below main's (workerReads' `lowPriority`) */
  lowPriority: boolean;
}

/**
 * `as`: how the answer comes back. `value`: the parsed output as an object (structured-cloned
 * into main). `json`: the parsed output's JSON text as UTF-8 bytes, made in the thread and moved
 * (transferred, not copied) to main, which sends them as they are: a large answer (a review page,
 * a search page) never becomes a graph of objects on the main thread, nor is stringified there.
 */
export type ReadAs = 'value' | 'json';

export type ReadRequest = { type: 'read'; id: number; as: ReadAs } & ReadCall;

export type ReadReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'json'; id: number; json: Uint8Array }
  | { type: 'error'; id: number; error: WireError };

/** The bundle's name beside main.js (build/build-main.mjs; asarUnpack takes every *.worker.js). */
export const BUNDLED_READS_WORKER = 'reads.worker.js';

/** The pool's worker script: the bundle beside main.js in the built app, else worker.ts through tsx. */
export function defaultReadsScript(): WorkerScript {
  return workerScriptBeside(__dirname, BUNDLED_READS_WORKER, 'worker.ts');
}
