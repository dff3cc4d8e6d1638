import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../../../db/open';
import type { Clock } from '../clock';
import type { Core } from '../core';
import type { JobRunner } from '../jobs/client';
import { fromWireError, type WorkerScript } from '../jobs/protocol';
import { threadCount } from '../jobs/threads';
import { openReadDb } from './db';
import { nextRead, readDurations } from './lanes';
import { defaultReadsScript, type ReadAs, type ReadReply, type ReadRequest, type ReadWorkerData } from './protocol';
import { jsonBytes, type ReadCall, runRead } from './run';

/**
 * The read pool (`core.reads`): the dispatcher runs the channels whose handler is marked
 * `poolRead` here, so a long read (a review page, a search over 1M customers, a log page) never
 * holds the main thread, where sessions, events, pings and writes are answered. In the app each
 * read runs on one of a few worker threads (one per core, 1 to 4), each with a read-only
 * connection of its own; writes stay on the one writer (the main connection, and a job's).
 */
export interface Reads {
  /** runs a pool read (input parsed, permission checked, by the dispatcher); resolves with its parsed output */
  run(call: Omit<ReadCall, 'at'>): Promise<unknown>;
  /**
   * the same read, answered as the UTF-8 bytes of its parsed output's JSON text (what the HTTP
   * host sends): in threads mode made in the thread, so the answer never crosses main as objects
   */
  runJson(call: Omit<ReadCall, 'at'>): Promise<Uint8Array>;
  /** starts the threads now rather than at the first read, and resolves once they can read */
  warm(): Promise<void>;
  /** stops the threads and closes their connections (on quit); calls still waiting fail */
  close(): Promise<void>;
  stats(): ReadStats;
}

export interface ReadStats {
  mode: 'threads' | 'inline' | 'direct';
  /** threads the pool may run at once (threads mode) */
  size: number;
  /** threads running now */
  threads: number;
  /** reads asked for so far */
  calls: number;
  /** threads that died (a crash) and were replaced */
  replaced: number;
}

/** What a runner needs of its core. */
export interface ReadHost {
  /** the core's own connection: which file to open (a database in memory cannot be shared) */
  sqlite: Sqlite;
  dataDir: string;
  clock: Clock;
  /** a core of the same features on another connection (inline reads) */
  coreOn(sqlite: Sqlite): Core;
  /** the core itself (direct reads) */
  self(): Core;
}

/** How a core runs its pool reads (createCore's `reads` option). */
export type ReadRunner = (host: ReadHost) => Reads;

/** A core that only reads (a pool thread's) runs no job. */
export const noJobs: JobRunner = () => ({
  run: () => Promise.reject(new Error('a pool read runs no job')),
  running: () => 0,
});

/**
 * Whether pool threads lower their CPU priority (nice 10) by default. They share process-wide
 * locks with the main thread (V8's platform task queue, libuv's thread pool, message ports): a
 * low-priority thread preempted while holding one keeps main asleep on it (priority inversion,
 * measured by perf trace as futex waits of main up to 149 ms on a loaded machine).
 */
export const LOW_PRIORITY = true;

/** Threads of the pool: one per core, at least 1, at most 4 (the same count as a job's threads). */
export const poolSize = threadCount;

const at = (host: ReadHost) => host.clock.now().toISOString();

/**
 * On the core's own connection, on the calling thread, as before the pool: a pool thread's own
 * core (whose reads are already off main), a database in memory, and benchmarks' baselines.
 */
export function directReads(): ReadRunner {
  return (host) => {
    let calls = 0;
    const run = (call: Omit<ReadCall, 'at'>) => {
      calls++;
      return runRead(host.self(), { ...call, at: at(host) }, false);
    };
    return {
      run,
      runJson: async (call) => jsonBytes(await run(call)),
      warm: async () => {},
      close: async () => {},
      stats: () => ({ mode: 'direct', size: 0, threads: 0, calls, replaced: 0 }),
    };
  };
}

/**
 * On the calling thread but on a read-only connection of its own, one read at a time, each in a
 * read transaction: the tests' default, so every test that calls a pool read also proves it reads
 * only and sees what was written before it, without starting a thread.
 */
