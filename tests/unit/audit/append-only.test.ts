import { describe, expect } from 'vitest';
import { operationLog } from '../../../db/schema';
import { test } from '../support/fixtures';

test.override({ setUp: true });

describe('operation log (操作日志)', () => {
  test('refuses UPDATE of its rows', ({ env }) => {
    expect(() => env.core.sqlite.prepare("UPDATE operation_log SET user_name = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => env.core.db.update(operationLog).set({ reason: 'x' }).run()).toThrow(/append-only/);
  });

  test('refuses DELETE of its rows', ({ env }) => {
    const n = env.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get();
    expect(n).toBeGreaterThan(0);
    expect(() => env.core.sqlite.prepare('DELETE FROM operation_log').run()).toThrow(/append-only/);
    expect(env.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get()).toBe(n);
  });

  test('still accepts new rows', ({ env }) => {
    const before = env.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get() as number;
    env.core.db.insert(operationLog).values({ at: new Date().toISOString(), entity: 'test', action: 'append' }).run();
    expect(env.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get()).toBe(before + 1);
  });
});

describe('audit.list', () => {
  test('filters by user, entity, action and date range, newest first, paged', async ({ env, admin }) => {
    const signIn = () => admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    env.clock.set('2026-03-01T02:00:00.000Z');
    await signIn(); // the jump ended the idle session
    await admin.ok('user.create', { username: 'a1', displayName: 'A1', password: 'password-a1', roles: ['clerk'] });
    env.clock.set('2026-03-02T02:00:00.000Z');
    await signIn();
    await admin.ok('user.create', { username: 'a2', displayName: 'A2', password: 'password-a2', roles: ['viewer'] });
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 4, lockoutMinutes: 15, sessionIdleMinutes: 30 });

    const creates = await admin.ok('audit.list', { entity: 'user', action: 'create' });
    expect(creates.items.map((r) => r.entityId)).toHaveLength(2);
    expect(creates.items[0].changes!.username).toEqual({ before: null, after: 'a2' });
    expect(creates.items[0].userName).toBe('系统管理员');

    const day = await admin.ok('audit.list', { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    expect(day.items.map((r: { action: string }) => r.action)).toEqual(['create', 'login']);

    const settings = await admin.ok('audit.list', { entity: 'settings' });
    expect(settings.items[0].changes).toEqual({ lockoutThreshold: { before: 5, after: 4 } });

    const page = await admin.ok('audit.list', { page: 2, pageSize: 1, userId: 1 });
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items).toHaveLength(1);

    const facets = await admin.ok('audit.facets');
    expect(facets.entities).toEqual(expect.arrayContaining(['user', 'settings']));
    expect(facets.users).toEqual([{ id: 1, name: '系统管理员' }]);
  });

  test('refuses a malformed date with a field error', async ({ admin }) => {
    expect(await admin.call('audit.list', { from: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { from: 'validation.dateTime' } },
    });
  });
});
