import { openJobDb } from '../jobs/db';
import type { JobContext, JobKinds } from '../jobs/registry';
import { type ExportInput, exportCustomers } from './export';
import { CUSTOMERS_EXPORT_JOB } from './shared/search.schema';

/** The export of the filtered list, on the job's own connection to the database file. */
interface ExportJob extends ExportInput {
  dbFile: string;
}

async function exportJob(job: ExportJob, { report }: JobContext): Promise<{ rows: number }> {
  const sqlite = openJobDb(job.dbFile);
  try {
    return { rows: await exportCustomers(sqlite, job, (done, total) => report({ phase: 'export', done, total })) };
  } finally {
    sqlite.close();
  }
}

/** The customers' job kinds (core/jobs/registry.ts): run in a job worker thread (core.jobs). */
export const customersJobs = {
  [CUSTOMERS_EXPORT_JOB]: exportJob,
} satisfies JobKinds;
