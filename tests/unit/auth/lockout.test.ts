import { describe, expect } from 'vitest';
import { RIGHT, test, WRONG } from './support';

describe('login lockout', () => {
  test('locks the account for 15 minutes after five wrong passwords', async ({ env, li }) => {
    for (let i = 0; i < 4; i++)
      expect(await li.signIn(WRONG)).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await li.signIn(WRONG)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', params: { minutes: 15 } },
    });
    // even the right password is refused while locked
    expect(await li.signIn(RIGHT)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(14);
    expect(await li.signIn(RIGHT)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', params: { minutes: 1 } },
    });
    env.clock.advanceMinutes(1);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
  });

  test('a success resets the count of wrong passwords', async ({ li }) => {
    for (let i = 0; i < 4; i++) await li.signIn(WRONG);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
    expect(li.row()?.failedAttempts).toBe(0);
    for (let i = 0; i < 4; i++) expect(await li.signIn(WRONG)).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
  });

  test('follows the configured threshold and duration', async ({ env, admin, li }) => {
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    await li.signIn(WRONG);
    await li.signIn(WRONG);
    expect(await li.signIn(WRONG)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 60 } } });
    env.clock.advanceMinutes(59);
    expect(await li.signIn(RIGHT)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(1);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
  });

  test('an administrator’s password reset lifts the lock', async ({ env, admin, li }) => {
    for (let i = 0; i < 5; i++) await li.signIn(WRONG);
    await admin.ok('user.resetPassword', { id: li.row()!.id, password: 'new-password-2' });
    expect((await env.client().call('auth.login', { username: 'li', password: 'new-password-2' })).ok).toBe(true);
  });

  test('does not reveal whether a username exists', async ({ env, li }) => {
    const r = await env.client().call('auth.login', { username: 'nobody', password: 'whatever-1' });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', messageKey: 'errors.badCredentials' } });
    expect(await li.signIn(WRONG)).toEqual(r);
  });

  test('records failures, the lock and the successful login in the operation log', async ({ env, li }) => {
    for (let i = 0; i < 5; i++) await li.signIn(WRONG);
    env.clock.advanceMinutes(15);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
    const actions = env.core.sqlite
      .prepare(
        "SELECT action FROM operation_log WHERE entity IN ('session','user') AND action != 'create' AND action != 'setup' ORDER BY id",
      )
      .pluck()
      .all();
    expect(actions).toEqual(['loginFailed', 'loginFailed', 'loginFailed', 'loginFailed', 'lock', 'login']);
  });

  test('refuses a disabled user even with the right password', async ({ admin, li }) => {
    const row = li.row()!;
    await admin.ok('user.setDisabled', { id: row.id, version: row.version, disabled: true });
    expect(await li.signIn(RIGHT)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });
});
