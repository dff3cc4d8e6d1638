import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditRow } from '../../../electron/core/audit/shared/audit.contract';
import { AUDIT_CODE_VALUES } from '../../../electron/core/audit/shared/audit-values.contract';
import { HISTORY_FIELDS } from '../../../electron/core/customers/customer.rows';
import { customerStatusSchema } from '../../../electron/core/customers/shared/customers.contract';
import { reviewSettingsSchema } from '../../../electron/core/review/shared/review.contract';
import { securitySettingsSchema } from '../../../electron/core/settings/shared/settings.contract';
import '../../../renderer/src/app/i18n';
import {
  CODE_VALUE_PREFIX,
  changeText,
  formatChanges,
  reasonOf,
  targetOf,
} from '../../../renderer/src/features/audit/formatChanges';
import { uscc as importUscc, row, TEMPLATE_HEADERS, upload, xlsxBytes } from '../import/support';
import { reasonId } from '../status/support';
import { fullCustomer, lookupId } from '../customers/support';
import { inlineRunner, makeEnv, type TestClient, type TestEnv } from '../support/test-core';

// the renderer's i18n setup marks <html lang>: a bare stand-in for the page's document
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

// What the operation log shows, in zh-CN: every entity, action, field and coded value the core
// writes has a Chinese text. The rows come from the core itself: a working day through the
// dispatcher (users, settings, lists, customers, states, import, review), read back with audit.list.

let env: TestEnv;
let admin: TestClient;
let rows: AuditRow[];
let customerId: number;

async function workingDay() {
  admin = await env.admin();
  const clerk = await admin.ok('user.create', {
    username: 'wangwu',
    displayName: '王五',
    password: 'correct-horse-1',
    roles: ['clerk'],
  });
  const updated = await admin.ok('user.update', {
    id: clerk.id,
    version: clerk.version,
    displayName: '王五',
    roles: ['clerk', 'finance'],
  });
  await admin.ok('user.resetPassword', { id: clerk.id, password: 'correct-horse-2' });
  const disabled = await admin.ok('user.setDisabled', { id: clerk.id, version: updated.version + 1, disabled: true });
  await admin.ok('user.setDisabled', { id: clerk.id, version: disabled.version, disabled: false });
  await admin.ok('prefs.setLocale', { locale: 'en' });
  await admin.ok('prefs.setLocale', { locale: 'zh-CN' });
  await admin.ok('settings.updateSecurity', { lockoutThreshold: 6, lockoutMinutes: 20, sessionIdleMinutes: 45 });
  const industry = await admin.ok('lookup.create', { kind: 'industry', name: '精密仪器' });
  await admin.ok('lookup.update', { id: industry.id, version: industry.version, name: '精密仪器制造', active: false });

  const full = await admin.ok('customer.create', await fullCustomer(admin));
  customerId = full.id;
  await admin.ok('customer.update', {
    ...(await fullCustomer(admin)),
    id: full.id,
    version: full.version,
    nature: 'individualBusiness',
    creditLimitCents: 800_000,
    contacts: [{ name: '张伟', mobile: '13812345678', isPrimary: true }],
  });
  await admin.ok('customer.freeze', {
    ids: [full.id],
    reasonId: await reasonId(admin, '信用风险'),
    memo: '逾期三个月',
  });
  await admin.ok('customer.unfreeze', { ids: [full.id], memo: '已结清' });
  const other = await reasonId(admin, '其他');
  await admin.ok('customer.deactivate', { ids: [full.id], reasonId: other, memo: '暂停合作' });
  await admin.ok('customer.reactivate', { ids: [full.id], memo: '重新签约' });
  await admin.ok('customer.deactivate', { ids: [full.id], reasonId: other, effectiveDate: '2027-03-01' });
  await admin.ok('customer.cancelScheduled', { id: full.id, memo: '客户续约' });
  const dup = await admin.ok('customer.create', { name: '海淀科技（重复）', nature: 'other' });
  await admin.ok('customer.deactivate', {
    ids: [dup.id],
    reasonId: await reasonId(admin, '重复档案'),
    survivorId: full.id,
    memo: '同一家公司',
  });

  const bytes = await xlsxBytes(TEMPLATE_HEADERS, [
    row({ 客户名称: '上海浦东贸易有限公司', 联系人: '李娜', 手机: 13812345679 }),
    row({ 客户名称: '深圳南山电子有限公司', '统一社会信用代码/税号': importUscc(5) }),
    row({ 客户名称: '广州天河商行', '统一社会信用代码/税号': 'BAD' }),
  ]);
  const up = await upload(admin, '十月客户.xlsx', bytes);
  await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'validOnly' });

  const { settings } = await admin.ok('review.getSettings');
  await admin.ok('review.updateSettings', {
    ...settings,
    intervalMonths: 6,
    rules: {
      ...settings.rules,
      creditRating: { enabled: true, ratingId: await lookupId(admin, 'creditRating', 'C') },
    },
  });
  const stale = await admin.ok('customer.create', { name: '长期无交易商行', nature: 'person' });
  env.core.sqlite
    .prepare('UPDATE customers SET last_activity_at = ? WHERE id = ?')
    .run('2020-01-01T00:00:00.000Z', stale.id);
  const run = await admin.ok('review.start');
  await admin.ok('review.keep', { runId: run.id, customerIds: [stale.id], note: '年底有大单' });

  await env.client().call('auth.login', { username: 'wangwu', password: 'wrong-password' });
  await env.client().call('auth.login', { username: 'nobody', password: 'wrong-password' });
  const wang = env.client();
  await wang.ok('auth.login', { username: 'wangwu', password: 'correct-horse-2' });
  await wang.ok('auth.changePassword', { currentPassword: 'correct-horse-2', newPassword: 'correct-horse-3' });
  await wang.ok('auth.logout');
}

