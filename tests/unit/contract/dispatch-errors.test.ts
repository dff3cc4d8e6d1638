import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeEnv, snapshot, type TestEnv, withHandlers } from '../support/test-core';

let env: TestEnv;
beforeEach(async () => {
  env = await makeEnv();
});
afterEach(() => env.close());

describe('dispatcher failures', () => {
  it('turns an unexpected exception into INTERNAL without stack or SQL', async () => {
    env.close();
    env = await makeEnv({
      features: withHandlers({
        'system.ping': ({ core }) => {
          core.sqlite.prepare('SELECT * FROM missing_table').all();
          return { echo: null, at: '' };
        },
      }),
    });
    const admin = await env.admin();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await admin.call('system.ping', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    expect(JSON.stringify(r)).not.toMatch(/missing_table|at .*\.ts/);
    spy.mockRestore();
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const admin = await env.admin();
    const before = snapshot(env.core);
    const r = await admin.call('user.create', {
      username: 'x1',
      displayName: 'X',
      password: 'password-x1',
      roles: ['clerk'],
      isAdmin: true,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { _: 'validation.unrecognized_keys' } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  it('refuses input of the wrong shape', async () => {
    const admin = await env.admin();
    for (const bad of [null, 'text', 42, [], { id: '1', version: 1, disabled: true }]) {
      const r = await admin.call('user.setDisabled', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
  });

  it('never returns fields outside the output schema', async () => {
    env.close();
    env = await makeEnv({
      features: withHandlers({ 'system.ping': () => ({ echo: 'x', at: 'now', secret: 'leak' }) as never }),
    });
    const admin = await env.admin();
    const r = await admin.call('system.ping', {});
    expect(r).toEqual({ ok: true, data: { echo: 'x', at: 'now' } });
  });
});
