import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { AnyFeature } from '../../../electron/core/feature';
import type { OpenItemsCheck } from '../../../electron/core/status/open-items';
import { logOf } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot, type TestClient, withFeature } from '../support/test-core';
import { craftLine, craftStocktake, customer, inactiveReason, setState } from './recon-support';

/** Expected A B C D, counted A and D (D deactivated since), E counted out of scope and deactivated. */
async function crafted(core: Core, admin: TestClient, status = 'reconciling') {
  const c: Record<string, { id: number; code: string }> = {};
  for (const n of ['A', 'B', 'C', 'D', 'E']) c[n] = await customer(admin, `客户${n}`);
  setState(core, c.D.id, 'deactivated');
  setState(core, c.E.id, 'deactivated');
  const st = craftStocktake(core, { status, expected: ['A', 'B', 'C', 'D'].map((n) => ({ id: c[n].id })) });
  for (const n of ['A', 'D', 'E']) craftLine(core, st, { customerId: c[n].id, code: c[n].code, scans: 1 });
  return { st, c };
}

const stateOf = (core: Core, id: number) =>
  core.sqlite.prepare('SELECT status, last_verified_at AS lastVerifiedAt FROM customers WHERE id = ?').get(id);

/** Open items a later feature reports: an open balance for one customer. */
const ledgerChecks = (balance: () => number): OpenItemsCheck => (_core, ids) => {
  const out = new Map();
  for (const id of ids) if (id === balance()) out.set(id, [{ kind: 'openBalance', count: 1, amountCents: 100 }]);
  return out;
};

