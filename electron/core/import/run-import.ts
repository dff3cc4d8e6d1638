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
import { refsPrint, unpackKept } from './kept';
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
  /** the rows the validation of this upload, mapping and value map checked and prepared (kept.ts) */
  kept?: SharedArrayBuffer;
}
interface RunResult {
  imported: number;
  skipped: number;
  total: number;
  firstCode: string | null;
  lastCode: string | null;
}

/** A slice ready to write: its valid rows prepared, and what its check found. */
interface ReadySlice {
  rows: PreparedCustomer[];
  /** rows of the file up to the slice's end */
  done: number;
  errors: number;
  invalidRows: number;
}
/** Where the import's slices come from: the rows the validation kept, or a check of the file now. */
interface Source {
  total: number;
  given: Set<string>;
  /** known before writing when the validation's rows serve (all or nothing then refuses at once) */
  errorCount: number | null;
  invalidRows: number;
  /** the tax IDs and codes were probed under the write lock already */
  probed: boolean;
  slices(sqlite: Sqlite, refData: RefData): Iterable<Promise<ReadySlice>>;
}

/**
 * Writes the file's rows in ONE transaction on this thread's own connection: all rows or nothing
 * (any error refuses the whole file), or the valid rows only. When the validation of the same
 * upload, mapping and value map kept its checked, prepared rows (kept.ts) and the lists and users
 * are as they were, those are written as they are; else every row is checked and prepared again
 * (the archive may have changed since the preview): then the file goes through in slices, in order,
 * helper threads checking and preparing the next slices while this thread writes the last one.
 * Either way the codes and tax IDs are probed again inside the lock (someone may have saved one
 * meanwhile), and the unique indexes refuse what slips through.
 */
export async function run(job: RunJob, report: Report, helpers: Helpers | null, acquireWrite: AcquireWrite = noLock): Promise<RunResult> {
  assertMapping(job.mapping);
  const sqlite = openJobDb(job.dbFile);
  // a hundred thousand rows dirty ~200 MB of index pages all over a big archive's indexes (names,
  // tax IDs, phones): room for them all, so that none is spilled to the WAL and read back before
  // the COMMIT (the cache only grows as pages are used)
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    const kept = job.kept ? unpackKept(job.kept) : null;
    const at = new Date(job.nowIso);
    // from here the app's other writes wait (the write gate): the lists and users stay as read now
    await acquireWrite();
    const rawRefs = loadRefs(sqlite);
    const { data: refData, pending } = applyValueMap(rawRefs, job.valueMap);
    const src = (kept && keptSource(kept, refsPrint(rawRefs), sqlite)) || checkedSource(job, helpers);
    const { total } = src;
    if (job.mode === 'allOrNothing' && src.errorCount) {
      throw Refused('INVALID_INPUT', 'import.errors.hasErrors', { count: src.errorCount, rows: src.invalidRows });
    }
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
      const writer = customerWriter({ sqlite, refs, at, actor: job.actor, logBatch }, src.given);
      let errorCount = 0;
      let invalidRows = 0;
      for (const next of src.slices(sqlite, refData)) {
        const slice = await next;
        errorCount += slice.errors;
        invalidRows += slice.invalidRows;
        // all or nothing: after the first error nothing more is written, the rest only counted
        if (job.mode === 'allOrNothing' && errorCount) continue;
        // the tax IDs and codes again, inside the lock: someone may have saved one meanwhile
        const clash = !src.probed && clashes(sqlite, slice.rows);
        if (clash) throw Refused('CONFLICT', 'import.errors.changedMeanwhile', { row: clash });
        writer.write(withCreatedIds(slice.rows, created));
        report({ phase: 'write', done: slice.done, total });
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

/**
 * The validation's rows, in slices, when they were checked against the lists and users as they are
 * now. What may have changed since is probed again here, under the write lock: a tax ID or code now
 * held in the archive makes its row an error, as a check of the file now would.
 */
function keptSource(k: ReturnType<typeof unpackKept>, print: string, sqlite: Sqlite): Source | null {
  if (k.refsPrint !== print) return null;
  const taken = takenMeanwhile(sqlite, k.prepared);
  const rows = k.prepared.map((p, i) => (taken.has(i) ? null : p));
  let errors = 0;
  for (const n of taken.values()) errors += n;
  return {
    total: k.total,
    given: new Set(k.given),
    errorCount: k.errorCount + errors,
    invalidRows: k.invalidRows + taken.size,
    probed: true,
    *slices() {
      for (let from = 0; from < k.total; from += SLICE) {
        const to = Math.min(k.total, from + SLICE);
        // the counts were known before the write began (errorCount above)
        yield Promise.resolve({ rows: rows.slice(from, to).filter((p): p is PreparedCustomer => !!p), done: to, errors: 0, invalidRows: 0 });
      }
    },
  };
}

/** Rows (by index) whose tax ID or code the archive holds now → how many of the two it holds. */
function takenMeanwhile(sqlite: Sqlite, rows: (PreparedCustomer | null)[]): Map<number, number> {
  const out = new Map<number, number>();
  const probe = (column: 'tax_id' | 'code', value: (p: PreparedCustomer) => string | null) => {
    const find = sqlite.prepare(`SELECT 1 FROM customers WHERE ${column} = ?`).pluck();
    // in sorted order: neighbouring probes read the same index pages
    const byValue: [string, number][] = [];
    rows.forEach((p, i) => {
      const v = p && value(p);
      if (v) byValue.push([v, i]);
    });
    byValue.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [v, i] of byValue) if (find.get(v)) out.set(i, (out.get(i) ?? 0) + 1);
  };
  probe('tax_id', (p) => p.taxId);
  probe('code', (p) => p.code);
  return out;
}

/** Every row of the file checked and prepared now, slice after slice (checkSlices). */
function checkedSource(job: RunJob, helpers: Helpers | null): Source {
  const table = loadTable(job.tableFile);
  return {
    total: table.rows.length,
    given: givenCodes(table, job.mapping),
    errorCount: null,
    invalidRows: 0,
    probed: false,
    *slices(sqlite, refData) {
      const seen = inFileSeen();
      let done = 0;
      for (const next of checkSlices(table, job.mapping, refData, helpers, job.dbFile)) {
        yield next.then(({ from, results, prepared, hits }) => {
          const part = {
            headers: table.headers,
            rowNumbers: table.rowNumbers.slice(from, from + results.length),
            rows: table.rows.slice(from, from + results.length),
          };
          const v = finishValidation(part, job.mapping, results, sqlite, hits, seen);
          done += results.length;
          const rows = prepared!.filter((p, i): p is PreparedCustomer => !!p && !!v.data[i]);
          return { rows, done, errors: v.errors.length, invalidRows: v.invalidRows };
        });
      }
    },
  };
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
export function givenCodes(table: SheetTable, mapping: (ImportField | null)[]): Set<string> {
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

