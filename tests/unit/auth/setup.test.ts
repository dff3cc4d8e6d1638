import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';

describe('first-run setup', () => {
  test('starts with no user and no default password', async ({ env }) => {
    expect(await env.client().ok('auth.status')).toEqual({ needsSetup: true, user: null, sessionIdleMinutes: 30 });
    expect(env.core.sqlite.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    expect((await env.client().call('auth.login', { username: 'admin', password: 'admin' })).ok).toBe(false);
  });

  test('creates the administrator, signs in, and is refused a second time', async ({ env }) => {
    const c = env.client();
    const user = await c.ok('auth.setup', {
      username: ' ＡＤＭＩＮ ',
      displayName: ' 管理员 ',
      password: 'first-admin-1',
    });
    expect(user).toMatchObject({ username: 'admin', displayName: '管理员', roles: ['admin'] });
    expect(user.permissions).toContain('user.manage');
    expect((await c.ok('auth.status')).user?.username).toBe('admin');
    const before = snapshot(env.core);
    const again = await env
      .client()
      .call('auth.setup', { username: 'other', displayName: 'x', password: 'other-pass-1' });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    expect(snapshot(env.core)).toBe(before);
  });

  test('validates input with field keys and changes nothing', async ({ env }) => {
    const before = snapshot(env.core);
    const r = await env.client().call('auth.setup', { username: 'a b', displayName: '', password: 'short' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        messageKey: 'errors.invalidInput',
        fields: {
          username: 'validation.usernameChars',
          displayName: 'validation.required',
          password: 'validation.passwordLength',
        },
      },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});
