import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';

test.override({ jobs: 'inline' });

// Issue 14: the import checks, prepares and writes a big file slice after slice (run-import.ts);
// what needs the whole file must still see the whole file.
describe('an import in slices', () => {
  const big = () =>
    Array.from({ length: 4100 }, (_x, i) =>
      row({
        客户名称: `切片测试${i}有限公司`,
        '统一社会信用代码/税号': i === 4050 ? uscc(3) : uscc(i),
        客户编码: i === 4090 ? 'C000003' : '',
      }),
    );

  test('a tax ID repeated in a later slice is refused, a code given later is skipped by the numbering', async ({ env, admin }) => {
    const up = await upload(admin, 'big.xlsx', await xlsxBytes(TEMPLATE_HEADERS, big()));
    const before = snapshot(env.core);
    expect(await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors', params: { count: 1, rows: 1 } },
    });
    expect(snapshot(env.core)).toBe(before);

    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });
    expect(r).toMatchObject({ imported: 4099, skipped: 1, total: 4100, firstCode: 'C000001' });
    const codes = env.core.sqlite.prepare("SELECT code FROM customers WHERE name LIKE '切片测试%' ORDER BY id").pluck().all() as string[];
    expect(codes).toHaveLength(4099);
    expect(new Set(codes).size).toBe(4099);
    // the numbering skipped C000003, which row 4092 (i = 4090) gives itself
    expect(codes.slice(0, 4)).toEqual(['C000001', 'C000002', 'C000004', 'C000005']);
    expect(codes).toContain('C000003');
    // one log row per customer, each pointing to the one batch row
    const batch = env.core.sqlite.prepare("SELECT id FROM operation_log WHERE entity = 'customerImport'").pluck().all();
    expect(batch).toHaveLength(1);
    const entries = env.core.sqlite.prepare("SELECT changes FROM operation_log WHERE entity = 'customer' AND action = 'create'").pluck().all() as string[];
    expect(entries).toHaveLength(4099);
    expect(new Set(entries.map((e) => JSON.parse(e).importBatch))).toEqual(new Set(batch));
  });
});
