import type { Sqlite } from '../../../db/open';
import { operationLog } from '../../../db/schema/index';
import { Refused } from '../errors';
import { bulkInsert } from './bulk-insert';
import { openJobDb } from '../jobs/db';
import { type AcquireWrite, noLock, type Report } from '../jobs/registry';
import type { Helpers } from '../jobs/threads';
import { assertMapping, type Checked, checkAll } from './job-io';
import type { ImportField, ValueMapEntry } from './shared/import.contract';
import { loadRefs, RefIndex } from './refs';
import { applyValueMap, createPendingItems, rememberValueMap, withCreatedIds } from './value-map';
import { type PreparedCustomer, writeCustomers } from './write';

export interface RunJob {
  dbFile: string;
  tableFile: string;
  mapping: (ImportField | null)[];
  /** values of managed-list columns mapped to items, new items or nothing (value-map.ts) */
  valueMap: ValueMapEntry[];
  mode: 'allOrNothing' | 'validOnly';
  fileName: string;
  /** the stored file's content hash (files/content.ts), kept in the batch log entry */
  sha256?: string;
  uploadId: string;
  actor: { id: number; displayName: string };
  nowIso: string;
}
interface RunResult {
  imported: number;
  skipped: number;
  total: number;
  firstCode: string | null;
  lastCode: string | null;
}

/**
 * Validates every row again (the archive may have changed since the preview) and prepares it for
 * writing (pinyin, index texts: helper threads, in memory), then writes in ONE transaction on this
 * thread's own connection: all rows or nothing (any error refuses the whole file), or the valid
 * rows only. Only prepared INSERTs run inside the transaction.
 */
export async function run(job: RunJob, report: Report, helpers: Helpers | null, acquireWrite: AcquireWrite = noLock): Promise<RunResult> {
  assertMapping(job.mapping);
  const sqlite = openJobDb(job.dbFile);
  try {
    // every row checked again (the archive may have changed since the preview) and prepared for
    // writing, side by side in helper threads; kept in memory, nothing written to a file between
    const { data: refData, pending } = applyValueMap(loadRefs(sqlite), job.valueMap);
    const ready = readyRows(await checkAll(sqlite, job.tableFile, job.mapping, true, report, helpers, job.valueMap));
    report({ phase: 'validate', done: ready.total, total: ready.total });
    if (job.mode === 'allOrNothing' && ready.errorCount) {
      throw Refused('INVALID_INPUT', 'import.errors.hasErrors', {
        count: ready.errorCount,
        rows: ready.invalidRows,
      });
    }
    const rows = ready.rows;
    if (!rows.length) throw Refused('INVALID_INPUT', 'import.errors.nothingToImport');
    const total = ready.total;
    const at = new Date(job.nowIso);
    await acquireWrite();
    report({ phase: 'write', done: 0, total: rows.length });
    const codes = sqlite
      .transaction(() => {
        // the tax IDs and codes again, inside the lock: someone may have saved one meanwhile
        const clash = clashes(sqlite, rows);
        if (clash) throw Refused('CONFLICT', 'import.errors.changedMeanwhile', { row: clash });
        // the new items the value map asks for, then the rows that name them
        const created = createPendingItems(sqlite, pending, at, job.actor);
        const refs = new RefIndex({ ...refData, lookups: [...refData.lookups, ...created.values()] });
        const insLog = bulkInsert(sqlite, operationLog, ['at', 'userId', 'userName', 'entity', 'entityId', 'action', 'changes', 'reason']);
        // the batch entry: who (the row's user), when, which file (name and stored content hash),
        // how its columns were mapped, the counts; each customer's entry points to it
        const logBatch = (codes: string[], fields: readonly string[]) => {
          const after = {
            fileName: job.fileName,
            sha256: job.sha256 ?? null,
            mode: job.mode,
            total,
            imported: codes.length,
            skipped: total - codes.length,
            firstCode: codes[0] ?? null,
            lastCode: codes[codes.length - 1] ?? null,
            mapping: job.mapping,
            fields,
          };
          return insLog({
            at: at.toISOString(),
            userId: job.actor.id,
            userName: job.actor.displayName,
            entity: 'customerImport',
            entityId: job.uploadId,
            action: 'import',
            changes: JSON.stringify(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: null, after: v }]))),
            // the renderer words the import from `fileName`: the core writes no sentences
            reason: null,
          });
        };
        const written = writeCustomers(
          { sqlite, refs, at, actor: job.actor, logBatch, onProgress: (done) => report({ phase: 'write', done, total: rows.length }) },
          withCreatedIds(rows, created),
        );
        rememberValueMap(sqlite, job.valueMap, created, pending, refs, at, job.actor);
        return written;
      })
      .immediate();
    return { imported: codes.length, skipped: total - codes.length, total, firstCode: codes[0] ?? null, lastCode: codes[codes.length - 1] ?? null };
  } finally {
    sqlite.close();
  }
}

/** The valid rows, prepared for writing, and the counts the refusal of an all-or-nothing import names. */
function readyRows({ validation, prepared }: Checked) {
  return {
    total: validation.total,
    invalidRows: validation.invalidRows,
    errorCount: validation.errors.length,
    rows: prepared!.filter((p, i): p is PreparedCustomer => !!p && !!validation.data[i]),
  };
}

/** The first row whose tax ID or code is now taken in the archive, if any. */
function clashes(sqlite: Sqlite, rows: PreparedCustomer[]): number | null {
  const byTax = sqlite.prepare('SELECT 1 FROM customers WHERE tax_id = ?').pluck();
  const byCode = sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').pluck();
  for (const r of rows) {
    if ((r.taxId && byTax.get(r.taxId)) || (r.code && byCode.get(r.code))) return r.rowNumber;
  }
  return null;
}

