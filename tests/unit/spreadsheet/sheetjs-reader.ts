import * as XLSX from '@e965/xlsx';
import type { Cell } from '../../../electron/core/spreadsheet/cells';
import { type SheetTable, toTable } from '../../../electron/core/spreadsheet/table';

/**
 * SheetJS's reading of the first worksheet, as the same table the app's reader gives: the
 * yardstick the hand-written reader is measured against (tests/bench/spreadsheet.bench.ts) and
 * checked against (reader-vs-sheetjs.test.ts). Options: only the first sheet, dense rows, dates
 * as UTC Date objects, no formatted text (the app never shows Excel's rendering).
 */
export function readXlsxWithSheetJs(buf: Buffer): SheetTable {
  const wb = XLSX.read(buf, { type: 'buffer', dense: true, sheets: 0, cellDates: true, cellText: false, cellHTML: false, UTC: true });
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const ws = wb.Sheets[wb.SheetNames[0]] as XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };
  const data = ws['!data'] ?? [];
  return toTable(
    (function* () {
      for (let r = 0; r < data.length; r++) {
        const row = data[r];
        if (!row) continue;
        const cells: Cell[] = [];
        for (let c = 0; c < row.length; c++) cells.push(sheetJsValue(row[c]));
        yield { n: r + 1, cells };
      }
    })(),
    date1904,
  );
}

function sheetJsValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v == null) return null;
  switch (cell.t) {
    case 's':
      return (cell.v as string) || null;
    case 'n':
    case 'b':
      return cell.v as number | boolean;
    case 'd':
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case 'e':
      return cell.w ?? XLSX.utils.format_cell(cell);
    default:
      return null;
  }
}
