import { type Cell, isBlank } from './cells';

/** A sheet as read from a file: the header texts and the data rows with their row numbers. */
export interface SheetTable {
  headers: string[];
  /** 1-based spreadsheet row numbers of the data rows (as Excel shows them) */
  rowNumbers: number[];
  rows: Cell[][];
  /** the workbook counts dates from 1904 (old Mac Excel) */
  date1904: boolean;
}

/** Raw rows (row number + cells) → table: the header row is the first non-empty row; blank rows dropped. */
export function toTable(raw: Iterable<{ n: number; cells: Cell[] }>, date1904: boolean): SheetTable {
  const table: SheetTable = { headers: [], rowNumbers: [], rows: [], date1904 };
  let haveHeader = false;
  for (const { n, cells } of raw) {
    if (cells.every((c) => isBlank(c))) continue;
    if (!haveHeader) {
      table.headers = trimTrailingBlanks(cells).map((c) => (c == null ? '' : String(c instanceof Date ? c.toISOString().slice(0, 10) : c).trim()));
      haveHeader = true;
      continue;
    }
    table.rowNumbers.push(n);
    table.rows.push(cells);
  }
  return table;
}

function trimTrailingBlanks(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  return cells.slice(0, end);
}

/**
 * Spreadsheets often carry a title above the column names (客户资料表, merged across the top):
 * when a later row among the first few names more known columns, it becomes the header row.
 */
export function findHeaderRow(table: SheetTable, knownColumns: (headers: string[]) => number): SheetTable {
  let best = knownColumns(table.headers);
  let at = -1;
  for (let i = 0; i < Math.min(9, table.rows.length); i++) {
    const score = knownColumns(table.rows[i].map((c) => (c == null ? '' : String(c).trim())));
    if (score > best) {
      best = score;
      at = i;
    }
  }
  if (at < 0) return table;
  return {
    headers: table.rows[at].map((c) => (c == null ? '' : String(c).trim())),
    rowNumbers: table.rowNumbers.slice(at + 1),
    rows: table.rows.slice(at + 1),
    date1904: table.date1904,
  };
}
