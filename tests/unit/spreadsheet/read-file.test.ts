import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv } from '../../../electron/core/spreadsheet/read-csv';
import { readXlsx, readXlsxFast, readXlsxWithExcelJs } from '../../../electron/core/spreadsheet/read-xlsx';
import { suggestMapping } from '../../../electron/core/import/mapping';
import { zipEntries } from '../../../electron/core/spreadsheet/zip';

/** GBK bytes of a string (as Chinese Excel saves CSV), built from the platform's GBK decoder. */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK for ${ch}`);
      out.push(...b);
    }
  }
  return Buffer.from(out);
}

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, opts: { streamed?: boolean } = {}): Promise<Buffer> {
  if (opts.streamed) {
    // the streaming writer without shared strings: every string inline in the sheet (t="str")
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('客户');
    fill(ws, wb);
    ws.commit();
    await wb.commit();
    return Buffer.concat(chunks);
  }
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('客户'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading .xlsx', () => {
  it('the fast reader reads what exceljs reads: strings, numbers, dates, formulas, rich text, gaps', async () => {
    for (const streamed of [false, true]) {
      const bytes = await workbook(
        (ws) => {
          ws.addRow(['客户名称', '手机', '合同到期日', '信用额度(元)', '备注']).commit?.();
          const r = ws.addRow(['北京海淀科技有限公司', 13812345678, new Date(Date.UTC(2027, 0, 31)), 1234.5, 'a & b <c> "d"']);
          r.getCell(3).numFmt = 'yyyy/m/d';
          r.commit?.();
          ws.addRow([]).commit?.();
          const r2 = ws.addRow(['上海 浦东', '1.3812345678E10', null, { formula: '1+1', result: 2 }, { richText: [{ text: '粗体' }, { text: '普通' }] }]);
          r2.commit?.();
          const r3 = ws.getRow(6);
          r3.getCell(1).value = '广州';
          r3.getCell(5).value = '第五列';
          r3.commit?.();
        },
        { streamed },
      );
      // both layouts are covered: shared strings (as Excel writes) and inline strings
      expect(zipEntries(bytes).has('xl/sharedStrings.xml')).toBe(!streamed);
      const fast = readXlsxFast(bytes);
      const reference = await readXlsxWithExcelJs(bytes);
      expect(fast).toEqual(reference);
      expect(fast.headers).toEqual(['客户名称', '手机', '合同到期日', '信用额度(元)', '备注']);
      expect(fast.rowNumbers).toEqual([2, 4, 6]);
      expect(fast.rows[0]).toEqual(['北京海淀科技有限公司', 13812345678, new Date(Date.UTC(2027, 0, 31)), 1234.5, 'a & b <c> "d"']);
      expect(fast.rows[1]).toEqual(['上海 浦东', '1.3812345678E10', null, 2, '粗体普通']);
      expect(fast.rows[2]).toEqual(['广州', null, null, null, '第五列']);
    }
  });

  it('a file that is not an .xlsx is refused, not misread', async () => {
    await expect(readXlsx(Buffer.from('客户名称,手机\n'))).rejects.toThrow();
  });
});

describe('reading .csv', () => {
  const text = '客户名称,手机,备注\r\n北京海淀科技有限公司,13812345678,"含,逗号"\r\n,,\r\n上海浦东,１３９,\r\n';
  const expected = {
    headers: ['客户名称', '手机', '备注'],
    rowNumbers: [2, 4],
    rows: [
      ['北京海淀科技有限公司', '13812345678', '含,逗号'],
      ['上海浦东', '１３９', null],
    ],
    date1904: false,
  };

  it('UTF-8 with and without BOM', () => {
    expect(readCsv(Buffer.from(text, 'utf8'))).toEqual(expected);
    expect(readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual(expected);
  });

  it('GBK / GB18030 from Chinese Excel is detected and decoded', () => {
    const bytes = gbk(text);
    expect(decodeCsv(bytes).encoding).toBe('gb18030');
    expect(readCsv(bytes)).toEqual(expected);
  });

  it('tab-separated text is read too', () => {
    const tsv = '客户名称\t手机\t备注\r\n北京海淀科技有限公司\t13812345678\t含,逗号\r\n\t\t\r\n上海浦东\t１３９\t\r\n';
    expect(readCsv(Buffer.from(tsv, 'utf8'))).toEqual(expected);
  });
});

describe('column mapping', () => {
  it('matches Chinese headers, English aliases and loose variants; each field once', () => {
    expect(
      suggestMapping(['客户名称', 'Mobile', '信用额度（元）', '信用额度', '*税号', 'E-mail', '省份', '不认识的列', 'Customer Code']),
    ).toEqual(['name', 'mobile', 'creditLimit', null, 'taxId', 'email', 'province', null, 'code']);
  });
});
