import { randomUUID } from 'node:crypto';
import type { EventBus } from '../events';
import type { AnyFeature } from '../feature';
import type { WriteGate } from '../write-gate';
import { defaultWorkerScript, runWorker, type WorkerScript } from './protocol';
import { jobKindsOf } from './kinds';
import { type CoreFactory, createJobRegistry, type JobKinds, type Report } from './registry';
import { JOB_PROGRESS_EVENT, type JobProgress } from './shared/jobs.contract';
import { threadCount } from './threads';

/**
 * Runs jobs for a core (`core.jobs`) and relays their progress as `job.progress` events to the
 * user who started them. In the app every job runs in a worker thread of its own (worker.ts) on a
 * connection of its own, so the main process never waits for it; tests that exercise channels,
 * not the thread, give their core the inline runner.
 */
export interface JobOwner {
  /** who started the job: only this user's sessions hear its progress */
  userId: number;
  /** what the job works on, when the feature names it (an upload's id); else a new id */
  id?: string;
}

export interface Jobs {
  run<T = unknown>(kind: string, input: unknown, owner: JobOwner): Promise<T>;
  /** jobs of this kind running now (a feature that allows one at a time refuses a second) */
  running(kind: string): number;
}

/** What a runner needs of its core: where progress goes, and the gate that hands out the write lock. */
interface JobHost {
  events: EventBus;
  writes: WriteGate;
  /** the core's features: an inline runner runs their job kinds */
  features: readonly AnyFeature[];
  /** a core of those features on a job's own connection */
  coreOn: CoreFactory;
}

/** How a core runs jobs (createCore's `jobs` option): given the core's events and write gate, its `core.jobs`. */
export type JobRunner = (host: JobHost) => Jobs;

type Execute = (kind: string, input: unknown, report: Report, host: JobHost) => Promise<unknown>;

function jobsWith(execute: Execute): JobRunner {
  return (host) => {
    const counts = new Map<string, number>();
    const running = (kind: string) => counts.get(kind) ?? 0;
    return {
      running,
      run<T>(kind: string, input: unknown, owner: JobOwner): Promise<T> {
        const id = owner.id ?? randomUUID();
        const report: Report = (s) => {
          const payload: JobProgress = { kind, id, phase: s.phase, done: s.done, total: s.total };
          host.events.emit({ name: JOB_PROGRESS_EVENT, payload, userId: owner.userId });
        };
        // counted before the first await: a second call in the same tick already sees this one
        counts.set(kind, running(kind) + 1);
        return (async () => execute(kind, input, report, host))().finally(() => {
          counts.set(kind, running(kind) - 1);
        }) as Promise<T>;
      },
    };
  };
}

/**
 * Every job in a new worker thread. `script` points at another worker file (benchmarks measure
 * the bundle the app ships); `threads` caps the threads a job may use, helpers included.
 */
export function workerJobs(opts: { script?: WorkerScript; threads?: number } = {}): JobRunner {
  return jobsWith((kind, input, report, host) => {
    const script = opts.script ?? defaultWorkerScript();
    const threads = { ...script, count: opts.threads ?? threadCount() };
    return runWorker(script, { kind, input, threads, helper: false }, { progress: report, lock: () => host.writes.hold() });
  });
}

/**
 * Every job on the calling thread, with the same progress and write lock as in a worker (for
 * tests, and benchmarks' baselines): the job kinds of the core's features, unless others are given.
 */
export function inlineJobs(kinds?: readonly JobKinds[]): JobRunner {
  return jobsWith(async (kind, input, report, host) => {
    const registry = createJobRegistry(kinds ?? jobKindsOf(host.features));
    let release: (() => void) | null = null;
    try {
      return await registry.run(kind, input, {
        report,
        helpers: null,
        coreOn: host.coreOn,
        acquireWrite: async () => {
          release = await host.writes.hold();
        },
      });
    } finally {
      (release as (() => void) | null)?.();
    }
  });
}
