import { z } from 'zod';

/**
 * Emitted while a background job runs, only to the user who started it. `kind` names the job
 * (`<feature>.<job>`, e.g. `import.run`), `id` the thing it works on when the feature names one
 * (an upload's id), else an id of the run itself. A feature narrows `phase` to its own steps.
 */
export const JOB_PROGRESS_EVENT = 'job.progress';

export const jobProgressSchema = z.object({
  kind: z.string(),
  id: z.string(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
