import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../../db/schema';
import type { Actor } from '../actor';
import { createCore } from '../core';
import { type AcquireWrite, openDb } from '../import/job-io';
import type { ReviewRun } from './shared/review.contract';
import { startRun } from './review.service';

/**
 * 开始审查 as a worker-thread job: over a million customers the candidate query takes about a
 * second, which must not freeze the window. The worker opens its own connection, waits for the
 * write lock (the main side holds back its own writes meanwhile) and runs startRun at the
 * instant the user asked.
 */
export interface ReviewJob {
  kind: 'review';
  dbFile: string;
  actor: Actor;
  /** UTC ISO instant of the request: the run's time and "today" */
  at: string;
}

export async function reviewJob(job: ReviewJob, acquireWrite: AcquireWrite): Promise<ReviewRun> {
  const sqlite = openDb(job.dbFile);
  try {
    const at = new Date(job.at);
    const core = createCore({
      db: drizzle(sqlite, { schema }),
      sqlite,
      clock: { now: () => at },
      dataDir: path.dirname(job.dbFile),
    });
    await acquireWrite();
    return startRun(core, job.actor);
  } finally {
    sqlite.close();
  }
}
