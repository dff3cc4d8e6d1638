import { describe, expect, vi } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot, withHandlers } from '../support/test-core';

describe('a handler that throws', () => {
  test.override({
    features: withHandlers({
      'system.ping': ({ core }) => {
        core.sqlite.prepare('SELECT * FROM missing_table').all();
        return { echo: null, at: '' };
      },
    }),
  });

  test('turns an unexpected exception into INTERNAL without stack or SQL', async ({ admin }) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await admin.call('system.ping', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    expect(JSON.stringify(r)).not.toMatch(/missing_table|at .*\.ts/);
    spy.mockRestore();
  });
});

describe('dispatcher failures', () => {
  test('refuses unknown fields instead of ignoring them', async ({ env, admin }) => {
    const before = snapshot(env.core);
    const r = await admin.callRaw('user.create', {
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

  test('refuses input of the wrong shape', async ({ admin }) => {
    for (const bad of [null, 'text', 42, [], { id: '1', version: 1, disabled: true }]) {
      const r = await admin.callRaw('user.setDisabled', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('a handler that answers more than its output', () => {
  test.override({
    features: withHandlers({ 'system.ping': () => ({ echo: 'x', at: 'now', secret: 'leak' }) as never }),
  });

  test('never returns fields outside the output schema', async ({ admin }) => {
    const r = await admin.call('system.ping', {});
    expect(r).toEqual({ ok: true, data: { echo: 'x', at: 'now' } });
  });
});
