import { describe, expect } from 'vitest';
import { startBackgroundJobs } from '../../../electron/core/background';
import { applyDueSchedules } from '../../../electron/core/status/schedule';
import { test as base } from '../support/fixtures';
import { snapshot, type TestClient, type TestEnv } from '../support/test-core';
import { logOf, makeCustomers, reasonId } from './support';

/** The clock stands at 2026-12-01T04:00Z when the administrator signs in. */
const test = base.extend<{ admin: TestClient }>({
  admin: async ({ env }, use) => {
    env.clock.set('2026-12-01T04:00:00.000Z');
    await use(await env.admin());
  },
});

/** Moves the clock (days later: the session has expired, so sign in again). */
async function at(env: TestEnv, admin: TestClient, iso: string) {
  env.clock.set(iso);
  await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
}

const status = async (admin: TestClient, id: number) => (await admin.ok('customer.get', { id })).statusInfo;

describe('a deactivation with a later effective date', () => {
  test('is scheduled, shown, and takes effect on its date without anyone acting that day', async ({ env, admin }) => {
    const [id] = await makeCustomers(admin, ['年底到期贸易公司']);
    const r = await admin.ok('customer.deactivate', {
      ids: [id],
      reasonId: await reasonId(admin, '合同到期'),
      memo: '合同 12 月 31 日到期',
      effectiveDate: '2026-12-31',
    });
    expect(r).toMatchObject({
      changed: 0,
      scheduled: 1,
      items: [{ id, status: 'active', scheduledDate: '2026-12-31' }],
    });
    expect(await status(admin, id)).toMatchObject({
      status: 'active',
      scheduled: {
        effectiveDate: '2026-12-31',
        reasonName: '合同到期',
        memo: '合同 12 月 31 日到期',
        byName: '系统管理员',
      },
    });
    expect((await admin.ok('customer.search', { q: '年底到期' })).items[0].scheduledDeactivation).toBe('2026-12-31');

    // the day before (in any time zone): nothing happens
    await at(env, admin, '2026-12-29T12:00:00.000Z');
    expect(applyDueSchedules(env.core)).toEqual([]);
    expect((await status(admin, id)).status).toBe('active');

    // the app was closed on the 31st; the next start applies it
    await at(env, admin, '2027-01-03T02:00:00.000Z');
    const stop = startBackgroundJobs(env.core, { intervalMs: 3_600_000 });
    try {
      await expect.poll(async () => (await status(admin, id)).status).toBe('deactivated');
    } finally {
      await stop(); // a round still running ends before the folder is removed
    }
    const info = await status(admin, id);
    expect(info).toMatchObject({
      reasonName: '合同到期',
      memo: '合同 12 月 31 日到期',
      changedByName: '系统管理员',
      scheduled: null,
    });
    expect(info.changedAt).toBe('2027-01-03T02:00:00.000Z');
    const history = (await admin.ok('customer.statusHistory', { id })).items;
    expect(history.map((h) => [h.action, h.effectiveDate])).toEqual([
      ['deactivate', '2026-12-31'],
      ['schedule', '2026-12-31'],
    ]);
    expect((await logOf(admin, id)).map((l) => l.action)).toEqual(['create', 'scheduleDeactivation', 'deactivate']);
    // applying again finds nothing left to do
    expect(applyDueSchedules(env.core)).toEqual([]);
  });

  test('can be cancelled, and a second schedule for the same customer is refused', async ({ env, admin }) => {
    const [id] = await makeCustomers(admin, ['计划取消公司']);
    const other = await reasonId(admin, '其他');
    await admin.ok('customer.deactivate', { ids: [id], reasonId: other, effectiveDate: '2027-03-01' });
    const before = snapshot(env.core);
    expect(
      await admin.call('customer.deactivate', { ids: [id], reasonId: other, effectiveDate: '2027-04-01' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        messageKey: 'customers.errors.alreadyScheduled',
        params: { date: '2027-03-01' },
      },
    });
    expect(snapshot(env.core)).toBe(before);
    await admin.ok('customer.cancelScheduled', { id, memo: '客户续约' });
    expect((await status(admin, id)).scheduled).toBeNull();
    await at(env, admin, '2027-03-05T04:00:00.000Z');
    expect(applyDueSchedules(env.core)).toEqual([]);
    expect((await status(admin, id)).status).toBe('active');
    expect(await admin.call('customer.cancelScheduled', { id })).toMatchObject({
      ok: false,
      error: { messageKey: 'customers.errors.noSchedule' },
    });
  });

  test('is superseded by an immediate deactivation; today or an earlier date applies at once', async ({
    env,
    admin,
  }) => {
    const [a, b] = await makeCustomers(admin, ['立即停用甲', '当天生效乙']);
    const other = await reasonId(admin, '其他');
    await admin.ok('customer.deactivate', { ids: [a], reasonId: other, effectiveDate: '2027-02-01' });
    await admin.ok('customer.deactivate', { ids: [a], reasonId: other });
    expect(await status(admin, a)).toMatchObject({ status: 'deactivated', scheduled: null });
    const today = await admin.ok('customer.deactivate', { ids: [b], reasonId: other, effectiveDate: '2026-12-01' });
    expect(today).toMatchObject({ changed: 1, scheduled: 0 });
    await at(env, admin, '2027-02-05T04:00:00.000Z');
    expect(applyDueSchedules(env.core)).toEqual([]);
  });
});
