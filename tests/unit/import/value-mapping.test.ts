import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { ImportIssue, UnmatchedColumn, ValueMapEntry } from '../../../electron/core/import/shared/import.contract';
import { VALUE_MAP_KEY } from '../../../electron/core/import/value-map';
import { ROW_ERRORS } from '../../fixtures/make-customers-200';
import { test } from '../support/fixtures';
import type { TestEnv } from '../support/test-core';
import { snapshot } from '../support/test-core';
import { row, TEMPLATE_HEADERS, upload, xlsxBytes } from './support';

// Issue 12, item 7: a real list (saved by LibreOffice, its own headers, 制造 for 制造业, numeric
// mobiles) imports with only its really invalid rows refused, once its values are mapped; the
// mapping is remembered; the core refuses a map to a missing item and creating without rights.

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../../fixtures/customers-200.xlsx'));

test.override({ jobs: 'inline' });

const lookupId = (env: TestEnv, kind: string, name: string) =>
  env.core.sqlite.prepare('SELECT id FROM lookups WHERE kind = ? AND name = ?').pluck().get(kind, name) as number;
const nameOf = (env: TestEnv, id: number | null) =>
  id == null ? null : (env.core.sqlite.prepare('SELECT name FROM lookups WHERE id = ?').pluck().get(id) as string);

function column(columns: UnmatchedColumn[], field: string) {
  const c = columns.find((x) => x.field === field);
  if (!c) throw new Error(`no column ${field}`);
  return c;
}
/** value → the suggested item's name ('∅' for empty, null for none), for one column */
function suggestions(env: TestEnv, columns: UnmatchedColumn[], field: string): Record<string, string | null> {
  return Object.fromEntries(
    column(columns, field).values.map((v) => [
      v.value,
      v.suggestion ? (v.suggestion.action === 'empty' ? '∅' : nameOf(env, v.suggestion.id)) : null,
    ]),
  );
}

/** What a user accepts on the value step: every suggestion, plus the given choices. */
function accept(columns: UnmatchedColumn[], choices: ValueMapEntry[]): ValueMapEntry[] {
  const chosen = new Set(choices.map((c) => `${c.field}:${c.value}`));
  const out = [...choices];
  for (const c of columns)
    for (const v of c.values) {
      if (chosen.has(`${c.field}:${v.value}`) || !v.suggestion) continue;
      out.push(
        v.suggestion.action === 'empty'
          ? { field: c.field, value: v.value, action: 'empty' }
          : { field: c.field, value: v.value, action: 'item', id: v.suggestion.id! },
      );
    }
  return out;
}

const CHOICES: ValueMapEntry[] = [
  { field: 'industry', value: '物流', action: 'create' },
  { field: 'settlementMethod', value: '月结', action: 'empty' },
];
const withVip = (env: TestEnv): ValueMapEntry[] => [
  ...CHOICES,
  { field: 'category', value: 'VIP客户', action: 'item', id: lookupId(env, 'category', '大客户') },
];

