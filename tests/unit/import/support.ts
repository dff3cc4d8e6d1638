import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../../electron/core/import/shared/import.contract';
import { usccCheckChar } from '../../../electron/core/customers/shared/customer.rules';
import type { TestClient } from '../support/test-core';

export const TEMPLATE_HEADERS: string[] = IMPORT_COLUMNS.map((c) => c.header);

/** An .xlsx with a header row and the given rows (cells as exceljs takes them). */
export async function xlsxBytes(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 统一社会信用代码 made from a number (check character computed). */
export function uscc(n: number): string {
  const first17 = `9111010${String(n).padStart(10, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** A row of the template's columns from a partial record keyed by header. */
export function row(values: Record<string, unknown>): unknown[] {
  for (const k of Object.keys(values)) if (!TEMPLATE_HEADERS.includes(k)) throw new Error(`unknown header ${k}`);
  return TEMPLATE_HEADERS.map((h) => values[h] ?? null);
}

export async function upload(client: TestClient, fileName: string, bytes: Buffer) {
  return client.ok('customer.importUpload', { fileName, dataBase64: bytes.toString('base64') });
}

/** Downloads a file made for the client, piece by piece, as the renderer does. */
export async function download(client: TestClient, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const r = await client.ok('customer.downloadFile', { fileId, offset });
    const b = Buffer.from(r.dataBase64, 'base64');
    parts.push(b);
    offset += b.length;
    if (r.done) break;
  }
  return Buffer.concat(parts);
}
