import path from 'node:path';
import type { Actor } from '../actor';
import { openJobDb } from '../jobs/db';
import type { JobContext, JobKinds } from '../jobs/registry';
import type { ReviewRun } from './shared/review.contract';
import { startRun } from './review.service';

/**
 * 开始审查 as a worker-thread job: over a million customers the candidate query takes about a
 * second, which must not freeze the window. The worker opens its own connection, waits for the
 * write lock (the main side holds back its own writes meanwhile) and runs startRun at the
 * instant the user asked.
 */
export interface ReviewJob {
  dbFile: string;
  actor: Actor;
  /** UTC ISO instant of the request: the run's time and "today" */
  at: string;
}

async function reviewJob(job: ReviewJob, { acquireWrite, coreOn }: JobContext): Promise<ReviewRun> {
  const sqlite = openJobDb(job.dbFile);
  try {
    const core = coreOn(sqlite, new Date(job.at), path.dirname(job.dbFile));
    await acquireWrite();
    return startRun(core, job.actor);
  } finally {
    sqlite.close();
  }
}

/** The review's job kinds (core/jobs/registry.ts). */
export const reviewJobs = {
  'review.run': (job: ReviewJob, ctx: JobContext) => reviewJob(job, ctx),
} satisfies JobKinds;
