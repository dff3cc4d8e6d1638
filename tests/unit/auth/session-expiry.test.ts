import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';

describe('session expiry', () => {
  test('ends a session after 30 idle minutes', async ({ env, admin }) => {
    env.clock.advanceMinutes(29);
    expect((await admin.call('system.ping', {})).ok).toBe(true);
    // the call above was activity: 29 more minutes are still within the limit
    env.clock.advanceMinutes(29);
    expect((await admin.call('system.ping', {})).ok).toBe(true);
    env.clock.advanceMinutes(30);
    expect(await admin.call('system.ping', {})).toEqual({
      ok: false,
      error: { code: 'SESSION_EXPIRED', messageKey: 'errors.sessionExpired' },
    });
    // gone for good, not revived by a later call
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('auth.status does not count as activity and reports the signed-out state', async ({ env, admin }) => {
    env.clock.advanceMinutes(20);
    expect((await admin.ok('auth.status')).user?.username).toBe('admin');
    env.clock.advanceMinutes(10);
    expect((await admin.ok('auth.status')).user).toBeNull();
  });

  test('follows the configured idle minutes', async ({ env, admin }) => {
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 5 });
    expect((await admin.ok('auth.status')).sessionIdleMinutes).toBe(5);
    env.clock.advanceMinutes(5);
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  test('logout ends the session at once', async ({ admin }) => {
    const token = admin.sessionToken;
    await admin.ok('auth.logout');
    expect(admin.sessionToken).toBeNull();
    admin.setSessionToken(token);
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
