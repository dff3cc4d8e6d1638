import fs from 'node:fs';
import v8 from 'node:v8';
import { InvalidField } from '../errors';
import { openJobDb } from '../jobs/db';
import type { JobContext, JobKinds, Report } from '../jobs/registry';
import type { Helpers } from '../jobs/threads';
import type { Cell } from '../spreadsheet/cells';
import { cellText } from '../spreadsheet/cells';
import { renderMessage, writeErrorsFile, writeTemplate } from './files';
import type { ImportField, UnmatchedColumn, ValidationSummary, ValueMapEntry } from './shared/import.contract';
import { writeIssues } from './issues-store';
import { assertMapping, checkAll, loadTable, readTableFile } from './job-io';
import { checkMapping, suggestMapping } from './mapping';
import { type CheckJob, checkSliceInHelper } from './parallel';
import { loadRefs, RefIndex } from './refs';
import { type RunJob, run } from './run-import';
import { findHeaderRow } from '../spreadsheet/table';
import type { TableValidation } from './validate';
import { loadRemembered, unmatchedValues } from './value-map';

/**
 * The long steps of import, as plain functions of files and a database file: import's
 * job kinds (importJobs, below). They run in a job worker thread (core/jobs) with a connection of
 * their own, so the main process never waits for them; tests may also call them directly.
 */
interface InspectJob {
  bytesFile: string;
  ext: 'xlsx' | 'csv';
  tableFile: string;
}
interface ValidateJob {
  dbFile: string;
  tableFile: string;
  issuesFile: string;
  mapping: (ImportField | null)[];
  valueMap: ValueMapEntry[];
  pageSize: number;
}
interface ValuesJob {
  dbFile: string;
  tableFile: string;
  mapping: (ImportField | null)[];
}
interface ErrorsFileJob {
  dbFile: string;
  tableFile: string;
  mapping: (ImportField | null)[];
  valueMap: ValueMapEntry[];
  texts: Record<string, string>;
  outFile: string;
}
interface TemplateJob {
  dbFile: string;
  outFile: string;
}
interface InspectResult {
  headers: string[];
  sampleRows: string[][];
  rowCount: number;
  suggestedMapping: (ImportField | null)[];
}

async function inspect(job: InspectJob, report: Report): Promise<InspectResult> {
  report({ phase: 'parse', done: 0, total: 0 });
  const table = findHeaderRow(
    await readTableFile(job.bytesFile, job.ext),
    (h) => suggestMapping(h).filter(Boolean).length,
  );
  if (!table.headers.length)
    throw InvalidField('file', 'import.errors.emptyFile');
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
function values(job: ValuesJob): { columns: UnmatchedColumn[] } {
  const sqlite = openJobDb(job.dbFile);
  try {
    const table = loadTable(job.tableFile);
    return { columns: unmatchedValues(table, job.mapping, new RefIndex(loadRefs(sqlite)), loadRemembered(sqlite)) };
  } finally {
    sqlite.close();
  }
}

function summarize(v: TableValidation, pageSize: number): ValidationSummary & { messageKeys: string[] } {
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

async function validate(job: ValidateJob, report: Report, helpers: Helpers | null) {
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
  const sqlite = openJobDb(job.dbFile);
  try {
    // the check only: the import prepares the rows for writing itself (run-import.ts), so nothing
    // big is kept between the two steps
    const { validation } = await checkAll(sqlite, job.tableFile, job.mapping, false, report, helpers, job.valueMap);
    writeIssues(job.issuesFile, validation);
    return summarize(validation, job.pageSize);
  } finally {
    sqlite.close();
  }
}

async function errorsFile(job: ErrorsFileJob, report: Report, helpers: Helpers | null) {
  assertMapping(job.mapping);
  const sqlite = openJobDb(job.dbFile);
  try {
    const { table, validation } = await checkAll(sqlite, job.tableFile, job.mapping, false, report, helpers, job.valueMap);
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

async function template(job: TemplateJob) {
  const sqlite = openJobDb(job.dbFile);
  try {
    await writeTemplate(job.outFile, loadRefs(sqlite));
    return {};
  } finally {
    sqlite.close();
  }
}

/** Import's job kinds (core/jobs/registry.ts). `import.check` is one slice of a big file, in a helper thread (parallel.ts). */
export const importJobs = {
  'import.inspect': (job: InspectJob, { report }: JobContext) => inspect(job, report),
  'import.values': (job: ValuesJob) => values(job),
  'import.validate': (job: ValidateJob, { report, helpers }: JobContext) => validate(job, report, helpers),
  'import.run': (job: RunJob, { report, helpers, acquireWrite }: JobContext) => run(job, report, helpers, acquireWrite),
  'import.errorsFile': (job: ErrorsFileJob, { report, helpers }: JobContext) => errorsFile(job, report, helpers),
  'import.template': (job: TemplateJob) => template(job),
  'import.check': (job: CheckJob, { report }: JobContext) =>
    checkSliceInHelper(job, (done) => report({ phase: 'validate', done, total: job.rows.length })),
} satisfies JobKinds;
