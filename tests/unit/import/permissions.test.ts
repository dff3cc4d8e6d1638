import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, xlsxBytes } from './support';

test.override({ jobs: 'inline', setUp: true });

describe('import and export permissions', () => {
  test('without customer.import every import channel is refused and nothing is stored', async ({ env }) => {
    const bytes = (await xlsxBytes(TEMPLATE_HEADERS, [row({ 客户名称: '甲' })])).toString('base64');
    for (const roles of [['clerk'], ['viewer'], ['finance']]) {
      const user = await env.userWithRoles(`u-${roles[0]}`, roles);
      const before = snapshot(env.core);
      const calls: [string, unknown][] = [
        ['customer.importTemplate', {}],
        ['customer.importUpload', { fileName: 'a.xlsx', dataBase64: bytes }],
        ['customer.importUploadPart', { offset: 0, dataBase64: bytes }],
        ['customer.importValidate', { uploadId: '0'.repeat(32), mapping: ['name'] }],
        ['customer.importIssues', { uploadId: '0'.repeat(32), kind: 'error' }],
        ['customer.importRun', { uploadId: '0'.repeat(32), mapping: ['name'] }],
        ['customer.importErrorsFile', { uploadId: '0'.repeat(32), mapping: ['name'], texts: {} }],
      ];
      for (const [channel, input] of calls) {
        expect(await user.callRaw(channel as never, input), `${roles[0]} ${channel}`).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' },
        });
      }
      expect(snapshot(env.core)).toBe(before);
    }
  });

  test('export needs customer.export: finance may, a clerk may not', async ({ env }) => {
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    expect(await clerk.call('customer.export', { format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const finance = await env.userWithRoles('fin1', ['finance']);
    expect(await finance.call('customer.export', { format: 'csv' })).toMatchObject({ ok: true, data: { rows: 0 } });
  });

  test('a manager may import; signed-out callers are refused', async ({ env }) => {
    const manager = await env.userWithRoles('mgr1', ['manager']);
    const up = await upload(manager, 'a.xlsx', await xlsxBytes(TEMPLATE_HEADERS, [row({ 客户名称: '甲' })]));
    expect(
      await manager.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping }),
    ).toMatchObject({ imported: 1 });
    const anonymous = env.client();
    expect(await anonymous.call('customer.importTemplate', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await anonymous.call('customer.downloadFile', { fileId: '0'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('refuses other file types, empty files and a path in the upload id', async ({ admin }) => {
    expect(await admin.call('customer.importUpload', { fileName: 'a.xls', dataBase64: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.format' },
    });
    expect(
      await admin.call('customer.importUpload', {
        fileName: 'a.xlsx',
        dataBase64: Buffer.from('not a zip').toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.unreadable' },
    });
    expect(
      await admin.call('customer.importUpload', {
        fileName: 'a.csv',
        dataBase64: Buffer.from('\r\n\r\n').toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.emptyFile' },
    });
    expect(await admin.call('customer.importValidate', { uploadId: '../../kehu', mapping: ['name'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
