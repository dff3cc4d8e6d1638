import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditRow } from '../../../electron/core/audit/shared/audit.contract';
import '../../../renderer/src/app/i18n';
import { formatChanges, importReason, reasonOf } from '../../../renderer/src/features/audit/formatChanges';
import { changeLines } from '../../../renderer/src/features/customers/detail/historyFormat';
import { row, TEMPLATE_HEADERS, upload, xlsxBytes } from '../import/support';
import { inlineRunner, makeEnv, type TestClient, type TestEnv } from '../support/test-core';

vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

// Issue 12, item 3: the import's log rows held a sentence the core wrote in Chinese ("导入 十月客户.xlsx"),
// so the English screen showed Chinese. The core stores the file name as data; the renderer words it.

let env: TestEnv;
let admin: TestClient;
let rows: AuditRow[];

beforeAll(async () => {
  env = await makeEnv({ jobs: inlineRunner() });
  admin = await env.admin();
  const bytes = await xlsxBytes(TEMPLATE_HEADERS, [row({ 客户名称: '上海浦东贸易有限公司' }), row({ 客户名称: '深圳南山电子有限公司' })]);
  const up = await upload(admin, 'october.xlsx', bytes);
  await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
  rows = (await admin.ok('audit.list', { pageSize: 50 })).items.filter(
    (r: AuditRow) => r.entity === 'customerImport' || (r.entity === 'customer' && r.action === 'create'),
  );
});
afterAll(async () => {
  env.close();
  await i18n.changeLanguage('zh-CN');
});

describe('import rows in the operation log', () => {
  it('the core stores no sentence: the reason is empty and the file is data', () => {
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.reason).toBeNull();
    expect(rows.filter((r) => r.entity === 'customer').map((r) => r.changes?.importedFrom?.after)).toEqual([
      'october.xlsx',
      'october.xlsx',
    ]);
  });

  it('the English screen words it in English, the Chinese one in Chinese', async () => {
    await i18n.changeLanguage('en');
    // newest first: the two customers (each with its row of the file), then the import itself
    expect(rows.map((r) => reasonOf(r).reason)).toEqual([
      'Imported from october.xlsx, row 3',
      'Imported from october.xlsx, row 2',
      'Imported from october.xlsx',
    ]);
    for (const r of rows) {
      // the file and the row moved to the reason column, not listed as changed fields
      for (const field of ['importedFrom', 'importRow']) {
        expect(formatChanges(r).map((l) => l.field)).not.toContain(field);
        expect(changeLines(r.changes, { lookups: [], users: [] }).map((l) => l.field)).not.toContain(field);
      }
    }
    await i18n.changeLanguage('zh-CN');
    expect(rows.map((r) => reasonOf(r).reason)).toEqual(['导入 october.xlsx 第 3 行', '导入 october.xlsx 第 2 行', '导入 october.xlsx']);
  });

  it('rows written the old way ("导入 <file>") are worded per language too; other reasons stay as typed', async () => {
    await i18n.changeLanguage('en');
    const old = { changes: null, reason: '导入 十月客户.xlsx' };
    expect(reasonOf({ ...old, entity: 'customer', action: 'create' }).reason).toBe('Imported from 十月客户.xlsx');
    expect(reasonOf({ ...old, entity: 'customerImport', action: 'import' }).reason).toBe('Imported from 十月客户.xlsx');
    expect(importReason({ ...old, entity: 'customer', action: 'update' })).toBeNull();
    expect(reasonOf({ changes: null, reason: '导入前核对过', entity: 'customer', action: 'create' }).reason).toBe('导入前核对过');
    await i18n.changeLanguage('zh-CN');
  });
});
