import { describe, expect } from 'vitest';
import { reindexCustomers } from '../../../electron/core/customers/search/indexer';
import { JOB_PROGRESS_EVENT } from '../../../electron/core/jobs/shared/jobs.contract';
import { test } from '../support/fixtures';
import { snapshot, type TestClient, type TestEnv } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, uscc, xlsxBytes } from './support';

test.override({ jobs: 'inline' });

const threeGoodOneBad = () => [
  row({ 客户名称: '北京海淀科技有限公司', 联系人: '李娜', 手机: 13812345678 }),
  row({ 客户名称: '上海浦东贸易有限公司', '统一社会信用代码/税号': 'BAD' }),
  row({ 客户编码: 'K-9', 客户名称: '广州天河商行' }),
  row({ 客户名称: '深圳南山电子有限公司', '统一社会信用代码/税号': uscc(5) }),
];

async function uploaded(admin: TestClient, rows: unknown[][], fileName = '客户.xlsx') {
  return upload(admin, fileName, await xlsxBytes(TEMPLATE_HEADERS, rows));
}

function logRows(env: TestEnv, entity: string) {
  return env.core.sqlite
    .prepare(
      'SELECT entity, entity_id AS entityId, action, reason, changes FROM operation_log WHERE entity = ? ORDER BY id',
    )
    .all(entity) as {
    entityId: string;
    action: string;
    reason: string;
    changes: string;
  }[];
}

