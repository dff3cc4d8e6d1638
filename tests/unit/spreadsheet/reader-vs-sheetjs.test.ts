import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxFast } from '../../../electron/core/spreadsheet/read-xlsx';
import { zipEntries } from '../../../electron/core/spreadsheet/zip';
import { readXlsxWithSheetJs } from './sheetjs-reader';

/**
 * The hand-written reader against SheetJS on crafted workbooks: each case states the cells it
 * must give, and SheetJS must give the same table (it is the yardstick for keeping the
 * hand-written reader: tests/bench/spreadsheet.bench.ts measures the speed).
 */
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function bothRead(bytes: Buffer) {
  const hand = readXlsxFast(bytes);
  const sheetjs = readXlsxWithSheetJs(bytes);
  expect(hand).toEqual(sheetjs);
  return hand;
}

/** A workbook whose parts are written by hand, for XML that the writers at hand never produce. */
async function handMade(sheetData: string, opts: { sst?: string; styles?: string; date1904?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
${opts.sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}
${opts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>
${opts.sst ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}
${opts.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetData}</sheetData></worksheet>`);
  if (opts.sst) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${opts.sst}</sst>`);
  if (opts.styles) zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}">${opts.styles}</styleSheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('the hand-written .xlsx reader gives the cells SheetJS gives', () => {
  it('shared strings with rich text runs, leading zeros, numbers stored as text, gaps (written by exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '编码', '手机', '邮编', '备注']);
    ws.addRow([{ richText: [{ text: '北京', font: { bold: true } }, { text: '海淀' }, { text: '科技' }] }, '007', '13812345678', '010020', 'a & b <c> "d"']);
    ws.addRow([]);
    const r = ws.getRow(4);
    r.getCell(1).value = '上海';
    r.getCell(5).value = '第五列';
    ws.addRow(['北京海淀科技', '007', null, null, '重复的共享字符串']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipEntries(bytes).has('xl/sharedStrings.xml')).toBe(true);

    const t = bothRead(bytes);
    expect(t.headers).toEqual(['客户名称', '编码', '手机', '邮编', '备注']);
    expect(t.rowNumbers).toEqual([2, 4, 5]);
    expect(t.rows).toEqual([
      ['北京海淀科技', '007', '13812345678', '010020', 'a & b <c> "d"'],
      ['上海', null, null, null, '第五列'],
      ['北京海淀科技', '007', null, null, '重复的共享字符串'],
    ]);
  });

  it('dates in the 1900 system: date cells, date-formatted numbers (built-in and custom formats), plain numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['合同到期日', '签约日', '金额', '序号']);
    const r = ws.addRow([utc(2027, 1, 31), 46418, 1234.5, 46418]);
    r.getCell(1).numFmt = 'yyyy-mm-dd';
    r.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    const r2 = ws.addRow([utc(1900, 3, 1), 14, 0.1 + 0.2, 13812345678]);
    r2.getCell(1).numFmt = 'm/d/yy';
    r2.getCell(2).numFmt = 'm/d/yy';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const t = bothRead(bytes);
    expect(t.date1904).toBe(false);
    expect(t.rows).toEqual([
      [utc(2027, 1, 31), utc(2027, 1, 31), 1234.5, 46418],
      [utc(1900, 3, 1), utc(1900, 1, 14), 0.1 + 0.2, 13812345678],
    ]);
  });

  it("formulas give their cached values: numbers, text, booleans", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['合计', '名称', '有效', '日期']);
    const r = ws.addRow([
      { formula: 'SUM(1,2)', result: 3 },
      { formula: 'CONCAT("北京","海淀")', result: '北京海淀' },
      { formula: '1=1', result: true },
      { formula: 'DATE(2027,1,31)', result: utc(2027, 1, 31) },
    ]);
    r.getCell(4).numFmt = 'yyyy/m/d';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const t = bothRead(bytes);
    expect(t.rows).toEqual([[3, '北京海淀', true, utc(2027, 1, 31)]]);
  });

  it('inline strings with rich runs and phonetic guides, escapes, cells without r attributes (hand-made XML)', async () => {
    const bytes = await handMade(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c><c r="C1" t="inlineStr"><is><t>编码</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><r><rPr><b/></rPr><t>北京</t></r><r><t xml:space="preserve"> 海淀</t></r><rPh sb="0" eb="2"><t>ベイジン</t></rPh></is></c><c r="B3" t="inlineStr"><is><t>第一行_x000D_&#10;第二行 &amp; &#x4E2D;</t></is></c><c r="C3" t="inlineStr"><is><t>00123</t></is></c></row>
<row><c t="s"><v>0</v></c><c/><c t="s"><v>1</v></c></row>`,
      { sst: '<si><r><t>共享</t></r><r><t>富文本</t></r></si><si><t>0088</t></si>' },
    );

    const t = readXlsxFast(bytes);
    expect(t.headers).toEqual(['名称', '备注', '编码']);
    expect(t.rowNumbers).toEqual([3, 4]);
    expect(t.rows).toEqual([
      ['北京 海淀', '第一行\r\n第二行 & 中', '00123'],
      ['共享富文本', null, '0088'],
    ]);
    // the one difference: the file's _x000D_ is a carriage return, which SheetJS drops before a line feed
    const sheetjs = readXlsxWithSheetJs(bytes);
    expect(sheetjs.rows[0][1]).toBe('第一行\n第二行 & 中');
    sheetjs.rows[0][1] = '第一行\r\n第二行 & 中';
    expect(t).toEqual(sheetjs);
  });

  it('the 1904 date system (old Mac Excel): a date-styled serial counts from 1904', async () => {
    const bytes = await handMade(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>数</t></is></c></row>
<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2"><v>45000</v></c></row>`,
      { date1904: true, styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>' },
    );

    const t = bothRead(bytes);
    expect(t.date1904).toBe(true);
    expect(t.rows).toEqual([[utc(2027, 3, 16), 45000]]);
  });

  it('a workbook SheetJS wrote, with and without a shared string table', async () => {
    for (const bookSST of [true, false]) {
      const ws = XLSX.utils.aoa_to_sheet(
        [
          ['名称', '手机', '日期', '金额'],
          ['深圳南山电子', '13812345678', utc(2026, 12, 31), 99.99],
          ['深圳南山电子', '0755', null, 0],
        ],
        { cellDates: true, UTC: true, dateNF: 'yyyy-mm-dd' },
      );
      const wb = XLSX.utils.book_new(ws, '客户');
      const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST, cellDates: false }) as Buffer;

      const t = bothRead(bytes);
      expect(t.rows).toEqual([
        ['深圳南山电子', '13812345678', utc(2026, 12, 31), 99.99],
        ['深圳南山电子', '0755', null, 0],
      ]);
    }
  });
});
