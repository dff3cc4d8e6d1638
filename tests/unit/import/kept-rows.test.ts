import fs from 'node:fs';
import { describe, expect } from 'vitest';
import { uploadPaths } from '../../../electron/core/files/storage';
import { test } from '../support/fixtures';
import { snapshot, type TestClient, type TestEnv } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';

test.override({ jobs: 'inline' });

/**
 * The rows a validation checked and prepared wait in memory for the import (import/kept.ts): the
 * import then writes them without reading the file again. Removing the upload's stored table after
 * the validation shows which way the import went: the kept rows need no file, a fresh check does.
 */
async function uploaded(admin: TestClient, rows: unknown[][]) {
  return upload(admin, '客户.xlsx', await xlsxBytes(TEMPLATE_HEADERS, rows));
}
const removeTable = (env: TestEnv, uploadId: string) => fs.rmSync(uploadPaths(env.core.dataDir, uploadId).table);
const names = async (admin: TestClient) =>
  (await admin.ok('customer.search', { sort: { field: 'code', order: 'asc' } })).items.map((c: any) => [c.code, c.name]);

const file = () => [
  row({ 客户名称: '北京海淀科技有限公司', 联系人: '李娜', 手机: 13812345678, '统一社会信用代码/税号': uscc(7) }),
  row({ 客户名称: '上海浦东贸易有限公司', '统一社会信用代码/税号': 'BAD' }),
  row({ 客户编码: 'K-9', 客户名称: '广州天河商行' }),
];

describe('rows kept from the validation', () => {
  test('the import writes the validated rows without checking the file again, with their history', async ({ env, admin }) => {
    const up = await uploaded(admin, file());
    const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect([v.validRows, v.invalidRows]).toEqual([2, 1]);
    removeTable(env, up.uploadId);
    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
    expect(r).toEqual({ imported: 2, skipped: 1, total: 3, firstCode: 'C000001', lastCode: 'K-9' });
    expect(await names(admin)).toEqual([
      ['C000001', '北京海淀科技有限公司'],
      ['K-9', '广州天河商行'],
    ]);
    const found = await admin.ok('customer.search', { q: 'bjhd' });
    expect(found.items.map((c: any) => c.code)).toEqual(['C000001']);
    const detail = await admin.ok('customer.get', { id: found.items[0].id });
    expect(detail.contacts.map((c: any) => [c.name, c.mobile])).toEqual([['李娜', '13812345678']]);
    const logs = env.core.sqlite.prepare("SELECT count(*) FROM operation_log WHERE entity = 'customer' AND action = 'create'").pluck().get();
    expect(logs).toBe(2);
  });

  test('all or nothing refuses at once from the kept counts, and changes nothing', async ({ env, admin }) => {
    const up = await uploaded(admin, file());
    await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    removeTable(env, up.uploadId);
    const before = snapshot(env.core);
    expect(await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors', params: { count: 1, rows: 1 } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('a code taken since the validation is an error of its row, as a fresh check finds it', async ({ env, admin }) => {
    const up = await uploaded(admin, file());
    await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    removeTable(env, up.uploadId);
    await admin.ok('customer.create', { code: 'K-9', name: '别的商行' });
    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
    expect(r).toMatchObject({ imported: 1, skipped: 2, total: 3 });
  });

  test('a salesperson disabled since the validation: the rows are checked afresh', async ({ env, admin }) => {
    await env.userWithRoles('老王', ['sales']);
    const up = await uploaded(admin, [row({ 客户名称: '甲公司', 专管业务员: '老王' }), row({ 客户名称: '乙公司' })]);
    const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(v.errors).toEqual([]);
    env.core.sqlite.prepare("UPDATE users SET disabled = 1 WHERE username = '老王'").run();
    const before = snapshot(env.core);
    const r = await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(r).toMatchObject({ ok: false, error: { messageKey: 'import.errors.hasErrors', params: { count: 1, rows: 1 } } });
    expect(snapshot(env.core)).toBe(before);
  });

  test('a newer upload, or the import itself, drops what was kept', async ({ env, admin }) => {
    const up = await uploaded(admin, file());
    await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    await uploaded(admin, [row({ 客户名称: '丙公司' })]);
    removeTable(env, up.uploadId);
    expect(await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' })).toMatchObject({
      ok: false,
      error: { messageKey: 'import.errors.uploadGone' },
    });
    expect(env.core.slots.get('import')).toEqual(new Map());
  });

  test("another user's import does not take the rows one user kept", async ({ env, admin }) => {
    // (a user added after the validation changes the users the rows were checked against)
    const other = await env.userWithRoles('mgr', ['admin']);
    const up = await uploaded(admin, file());
    await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    // the upload is the admin's: the other user is refused before anything is taken
    expect(await other.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping })).toMatchObject({ ok: false });
    removeTable(env, up.uploadId);
    expect(await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' })).toMatchObject({
      imported: 2,
    });
  });
});
