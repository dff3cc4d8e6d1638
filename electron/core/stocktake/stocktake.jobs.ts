import { openJobDb } from '../jobs/db';
import type { JobContext, JobKinds } from '../jobs/registry';
import { exportReport, type ReportExportInput } from './export';

/** The report's export, on the job's own connection to the database file. */
interface ExportJob extends ReportExportInput {
  dbFile: string;
}

async function exportJob(job: ExportJob, { report }: JobContext): Promise<{ rows: number; no: string }> {
  const sqlite = openJobDb(job.dbFile);
  try {
    return await exportReport(sqlite, job, (done, total) => report({ phase: 'export', done, total }));
  } finally {
    sqlite.close();
  }
}

export const STOCKTAKE_EXPORT_JOB = 'stocktake.export';

/** The stocktake's job kinds (core/jobs/registry.ts): run in a job worker thread (core.jobs). */
export const stocktakeJobs = {
  [STOCKTAKE_EXPORT_JOB]: exportJob,
} satisfies JobKinds;
