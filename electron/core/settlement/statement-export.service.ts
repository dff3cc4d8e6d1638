import type { Actor } from '../actor';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import { commitDownload, newDownload } from '../files/storage';
import { STATEMENT_EXPORT_JOB, type settlementJobs } from './settlement.jobs';
import { statementCustomer } from './statement';
import { STATEMENT_TEXTS } from './statement-export';

type JobResult = Awaited<ReturnType<(typeof settlementJobs)[typeof STATEMENT_EXPORT_JOB]>>;

/**
 * settlement.statementExport: the job writes the .xlsx into a fresh download slot in its own
 * thread, then the file is offered to this user, fetched in pieces through customer.downloadFile.
 */
export async function exportStatementFile(
  core: Core,
  actor: Actor,
  input: { customerId: number; from: string; to: string },
) {
  if (input.from > input.to) throw InvalidField('to', 'settlement.ledgerErrors.range');
  const customer = statementCustomer(core.sqlite, input.customerId);
  const slot = await newDownload(core.dataDir);
  await core.jobs.run<JobResult>(
    STATEMENT_EXPORT_JOB,
    { dbFile: core.sqlite.name, outFile: slot.file, customerId: input.customerId, from: input.from, to: input.to },
    { userId: actor.id, id: slot.id },
  );
  const fileName =
    `${STATEMENT_TEXTS.fileName.replace('{{code}}', customer.code).replace('{{from}}', input.from).replace('{{to}}', input.to)}.xlsx`.replace(
      /[\\/:*?"<>|]/g,
      '_',
    );
  const ref = await commitDownload(core.dataDir, slot.id, {
    fileName,
    userId: actor.id,
    createdAt: core.clock.now().toISOString(),
  });
  return { fileId: ref.fileId, fileName: ref.fileName, size: ref.size };
}
