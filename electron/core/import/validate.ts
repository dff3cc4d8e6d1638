import type { Sqlite } from '../../../db/open';
import { normalizeCustomerName } from '../customers/shared/customer.rules';
import { cellText, isBlank } from '../spreadsheet/cells';
import type { ImportField, ImportIssue } from './shared/import.contract';
import { columnsOf } from './mapping';
import type { RefIndex } from './refs';
import { type CustomerCreate, checkRow, type RowIssue, type RowResult } from './row-check';
import type { SheetTable } from '../spreadsheet/table';

/**
 * Validation of a whole file: every row with the record's schema (`checkRows`, which helper
 * threads may run on slices), then what needs all rows at once — the same tax ID or code twice
 * in the file, and against the archive (errors), similar names (warnings).
 */
/**
 * What the whole-file checks need of a valid row: its keys. A slice hands back only these (not
 * the whole record: copying a hundred thousand records between threads costs seconds).
 */
export type RowKeys = Pick<CustomerCreate, 'taxId' | 'code'> & { nameNorm: string };

export const rowKeys = (d: CustomerCreate): RowKeys => ({ taxId: d.taxId, code: d.code, nameNorm: normalizeCustomerName(d.name) });
/** A row's check as a slice returns it: the issues, and the keys of a valid row. */
export type CheckedRow = Omit<RowResult, 'data'> & { data: RowKeys | null };