describe('value mapping on a real 200-row list', () => {
  test('lists the values that name no item, with suggestions; spaces, full-width and case match by themselves', async ({
    env,
    admin,
  }) => {
    const up = await upload(admin, '客户名单.xlsx', FIXTURE);
    expect(up.rowCount).toBe(200);
    const { canCreate, columns }: { canCreate: boolean; columns: UnmatchedColumn[] } = await admin.ok(
      'customer.importValues',
      {
        uploadId: up.uploadId,
        mapping: up.suggestedMapping,
      },
    );
    expect(canCreate).toBe(true);
    expect(columns.map((c) => [c.field, c.column])).toEqual([
      ['category', '分类'],
      ['industry', '所属行业'],
      ['region', '区域'],
      ['creditRating', '信用等级'],
      ['settlementMethod', '结算方式'],
    ]);
    expect(suggestions(env, columns, 'industry')).toEqual({
      制造: '制造业',
      批发零售: '批发和零售业',
      信息技术: '信息技术服务',
      建筑: '建筑业',
      餐饮: '住宿和餐饮业',
      物流: null,
      其它: '其他',
    });
    expect(suggestions(env, columns, 'category')).toEqual({ 批发: '批发客户', 零售: '零售客户', VIP客户: null });
    expect(suggestions(env, columns, 'region')).toEqual({ 华东地区: '华东', 华北区: '华北' });
    // Ａ and b are A and B; 制 造 业 is 制造业: not listed
    expect(suggestions(env, columns, 'creditRating')).toEqual({ A级: 'A' });
    expect(suggestions(env, columns, 'settlementMethod')).toEqual({ 转账: '银行转账', 微信支付: '微信', 月结: null });
    expect(column(columns, 'industry').values.find((v) => v.value === '制造')).toMatchObject({
      rows: 30,
      reason: 'unknown',
      suggestion: { source: 'similar' },
    });
    expect(column(columns, 'industry').items.map((i) => i.label)).toContain('制造业');
  });

  test('unmapped, most rows are refused; mapped, only the really invalid ones, and those import with the mapped values', async ({
    env,
    admin,
  }) => {
    const up = await upload(admin, '客户名单.xlsx', FIXTURE);
    const before = await admin.ok('customer.importValidate', { uploadId: up.uploadId, mapping: up.suggestedMapping });
    expect(before.invalidRows).toBe(196);

    const { columns } = await admin.ok('customer.importValues', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
    });
    const valueMap = accept(columns, withVip(env));
    const checked: { invalidRows: number; errors: ImportIssue[] } = await admin.ok('customer.importValidate', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap,
      pageSize: 1000,
    });
    expect(checked.invalidRows).toBe(6);
    expect([...new Set(checked.errors.map((e) => e.row))]).toEqual(Object.keys(ROW_ERRORS).map(Number));
    expect(checked.errors.map((e) => [e.row, e.field])).toEqual(
      Object.entries(ROW_ERRORS).map(([r, f]) => [Number(r), f]),
    );

    const r = await admin.ok('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap,
      mode: 'validOnly',
    });
    expect(r).toMatchObject({ imported: 194, skipped: 6, total: 200 });

    const row = (name: string) =>
      env.core.sqlite
        .prepare(
          `SELECT c.industry_id AS industry, c.category_id AS category, c.region_id AS region, c.credit_rating_id AS rating,
                  c.settlement_method_id AS settlement, k.mobile
             FROM customers c LEFT JOIN customer_contacts k ON k.customer_id = c.id WHERE c.name = ?`,
        )
        .get(name) as Record<string, number | string | null>;
    const names = (r: Record<string, number | string | null>) => ({
      industry: nameOf(env, r.industry as number | null),
      category: nameOf(env, r.category as number | null),
      region: nameOf(env, r.region as number | null),
      rating: nameOf(env, r.rating as number | null),
      settlement: nameOf(env, r.settlement as number | null),
      mobile: r.mobile,
    });
    // sheet row 2: 制造 / 批发 / 华东地区 / A级 / 转账, mobile in a number cell
    expect(names(row('杭州市第1号机械有限公司'))).toEqual({
      industry: '制造业',
      category: '批发客户',
      region: '华东',
      rating: 'A',
      settlement: '银行转账',
      mobile: '13900000007',
    });
    // row 10: 制造业 / 经销商 / 华北区 / Ａ / 微信支付, mobile typed as 1.3900000063E10 (a number cell)
    expect(names(row('杭州市第9号软件有限公司'))).toEqual({
      industry: '制造业',
      category: '经销商',
      region: '华北',
      rating: 'A',
      settlement: '微信',
      mobile: '13900000063',
    });
    // row 11: 物流 (a new item) / VIP客户 → 大客户 / 月结 → left empty
    expect(names(row('杭州市第10号建设有限公司'))).toMatchObject({
      industry: '物流',
      category: '大客户',
      settlement: null,
    });
    // row 14: the mobile kept as the text 1.3900000091E10
    expect(row('杭州市第13号机械有限公司').mobile).toBe('13900000091');

    // the new item, with its log row, written by the import
    const created = env.core.sqlite
      .prepare("SELECT id, sort, created_by AS createdBy FROM lookups WHERE kind = 'industry' AND name = '物流'")
      .get() as { id: number; sort: number };
    expect(created.sort).toBe(8);
    const log = env.core.sqlite
      .prepare("SELECT action, changes FROM operation_log WHERE entity = 'lookup' AND entity_id = ?")
      .all(String(created.id)) as { action: string; changes: string }[];
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].changes)).toEqual({
      kind: { before: null, after: 'industry' },
      name: { before: null, after: '物流' },
      sort: { before: null, after: 8 },
    });
    // the map remembered, with its log row
    const remembered = JSON.parse(
      env.core.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(VALUE_MAP_KEY) as string,
    );
    expect(remembered.industry).toMatchObject({ 制造: lookupId(env, 'industry', '制造业'), 物流: created.id });
    expect(remembered.settlementMethod).toMatchObject({ 月结: null });
    const settingsLog = env.core.sqlite
      .prepare("SELECT changes FROM operation_log WHERE entity = 'settings' AND entity_id = ?")
      .pluck()
      .all(VALUE_MAP_KEY) as string[];
    expect(settingsLog).toHaveLength(1);
    expect(JSON.parse(settingsLog[0]).industry.after).toContain('制造 → 制造业');
    expect(JSON.parse(settingsLog[0]).settlementMethod.after).toContain('月结 → —');
  });

  test('the next import finds the remembered choices as its suggestions', async ({ env, admin }) => {
    const up = await upload(admin, '客户名单.xlsx', FIXTURE);
    const { columns } = await admin.ok('customer.importValues', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
    });
    // the user prefers 其他 for 制造 this time (a remembered choice beats similarity)
    const map = accept(columns, [
      ...withVip(env),
      { field: 'industry', value: '制造', action: 'item', id: lookupId(env, 'industry', '其他') },
    ]);
    await admin.ok('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap: map,
      mode: 'validOnly',
    });

    const other = await upload(
      admin,
      '四月名单.xlsx',
      await xlsxBytes(
        ['公司名称', '所属行业', '结算方式', '分类'],
        [
          ['甲公司', ' 制造 ', '月结', 'VIP客户'],
          ['乙公司', '物流', '转账', '批发'],
        ],
      ),
    );
    const next = await admin.ok('customer.importValues', { uploadId: other.uploadId, mapping: other.suggestedMapping });
    // 物流 is an item now: not listed
    expect(suggestions(env, next.columns, 'industry')).toEqual({ 制造: '其他' });
    expect(column(next.columns, 'industry').values[0].suggestion).toMatchObject({ source: 'remembered' });
    expect(suggestions(env, next.columns, 'settlementMethod')).toEqual({ 月结: '∅', 转账: '银行转账' });
    expect(column(next.columns, 'settlementMethod').values.map((v) => v.suggestion?.source)).toEqual([
      'remembered',
      'remembered',
    ]);
    expect(suggestions(env, next.columns, 'category')).toEqual({ VIP客户: '大客户', 批发: '批发客户' });
  });

  test('all-or-nothing with errors creates no item and remembers nothing', async ({ env, admin }) => {
    const up = await upload(admin, '客户名单.xlsx', FIXTURE);
    const { columns } = await admin.ok('customer.importValues', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
    });
    const before = snapshot(env.core);
    const r = await admin.call('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap: accept(columns, withVip(env)),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'import.errors.hasErrors', params: { rows: 6 } },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});

describe('the values offered are values the value map can carry', () => {
  // A value the core would refuse in the value map refuses the whole validate / run: offered (and
  // pre-selected by a suggestion), it would leave the wizard stuck. Such values are not offered;
  // their rows fail as ordinary row errors. 'create' is offered only for names a new item may take.
  const HIDDEN = '制造\u200B';
  const RTL = '批发\u202E零售';
  const LONG = `制造${'业'.repeat(199)}`; // 201 characters
  const FIFTY_ONE = `物${'流'.repeat(50)}`;
  const FIFTY = `仓${'储'.repeat(24)}  ${'储'.repeat(24)}`; // 51 characters, 50 once spaces are folded

  test('leaves out values with hidden characters or over 200 characters, and offers create up to 50 characters', async ({
    admin,
  }) => {
    const up = await upload(
      admin,
      'a.xlsx',
      await xlsxBytes(
        TEMPLATE_HEADERS,
        [HIDDEN, RTL, LONG, FIFTY_ONE, FIFTY, '制造', '物流'].map((行业, i) => row({ 客户名称: `公司${i + 1}`, 行业 })),
      ),
    );
    const { columns }: { columns: UnmatchedColumn[] } = await admin.ok('customer.importValues', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
    });
    const offered = column(columns, 'industry').values.map((v) => [v.value, v.creatable]);
    expect(offered.sort()).toEqual(
      [
        ['制造', true],
        ['物流', true],
        [FIFTY_ONE, false],
        [FIFTY, true],
      ].sort(),
    );
  });

  test('accepting every suggestion and every offered create passes validate and run; the left-out values fail as row errors', async ({
    env,
    admin,
  }) => {
    const values = [HIDDEN, RTL, LONG, FIFTY_ONE, FIFTY, '制造', '物流'];
    const up = await upload(
      admin,
      'a.xlsx',
      await xlsxBytes(
        TEMPLATE_HEADERS,
        values.map((行业, i) => row({ 客户名称: `公司${i + 1}`, 行业 })),
      ),
    );
    const { columns }: { columns: UnmatchedColumn[] } = await admin.ok('customer.importValues', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
    });
    const industry = column(columns, 'industry');
    // what a user can pick on the step: a suggestion, or 'create' where it is offered
    const creates: ValueMapEntry[] = industry.values
      .filter((v) => v.creatable && !v.suggestion)
      .map((v) => ({ field: 'industry', value: v.value, action: 'create' }));
    const valueMap = accept(columns, creates);
    const checked: { invalidRows: number; errors: ImportIssue[] } = await admin.ok('customer.importValidate', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap,
      pageSize: 1000,
    });
    expect(valueMap.map((e) => e.value).sort()).toEqual([FIFTY, '制造', '物流'].sort());
    // rows 2–5 (header = 1): hidden characters, right-to-left override, over 200, 51 characters unmapped
    expect([...new Set(checked.errors.map((e) => e.row))].sort()).toEqual([2, 3, 4, 5]);
    expect(checked.errors.every((e) => e.field === 'industry')).toBe(true);
    const r = await admin.ok('customer.importRun', {
      uploadId: up.uploadId,
      mapping: up.suggestedMapping,
      valueMap,
      mode: 'validOnly',
    });
    expect(r).toMatchObject({ imported: 3, skipped: 4 });
    expect(lookupId(env, 'industry', FIFTY.replace('  ', ' '))).toBeGreaterThan(0);
  });
});