describe('import run', () => {
  test('all-or-nothing (the default) refuses a file with any error and changes nothing', async ({ env, admin }) => {
    const up = await uploaded(admin, threeGoodOneBad());
    const before = snapshot(env.core);
    const r = await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors', params: { count: 1, rows: 1 } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('valid-only imports the valid rows in one go, with a log row each and a summary row', async ({ env, admin }) => {
    const up = await uploaded(admin, threeGoodOneBad(), '十月客户.xlsx');
    const r = await admin.ok('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      mode: 'validOnly',
    });
    expect(r).toEqual({ imported: 3, skipped: 1, total: 4, firstCode: 'C000001', lastCode: 'C000002' });
    const list = await admin.ok('customer.search', { sort: { field: 'code', order: 'asc' } });
    expect(list.items.map((c: any) => [c.code, c.name])).toEqual([
      ['C000001', '北京海淀科技有限公司'],
      ['C000002', '深圳南山电子有限公司'],
      ['K-9', '广州天河商行'],
    ]);
    const creates = logRows(env, 'customer');
    expect(creates).toHaveLength(3);
    // the file is data in the row, not a sentence the core wrote (the renderer words it per language)
    expect(creates.every((l) => l.action === 'create' && l.reason === null)).toBe(true);
    const [summary] = logRows(env, 'customerImport');
    // each customer's row is compact: it points to the batch row and its row in the file …
    const summaryId = env.core.sqlite
      .prepare("SELECT id FROM operation_log WHERE entity = 'customerImport'")
      .pluck()
      .get();
    expect(creates.map((l) => [JSON.parse(l.changes).importBatch, JSON.parse(l.changes).row])).toEqual([
      [summaryId, 2],
      [summaryId, 4],
      [summaryId, 5],
    ]);
    // … and reads back in full: the file is data in the row (the renderer words it per language)
    const read = (await admin.ok('audit.list', { entity: 'customer', pageSize: 10 })).items;
    expect(read.map((r: any) => r.changes.importedFrom)).toEqual(
      Array(3).fill({ before: null, after: '十月客户.xlsx' }),
    );
    expect(read.map((r: any) => r.changes.name.after).sort()).toEqual([
      '北京海淀科技有限公司',
      '广州天河商行',
      '深圳南山电子有限公司',
    ]);
    expect(JSON.parse(summary.changes).sha256.after).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(summary.changes).mapping.after).toEqual(up.suggestedMapping);
    expect(summary).toMatchObject({ action: 'import', entityId: up.uploadId, reason: null });
    expect(JSON.parse(summary.changes).fileName).toEqual({ before: null, after: '十月客户.xlsx' });
    expect(JSON.parse(summary.changes)).toMatchObject({
      imported: { after: 3 },
      skipped: { after: 1 },
      mode: { after: 'validOnly' },
    });
    // the next customer typed in by hand continues the sequence
    expect((await admin.ok('customer.nextCode', {})).code).toBe('C000003');
  });

  test('codes of the pattern in the file: generated ones skip them, the sequence continues after the highest', async ({
    admin,
  }) => {
    const up = await uploaded(admin, [
      row({ 客户编码: 'C000002', 客户名称: '甲' }),
      row({ 客户名称: '乙' }),
      row({ 客户编码: 'c000005', 客户名称: '丙' }),
      row({ 客户名称: '丁' }),
    ]);
    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    const list = await admin.ok('customer.search', { sort: { field: 'code', order: 'asc' } });
    expect(list.items.map((c: any) => [c.code, c.name])).toEqual([
      ['C000001', '乙'],
      ['C000002', '甲'],
      ['C000003', '丁'],
      ['C000005', '丙'],
    ]);
    expect(r).toMatchObject({ firstCode: 'C000002', lastCode: 'C000003' });
    expect((await admin.ok('customer.nextCode', {})).code).toBe('C000006');
  });

  test('all-or-nothing imports a clean file completely; search finds the rows at once', async ({ admin }) => {
    const rows = Array.from({ length: 300 }, (_x, i) =>
      row({ 客户名称: `杭州西湖${i}号贸易有限公司`, 联系人: '王', 手机: 13900000000 + i }),
    );
    const up = await uploaded(admin, rows);
    const r = await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(r).toMatchObject({ imported: 300, skipped: 0 });
    expect((await admin.ok('customer.search', { q: '西湖' })).total).toBe(300);
    expect((await admin.ok('customer.search', { q: 'hzxh' })).total).toBe(300);
    expect((await admin.ok('customer.search', { q: '13900000299' })).items[0].name).toBe('杭州西湖299号贸易有限公司');
  });

  test('an upload is imported once: the same run sent again is refused as done and changes nothing', async ({
    env,
    admin,
  }) => {
    const rows = [row({ 客户名称: '苏州园区精密机械有限公司' }), row({ 客户名称: '无锡滨湖纺织有限公司' })];
    const up = await uploaded(admin, rows);
    const run = { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' as const };
    expect(await admin.ok('customer.importRun', run)).toMatchObject({ imported: 2 });
    const before = snapshot(env.core);
    expect(await admin.call('customer.importRun', run)).toEqual({
      ok: false,
      error: { code: 'ALREADY_DONE', messageKey: 'errors.alreadyDone' },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('writes exactly what customer.create writes: record, contacts, addresses, search index, log changes', async ({
    env,
    admin,
  }) => {
    const fields = {
      客户名称: '重庆单曾实业有限公司',
      简称: '单曾实业',
      客户性质: '企业',
      客户分类: '批发客户',
      行业: '制造业',
      地区: '西南',
      信用等级: 'A',
      '统一社会信用代码/税号': uscc(9),
      法人代表: '单田芳',
      网址: 'https://dz.example.cn',
      开户银行: '重庆银行',
      银行账号: '6222000011112222',
      '信用额度(元)': 88000,
      '信用期限(天)': 45,
      结算方式: '支票',
      付款条件: '货到付款',
      专管业务员: '系统管理员',
      合同到期日: '2028-06-30',
      备注: '老客户',
      联系人: '曾小贤',
      职务: '经理',
      手机: '13512345678',
      电话: '023-6123 4567',
      邮箱: 'zeng@example.cn',
      省: '重庆市',
      市: '重庆市',
      区: '渝中区',
      详细地址: '解放碑1号',
      邮编: '400010',
    };
    const up = await uploaded(admin, [row({ ...fields, 客户编码: 'IMP1' })]);
    await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    const imported = await admin.ok('customer.get', { id: 1 });

    // the same record through the form's channel
    const lists = await admin.ok('lookup.list', {});
    const id = (kind: string, name: string) => lists.items.find((l) => l.kind === kind && l.name === name)!.id;
    const created = await admin.ok('customer.create', {
      code: 'NEW1',
      name: '重庆单曾实业有限公司 ',
      shortName: '单曾实业',
      nature: 'enterprise',
      categoryId: id('category', '批发客户'),
      industryId: id('industry', '制造业'),
      regionId: id('region', '西南'),
      creditRatingId: id('creditRating', 'A'),
      taxId: uscc(10),
      legalRep: '单田芳',
      website: 'https://dz.example.cn',
      bankName: '重庆银行',
      bankAccount: '6222000011112222',
      creditLimitCents: 8_800_000,
      creditDays: 45,
      settlementMethodId: id('settlementMethod', '支票'),
      paymentTerms: '货到付款',
      salespersonId: imported.salespersonId,
      contractEndDate: '2028-06-30',
      memo: '老客户',
      contacts: [
        {
          name: '曾小贤',
          title: '经理',
          mobile: '13512345678',
          phone: '023-6123 4567',
          email: 'zeng@example.cn',
          isPrimary: true,
        },
      ],
      addresses: [
        {
          kind: 'registered',
          country: 'CN',
          provinceCode: '500000',
          cityCode: '500100',
          districtCode: '500103',
          street: '解放碑1号',
          postcode: '400010',
          isDefault: true,
        },
      ],
      duplicateReason: '测试',
    });
    const strip = (c: any) => ({
      ...c,
      id: 0,
      code: '',
      taxId: '',
      contacts: c.contacts.map((x: any) => ({ ...x, id: 0 })),
      addresses: c.addresses.map((x: any) => ({ ...x, id: 0 })),
    });
    expect(strip(imported)).toEqual(strip(created));

    const sql = env.core.sqlite;
    const digits = (cid: number) =>
      sql.prepare('SELECT phone_digits FROM customer_contacts WHERE customer_id = ?').pluck().get(cid);
    expect(digits(imported.id)).toBe(digits(created.id));

    // the full-text rows equal what the search indexer itself builds
    sql.exec(`CREATE VIRTUAL TABLE temp.tri_v USING fts5vocab(main, customer_fts_tri, 'instance');
      CREATE VIRTUAL TABLE temp.gram_v USING fts5vocab(main, customer_fts_gram, 'instance');
      CREATE VIRTUAL TABLE temp.py_v USING fts5vocab(main, customer_fts_py, 'instance')`);
    const vocab = () =>
      sql
        .prepare(
          `SELECT * FROM temp.tri_v UNION ALL SELECT term, doc, 'gram', NULL FROM temp.gram_v
           UNION ALL SELECT term, doc, 'py', NULL FROM temp.py_v ORDER BY 1, 2, 3, 4`,
        )
        .all();
    const readingsOf = (cid: number) =>
      (vocab() as { term: string; doc: number; col: string }[])
        .filter((r) => r.doc === cid && r.col === 'py')
        .map((r) => r.term);
    expect(readingsOf(imported.id)).toEqual(readingsOf(created.id));
    expect(readingsOf(imported.id).length).toBeGreaterThan(2);
    const mine = vocab();
    sql.transaction(() => reindexCustomers(sql, [imported.id, created.id]))();
    expect(vocab()).toEqual(mine);

    // the log as its readers see it (audit.list): the import's compact row reads back as the form's
    const changes = async (cid: number) => {
      const [r] = (
        await admin.ok('audit.list', { entity: 'customer', entityId: String(cid), action: 'create', pageSize: 5 })
      ).items;
      const c = { ...r.changes };
      delete c.code;
      delete c.taxId;
      return c;
    };
    // the import's row also names the file and the row it came from
    const { importedFrom, importRow, ...importedChanges } = await changes(imported.id);
    expect(importedFrom).toEqual({ before: null, after: '客户.xlsx' });
    expect(importRow).toEqual({ before: null, after: 2 });
    expect(importedChanges).toEqual(await changes(created.id));
  });

  test('reports progress to the user who imports', async ({ env, admin }) => {
    const events: any[] = [];
    env.core.events.subscribe((e) => events.push(e));
    const up = await uploaded(admin, [row({ 客户名称: '甲' }), row({ 客户名称: '乙' })]);
    await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    const mine = events.filter((e) => e.name === JOB_PROGRESS_EVENT);
    expect(new Set(mine.map((e) => e.userId))).toEqual(new Set([1]));
    const writes = mine.filter((e) => e.payload.phase === 'write');
    expect(writes.at(-1).payload).toEqual({ kind: 'import.run', id: up.uploadId, phase: 'write', done: 2, total: 2 });
  });

  test('an upload belongs to whoever sent it', async ({ env, admin }) => {
    const up = await uploaded(admin, [row({ 客户名称: '甲' })]);
    const other = await env.userWithRoles('mgr', ['manager']);
    const r = await other.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', messageKey: 'import.errors.uploadGone' } });
  });
});

describe('import run after a validation', () => {
  test('the import checks every row again: a tax ID saved since the validation is an error then', async ({
    env,
    admin,
  }) => {
    const up = await uploaded(admin, [
      row({ 客户名称: '甲公司', '统一社会信用代码/税号': uscc(41) }),
      row({ 客户名称: '乙公司', '统一社会信用代码/税号': uscc(42) }),
    ]);
    const v = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(v.errors).toEqual([]);
    // meanwhile someone saves a customer with the second row's tax ID
    await admin.ok('customer.create', { name: '丙公司', taxId: uscc(42) });
    const before = snapshot(env.core);
    expect(
      await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors', params: { count: 1, rows: 1 } },
    });
    expect(snapshot(env.core)).toBe(before);
    expect(
      await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' }),
    ).toMatchObject({ imported: 1, skipped: 1 });
  });

  test('a mapping changed after the validation is checked afresh', async ({ admin }) => {
    const up = await upload(admin, 'x.xlsx', await xlsxBytes(['公司', '备注'], [['甲公司', '老客户']]));
    await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: ['name', null] });
    await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: ['name', 'memo'] });
    const found = await admin.ok('customer.search', { q: '甲公司' });
    expect((await admin.ok('customer.get', { id: found.items[0].id })).memo).toBe('老客户');
  });
});
