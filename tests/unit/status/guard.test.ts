import { describe, expect } from 'vitest';
import { DomainError } from '../../../electron/core/errors';
import { assertCustomerCanTransact } from '../../../electron/core/status/guard';
import { test } from '../support/fixtures';
import { makeCustomers, reasonId } from './support';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the transaction guard (one check for every transactional channel)', () => {
  test('lets an active customer through for every kind of transaction', async ({ env, admin }) => {
    const [id] = await makeCustomers(admin, ['正常往来有限公司']);
    for (const kind of ['create', 'approve', 'collect'] as const) {
      expect(assertCustomerCanTransact(env.core, id, kind)).toMatchObject({
        id,
        name: '正常往来有限公司',
        status: 'active',
      });
    }
  });

  test('refuses a frozen customer new and approved documents, naming the state and the reason; payments still go in', async ({
    env,
    admin,
  }) => {
    const [id] = await makeCustomers(admin, ['冻结测试贸易公司']);
    await admin.ok('customer.freeze', { ids: [id], reasonId: await reasonId(admin, '信用风险'), memo: '逾期' });
    for (const kind of ['create', 'approve'] as const) {
      const e = refusal(() => assertCustomerCanTransact(env.core, id, kind));
      expect(e.code).toBe('CUSTOMER_FROZEN');
      expect(e.messageKey).toBe('customers.errors.customerFrozen');
      expect(e.params).toMatchObject({
        code: 'C000001',
        name: '冻结测试贸易公司',
        reason: '信用风险',
        since: '2026-01-05',
      });
    }
    expect(assertCustomerCanTransact(env.core, id, 'collect').status).toBe('frozen');
  });

  test('refuses a deactivated customer with its own code; open balances may still be collected', async ({
    env,
    admin,
  }) => {
    const [id] = await makeCustomers(admin, ['停用测试贸易公司']);
    await admin.ok('customer.deactivate', { ids: [id], reasonId: await reasonId(admin, '客户注销/倒闭') });
    for (const kind of ['create', 'approve'] as const) {
      const e = refusal(() => assertCustomerCanTransact(env.core, id, kind));
      expect(e.code).toBe('CUSTOMER_DEACTIVATED');
      expect(e.params).toMatchObject({ name: '停用测试贸易公司', reason: '客户注销/倒闭' });
    }
    expect(assertCustomerCanTransact(env.core, id, 'collect').status).toBe('deactivated');
  });

  test('names the survivor of a merged duplicate', async ({ env, admin }) => {
    const [dup, keep] = await makeCustomers(admin, ['重复档案甲', '保留档案乙']);
    await admin.ok('customer.deactivate', {
      ids: [dup],
      reasonId: await reasonId(admin, '重复档案'),
      survivorId: keep,
    });
    const e = refusal(() => assertCustomerCanTransact(env.core, dup));
    expect(e.params).toMatchObject({ reason: '重复档案', survivorCode: 'C000002', survivorName: '保留档案乙' });
  });

  test('refuses an unknown customer', ({ env }) => {
    expect(refusal(() => assertCustomerCanTransact(env.core, 999)).code).toBe('NOT_FOUND');
  });
});

describe('activity a transaction records', () => {
  test('moves the last activity forward, never back', async ({ env, admin }) => {
    const { touchCustomerActivity } = await import('../../../electron/core/customers/activity');
    const [id] = await makeCustomers(admin, ['有业务往来的公司']);
    const last = () => env.core.sqlite.prepare('SELECT last_activity_at FROM customers WHERE id = ?').pluck().get(id);
    const created = last();
    touchCustomerActivity(env.core, [id], new Date('2025-01-01T00:00:00Z'));
    expect(last()).toBe(created);
    touchCustomerActivity(env.core, [id], new Date('2026-06-01T00:00:00Z'));
    expect(last()).toBe('2026-06-01T00:00:00.000Z');
  });
});
