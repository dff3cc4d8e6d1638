import fs from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { SheetTable } from './table';

/** The formats read and written here. */
export type SheetFormat = 'xlsx' | 'csv';

/** The format a file name says (.xlsx; .csv or .txt), or null for anything else. */
export function sheetFormat(fileName: string): SheetFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  return null;
}

/** The first sheet of an .xlsx, or a CSV, as a table. Throws on bytes that are not such a file. */
export function readTable(bytes: Buffer, format: SheetFormat): Promise<SheetTable> {
  return format === 'csv' ? Promise.resolve(readCsv(bytes)) : readXlsx(bytes);
}

/**
 * A file as a table, in the format its name says unless `format` is given (stored uploads keep
 * their bytes under a name without an extension).
 */
export async function readTableFile(file: string, format: SheetFormat | null = sheetFormat(file)): Promise<SheetTable> {
  if (!format) throw new RangeError(`not a spreadsheet: ${path.basename(file)}`);
  return readTable(await fs.readFile(file), format);
}
