import { describe, expect } from 'vitest';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import { PERMISSIONS } from '../../../electron/core/shared/permissions';
import { test } from '../support/fixtures';
import { snapshot, userByName } from '../support/test-core';

const clerk = {
  username: 'zhangsan',
  displayName: '张三',
  password: 'clerk-pass-1',
  roles: ['clerk'],
} satisfies ChannelInput<'user.create'>;

describe('users', () => {
  test('creates a user with roles, logged with who and when', async ({ env, admin }) => {
    env.clock.set('2026-01-05T01:10:00.000Z');
    const row = await admin.ok('user.create', clerk);
    expect(row).toMatchObject({
      username: 'zhangsan',
      displayName: '张三',
      roles: ['clerk'],
      disabled: false,
      version: 1,
    });
    const log = await admin.ok('audit.list', { entity: 'user', action: 'create' });
    expect(log.items[0]).toMatchObject({
      at: '2026-01-05T01:10:00.000Z',
      userName: '系统管理员',
      entityId: String(row.id),
      changes: { roles: { before: null, after: ['clerk'] } },
    });
  });

  test('refuses a taken username (after normalising) and changes nothing', async ({ env, admin }) => {
    await admin.ok('user.create', clerk);
    const before = snapshot(env.core);
    const r = await admin.call('user.create', { ...clerk, username: ' ＺhangSan' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'DUPLICATE', messageKey: 'errors.usernameTaken', fields: { username: 'errors.usernameTaken' } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('requires at least one known role', async ({ admin }) => {
    expect(await admin.call('user.create', { ...clerk, roles: [] })).toMatchObject({
      error: { fields: { roles: 'validation.rolesRequired' } },
    });
    expect(await admin.callRaw('user.create', { ...clerk, roles: ['superuser'] })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('refuses a stale edit (optimistic concurrency) and keeps the first one', async ({ env, admin }) => {
    const row = await admin.ok('user.create', clerk);
    await admin.ok('user.update', { id: row.id, version: 1, displayName: '张三丰', roles: ['clerk', 'finance'] });
    const before = snapshot(env.core);
    const stale = await admin.call('user.update', { id: row.id, version: 1, displayName: '张三', roles: ['viewer'] });
    const log = await admin.ok('audit.list', { entity: 'user', action: 'update' });
    // the refusal says who changed the user since, when, and which fields (as for customers)
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        messageKey: 'errors.changedBy',
        params: { by: [log.items[0].userName], at: log.items[0].at, fields: ['displayName', 'roles'] },
      },
    });
    expect(snapshot(env.core)).toBe(before);
    expect(userByName(env.core, 'zhangsan')).toMatchObject({ displayName: '张三丰', version: 2 });
    // a version saved by another action (停用) counts too; a password reset names no field
    await admin.ok('user.setDisabled', { id: row.id, version: 2, disabled: true });
    await admin.ok('user.resetPassword', { id: row.id, password: 'correct-horse-9' });
    const stale2 = await admin.call('user.update', { id: row.id, version: 2, displayName: '张三', roles: ['viewer'] });
    expect(stale2).toMatchObject({
      error: { code: 'CONFLICT', messageKey: 'errors.changedBy', params: { fields: ['disabled'] } },
    });
    expect(log.items[0].changes).toEqual({
      displayName: { before: '张三', after: '张三丰' },
      roles: { before: ['clerk'], after: ['clerk', 'finance'] },
    });
  });

  test('gives the new permissions with the new roles at the next call', async ({ env, admin }) => {
    const row = await admin.ok('user.create', clerk);
    const c = env.client();
    await c.ok('auth.login', { username: 'zhangsan', password: 'clerk-pass-1' });
    expect((await c.call('audit.list', {})).ok).toBe(false);
    await admin.ok('user.update', { id: row.id, version: 1, displayName: '张三', roles: ['manager'] });
    expect((await c.call('audit.list', {})).ok).toBe(true);
  });

  test('takes a permission away with the role at the next call, and names the roles the user has now', async ({ env, admin }) => {
    const row = await admin.ok('user.create', { ...clerk, roles: ['manager'] });
    const c = env.client();
    await c.ok('auth.login', { username: 'zhangsan', password: 'clerk-pass-1' });
    // the same session, so the statements that read the actor are reused between the calls
    expect((await c.call('audit.list', {})).ok).toBe(true);
    await admin.ok('user.update', { id: row.id, version: 1, displayName: '张三', roles: ['clerk', 'viewer'] });
    expect(await c.call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await c.ok('auth.status', {})).user).toMatchObject({ displayName: '张三', roles: ['clerk', 'viewer'] });
  });

  test('disabling a user ends their sessions and tells their windows', async ({ env, admin }) => {
    const row = await admin.ok('user.create', clerk);
    const c = env.client();
    await c.ok('auth.login', { username: 'zhangsan', password: 'clerk-pass-1' });
    const events: unknown[] = [];
    env.core.events.subscribe((e) => events.push(e));
    await admin.ok('user.setDisabled', { id: row.id, version: 1, disabled: true });
    expect(events).toEqual([{ name: 'session.ended', payload: { reason: 'disabled' }, userId: row.id }]);
    expect(await c.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const enabled = await admin.ok('user.setDisabled', { id: row.id, version: 2, disabled: false });
    expect(enabled.disabled).toBe(false);
    expect((await c.call('auth.login', { username: 'zhangsan', password: 'clerk-pass-1' })).ok).toBe(true);
  });

  test("an administrator's password reset ends the user's sessions and tells their windows why", async ({
    env,
    admin,
  }) => {
    const row = await admin.ok('user.create', clerk);
    const c = env.client();
    await c.ok('auth.login', { username: 'zhangsan', password: 'clerk-pass-1' });
    const events: unknown[] = [];
    env.core.events.subscribe((e) => events.push(e));
    await admin.ok('user.resetPassword', { id: row.id, password: 'correct-horse-9' });
    expect(events).toEqual([{ name: 'session.ended', payload: { reason: 'passwordReset' }, userId: row.id }]);
    expect(await c.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('never leaves the office without someone who can manage users', async ({ env, admin }) => {
    const me = userByName(env.core, 'admin');
    expect(await admin.call('user.setDisabled', { id: me!.id, version: me!.version, disabled: true })).toMatchObject({
      error: { code: 'FORBIDDEN', messageKey: 'errors.cannotDisableSelf' },
    });
    const before = snapshot(env.core);
    expect(
      await admin.call('user.update', { id: me!.id, version: me!.version, displayName: 'x', roles: ['clerk'] }),
    ).toMatchObject({
      error: { code: 'LAST_ADMIN' },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('lists users and roles with their permission sets', async ({ admin }) => {
    await admin.ok('user.create', clerk);
    const list = await admin.ok('user.list');
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(['admin', 'zhangsan']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
    const roles = await admin.ok('role.list');
    expect(roles.items.map((r: { code: string }) => r.code)).toEqual([
      'admin',
      'manager',
      'finance',
      'clerk',
      'viewer',
    ]);
    // the administrator holds every permission of the catalogue (each feature's migration seeds its own)
    expect(roles.items[0].permissions).toEqual([...PERMISSIONS].sort());
  });

  test('persists the language per user', async ({ env, admin }) => {
    await admin.ok('prefs.setLocale', { locale: 'en' });
    const c = env.client();
    const me = await c.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(me.locale).toBe('en');
    expect(await admin.callRaw('prefs.setLocale', { locale: 'fr' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });
});
