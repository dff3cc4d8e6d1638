import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEnv, type TestEnv, userByName } from '../support/test-core';

let env: TestEnv;
beforeEach(async () => {
  env = await makeEnv();
  const admin = await env.admin();
  await admin.ok('user.create', { username: 'li', displayName: '李四', password: 'li-password-1', roles: ['clerk'] });
});
afterEach(() => env.close());

const wrong = () => env.client().call('auth.login', { username: 'li', password: 'not-the-password' });
const right = () => env.client().call('auth.login', { username: 'li', password: 'li-password-1' });

describe('login lockout', () => {
  it('locks the account for 15 minutes after five wrong passwords', async () => {
    for (let i = 0; i < 4; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', params: { minutes: 15 } } });
    // even the right password is refused while locked
    expect(await right()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(14);
    expect(await right()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', params: { minutes: 1 } } });
    env.clock.advanceMinutes(1);
    expect((await right()).ok).toBe(true);
  });

  it('a success resets the count of wrong passwords', async () => {
    for (let i = 0; i < 4; i++) await wrong();
    expect((await right()).ok).toBe(true);
    expect(userByName(env.core, 'li')?.failedAttempts).toBe(0);
    for (let i = 0; i < 4; i++) expect(await wrong()).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
  });

  it('follows the configured threshold and duration', async () => {
    const admin = await env.admin();
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    await wrong();
    await wrong();
    expect(await wrong()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 60 } } });
    env.clock.advanceMinutes(59);
    expect(await right()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(1);
    expect((await right()).ok).toBe(true);
  });

  it('an administrator’s password reset lifts the lock', async () => {
    for (let i = 0; i < 5; i++) await wrong();
    const admin = await env.admin();
    const li = userByName(env.core, 'li');
    await admin.ok('user.resetPassword', { id: li?.id, password: 'new-password-2' });
    expect((await env.client().call('auth.login', { username: 'li', password: 'new-password-2' })).ok).toBe(true);
  });

  it('does not reveal whether a username exists', async () => {
    const r = await env.client().call('auth.login', { username: 'nobody', password: 'whatever-1' });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', messageKey: 'errors.badCredentials' } });
    expect(await wrong()).toEqual(r);
  });

  it('records failures, the lock and the successful login in the operation log', async () => {
    for (let i = 0; i < 5; i++) await wrong();
    env.clock.advanceMinutes(15);
    expect((await right()).ok).toBe(true);
    const actions = env.core.sqlite
      .prepare("SELECT action FROM operation_log WHERE entity IN ('session','user') AND action != 'create' AND action != 'setup' ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual(['loginFailed', 'loginFailed', 'loginFailed', 'loginFailed', 'lock', 'login']);
  });

  it('refuses a disabled user even with the right password', async () => {
    const admin = await env.admin();
    const li = userByName(env.core, 'li');
    await admin.ok('user.setDisabled', { id: li?.id, version: li?.version, disabled: true });
    expect(await right()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });
});
