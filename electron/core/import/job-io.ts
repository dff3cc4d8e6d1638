import fs from 'node:fs';
import v8 from 'node:v8';
import Database from 'better-sqlite3';
import { applyPragmas, type Sqlite } from '../../../db/open';
import { DomainError } from '../errors';
import type { ImportField, ImportProgress, ValueMapEntry } from './shared/import.contract';
import { checkMapping } from './mapping';
import { checkInParallel, type Threads } from './parallel';
import { readCsv } from '../spreadsheet/read-csv';
import { readXlsx } from '../spreadsheet/read-xlsx';
import { loadRefs, type RefData, RefIndex } from './refs';
import type { SheetTable } from '../spreadsheet/table';
import { finishValidation, type TableValidation } from './validate';
import { applyValueMap } from './value-map';
import type { PreparedCustomer } from './write';

/** What every job step shares: progress, files, its own connection, checking all rows. */
export type Report = (p: Omit<ImportProgress, 'uploadId'>) => void;
/**
 * Asks the main thread for the database's write lock before BEGIN: the main side then holds
 * back its own writes (see electron/core/write-gate.ts) until this job ends, instead of
 * blocking on SQLite's busy timeout. Resolves once granted.
 */
export type AcquireWrite = () => Promise<void>;
export const noLock: AcquireWrite = async () => {};

export async function readTableFile(bytesFile: string, ext: 'xlsx' | 'csv'): Promise<SheetTable> {
  const bytes = fs.readFileSync(bytesFile);
  try {
    return ext === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('INVALID_INPUT', 'import.errors.unreadable', { file: 'import.errors.unreadable' });
  }
}

export function loadTable(tableFile: string): SheetTable {
  try {
    return v8.deserialize(fs.readFileSync(tableFile)) as SheetTable;
  } catch {
    throw new DomainError('NOT_FOUND', 'import.errors.uploadGone');
  }
}

export function openDb(dbFile: string): Sqlite {
  const sqlite = new Database(dbFile, { fileMustExist: true });
  applyPragmas(sqlite);
  // a big import touches pages all over the indexes: keep them in memory (256 MB at most) rather
  // than spilling dirty pages to the WAL in the middle of the transaction
  sqlite.pragma('cache_size = -262144');
  return sqlite;
}

export function assertMapping(mapping: (ImportField | null)[]) {
  const problems = checkMapping(mapping);
  if (problems.length) throw new DomainError('INVALID_INPUT', problems[0].messageKey, { mapping: problems[0].messageKey });
}

export interface Checked {
  table: SheetTable;
  refs: RefIndex;
  validation: TableValidation;
  prepared: (PreparedCustomer | null)[] | null;
}

export async function checkAll(
  sqlite: Sqlite,
  tableFile: string,
  mapping: (ImportField | null)[],
  prepare: boolean,
  report: Report,
  threads: Threads | null,
  valueMap: ValueMapEntry[] = [],
): Promise<Checked> {
  const table = loadTable(tableFile);
  const refData: RefData = applyValueMap(loadRefs(sqlite), valueMap).data;
  const refs = new RefIndex(refData);
  const total = table.rows.length;
  report({ phase: 'validate', done: 0, total });
  const { results, prepared } = await checkInParallel(table, mapping, refData, prepare, threads, (done) =>
    report({ phase: 'validate', done, total }),
  );
  const validation = finishValidation(table, mapping, results, sqlite);
  report({ phase: 'validate', done: total, total });
  return { table, refs, validation, prepared };
}