export function inlineReads(): ReadRunner {
  return (host) => {
    if (host.sqlite.memory) return directReads()(host);
    let conn: { sqlite: Sqlite; core: Core } | null = null;
    let tail: Promise<unknown> = Promise.resolve();
    let calls = 0;
    const open = () => {
      if (!conn) {
        const sqlite = openReadDb(host.sqlite.name);
        conn = { sqlite, core: host.coreOn(sqlite) };
      }
      return conn.core;
    };
    const run = (call: Omit<ReadCall, 'at'>) => {
      calls++;
      const done = tail.then(() => runRead(open(), { ...call, at: at(host) }, true));
      tail = done.catch(() => {});
      return done;
    };
    return {
      run,
      runJson: async (call) => jsonBytes(await run(call)),
      warm: async () => {
        open();
      },
      close: async () => {
        conn?.sqlite.close();
        conn = null;
      },
      stats: () => ({ mode: 'inline', size: 1, threads: 0, calls, replaced: 0 }),
    };
  };
}

interface Pending {
  request: ReadRequest;
  /** its channel's reads were long lately (lanes.ts): it may not take the pool's last thread */
  long: boolean;
  startedAt: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  ready: Promise<void>;
}

/**
 * The app's pool: up to `size` worker threads (worker.ts), started at the first read; a read goes
 * to an idle thread, or waits for one (lanes.ts: long reads never take the last free thread). A
 * thread that dies fails the read it was running (INTERNAL, said by the dispatcher) and the next
 * read starts a new thread.
 */
export function workerReads(opts: { size?: number; script?: WorkerScript; lowPriority?: boolean } = {}): ReadRunner {
  return (host) => {
    if (host.sqlite.memory) return directReads()(host);
    const size = Math.max(1, opts.size ?? poolSize());
    const data: ReadWorkerData = { dbFile: host.sqlite.name, dataDir: host.dataDir, lowPriority: opts.lowPriority ?? LOW_PRIORITY };
    const slots = new Set<Slot>();
    const queue: Pending[] = [];
    let nextId = 1;
    let calls = 0;
    let replaced = 0;
    let closed = false;
    const durations = readDurations();
    const longRunning = () => [...slots].filter((s) => s.busy?.long).length;

    const spawn = (): Slot => {
      const script = opts.script ?? defaultReadsScript();
      const worker = new Worker(script.workerFile, { workerData: data, execArgv: script.execArgv });
      // an idle pool does not keep the process alive; a thread with a read to answer does
      worker.unref();
      let markReady = () => {};
      const slot: Slot = { worker, busy: null, ready: new Promise<void>((r) => (markReady = r)) };
      worker.on('message', (m: ReadReply) => {
        if (m.type === 'ready') return markReady();
        const p = slot.busy;
        if (!p || p.request.id !== m.id) return;
        slot.busy = null;
        worker.unref();
        durations.record(p.request.channel, performance.now() - p.startedAt);
        if (m.type === 'done') p.resolve(m.result);
        else if (m.type === 'json') p.resolve(m.json);
        else p.reject(fromWireError(m.error, `read pool (${p.request.channel})`));
        pump();
      });
      const lost = (why: string) => {
        if (!slots.delete(slot)) return;
        markReady();
        if (!closed) replaced++;
        const p = slot.busy;
        slot.busy = null;
        p?.reject(new Error(`read pool thread ${why} while reading ${p.request.channel}`));
        pump();
      };
      worker.on('error', (err) => {
        lost(`failed (${err.message})`);
        void worker.terminate();
      });
      worker.on('exit', (code) => lost(`exited with code ${code}`));
      slots.add(slot);
      return slot;
    };

    const pump = () => {
      while (queue.length && !closed) {
        let slot = [...slots].find((s) => !s.busy);
        if (!slot && slots.size >= size) return;
        const i = nextRead(queue, longRunning(), size);
        if (i < 0) return;
        slot ??= spawn();
        const [p] = queue.splice(i, 1);
        p.startedAt = performance.now();
        slot.busy = p;
        slot.worker.ref();
        slot.worker.postMessage(p.request);
      }
    };

    const run = (call: Omit<ReadCall, 'at'>, as: ReadAs) => {
      if (closed) return Promise.reject(new Error('the read pool is closed'));
      calls++;
      return new Promise<unknown>((resolve, reject) => {
        const request: ReadRequest = { type: 'read', id: nextId++, as, ...call, at: at(host) };
        queue.push({ request, long: durations.isLong(call.channel), startedAt: 0, resolve, reject });
        pump();
      });
    };
    return {
      run: (call) => run(call, 'value'),
      runJson: (call) => run(call, 'json') as Promise<Uint8Array>,
      async warm() {
        while (!closed && slots.size < size) spawn();
        await Promise.all([...slots].map((s) => s.ready));
      },
      async close() {
        closed = true;
        for (const p of queue.splice(0)) p.reject(new Error('the read pool is closed'));
        await Promise.all([...slots].map((s) => s.worker.terminate()));
      },
      stats: () => ({ mode: 'threads', size, threads: slots.size, calls, replaced }),
    };
  };
}
