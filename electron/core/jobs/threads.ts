import os from 'node:os';
import { runWorker, type WorkerScript } from './protocol';
import type { JobStep } from './registry';

/**
 * Helper threads: a job that splits its work (import checks big files in slices, parallel.ts)
 * runs each slice as a job kind of its own in another thread of the same worker script. This is
 * the generic part, which any feature may use; how to split and merge is the feature's.
 */
export interface ThreadsSpec extends WorkerScript {
  /** threads to use in all, the job's own included */
  count: number;
}

export interface Helpers {
  /** threads to use in all, the job's own included */
  count: number;
  /** runs `kind` in a new helper thread; helpers never take the write lock */
  run<T>(kind: string, input: unknown, onProgress?: (step: JobStep) => void): Promise<T>;
}

export function helperThreads(spec: ThreadsSpec): Helpers {
  const script = { workerFile: spec.workerFile, execArgv: spec.execArgv };
  return {
    count: spec.count,
    run: (kind, input, onProgress) =>
      runWorker(script, { kind, input, threads: null, helper: true }, { progress: (s) => onProgress?.(s) }),
  };
}

/** Threads a job may use: its worker and helpers, at most one per core (≤ 4). */
export function threadCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}