beforeAll(async () => {
  env = await makeEnv({ jobs: inlineRunner() });
  await workingDay();
  rows = (await admin.ok('audit.list', { pageSize: 200 })).items;
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => {
  env.close();
});

const zhExists = (key: string) => i18n.exists(key, { lng: 'zh-CN' }) && i18n.exists(key, { lng: 'en' });

describe('operation-log texts (zh-CN)', () => {
  it('the working day wrote the rows it should (so the checks below see every kind)', () => {
    const actions = new Set(rows.map((r) => `${r.entity}.${r.action}`));
    for (const a of [
      'user.setup',
      'user.create',
      'user.update',
      'user.disable',
      'user.enable',
      'user.setLocale',
      'user.resetPassword',
      'user.changePassword',
      'settings.update',
      'lookup.create',
      'lookup.update',
      'customer.create',
      'customer.update',
      'customer.freeze',
      'customer.unfreeze',
      'customer.deactivate',
      'customer.reactivate',
      'customer.scheduleDeactivation',
      'customer.cancelSchedule',
      'customer.mergeReceive',
      'customer.reviewKeep',
      'customerImport.import',
      'reviewRun.start',
      'session.login',
      'session.loginFailed',
      'session.logout',
    ])
      expect(actions, a).toContain(a);
  });

  it('every entity, action and field the core wrote has a text in both languages', () => {
    const missing = new Set<string>();
    for (const r of rows) {
      if (!zhExists(`audit.entity.${r.entity}`)) missing.add(`audit.entity.${r.entity}`);
      if (!zhExists(`audit.action.${r.action}`)) missing.add(`audit.action.${r.action}`);
      for (const f of Object.keys(r.changes ?? {})) if (!zhExists(`audit.field.${f}`)) missing.add(`audit.field.${f}`);
      if (r.entity === 'settings' && !zhExists(`audit.settingsKey.${r.entityId}`))
        missing.add(`settingsKey.${r.entityId}`);
    }
    expect([...missing]).toEqual([]);
  });

  it('every field the customer, settings and review records can log has a label', () => {
    const fields = [
      ...HISTORY_FIELDS,
      ...Object.keys(securitySettingsSchema.shape),
      ...Object.keys(AUDIT_CODE_VALUES),
      ...Object.keys(reviewSettingsSchema.shape).filter((k) => k !== 'rules'),
      ...Object.keys(reviewSettingsSchema.shape.rules.shape).map((rule) => `${rule}Enabled`),
    ];
    expect(fields.filter((f) => !zhExists(`audit.field.${f}`))).toEqual([]);
  });

  it('every coded value the core can write (states, natures, modes, kinds, roles, languages) is translated', () => {
    const missing = Object.entries(AUDIT_CODE_VALUES).flatMap(([field, values]) =>
      values
        .map((v) => `${CODE_VALUE_PREFIX[field as keyof typeof AUDIT_CODE_VALUES]}.${v}`)
        .filter((key) => !zhExists(key)),
    );
    expect(missing).toEqual([]);
    expect(AUDIT_CODE_VALUES.status).toEqual(customerStatusSchema.options);
  });

  it('the shown text holds no code, field name or English word the core wrote', () => {
    const codes = new Set<string>([
      ...Object.values(AUDIT_CODE_VALUES).flat(),
      ...rows.flatMap((r) => [r.entity, r.action, ...Object.keys(r.changes ?? {})]),
    ]);
    // data, not codes: the credit rating named C, the user name admin
    codes.delete('C');
    codes.delete('admin');
    const offenders: string[] = [];
    for (const r of rows) {
      const { kind, label } = targetOf(r);
      const { reason, memo } = reasonOf(r);
      const shown = [kind, label, ...formatChanges(r).map(changeText), reason, memo].filter(
        (s): s is string => typeof s === 'string',
      );
      for (const text of shown) {
        for (const word of text.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? []) {
          if (codes.has(word) || /^(true|false|null|undefined)$/.test(word))
            offenders.push(`${r.entity}.${r.action}: ${text}`);
        }
        if (/[{}[\]"]/.test(text)) offenders.push(`${r.entity}.${r.action} (raw JSON): ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a customer row names the customer by code and name; a state change keeps the reason and memo apart', () => {
    const freeze = rows.find((r) => r.action === 'freeze')!;
    expect(targetOf(freeze)).toEqual({ kind: '客户', label: 'C000001 北京海淀科技有限公司', customerId });
    expect(reasonOf(freeze)).toEqual({ reason: '信用风险', memo: '逾期三个月' });
    expect(formatChanges(freeze).map(changeText)).toEqual(['状态：正常 → 冻结']);
    const imported = rows.find((r) => r.entity === 'customerImport')!;
    expect(targetOf(imported).label).toBe('十月客户.xlsx');
    expect(formatChanges(imported).map(changeText)).toContain('导入方式：仅导入有效行');
    const user = rows.find((r) => r.entity === 'user' && r.action === 'update')!;
    expect(targetOf(user).label).toBe('wangwu 王五');
    expect(formatChanges(user).map(changeText)).toEqual(['角色：业务员 → 业务员、财务']);
  });
});

describe('audit.list names the record', () => {
  it('looks customers, users and list items up by primary key, for the page rows only', async () => {
    const { PAGE_ROWS } = await import('../../../electron/core/audit/audit.service');
    const plan = (env.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${PAGE_ROWS}`).all('[1,2,3]') as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    for (const table of ['o', 'c', 'u', 'l'])
      expect(plan).toMatch(new RegExp(`SEARCH ${table} USING INTEGER PRIMARY KEY`));
    expect(plan).not.toMatch(/SCAN (o|c|u|l)\b/);
  });
});
