import fs from 'node:fs';
import v8 from 'node:v8';
import { DomainError } from '../errors';
import { type ReviewJob, reviewJob } from '../review/review.job';
import type { Cell } from '../spreadsheet/cells';
import { cellText } from '../spreadsheet/cells';
import { exportCustomers } from '../customers/export';
import { renderMessage, writeErrorsFile, writeTemplate } from './files';
import type { ImportField, UnmatchedColumn, ValidationSummary, ValueMapEntry } from './shared/import.contract';
import { writeIssues } from './issues-store';
import { type AcquireWrite, assertMapping, checkAll, loadTable, noLock, openDb, type Report, readTableFile } from './job-io';
import { checkMapping, suggestMapping } from './mapping';
import type { Threads } from './parallel';
import { preparedKey, savePrepared } from './prepared-store';
import { loadRefs, RefIndex } from './refs';
import { type RunJob, run } from './run-import';
import { findHeaderRow } from '../spreadsheet/table';
import type { TableValidation } from './validate';
import { loadRemembered, unmatchedValues } from './value-map';

export { readIssues } from './issues-store';
export type { AcquireWrite, Report } from './job-io';
export type { RunJob, RunResult } from './run-import';

/**
 * The long steps of import and export (and the status review's run), as plain functions of files and a database file. They run
 * in a worker thread (import.worker.ts) with a connection of their own, so the main process
 * never waits for them; tests may also call them directly.
 */
export interface InspectJob {
  kind: 'inspect';
  bytesFile: string;
  ext: 'xlsx' | 'csv';
  tableFile: string;
}
export interface ValidateJob {
  kind: 'validate';
  dbFile: string;
  tableFile: string;
  issuesFile: string;
  preparedFile: string;
  mapping: (ImportField | null)[];
  valueMap: ValueMapEntry[];
  pageSize: number;
}
export interface ValuesJob {
  kind: 'values';
  dbFile: string;
  tableFile: string;
  mapping: (ImportField | null)[];
}
export interface ErrorsFileJob {
  kind: 'errorsFile';
  dbFile: string;
  tableFile: string;
  mapping: (ImportField | null)[];
  valueMap: ValueMapEntry[];
  texts: Record<string, string>;
  outFile: string;
}
export interface ExportJob {
  kind: 'export';
  dbFile: string;
  outFile: string;
  q?: string;
  filters: Record<string, unknown>;
  sort?: { field: 'code' | 'name' | 'createdAt' | 'updatedAt'; order: 'asc' | 'desc' };
  format: 'xlsx' | 'csv';
}
export interface TemplateJob {
  kind: 'template';
  dbFile: string;
  outFile: string;
}
export type Job = InspectJob | ValuesJob | ValidateJob | RunJob | ErrorsFileJob | ExportJob | TemplateJob | ReviewJob;

export interface InspectResult {
  headers: string[];
  sampleRows: string[][];
  rowCount: number;
  suggestedMapping: (ImportField | null)[];
}

export async function inspect(job: InspectJob, report: Report): Promise<InspectResult> {
  report({ phase: 'parse', done: 0, total: 0 });
  const table = findHeaderRow(
    await readTableFile(job.bytesFile, job.ext),
    (h) => suggestMapping(h).filter(Boolean).length,
  );
  if (!table.headers.length)
    throw new DomainError('INVALID_INPUT', 'import.errors.emptyFile', {
      file: 'import.errors.emptyFile',
    });
  fs.writeFileSync(job.tableFile, v8.serialize(table));
  report({ phase: 'parse', done: table.rows.length, total: table.rows.length });
  return {
    headers: table.headers,
    sampleRows: table.rows.slice(0, 10).map((r) => table.headers.map((_h, i) => cellText(r[i] ?? null))),
    rowCount: table.rows.length,
    suggestedMapping: suggestMapping(table.headers),
  };
}