export interface TableValidation {
  total: number;
  /** per data row: its keys, or null when the row has an error */
  data: (RowKeys | null)[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  invalidRows: number;
  warningRows: number;
}

export function checkRows(
  table: Pick<SheetTable, 'headers' | 'date1904'>,
  rows: SheetTable['rows'],
  mapping: (ImportField | null)[],
  refs: RefIndex,
  onProgress?: (done: number) => void,
): RowResult[] {
  const ctx = { cols: columnsOf(mapping), headers: table.headers, refs, date1904: table.date1904 };
  return rows.map((cells, i) => {
    if (onProgress && i % 2000 === 1999) onProgress(i + 1);
    return checkRow(cells, ctx);
  });
}

type Holder = { code: string; name: string };
/** Values of the file already held in the archive (tax ID, code, normalised name) → the customer holding each. */
export interface ArchiveHits {
  taxId: [string, Holder][];
  code: [string, Holder][];
  name: [string, Holder][];
}

/**
 * Which values of the checked rows the archive already holds: one indexed probe per distinct value,
 * in sorted order (neighbouring probes read the same index pages); the probe reads only the index
 * (`SELECT id`), the row only for a hit — for a file of new customers nearly every probe misses.
 * Helper threads run this on their slices beside the checks (parallel.ts).
 */
export function archiveHits(sqlite: Sqlite, results: CheckedRow[]): ArchiveHits {
  const probe = (column: 'tax_id' | 'code' | 'name_norm', values: (string | null | undefined)[]): [string, Holder][] => {
    const find = sqlite.prepare(`SELECT id FROM customers WHERE ${column} = ? ORDER BY id LIMIT 1`).pluck();
    const row = sqlite.prepare('SELECT code, name FROM customers WHERE id = ?');
    const out: [string, Holder][] = [];
    for (const v of [...new Set(values.filter((x): x is string => !!x))].sort()) {
      const id = find.get(v) as number | undefined;
      if (id !== undefined) out.push([v, row.get(id) as Holder]);
    }
    return out;
  };
  const data = results.map((r) => r.data).filter((d): d is RowKeys => !!d);
  return {
    taxId: probe('tax_id', data.map((d) => d.taxId)),
    code: probe('code', data.map((d) => d.code)),
    name: probe('name_norm', data.map((d) => d.nameNorm)),
  };
}

/** The row each tax ID, code and name first appeared in. */
export interface InFileSeen {
  firstTax: Map<string, number>;
  firstCode: Map<string, number>;
  firstName: Map<string, number>;
}
export const inFileSeen = (): InFileSeen => ({ firstTax: new Map(), firstCode: new Map(), firstName: new Map() });

export function finishValidation(
  table: Pick<SheetTable, 'headers' | 'rowNumbers' | 'rows'>,
  mapping: (ImportField | null)[],
  results: CheckedRow[],
  sqlite: Sqlite,
  /** what helper threads already probed (parallel.ts); else probed here */
  hits: ArchiveHits = archiveHits(sqlite, results),
  /** the first row of each value in the file so far: given when a file is checked slice after slice, in order */
  seen: InFileSeen = inFileSeen(),
): TableValidation {
  const cols = columnsOf(mapping);
  const rowErrors: RowIssue[][] = results.map((r) => [...r.errors]);
  const rowWarnings: RowIssue[][] = results.map((r) => [...r.warnings]);
  const at = (i: number, field: ImportField, messageKey: string, params: RowIssue['params'], into: RowIssue[][]) => {
    const c = cols[field];
    const raw = c === undefined ? undefined : table.rows[i][c];
    into[i].push({
      column: c === undefined ? null : (table.headers[c] ?? null),
      field,
      messageKey,
      params,
      value: isBlank(raw) ? null : cellText(raw).slice(0, 100),
    });
  };

  // within the file: the first occurrence wins, later ones are refused (or warned for names)
  const { firstTax, firstCode, firstName } = seen;
  const norms: (string | null)[] = results.map(() => null);
  results.forEach((r, i) => {
    if (!r.data) return;
    const row = table.rowNumbers[i];
    if (r.data.taxId) {
      const first = firstTax.get(r.data.taxId);
      if (first !== undefined) at(i, 'taxId', 'import.errors.taxIdInFile', { row: first }, rowErrors);
      else firstTax.set(r.data.taxId, row);
    }
    if (r.data.code) {
      const first = firstCode.get(r.data.code);
      if (first !== undefined) at(i, 'code', 'import.errors.codeInFile', { row: first }, rowErrors);
      else firstCode.set(r.data.code, row);
    }
    const norm = r.data.nameNorm;
    norms[i] = norm;
    if (norm) {
      const first = firstName.get(norm);
      if (first !== undefined) at(i, 'name', 'import.warnings.nameInFile', { row: first }, rowWarnings);
      else firstName.set(norm, row);
    }
  });

  // against the archive
  const taxTaken = new Map(hits.taxId);
  const codeTaken = new Map(hits.code);
  const nameTaken = new Map(hits.name);
  results.forEach((r, i) => {
    if (!r.data) return;
    const tax = r.data.taxId ? taxTaken.get(r.data.taxId) : undefined;
    if (tax) at(i, 'taxId', 'import.errors.taxIdTaken', tax, rowErrors);
    const code = r.data.code ? codeTaken.get(r.data.code) : undefined;
    if (code) at(i, 'code', 'import.errors.codeTaken', code, rowErrors);
    const name = norms[i] ? nameTaken.get(norms[i]!) : undefined;
    if (name) at(i, 'name', 'import.warnings.similarName', name, rowWarnings);
  });

  const colOrder = (x: RowIssue) => (x.column === null ? 1e9 : table.headers.indexOf(x.column));
  const flat = (per: RowIssue[][]) =>
    per.flatMap((list, i) =>
      list
        .sort((a, b) => colOrder(a) - colOrder(b))
        .map((x) => {
          const issue: ImportIssue = { row: table.rowNumbers[i], ...x };
          if (!issue.params) delete issue.params;
          return issue;
        }),
    );
  const data = results.map((r, i) => (rowErrors[i].length ? null : r.data));
  return {
    total: results.length,
    data,
    errors: flat(rowErrors),
    warnings: flat(rowWarnings),
    invalidRows: rowErrors.filter((l) => l.length).length,
    warningRows: rowWarnings.filter((l, i) => l.length && !rowErrors[i].length).length,
  };
}
