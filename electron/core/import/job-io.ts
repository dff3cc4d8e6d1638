import fs from 'node:fs';
import v8 from 'node:v8';
import type { Sqlite } from '../../../db/open';
import { DomainError, InvalidField, Refused } from '../errors';
import type { Report } from '../jobs/registry';
import type { Helpers } from '../jobs/threads';
import type { ImportField, ValueMapEntry } from './shared/import.contract';
import { checkMapping } from './mapping';
import { checkInParallel } from './parallel';
import { readTable } from '../spreadsheet/read';
import { loadRefs, type RefData, RefIndex } from './refs';
import type { SheetTable } from '../spreadsheet/table';
import { finishValidation, type TableValidation } from './validate';
import { applyValueMap } from './value-map';
import type { PreparedCustomer } from './write';

/** What import's job steps share: reading the file, the stored table, checking all rows. */

/** The uploaded file as a table; a file neither reader can read is refused in words. */
export async function readTableFile(bytesFile: string, ext: 'xlsx' | 'csv'): Promise<SheetTable> {
  const bytes = fs.readFileSync(bytesFile);
  try {
    return await readTable(bytes, ext);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw InvalidField('file', 'import.errors.unreadable');
  }
}

export function loadTable(tableFile: string): SheetTable {
  try {
    return v8.deserialize(fs.readFileSync(tableFile)) as SheetTable;
  } catch {
    throw Refused('NOT_FOUND', 'import.errors.uploadGone');
  }
}

export function assertMapping(mapping: (ImportField | null)[]) {
  const problems = checkMapping(mapping);
  if (problems.length) throw InvalidField('mapping', problems[0].messageKey);
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
  helpers: Helpers | null,
  valueMap: ValueMapEntry[] = [],
): Promise<Checked> {
  const table = loadTable(tableFile);
  const refData: RefData = applyValueMap(loadRefs(sqlite), valueMap).data;
  const refs = new RefIndex(refData);
  const total = table.rows.length;
  report({ phase: 'validate', done: 0, total });
  const { results, prepared, hits } = await checkInParallel(
    table,
    mapping,
    refData,
    prepare,
    helpers,
    (done) => report({ phase: 'validate', done, total }),
    sqlite.name,
  );
  const validation = finishValidation(table, mapping, results, sqlite, hits);
  report({ phase: 'validate', done: total, total });
  return { table, refs, validation, prepared };
}

