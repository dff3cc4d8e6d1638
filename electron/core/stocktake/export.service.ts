import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Core } from '../core';
import { commitDownload, newDownload } from '../files/storage';
import { stocktakeNo } from './report';
import type { stocktakeContract } from './shared/stocktake.contract';
import { textsOf } from './export';
import { STOCKTAKE_EXPORT_JOB, type stocktakeJobs } from './stocktake.jobs';

type ExportInput = z.output<(typeof stocktakeContract)['stocktake.export']['input']>;
type ExportOutput = z.output<(typeof stocktakeContract)['stocktake.export']['output']>;
type JobResult = Awaited<ReturnType<(typeof stocktakeJobs)[typeof STOCKTAKE_EXPORT_JOB]>>;

/**
 * stocktake.export: the job writes the report into a fresh download slot in its own thread (a
 * report of 200,000 rows never holds the main thread), then the file is offered to this user,
 * fetched in pieces through customer.downloadFile.
 */
export async function exportStocktakeReport(core: Core, actor: Actor, input: ExportInput): Promise<ExportOutput> {
  const no = stocktakeNo(core.sqlite, input.id);
  const slot = await newDownload(core.dataDir);
  const result = await core.jobs.run<JobResult>(
    STOCKTAKE_EXPORT_JOB,
    { dbFile: core.sqlite.name, outFile: slot.file, id: input.id, texts: input.texts },
    { userId: actor.id, id: slot.id },
  );
  const fileName = `${textsOf(input.texts)('stocktake.export.fileName', { no })}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  const ref = await commitDownload(core.dataDir, slot.id, { fileName, userId: actor.id, createdAt: core.clock.now().toISOString() });
  return { ...ref, rows: result.rows };
}
