import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable, readTableFile, sheetFormat } from '../../../electron/core/spreadsheet/read';
import { type SheetColumn, sheetWriter, type WriteCell, writeWorkbook } from '../../../electron/core/spreadsheet/write';

/** Written with spreadsheet/write, read back with spreadsheet/read: what goes in comes out. */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-sheet-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const columns: SheetColumn[] = [
  { header: '名称', width: 30 },
  { header: '编码', text: true },
  { header: '账号', text: true, width: 22 },
  { header: '金额', numFmt: '0.00' },
  { header: '日期', numFmt: 'yyyy-mm-dd' },
  { header: '备注', color: 'FFCC0000' },
];
const rows: WriteCell[][] = [
  ['北京海淀科技有限公司', '007', '6222020200001234567', 1234.5, utc(2027, 1, 31), '逗号, "引号" 和\n换行'],
  ['上海浦东', null, null, 0, null, null],
  ['深圳', '0755', '13812345678', -3, utc(1999, 12, 31), ''],
];

async function write(file: string, format: 'xlsx' | 'csv', data = rows) {
  const out = sheetWriter(file, format, { name: '表', columns });
  for (const r of data) out.add(r);
  await out.close();
}

describe('spreadsheet/write → spreadsheet/read', () => {
  it('.xlsx: headers, text kept as text (leading zeros, long digits), numbers, dates, gaps', async () => {
    const file = path.join(dir, 'out.xlsx');
    await write(file, 'xlsx');
    const t = await readTableFile(file);
    expect(t.headers).toEqual(columns.map((c) => c.header));
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.rows).toEqual([
      ['北京海淀科技有限公司', '007', '6222020200001234567', 1234.5, utc(2027, 1, 31), '逗号, "引号" 和\n换行'],
      ['上海浦东', null, null, 0, null, null],
      ['深圳', '0755', '13812345678', -3, utc(1999, 12, 31), null],
    ]);
  });

  it('.xlsx: the layout Excel shows: widths, text and number formats, a bold frozen header, coloured cells', async () => {
    const file = path.join(dir, 'out.xlsx');
    await write(file, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('表');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(10);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    expect(ws.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F2').font?.color?.argb).toBe('FFCC0000');
    // the header keeps its own look, not its column's
    expect(ws.getCell('B1').numFmt).not.toBe('@');
  });

  it('.csv: UTF-8 with a BOM, quoted as needed, dates and numbers as text', async () => {
    const file = path.join(dir, 'out.csv');
    await write(file, 'csv');
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const t = await readTableFile(file);
    expect(t.headers).toEqual(columns.map((c) => c.header));
    expect(t.rows).toEqual([
      ['北京海淀科技有限公司', '007', '6222020200001234567', '1234.5', '2027-01-31', '逗号, "引号" 和\n换行'],
      ['上海浦东', null, null, '0', null, null],
      ['深圳', '0755', '13812345678', '-3', '1999-12-31', null],
    ]);
  });

  it('streams many rows: every one comes back in order', async () => {
    const many: WriteCell[][] = Array.from({ length: 5000 }, (_x, i) => [`客户${i}`, String(i).padStart(6, '0'), null, i, null, null]);
    for (const format of ['xlsx', 'csv'] as const) {
      const file = path.join(dir, `many.${format}`);
      await write(file, format, many);
      const t = await readTable(fs.readFileSync(file), format);
      expect(t.rows.length).toBe(5000);
      expect(t.rows[4999].slice(0, 2)).toEqual(['客户4999', '004999']);
      expect(t.rowNumbers[4999]).toBe(5001);
    }
  });

  it('a workbook of several sheets, with drop-downs pointing at another sheet', async () => {
    const file = path.join(dir, 'book.xlsx');
    await writeWorkbook(file, [
      { name: '客户', columns: [{ header: '名称' }, { header: '行业', list: { sheet: '可选值', column: 1, count: 2 } }], rows: [['甲', '制造']] },
      {
        name: '可选值',
        columns: [{ header: '性质' }, { header: '行业' }],
        rows: [
          ['企业', '制造'],
          ['个人', '物流'],
        ],
      },
    ]);
    const first = await readTableFile(file);
    expect(first.headers).toEqual(['名称', '行业']);
    expect(first.rows).toEqual([['甲', '制造']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', '可选值']);
    expect(wb.worksheets[0].getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ["'可选值'!$B$2:$B$3"] });
    expect(wb.worksheets[0].getCell('A2').dataValidation).toBeUndefined();
    expect(wb.worksheets[1].getRow(3).values).toEqual([undefined, '个人', '物流']);
  });

  it('reads by the extension the name says; other names are refused', async () => {
    expect(sheetFormat('客户.XLSX')).toBe('xlsx');
    expect(sheetFormat('客户.csv')).toBe('csv');
    expect(sheetFormat('客户.txt')).toBe('csv');
    expect(sheetFormat('客户.xls')).toBeNull();
    const file = path.join(dir, 'a.xls');
    fs.writeFileSync(file, 'x');
    await expect(readTableFile(file)).rejects.toThrow(/not a spreadsheet/);
  });
});
