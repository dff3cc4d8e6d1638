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
export interface TableValidation {
  total: number;
  /** per data row: the record to insert, or null when the row has an error */
  data: (CustomerCreate | null)[];
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

const CHUNK = 500;

/** Values of `column` that already exist in customers, with the customer holding each. */
function existing(sqlite: Sqlite, column: 'tax_id' | 'code' | 'name_norm', values: string[]): Map<string, { code: string; name: string }> {
  const out = new Map<string, { code: string; name: string }>();
  const stmt = sqlite.prepare(
    `SELECT c.${column} AS v, c.code, c.name FROM json_each(?) j JOIN customers c ON c.${column} = j.value ORDER BY c.id`,
  );
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    for (const r of stmt.all(JSON.stringify(unique.slice(i, i + CHUNK))) as { v: string; code: string; name: string }[]) {
      if (!out.has(r.v)) out.set(r.v, { code: r.code, name: r.name });
    }
  }
  return out;
}

export function finishValidation(
  table: Pick<SheetTable, 'headers' | 'rowNumbers' | 'rows'>,
  mapping: (ImportField | null)[],
  results: RowResult[],
  sqlite: Sqlite,
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
  const firstTax = new Map<string, number>();
  const firstCode = new Map<string, number>();
  const firstName = new Map<string, number>();
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
    const norm = normalizeCustomerName(r.data.name);
    norms[i] = norm;
    if (norm) {
      const first = firstName.get(norm);
      if (first !== undefined) at(i, 'name', 'import.warnings.nameInFile', { row: first }, rowWarnings);
      else firstName.set(norm, row);
    }
  });

  // against the archive
  const taxTaken = existing(sqlite, 'tax_id', [...firstTax.keys()]);
  const codeTaken = existing(sqlite, 'code', [...firstCode.keys()]);
  const nameTaken = existing(sqlite, 'name_norm', [...firstName.keys()]);
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
