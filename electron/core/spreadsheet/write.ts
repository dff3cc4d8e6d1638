import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type Cell, cellText } from './cells';

/**
 * Writing spreadsheets for the user to open in Excel: a bold header row that stays in view,
 * column widths, columns kept as text (long digit strings must never turn into floats),
 * number and date formats. `sheetWriter` streams one sheet row by row (exports of any size);
 * `writeWorkbook` builds a small workbook of several sheets in memory (templates, with
 * drop-down lists that point at another sheet).
 */
export type WriteCell = Cell;

export interface SheetColumn {
  header: string;
  /** in characters; default: room for the header */
  width?: number;
  /** Excel stores what is typed here as text (number format '@') */
  text?: boolean;
  /** Excel number format of the data cells, e.g. 'yyyy-mm-dd', '0.00' */
  numFmt?: string;
  /** font colour of the data cells, ARGB ('FFCC0000') */
  color?: string;
  /** a drop-down of the values in another sheet's column: rows 2..count+1 of column `column` (0-based) */
  list?: { sheet: string; column: number; count: number };
}

interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: WriteCell[][];
}

export interface SheetWriter {
  add(row: WriteCell[]): void;
  close(): Promise<void>;
}

/** Rows of a sheet offered the drop-down lists (a template is filled in by hand: a thousand is plenty). */
const LIST_ROWS = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };

const defaultWidth = (header: string) => Math.max(10, header.length * 2 + 2);

function setColumns(ws: ExcelJS.Worksheet, columns: SheetColumn[]) {
  ws.columns = columns.map((c) => {
    const style: Partial<ExcelJS.Style> = {};
    if (c.text) style.numFmt = '@';
    else if (c.numFmt) style.numFmt = c.numFmt;
    if (c.color) style.font = { color: { argb: c.color } };
    return { header: c.header, width: c.width ?? defaultWidth(c.header), style };
  });
  // the header row gets its own look, not the data columns' format or colour
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.style = { font: { bold: true }, fill: HEADER_FILL };
  });
}

/** The header row stays in view while scrolling. */
const FROZEN_HEADER = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A small workbook, every sheet at once. */
export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, FROZEN_HEADER);
    setColumns(ws, spec.columns);
    for (const row of spec.rows) ws.addRow(row);
    spec.columns.forEach((c, i) => {
      if (!c.list || c.list.count === 0) return;
      const letter = columnLetter(c.list.column);
      const ref = `${quoteSheet(c.list.sheet)}!$${letter}$2:$${letter}$${c.list.count + 1}`;
      for (let r = 2; r <= LIST_ROWS; r++) {
        ws.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          showErrorMessage: false,
          formulae: [ref],
        };
      }
    });
  }
  await wb.xlsx.writeFile(file);
}

/** One sheet written row by row: memory stays flat whatever the number of rows. */
export function sheetWriter(file: string, format: 'xlsx' | 'csv', spec: Omit<SheetSpec, 'rows'>): SheetWriter {
  return format === 'csv' ? csvWriter(file, spec.columns) : xlsxWriter(file, spec);
}

function xlsxWriter(file: string, spec: Omit<SheetSpec, 'rows'>): SheetWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(spec.name, FROZEN_HEADER);
  setColumns(ws, spec.columns);
  ws.getRow(1).commit();
  return {
    add(row) {
      ws.addRow(row).commit();
    },
    async close() {
      ws.commit();
      await wb.commit();
    },
  };
}

function csvWriter(file: string, columns: SheetColumn[]): SheetWriter {
  const fd = fs.openSync(file, 'w');
  // a BOM, so that Excel in a Chinese locale reads UTF-8 instead of GBK
  fs.writeSync(fd, `\ufeff${Papa.unparse([columns.map((c) => c.header)])}\r\n`);
  let buffer: string[][] = [];
  const flush = () => {
    if (buffer.length) fs.writeSync(fd, `${Papa.unparse(buffer)}\r\n`);
    buffer = [];
  };
  return {
    add(row) {
      buffer.push(row.map((c) => (typeof c === 'string' ? c : cellText(c))));
      if (buffer.length >= 1000) flush();
    },
    async close() {
      flush();
      fs.closeSync(fd);
    },
  };
}

/** A workbook of several sheets, each written row by row in turn (a report: its summary, then a sheet per section). */
export interface WorkbookWriter {
  /** starts the next sheet (the one before is finished) */
  sheet(spec: Omit<SheetSpec, 'rows'>): { add(row: WriteCell[]): void };
  close(): Promise<void>;
}

export function workbookWriter(file: string): WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  let current: ExcelJS.Worksheet | null = null;
  return {
    sheet(spec) {
      current?.commit();
      const ws = wb.addWorksheet(spec.name, FROZEN_HEADER);
      current = ws;
      setColumns(ws, spec.columns);
      ws.getRow(1).commit();
      return { add: (row) => ws.addRow(row).commit() };
    },
    async close() {
      current?.commit();
      await wb.commit();
    },
  };
}