describe('deactivating the missing customers', () => {
  test('goes through the status service: history, a log row per customer tagged with the stocktake, one summing row', async ({
    env,
    admin,
  }) => {
    const { st, c } = await crafted(env.core, admin);
    const r = await admin.ok('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId: inactiveReason(env.core), memo: '盘点未见' });
    expect(r).toEqual({ changed: 2, skipped: 0, refusals: {} });
    for (const n of ['B', 'C']) expect(stateOf(env.core, c[n].id)).toMatchObject({ status: 'deactivated' });
    expect(stateOf(env.core, c.A.id)).toMatchObject({ status: 'active' });
    const log = (await logOf(admin, c.B.id)).at(-1);
    expect(log).toMatchObject({
      action: 'deactivate',
      reason: '盘点未见',
      changes: {
        status: { before: 'active', after: 'deactivated' },
        statusReason: { before: null, after: '长期无交易' },
        stocktake: { before: null, after: st.no },
      },
    });
    const history = await admin.ok('customer.statusHistory', { id: c.B.id });
    expect(history.items[0]).toMatchObject({ action: 'deactivate', reasonName: '长期无交易', memo: '盘点未见' });
    const own = env.core.sqlite
      .prepare(`SELECT action, changes, reason FROM operation_log WHERE entity = 'stocktake' AND entity_id = ?`)
      .all(String(st.id)) as { action: string; changes: string; reason: string }[];
    expect(own.map((o) => ({ ...o, changes: JSON.parse(o.changes) }))).toEqual([
      {
        action: 'adjust',
        reason: '盘点未见',
        changes: {
          action: { before: null, after: 'deactivateMissing' },
          changed: { before: null, after: 2 },
          statusReason: { before: null, after: '长期无交易' },
        },
      },
    ]);
    const report = await admin.ok('stocktake.report', { id: st.id });
    expect(report.adjusted).toEqual({ deactivateMissing: 2 });
    const rows = await admin.ok('stocktake.reportRows', { id: st.id, section: 'missing' });
    expect(rows.items.map((i) => [i.name, i.status, i.adjustment])).toEqual([
      ['客户B', 'deactivated', 'deactivated'],
      ['客户C', 'deactivated', 'deactivated'],
    ]);
  });

  test('only the customers asked for; those outside the section are skipped and counted', async ({ env, admin }) => {
    const { st, c } = await crafted(env.core, admin);
    const r = await admin.ok('stocktake.adjust', {
      id: st.id,
      action: 'deactivateMissing',
      reasonId: inactiveReason(env.core),
      customerIds: [c.C.id, c.A.id],
    });
    expect(r).toEqual({ changed: 1, skipped: 1, refusals: { 'stocktake.errors.notInSection': 1 } });
    expect(stateOf(env.core, c.B.id)).toMatchObject({ status: 'active' });
    expect(stateOf(env.core, c.C.id)).toMatchObject({ status: 'deactivated' });
  });

  test('skips customers with open items besides this stocktake (another open stocktake, an open balance)', async ({
    env,
    admin,
  }) => {
    const { st, c } = await crafted(env.core, admin);
    // C is also expected in another open stocktake (the stocktake feature's own open items)
    const other = craftStocktake(env.core, { status: 'counting', expected: [{ id: c.C.id }] });
    // a core on the same data, with a feature that reports an open balance for B
    const ledger: AnyFeature = {
      name: 'ledger',
      contract: {},
      handlers: {},
      openItems: [ledgerChecks(() => c.B.id)],
    };
    const { openCore } = await import('../../../electron/core/core');
    const { MIGRATIONS, TestClient: Client } = await import('../support/test-core');
    const core = await openCore({ dataDir: env.dir, migrationsFolder: MIGRATIONS, clock: env.clock, features: withFeature(ledger) });
    try {
      const boss = new Client(core);
      await boss.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
      const before = snapshot(core);
      const r = await boss.ok('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId: inactiveReason(core) });
      expect(r).toEqual({ changed: 0, skipped: 2, refusals: { 'customers.errors.openItems': 2 } });
      // nothing but the stocktake's own log row
      const after = snapshot(core).split('\n').filter((t) => !t.startsWith('operation_log:'));
      expect(after).toEqual(before.split('\n').filter((t) => !t.startsWith('operation_log:')));
      // the other stocktake is cancelled: C's only open item is the stocktake being reconciled
      core.sqlite.prepare("UPDATE stocktakes SET status = 'cancelled' WHERE id = ?").run(other.id);
      const again = await boss.ok('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId: inactiveReason(core) });
      expect(again).toEqual({ changed: 1, skipped: 1, refusals: { 'customers.errors.openItems': 1 } });
      const history = await boss.ok('customer.statusHistory', { id: c.C.id });
      // the acknowledged open item (this stocktake) is recorded with the change
      expect(history.items[0].openItems).toEqual([{ kind: 'openStocktakes', count: 1, amountCents: null }]);
    } finally {
      void core.reads.close();
      core.sqlite.close();
    }
  });

  test('refuses, changing nothing: without a reason, outside reconciliation, without the permission to deactivate', async ({
    env,
    admin,
  }) => {
    const { st } = await crafted(env.core, admin);
    const counting = craftStocktake(env.core, { status: 'counting' });
    const manager = await env.userWithRoles('mgr', ['manager']);
    env.core.sqlite
      .prepare(`DELETE FROM role_permissions WHERE permission = 'customer.deactivate' AND role_id = (SELECT id FROM roles WHERE code = 'manager')`)
      .run();
    await manager.ok('auth.login', { username: 'mgr', password: 'correct-horse-1' });
    const before = snapshot(env.core);
    const reasonId = inactiveReason(env.core);
    expect(await admin.call('stocktake.adjust', { id: st.id, action: 'deactivateMissing' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reasonId: 'stocktake.validation.reasonRequired' } },
    });
    expect(await admin.call('stocktake.adjust', { id: counting.id, action: 'deactivateMissing', reasonId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.notReconciling' },
    });
    expect(await manager.call('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await admin.call('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId: 99999 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});

describe('reactivating counted deactivated customers', () => {
  test('needs a memo; reactivates through the status service; a merged record is skipped', async ({ env, admin }) => {
    const { st, c } = await crafted(env.core, admin);
    const before = snapshot(env.core);
    expect(await admin.call('stocktake.adjust', { id: st.id, action: 'reactivateCounted' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { memo: 'stocktake.validation.reasonRequired' } },
    });
    expect(snapshot(env.core)).toBe(before);
    env.core.sqlite.prepare('UPDATE customers SET merged_into_id = ? WHERE id = ?').run(c.A.id, c.E.id);
    const r = await admin.ok('stocktake.adjust', { id: st.id, action: 'reactivateCounted', memo: '盘点见到，恢复往来' });
    expect(r).toEqual({ changed: 1, skipped: 1, refusals: { 'customers.errors.mergedNoReactivate': 1 } });
    expect(stateOf(env.core, c.D.id)).toMatchObject({ status: 'active' });
    expect(stateOf(env.core, c.E.id)).toMatchObject({ status: 'deactivated' });
    expect((await logOf(admin, c.D.id)).at(-1)).toMatchObject({
      action: 'reactivate',
      reason: '盘点见到，恢复往来',
      changes: { status: { before: 'deactivated', after: 'active' }, stocktake: { before: null, after: st.no } },
    });
  });
});

describe('marking counted customers verified', () => {
  test('stamps 最后核对 now on every counted customer, logs each, and the report shows it', async ({ env, admin }) => {
    const { st, c } = await crafted(env.core, admin);
    const now = env.clock.now().toISOString();
    const r = await admin.ok('stocktake.adjust', { id: st.id, action: 'markVerified' });
    expect(r).toEqual({ changed: 3, skipped: 0, refusals: {} });
    for (const n of ['A', 'D', 'E']) expect(stateOf(env.core, c[n].id)).toMatchObject({ lastVerifiedAt: now });
    for (const n of ['B', 'C']) expect(stateOf(env.core, c[n].id)).toMatchObject({ lastVerifiedAt: null });
    expect((await logOf(admin, c.A.id)).at(-1)).toMatchObject({
      action: 'verify',
      userName: '系统管理员',
      changes: { lastVerifiedAt: { before: null, after: now }, stocktake: { before: null, after: st.no } },
    });
    const rows = await admin.ok('stocktake.reportRows', { id: st.id, section: 'matched' });
    expect(rows.items.map((i) => [i.name, i.lastVerifiedAt, i.adjustment])).toEqual([
      ['客户A', now, 'verified'],
      ['客户D', now, 'verified'],
    ]);
    expect((await admin.ok('customer.get', { id: c.A.id })).lastVerifiedAt).toBe(now);
  });

  test('needs customer.edit', async ({ env, admin }) => {
    const { st } = await crafted(env.core, admin);
    env.core.sqlite
      .prepare(`DELETE FROM role_permissions WHERE permission = 'customer.edit' AND role_id = (SELECT id FROM roles WHERE code = 'manager')`)
      .run();
    const manager = await env.userWithRoles('mgr', ['manager']);
    const before = snapshot(env.core);
    expect(await manager.call('stocktake.adjust', { id: st.id, action: 'markVerified' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});
