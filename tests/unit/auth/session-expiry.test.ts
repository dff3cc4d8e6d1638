import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEnv, type TestEnv } from '../support/test-core';

let env: TestEnv;
beforeEach(async () => {
  env = await makeEnv();
});
afterEach(() => env.close());

describe('session expiry', () => {
  it('ends a session after 30 idle minutes', async () => {
    const admin = await env.admin();
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

  it('auth.status does not count as activity and reports the signed-out state', async () => {
    const admin = await env.admin();
    env.clock.advanceMinutes(20);
    expect((await admin.ok('auth.status')).user?.username).toBe('admin');
    env.clock.advanceMinutes(10);
    expect((await admin.ok('auth.status')).user).toBeNull();
  });

  it('follows the configured idle minutes', async () => {
    const admin = await env.admin();
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 5 });
    expect((await admin.ok('auth.status')).sessionIdleMinutes).toBe(5);
    env.clock.advanceMinutes(5);
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('logout ends the session at once', async () => {
    const admin = await env.admin();
    const token = admin.sessionToken;
    await admin.ok('auth.logout');
    expect(admin.sessionToken).toBeNull();
    admin.setSessionToken(token);
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
