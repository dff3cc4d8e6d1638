import { describe, expect } from 'vitest';
import type { CustomerReference } from '../../../electron/core/status/customer-references';
import { test as base } from '../support/fixtures';
import { snapshot, type TestEnv, withFeature } from '../support/test-core';
import { logOf, makeCustomers, reasonId } from './support';

/** The app's features and a later one's documents, pointing at customers the way settlements will. */
const withOrders = (references: CustomerReference[]) =>
  withFeature({ name: 'orders', contract: {}, handlers: {}, customerReferences: references });

/** Every test's core has the documents' tables (an auto fixture: made before the test starts). */
const test = base.extend<{ documents: undefined }>({
  documents: [
    async ({ env }, use) => {
      env.core.sqlite.exec(`CREATE TABLE test_orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id));
    CREATE TABLE test_notes (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id));`);
      await use(undefined);
    },
    { auto: true },
  ],
});
test.override({ features: withOrders([{ table: 'test_orders', column: 'customer_id' }]) });

const ordersOf = (env: TestEnv, id: number) =>
  env.core.sqlite.prepare('SELECT count(*) FROM test_orders WHERE customer_id = ?').pluck().get(id);

describe('retiring a duplicate by merging it into the survivor', () => {
  test('moves the references, points the retired record to its survivor, and both logs say so', async ({
    env,
    admin,
  }) => {
    const [dup, keep, other] = await makeCustomers(admin, ['宁波北仑港务（重复）', '宁波北仑港务有限公司', '无关公司']);
    const ins = env.core.sqlite.prepare('INSERT INTO test_orders (customer_id) VALUES (?)');
    for (const c of [dup, dup, dup, keep, other]) ins.run(c);
    const duplicate = await reasonId(admin, '重复档案');
    await admin.ok('customer.deactivate', { ids: [dup], reasonId: duplicate, survivorId: keep, memo: '同一家公司' });

    expect([ordersOf(env, dup), ordersOf(env, keep), ordersOf(env, other)]).toEqual([0, 4, 1]);
    const retired = await admin.ok('customer.get', { id: dup });
    expect(retired.statusInfo).toMatchObject({
      status: 'deactivated',
      reasonKey: 'duplicate',
      mergedInto: { id: keep, code: 'C000002', name: '宁波北仑港务有限公司' },
    });
    const h = (await admin.ok('customer.statusHistory', { id: dup })).items[0];
    expect(h).toMatchObject({ action: 'deactivate', mergedInto: { id: keep } });
    const retiredLog = (await logOf(admin, dup)).at(-1);
    expect(retiredLog?.changes).toMatchObject({
      mergedInto: { after: 'C000002 宁波北仑港务有限公司' },
      movedReferences: { after: { 'test_orders.customer_id': 3 } },
    });
    const survivorLog = (await logOf(admin, keep)).at(-1);
    expect(survivorLog).toMatchObject({ action: 'mergeReceive', reason: '同一家公司' });
    expect(survivorLog?.changes?.mergedFrom.after).toBe('C000001 宁波北仑港务（重复）');

    // a merged record cannot come back: its documents now belong to the survivor
    expect(await admin.call('customer.reactivate', { ids: [dup], memo: '误操作' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        messageKey: 'customers.errors.mergedNoReactivate',
        params: { survivorCode: 'C000002' },
      },
    });
  });

  test('needs the duplicate reason, one record at a time, and a live survivor other than itself', async ({
    env,
    admin,
  }) => {
    const [a, b, c, gone] = await makeCustomers(admin, ['甲档案', '乙档案', '丙档案', '已停用档案']);
    const duplicate = await reasonId(admin, '重复档案');
    await admin.ok('customer.deactivate', { ids: [gone], reasonId: await reasonId(admin, '其他') });
    const before = snapshot(env.core);
    const cases: [object, string][] = [
      [
        { ids: [a], reasonId: await reasonId(admin, '其他'), survivorId: b },
        'customers.errors.mergeNeedsDuplicateReason',
      ],
      [{ ids: [a, c], reasonId: duplicate, survivorId: b }, 'customers.errors.mergeOneAtATime'],
      [{ ids: [a], reasonId: duplicate, survivorId: a }, 'customers.errors.survivorInvalid'],
      [{ ids: [a], reasonId: duplicate, survivorId: gone }, 'customers.errors.survivorInvalid'],
      [{ ids: [a], reasonId: duplicate, survivorId: 9999 }, 'customers.errors.survivorInvalid'],
    ];
    for (const [input, key] of cases) {
      expect(await admin.callRaw('customer.deactivate', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { survivorId: key } },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });
});

describe('merging with two kinds of references', () => {
  test.override({
    features: withOrders([
      { table: 'test_orders', column: 'customer_id' },
      { table: 'test_notes', column: 'customer_id' },
    ]),
  });

  test('is one transaction: when moving one reference fails, nothing changes', async ({ env, admin }) => {
    const [dup, keep] = await makeCustomers(admin, ['合并失败甲', '合并失败乙']);
    env.core.sqlite.exec(`INSERT INTO test_orders (customer_id) VALUES (${dup});
      INSERT INTO test_notes (customer_id) VALUES (${dup});
      CREATE TRIGGER test_notes_locked BEFORE UPDATE ON test_notes BEGIN SELECT RAISE(ABORT, 'locked'); END;`);
    const before = snapshot(env.core);
    const r = await admin.call('customer.deactivate', {
      ids: [dup],
      reasonId: await reasonId(admin, '重复档案'),
      survivorId: keep,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshot(env.core)).toBe(before);
    expect(ordersOf(env, dup)).toBe(1);
  });
});
