import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { fullCustomer, lookupId } from './support';

describe('creating a customer', () => {
  test('stores every section, generates code and 助记码, and logs who did it', async ({ admin }) => {
    const c = await admin.ok('customer.create', await fullCustomer(admin));
    expect(c).toMatchObject({
      code: 'C000001',
      name: '北京海淀科技有限公司',
      mnemonic: 'BJHDKJYXGS',
      bankAccount: '0200004509001234567',
      creditLimitCents: 5_000_000,
      status: 'active',
      version: 1,
      createdByName: '系统管理员',
    });
    expect(c.contacts.map((x) => [x.mobile, x.isPrimary])).toEqual([
      ['13812345678', true],
      ['13987654321', false],
    ]);
    expect(c.addresses[0]).toMatchObject({ kind: 'registered', districtCode: '110108', isDefault: true });
    const history = await admin.ok('customer.history', { id: c.id });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ action: 'create', userName: '系统管理员' });
    expect(history.items[0].changes!.category).toEqual({ before: null, after: '大客户' });
    expect((history.items[0].changes!.addresses.after as { division: string }[])[0].division).toBe(
      '北京市 北京市 海淀区',
    );
    expect((await admin.ok('customer.nextCode')).code).toBe('C000002');
  });

  test('refuses an invalid USCC beside the field and saves nothing', async ({ env, admin }) => {
    const before = snapshot(env.core);
    // I is outside the alphabet (a wrong check character alone asks for confirmation: pilot-uscc.test.ts)
    const r = await admin.call('customer.create', { ...(await fullCustomer(admin)), taxId: '91110108MA01ABCDIX' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { taxId: 'customers.validation.uscc' } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('refuses the same tax ID, naming the existing customer', async ({ env, admin }) => {
    const first = await admin.ok('customer.create', await fullCustomer(admin));
    const before = snapshot(env.core);
    const r = await admin.call('customer.create', { name: '完全不同的名字', taxId: first.taxId!.toLowerCase() });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'DUPLICATE',
        messageKey: 'customers.errors.taxIdTaken',
        fields: { taxId: 'customers.errors.taxIdTaken' },
        params: { code: 'C000001', name: '北京海淀科技有限公司', status: 'active' },
      },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('warns about a similar name or the same phone, and goes on with a logged reason', async ({ admin }) => {
    await admin.ok('customer.create', await fullCustomer(admin));
    const similar = { name: '北京 海淀科技（有限责任公司）' };
    expect(await admin.call('customer.create', similar)).toMatchObject({
      ok: false,
      error: { code: 'POSSIBLE_DUPLICATE', params: { count: 1, code: 'C000001' } },
    });
    const samePhone = { name: '另一家公司', contacts: [{ name: '王', mobile: '+86 13812345678' }] };
    expect(await admin.call('customer.create', samePhone)).toMatchObject({ error: { code: 'POSSIBLE_DUPLICATE' } });
    const matches = await admin.ok('customer.checkDuplicates', { name: similar.name, phones: ['13812345678'] });
    expect(matches.matches).toEqual([
      { id: 1, code: 'C000001', name: '北京海淀科技有限公司', status: 'active', reason: 'name' },
    ]);

    const created = await admin.ok('customer.create', { ...similar, duplicateReason: '同名不同址的分支机构' });
    const log = await admin.ok('customer.history', { id: created.id });
    expect(log.items[0].reason).toBe('同名不同址的分支机构');
  });

  test('skips codes already taken by hand and keeps the code fixed afterwards', async ({ admin }) => {
    await admin.ok('customer.create', { name: '手工编码客户', code: 'c000001 ' });
    const auto = await admin.ok('customer.create', { name: '自动编码客户' });
    expect(auto.code).toBe('C000002');
    expect(await admin.call('customer.create', { name: '重复编码', code: 'C000002' })).toMatchObject({
      error: { code: 'DUPLICATE', fields: { code: 'customers.errors.codeTaken' } },
    });
    const r = await admin.callRaw('customer.update', { id: auto.id, version: 1, name: '自动编码客户', code: 'X1' });
    expect(r).toMatchObject({ error: { code: 'INVALID_INPUT', fields: { _: 'validation.unrecognized_keys' } } });
  });

  test('checks references: list kind, province → city → district chain, salesperson', async ({ admin }) => {
    const ratingA = await lookupId(admin, 'creditRating', 'A');
    const r = await admin.call('customer.create', {
      name: '引用检查',
      categoryId: ratingA,
      salespersonId: 999,
      addresses: [{ kind: 'registered', country: 'CN', provinceCode: '110000', cityCode: '310100' }],
    });
    expect(r).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        fields: {
          categoryId: 'customers.validation.lookup',
          salespersonId: 'customers.validation.salesperson',
          'addresses.0.provinceCode': 'customers.validation.division',
        },
      },
    });
  });
});

