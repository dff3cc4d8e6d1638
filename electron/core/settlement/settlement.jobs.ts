import { openJobDb } from '../jobs/db';
import type { JobKinds } from '../jobs/registry';
import { exportStatement, type StatementExportInput } from './statement-export';

/** The statement's export, on the job's own connection to the database file. */
interface ExportJob extends StatementExportInput {
  dbFile: string;
}

async function statementExportJob(job: ExportJob): Promise<{ rows: number; code: string }> {
  const sqlite = openJobDb(job.dbFile);
  try {
    return await exportStatement(sqlite, job);
  } finally {
    sqlite.close();
  }
}

export const STATEMENT_EXPORT_JOB = 'settlement.statementExport';

/** 无票结算's job kinds (core/jobs/registry.ts): run in a job worker thread (core.jobs). */
export const settlementJobs = {
  [STATEMENT_EXPORT_JOB]: statementExportJob,
} satisfies JobKinds;
