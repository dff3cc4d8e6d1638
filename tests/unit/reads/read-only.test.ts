import { describe, expect } from 'vitest';
import { readCustomer } from '../../../electron/core/customers/customers.record';
import { isPoolRead, poolRead } from '../../../electron/core/handler';
import type { Channel, ChannelInput } from '../../../electron/core/shared/contract';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot, type TestClient, type TestEnv, withHandlers } from '../support/test-core';
import { customers } from './support';

/** A valid call of every channel marked poolRead, on the data `seed` makes: a new mark needs its line here. */
const SAMPLES = (id: number): { [C in Channel]?: ChannelInput<C> } => ({
  'customer.search': { q: '杭州' },
  'customer.get': { id },
  'customer.getMany': { ids: [id] },
  'customer.checkDuplicates': { name: '杭州西湖茶业有限公司' },
  'customer.history': { id },
  'customer.statusPreview': { ids: [id], action: 'freeze' },
  'customer.statusHistory': { id },
  'review.status': {},
  'review.candidates': {},
  'review.runs': {},
  'audit.list': {},
  'audit.facets': {},
  // the stocktake `seed` makes is the first (id 1)
  'stocktake.get': { id: 1 },
  'stocktake.lines': { stocktakeId: 1, q: '杭州' },
  'stocktake.previewScope': { scope: { kind: 'filter', filters: {} } },
  'stocktake.report': { id: 1 },
  'stocktake.reportRows': { id: 1, section: 'matched' },
  'stocktake.corrections': { id: 1 },
  'stocktake.expected': { stocktakeId: 1 },
  'settlement.vouchers': { q: '杭州' },
  'settlement.payments': { q: '杭州' },
  'settlement.statement': { customerId: id, from: '2025-01-01', to: '2026-12-31' },
  'settlement.aging': { q: '杭州' },
  'settlement.agingTotals': { q: '杭州' },
  'settlement.promises': {},
});

const poolReads = (env: TestEnv) =>
  Object.entries(env.core.assembly.handlers)
    .filter(([, h]) => isPoolRead(h))
    .map(([name]) => name)
    .sort();

/** A customer with a history and a state change, a review run and a stocktake counting it: every pool read has rows to read. */
async function seed(env: TestEnv, admin: TestClient): Promise<number> {
  const [id] = await customers(admin, ['杭州西湖茶业有限公司', '杭州钱塘科技有限公司']);
  const version = env.core.sqlite.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(id) as number;
  await admin.ok('customer.update', { id, version, name: '杭州西湖茶业集团有限公司' });
  await admin.ok('customer.freeze', { ids: [id], reasonId: await reasonId(admin, '信用风险'), memo: '逾期' });
  await admin.ok('review.start', {});
  const st = await admin.ok('stocktake.create', { name: '盘点', scope: { kind: 'selection', ids: [id] }, start: true });
  const code = env.core.sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck().get(id) as string;
  await admin.ok('stocktake.scan', {
    stocktakeId: st.id,
    clientId: 'seed-scan-1',
    code,
    source: 'scanner',
    scannedAt: '2026-01-05T01:00:00Z',
  });
  return id;
}

/**
 * Runs every pool read through the dispatcher with the tests' default pool (inline, on a
 * read-only connection that also refuses changes by query_only): a handler marked poolRead that
 * writes fails here, and changes nothing.
 */
async function readsWithoutWriting(env: TestEnv, admin: TestClient, id: number) {
  const before = snapshot(env.core);
  const failed: string[] = [];
  for (const [channel, input] of Object.entries(SAMPLES(id)) as [Channel, never][]) {
    const r = await admin.call(channel, input);
    if (!r.ok) failed.push(`${channel}: ${r.error.code}`);
  }
  return { failed, unchanged: snapshot(env.core) === before };
}

describe('pool reads', () => {
  test.override({ jobs: 'inline' });

  test('every channel marked poolRead has a sample call, changes nothing and is no `writes` channel', async ({
    env,
    admin,
  }) => {
    expect(poolReads(env)).toEqual(Object.keys(SAMPLES(1)).sort());
    const { contract } = env.core.assembly;
    expect(poolReads(env).filter((c) => contract[c].writes)).toEqual([]);
    expect(env.core.reads.stats().mode).toBe('inline');
    const id = await seed(env, admin);
    const calls = env.core.reads.stats().calls;
    expect(await readsWithoutWriting(env, admin, id)).toEqual({ failed: [], unchanged: true });
    expect(env.core.reads.stats().calls - calls).toBe(poolReads(env).length);
  });

  describe('a handler marked poolRead that writes', () => {
    test.override({
      jobs: 'inline',
      features: withHandlers({
        'customer.get': poolRead(({ core }, input) => {
          core.sqlite.prepare(`UPDATE customers SET memo = 'seen' WHERE id = ?`).run(input.id);
          return readCustomer(core, input.id);
        }),
      }),
    });

    test('is caught: its call fails as INTERNAL (not as read-only data) and writes nothing', async ({ env, admin }) => {
      const id = await seed(env, admin);
      expect(await readsWithoutWriting(env, admin, id)).toEqual({
        failed: ['customer.get: INTERNAL'],
        unchanged: true,
      });
      expect(env.core.fault).toBeNull();
    });
  });
});
