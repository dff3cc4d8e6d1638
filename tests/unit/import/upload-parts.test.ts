import { describe, expect } from 'vitest';
import { UPLOAD_PART_BYTES } from '../../../electron/core/import/shared/import.contract';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { row, TEMPLATE_HEADERS, xlsxBytes } from './support';

test.override({ jobs: 'inline', setUp: true });

/** Sends `bytes` in pieces of `size`, as the renderer does (fileTransfer.ts sendFileParts). */
async function sendParts(client: TestClient, bytes: Buffer, size: number): Promise<string> {
  let partsId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += size) {
    const r = await client.ok('customer.importUploadPart', { partsId, offset, dataBase64: bytes.subarray(offset, offset + size).toString('base64') });
    expect(r.size).toBe(Math.min(bytes.length, offset + size));
    partsId = r.partsId;
  }
  return partsId!;
}

// Issue 14: a big file goes up in pieces, so no call parses or decodes one big base64 blob on the main thread.
describe('upload in pieces', () => {
  test('the pieces make the same upload as the whole file', async ({ admin }) => {
    const rows = Array.from({ length: 300 }, (_x, i) => row({ 客户名称: `分片测试${i}有限公司` }));
    const bytes = await xlsxBytes(TEMPLATE_HEADERS, rows);
    const whole = await admin.ok('customer.importUpload', { fileName: 'a.xlsx', dataBase64: bytes.toString('base64') });
    const partsId = await sendParts(admin, bytes, 4096);
    const pieces = await admin.ok('customer.importUpload', { fileName: 'a.xlsx', partsId });
    expect(pieces.rowCount).toBe(300);
    expect({ ...pieces, uploadId: '' }).toEqual({ ...whole, uploadId: '' });
    // the pieces are used up: the same id cannot be stored twice
    expect(await admin.call('customer.importUpload', { fileName: 'a.xlsx', partsId })).toMatchObject({ ok: false, error: { messageKey: 'import.errors.uploadGone' } });
  });

  test('a piece out of order, a piece bigger than a part, or pieces of another user are refused', async ({ env, admin }) => {
    const bytes = await xlsxBytes(TEMPLATE_HEADERS, [row({ 客户名称: '甲' })]);
    const first = await admin.ok('customer.importUploadPart', { offset: 0, dataBase64: bytes.subarray(0, 100).toString('base64') });
    expect(
      await admin.call('customer.importUploadPart', { partsId: first.partsId, offset: 50, dataBase64: bytes.subarray(100, 200).toString('base64') }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'import.errors.uploadOrder' } });
    expect(await admin.call('customer.importUploadPart', { offset: 0, dataBase64: Buffer.alloc(UPLOAD_PART_BYTES + 3).toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const other = await env.userWithRoles('other-importer', ['admin']);
    expect(
      await other.call('customer.importUploadPart', { partsId: first.partsId, offset: 100, dataBase64: bytes.subarray(100, 200).toString('base64') }),
    ).toMatchObject({ ok: false, error: { messageKey: 'import.errors.uploadGone' } });
    expect(await other.call('customer.importUpload', { fileName: 'a.xlsx', partsId: first.partsId })).toMatchObject({
      ok: false,
      error: { messageKey: 'import.errors.uploadGone' },
    });
  });
});