describe('editing a customer', () => {
  test('records each changed field with readable before/after', async ({ admin }) => {
    const c = await admin.ok('customer.create', await fullCustomer(admin));
    const input = { ...(await fullCustomer(admin)), id: c.id, version: 1 };
    const updated = await admin.ok('customer.update', {
      ...input,
      shortName: '海淀科技集团',
      creditLimitCents: 8_000_000,
      categoryId: await lookupId(admin, 'category', '经销商'),
    });
    expect(updated.version).toBe(2);
    const [latest] = (await admin.ok('customer.history', { id: c.id })).items;
    expect(latest.action).toBe('update');
    expect(latest.changes).toEqual({
      shortName: { before: '海淀科技', after: '海淀科技集团' },
      category: { before: '大客户', after: '经销商' },
      creditLimitCents: { before: 5_000_000, after: 8_000_000 },
    });
  });

  test('refuses a stale save, keeps the newer one, and says who changed what and when', async ({ env, admin }) => {
    const c = await admin.ok('customer.create', await fullCustomer(admin));
    const input = { ...(await fullCustomer(admin)), id: c.id, version: 1 };
    const clerk = await env.userWithRoles('wangwu', ['clerk']);
    env.clock.advanceMinutes(5);
    await clerk.ok('customer.update', { ...input, memo: '第一次修改', website: 'www.hdkj.example.com' });
    const savedAt = env.clock.now().toISOString();
    env.clock.advanceMinutes(3);
    const before = snapshot(env.core);
    expect(await admin.call('customer.update', { ...input, memo: '过时的修改' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        messageKey: 'errors.changedBy',
        params: { by: ['wangwu'], at: savedAt, fields: ['website', 'memo'] },
      },
    });
    expect(snapshot(env.core)).toBe(before);
    expect((await admin.ok('customer.get', { id: c.id })).memo).toBe('第一次修改');
  });

  test('names each person who changed the record, whatever their display names hold (a comma too)', async ({
    env,
    admin,
  }) => {
    const c = await admin.ok('customer.create', await fullCustomer(admin));
    const input = { ...(await fullCustomer(admin)), id: c.id, version: 1 };
    const first = await env.userWithRoles('zhangsan', ['clerk']);
    const second = await env.userWithRoles('wangwu', ['clerk']);
    env.core.sqlite.prepare("UPDATE users SET display_name = '张三, 李四' WHERE username = 'zhangsan'").run();
    env.clock.advanceMinutes(1);
    await first.ok('customer.update', { ...input, memo: '张三, 李四的修改' });
    env.clock.advanceMinutes(1);
    await second.ok('customer.update', { ...input, version: 2, website: 'www.hdkj.example.com' });
    const stale = await admin.call('customer.update', { ...input, memo: '过时的修改' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.changedBy' } });
    const params = (stale as { error: { params: Record<string, unknown> } }).error.params;
    expect(params.by).toEqual(['wangwu', '张三, 李四']);
    expect(params.fields).toEqual(['website', 'memo']);
  });

  test('does not nag about duplicates the edit did not introduce', async ({ admin }) => {
    await admin.ok('customer.create', { name: '上海浦东贸易有限公司' });
    const twin = await admin.ok('customer.create', { name: '上海浦东贸易', duplicateReason: '两个法人' });
    const r = await admin.call('customer.update', { id: twin.id, version: 1, name: '上海浦东贸易', memo: '只改备注' });
    expect(r.ok).toBe(true);
  });
});

describe('permissions', () => {
  test('lets a clerk create and edit, a viewer only look, finance not edit', async ({ env }) => {
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    const viewer = await env.userWithRoles('viewer1', ['viewer']);
    const finance = await env.userWithRoles('fin1', ['finance']);
    const c = await clerk.ok('customer.create', { name: '业务员录入的客户' });
    expect((await viewer.ok('customer.get', { id: c.id })).name).toBe('业务员录入的客户');
    for (const [who, channel, input] of [
      [viewer, 'customer.create', { name: 'x' }],
      [finance, 'customer.update', { id: c.id, version: 1, name: 'y' }],
      [clerk, 'lookup.create', { kind: 'region', name: '海外' }],
    ] as const) {
      const before = snapshot(env.core);
      expect(await who.call(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(snapshot(env.core)).toBe(before);
    }
  });
});
