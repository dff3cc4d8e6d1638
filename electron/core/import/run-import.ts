import type { Sqlite } from '../../../db/open';
import { operationLog } from '../../../db/schema/index';
import { Refused } from '../errors';
import { bulkInsert } from './bulk-insert';
import { openJobDb } from '../jobs/db';
import { type AcquireWrite, noLock, type Report } from '../jobs/registry';
import type { Helpers } from '../jobs/threads';
import { assertMapping, loadTable } from './job-io';
import type { ImportField, ValueMapEntry } from './shared/import.contract';
import { applyValueMap, createPendingItems, rememberValueMap, withCreatedIds } from './value-map';
import { customerWriter, type PreparedCustomer } from './write';
import { type CheckJob, type CheckResult, checkSlice, type HelperResult, sliceJob } from './parallel';
import { unpackPrepared } from './packed';
import { finishValidation, inFileSeen } from './validate';
import { columnsOf } from './mapping';
import { customerCodeSchema } from '../customers/shared/value.schemas';
import { cellText } from '../spreadsheet/cells';
import type { SheetTable } from '../spreadsheet/table';
import { type RefData, loadRefs, RefIndex } from './refs';

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
 * Checks every row again (the archive may have changed since the preview), prepares it for writing
 * (pinyin, index texts) and writes it, in ONE transaction on this thread's own connection: all
 * rows or nothing (any error refuses the whole file), or the valid rows only. The file goes
 * through in slices, in order: helper threads check and prepare the next slices while this thread
 * writes the last one, so the costly preparation hides behind the writing; the rows stay in
 * memory, nothing is written to a file between. Slices checked one after the other find the
 * file's repeated tax IDs and codes as a whole file would (InFileSeen); the archive is read
 * through connections that see what was committed before, not this transaction's rows.
 */
export async function run(job: RunJob, report: Report, helpers: Helpers | null, acquireWrite: AcquireWrite = noLock): Promise<RunResult> {
  assertMapping(job.mapping);
  const sqlite = openJobDb(job.dbFile);
  // a hundred thousand rows dirty ~200 MB of index pages all over a big archive's indexes (names,
  // tax IDs, phones): room for them all, so that none is spilled to the WAL and read back before
  // the COMMIT (the cache only grows as pages are used)
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    const table = loadTable(job.tableFile);
    const { data: refData, pending } = applyValueMap(loadRefs(sqlite), job.valueMap);
    const total = table.rows.length;
    const at = new Date(job.nowIso);
    await acquireWrite();
    report({ phase: 'write', done: 0, total });
    sqlite.exec('BEGIN IMMEDIATE');
    try {
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
      const writer = customerWriter({ sqlite, refs, at, actor: job.actor, logBatch }, givenCodes(table, job.mapping));
      const seen = inFileSeen();
      let errorCount = 0;
      let invalidRows = 0;
      let done = 0;
      for (const next of checkSlices(table, job.mapping, refData, helpers, job.dbFile)) {
        const { from, results, prepared, hits } = await next;
        const part = {
          headers: table.headers,
          rowNumbers: table.rowNumbers.slice(from, from + results.length),
          rows: table.rows.slice(from, from + results.length),
        };
        const v = finishValidation(part, job.mapping, results, sqlite, hits, seen);
        errorCount += v.errors.length;
        invalidRows += v.invalidRows;
        done += results.length;
        // all or nothing: after the first error nothing more is written, the rest only counted
        if (job.mode === 'allOrNothing' && errorCount) continue;
        const rows = prepared!.filter((p, i): p is PreparedCustomer => !!p && !!v.data[i]);
        // the tax IDs and codes again, inside the lock: someone may have saved one meanwhile
        const clash = clashes(sqlite, rows);
        if (clash) throw Refused('CONFLICT', 'import.errors.changedMeanwhile', { row: clash });
        writer.write(withCreatedIds(rows, created));
        report({ phase: 'write', done, total });
      }
      if (job.mode === 'allOrNothing' && errorCount) {
        throw Refused('INVALID_INPUT', 'import.errors.hasErrors', { count: errorCount, rows: invalidRows });
      }
      if (!writer.written()) throw Refused('INVALID_INPUT', 'import.errors.nothingToImport');
      const codes = writer.finish();
      rememberValueMap(sqlite, job.valueMap, created, pending, refs, at, job.actor);
      sqlite.exec('COMMIT');
      report({ phase: 'write', done: total, total });
      return { imported: codes.length, skipped: total - codes.length, total, firstCode: codes[0] ?? null, lastCode: codes[codes.length - 1] ?? null };
    } finally {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    }
  } finally {
    sqlite.close();
  }
}

/** The import connection's page cache at most, KiB (1 GiB). */
const IMPORT_CACHE_KIB = 1_048_576;

/** Rows per slice: the first small, so that writing starts soon; then larger, so that few helper threads start. */
const FIRST_SLICE = 4000;
const SLICE = 24_000;

/**
 * The file's slices checked and prepared, in order, as promises: with helpers, up to `helpers.count`
 * slices are under way at once while the caller writes; without, each slice on this thread.
 */
function* checkSlices(
  table: SheetTable,
  mapping: (ImportField | null)[],
  refs: RefData,
  helpers: Helpers | null,
  dbFile: string,
): Generator<Promise<{ from: number } & CheckResult>> {
  const bounds: number[] = [];
  for (let from = 0; from < table.rows.length; from += from === 0 ? FIRST_SLICE : SLICE) bounds.push(from);
  const job = (k: number): CheckJob => {
    const from = bounds[k];
    const to = bounds[k + 1] ?? table.rows.length;
    return sliceJob(table, from, to, { mapping, refs, prepare: true, dbFile });
  };
  const start = (k: number): Promise<{ from: number } & CheckResult> =>
    helpers && bounds.length > 1
      ? helpers
          .run<HelperResult>('import.check', job(k))
          .then(({ packed, ...rest }) => ({ from: bounds[k], ...rest, prepared: packed ? unpackPrepared(packed) : null }))
      : Promise.resolve().then(() => ({ from: bounds[k], ...checkSlice(job(k)) }));
  const ahead = Math.max(1, helpers?.count ?? 1);
  const running: Promise<{ from: number } & CheckResult>[] = [];
  // a slice the caller never awaits (it stopped at an earlier one) must not fail unhandled
  const keep = (p: Promise<{ from: number } & CheckResult>) => {
    p.catch(() => {});
    running.push(p);
  };
  for (let k = 0; k < Math.min(ahead, bounds.length); k++) keep(start(k));
  for (let k = 0; k < bounds.length; k++) {
    // `ahead` slices under way at once: the next starts when one is done
    if (k + ahead < bounds.length) keep(running[k].then(() => start(k + ahead)));
    yield running[k];
  }
}

/** The codes the file names (as the record's schema reads them): numbering skips them. */
function givenCodes(table: SheetTable, mapping: (ImportField | null)[]): Set<string> {
  const col = columnsOf(mapping).code;
  const out = new Set<string>();
  if (col === undefined) return out;
  for (const cells of table.rows) {
    const parsed = customerCodeSchema.safeParse(cellText(cells[col]));
    if (parsed.success && parsed.data) out.add(parsed.data);
  }
  return out;
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