describe('the core checks the value map', () => {
  const file = () =>
    xlsxBytes(TEMPLATE_HEADERS, [row({ 客户名称: '甲公司', 行业: '制造' }), row({ 客户名称: '乙公司', 行业: '物流' })]);

  test('refuses an item that does not exist, is inactive or is of another list, and a value mapped twice; nothing changes', async ({
    env,
    admin,
  }) => {
    const up = await upload(admin, 'a.xlsx', await file());
    const inactive = await admin.ok('lookup.create', { kind: 'industry', name: '旧行业' });
    await admin.ok('lookup.update', { id: inactive.id, version: inactive.version, name: '旧行业', active: false });
    const before = snapshot(env.core);
    const bad: [ValueMapEntry[], string][] = [
      [[{ field: 'industry', value: '制造', action: 'item', id: 999_999 }], 'import.errors.valueMapItem'],
      [[{ field: 'industry', value: '制造', action: 'item', id: 2_000_000_000 }], 'import.errors.valueMapItem'],
      [
        [{ field: 'industry', value: '制造', action: 'item', id: lookupId(env, 'region', '华东') }],
        'import.errors.valueMapItem',
      ],
      [[{ field: 'industry', value: '制造', action: 'item', id: inactive.id }], 'import.errors.valueMapItem'],
      [
        [
          { field: 'industry', value: '制造', action: 'empty' },
          { field: 'industry', value: ' 制 造', action: 'create' },
        ],
        'import.errors.valueMapTwice',
      ],
      [[{ field: 'industry', value: '旧行业', action: 'create' }], 'lookups.errors.nameTaken'],
      [[{ field: 'industry', value: '物'.repeat(51), action: 'create' }], 'import.errors.valueMapName'],
    ];
    for (const [valueMap, messageKey] of bad) {
      for (const channel of ['customer.importValidate', 'customer.importRun'] as const) {
        const input = {
          uploadId: up.uploadId,
          mapping: up.suggestedMapping,
          valueMap,
          ...(channel === 'customer.importRun' ? { mode: 'validOnly' } : {}),
        };
        const r = await admin.call(channel, input as never);
        expect(r, `${channel} ${JSON.stringify(valueMap)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', messageKey, fields: { valueMap: messageKey } },
        });
      }
    }
    // and the shape itself: unknown actions, lists that are not import columns, ids that are not ids
    for (const valueMap of [
      [{ field: 'industry', value: '制造', action: 'rename' }],
      [{ field: 'deactivationReason', value: '制造', action: 'empty' }],
      [{ field: 'industry', value: '制造', action: 'item', id: -1 }],
      [{ field: 'industry', value: '制造', action: 'item' }],
      [{ field: 'industry', value: '', action: 'empty' }],
    ]) {
      expect(
        await admin.call('customer.importRun', {
          uploadId: up.uploadId,
          mapping: up.suggestedMapping,
          valueMap,
        } as never),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('creating an item needs lookup.manage: an importer without it is refused, and may still map to items', async ({
    env,
  }) => {
    env.core.sqlite
      .prepare(
        "INSERT INTO roles (code, created_at, updated_at) VALUES ('importer', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    env.core.sqlite
      .prepare(
        'INSERT INTO role_permissions (role_id, permission) SELECT roles.id, p.value FROM roles, json_each(\'["customer.view","customer.import"]\') p WHERE code = \'importer\'',
      )
      .run();
    const importer = await env.userWithRoles('imp1', ['importer']);
    const up = await upload(importer, 'a.xlsx', await file());
    expect(
      (await importer.ok('customer.importValues', { uploadId: up.uploadId, mapping: up.suggestedMapping })).canCreate,
    ).toBe(false);
    const before = snapshot(env.core);
    const create: ValueMapEntry[] = [{ field: 'industry', value: '物流', action: 'create' }];
    for (const channel of ['customer.importValidate', 'customer.importRun', 'customer.importErrorsFile'] as const) {
      const input = {
        uploadId: up.uploadId,
        mapping: up.suggestedMapping,
        valueMap: create,
        ...(channel === 'customer.importErrorsFile' ? { texts: {} } : {}),
      };
      expect(await importer.call(channel, input as never)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' },
      });
    }
    expect(snapshot(env.core)).toBe(before);
    const map: ValueMapEntry[] = [
      { field: 'industry', value: '制造', action: 'item', id: lookupId(env, 'industry', '制造业') },
      { field: 'industry', value: '物流', action: 'item', id: lookupId(env, 'industry', '交通运输') },
    ];
    expect(
      await importer.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, valueMap: map }),
    ).toMatchObject({ imported: 2 });
    expect(env.core.sqlite.prepare("SELECT count(*) FROM lookups WHERE name = '物流'").pluck().get()).toBe(0);
  });
});