/** Values of managed-list columns that name no item, with suggestions (value-map.ts). */
export function values(job: ValuesJob): { columns: UnmatchedColumn[] } {
  const sqlite = openDb(job.dbFile);
  try {
    const table = loadTable(job.tableFile);
    return { columns: unmatchedValues(table, job.mapping, new RefIndex(loadRefs(sqlite)), loadRemembered(sqlite)) };
  } finally {
    sqlite.close();
  }
}

export function summarize(v: TableValidation, pageSize: number): ValidationSummary & { messageKeys: string[] } {
  return {
    total: v.total,
    validRows: v.total - v.invalidRows,
    invalidRows: v.invalidRows,
    warningRows: v.warningRows,
    errorCount: v.errors.length,
    warningCount: v.warnings.length,
    errors: v.errors.slice(0, pageSize),
    warnings: v.warnings.slice(0, pageSize),
    mappingErrors: [],
    messageKeys: [...new Set([...v.errors, ...v.warnings].map((i) => i.messageKey))].sort(),
  };
}

export async function validate(job: ValidateJob, report: Report, threads: Threads | null) {
  const problems = checkMapping(job.mapping);
  if (problems.length) {
    return {
      total: 0,
      validRows: 0,
      invalidRows: 0,
      warningRows: 0,
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
      mappingErrors: problems,
      messageKeys: problems.map((p) => p.messageKey),
    };
  }
  const sqlite = openDb(job.dbFile);
  try {
    const checked = await checkAll(sqlite, job.tableFile, job.mapping, true, report, threads, job.valueMap);
    const { validation } = checked;
    writeIssues(job.issuesFile, validation);
    savePrepared(job.preparedFile, preparedKey(job.mapping, checked.refs.data), checked);
    return summarize(validation, job.pageSize);
  } finally {
    sqlite.close();
  }
}

export async function errorsFile(job: ErrorsFileJob, report: Report, threads: Threads | null) {
  assertMapping(job.mapping);
  const sqlite = openDb(job.dbFile);
  try {
    const { table, validation } = await checkAll(sqlite, job.tableFile, job.mapping, false, report, threads, job.valueMap);
    const byRow = new Map<number, string[]>();
    for (const e of validation.errors) {
      const text = `${e.column ? `${e.column}：` : ''}${renderMessage(job.texts, e.messageKey, e.params)}`;
      const list = byRow.get(e.row);
      if (list) list.push(text);
      else byRow.set(e.row, [text]);
    }
    const rows: { rowNumber: number; cells: Cell[]; reasons: string }[] = [];
    table.rowNumbers.forEach((n, i) => {
      const reasons = byRow.get(n);
      if (reasons) rows.push({ rowNumber: n, cells: table.rows[i], reasons: reasons.join('；') });
    });
    await writeErrorsFile(job.outFile, table.headers, rows, {
      row: job.texts['import.errorsFile.row'] ?? 'row',
      reasons: job.texts['import.errorsFile.reasons'] ?? 'reasons',
    });
    return { rows: rows.length };
  } finally {
    sqlite.close();
  }
}

export async function exportJob(job: ExportJob, report: Report) {
  const sqlite = openDb(job.dbFile);
  try {
    return { rows: await exportCustomers(sqlite, job, (done, total) => report({ phase: 'export', done, total })) };
  } finally {
    sqlite.close();
  }
}

export async function template(job: TemplateJob) {
  const sqlite = openDb(job.dbFile);
  try {
    await writeTemplate(job.outFile, loadRefs(sqlite));
    return {};
  } finally {
    sqlite.close();
  }
}

/** Runs one job (in the worker thread, or inline where tests ask for it). */
export function executeJob(
  job: Job,
  report: Report,
  threads: Threads | null,
  acquireWrite: AcquireWrite = noLock,
): Promise<unknown> {
  switch (job.kind) {
    case 'inspect':
      return inspect(job, report);
    case 'values':
      return Promise.resolve(values(job));
    case 'validate':
      return validate(job, report, threads);
    case 'run':
      return run(job, report, threads, acquireWrite);
    case 'errorsFile':
      return errorsFile(job, report, threads);
    case 'export':
      return exportJob(job, report);
    case 'template':
      return template(job);
    case 'review':
      return reviewJob(job, acquireWrite);
  }
}
