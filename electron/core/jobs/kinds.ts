import { importJobs } from '../import/import.jobs';
import { reviewJobs } from '../review/review.jobs';
import type { JobKinds } from './registry';

/**
 * The job kinds of every feature, one map per feature. (To become the `jobs` of the features
 * list, core/features.ts: `features.flatMap((f) => (f.jobs ? [f.jobs] : []))`.)
 */
export const JOB_KINDS: readonly JobKinds[] = [importJobs, reviewJobs];
