import type { Sqlite } from '../../../db/open';
import type { Core } from '../core';
import type { Helpers } from './threads';

/**
 * Job kinds: the long steps features run off the main thread (import's reading and writing, the
 * review's run, ...). Each feature contributes a map kind → function, a kind named
 * `<feature>.<job>`; the registry is built from a plain list of those maps (kinds.ts).
 */

/** One progress step of a job: its phase (the feature's word) and how far it is. */
export interface JobStep {
  phase: string;
  done: number;
  total: number;
}
export type Report = (step: JobStep) => void;
/**
 * Asks the main thread for the database's write lock before BEGIN: the main side then holds
 * back its own writes (core.writes, write-gate.ts) until this job ends, instead of blocking on
 * SQLite's busy timeout. Resolves once granted.
 */
export type AcquireWrite = () => Promise<void>;
export const noLock: AcquireWrite = async () => {};

/** What a job function gets besides its input. */
export interface JobContext {
  report: Report;
  acquireWrite: AcquireWrite;
  /** helper threads the job may split its work over (threads.ts); null: this thread only */
  helpers: Helpers | null;
  /** a core of the app's features on the job's own connection, at the instant `at` (a job that runs services) */
  coreOn: CoreFactory;
}

/** Builds a core on a connection a job opened (core.ts makes it; jobs never import core.ts, which imports them). */
export type CoreFactory = (sqlite: Sqlite, at: Date, dataDir: string) => Core;

// each kind takes its own input (`any`: a function of a narrower input is still a JobFn); features type their calls (import.service.ts runImportJob)
type JobFn = (input: any, ctx: JobContext) => unknown;
export type JobKinds = Readonly<Record<string, JobFn>>;

const JOB_KIND = /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/;

interface JobRegistry {
  kinds(): string[];
  run(kind: string, input: unknown, ctx: JobContext): Promise<unknown>;
}

/** The registry of the given maps; a kind not named `<feature>.<job>`, or named twice, is refused. */
export function createJobRegistry(maps: readonly JobKinds[]): JobRegistry {
  const all = new Map<string, JobFn>();
  for (const map of maps) {
    for (const [kind, fn] of Object.entries(map)) {
      if (!JOB_KIND.test(kind)) throw new Error(`job kind "${kind}" is not named <feature>.<job>`);
      if (all.has(kind)) throw new Error(`job kind "${kind}" is registered twice`);
      all.set(kind, fn);
    }
  }
  return {
    kinds: () => [...all.keys()],
    async run(kind, input, ctx) {
      const fn = all.get(kind);
      if (!fn) throw new Error(`unknown job kind "${kind}"`);
      return fn(input, ctx);
    },
  };
}
