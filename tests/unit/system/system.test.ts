import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';

// The system feature's channels through the dispatcher (the data faults themselves: tests/unit/db).
describe('system.ping', () => {
  test('echoes the text given and the core clock’s time, for a signed-in window', async ({ env, admin }) => {
    expect(await admin.ok('system.ping', { echo: '你好' })).toEqual({
      echo: '你好',
      at: env.clock.now().toISOString(),
    });
    expect(await admin.ok('system.ping', {})).toEqual({ echo: null, at: env.clock.now().toISOString() });
  });

  test('refuses a window without a session and an echo over 100 characters', async ({ env, admin }) => {
    expect(await env.client().call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await admin.call('system.ping', { echo: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('system.fault', () => {
  test('answers null to anyone, signed in or not, when the data is usable', async ({ env }) => {
    expect(await env.client().call('system.fault', {})).toEqual({ ok: true, data: null });
  });

  test('answers the core’s fault when there is one', async ({ env }) => {
    const fault = { kind: 'readOnly', dataDir: env.dir, file: 'kehu.db', detail: 'EACCES', restore: null } as const;
    Object.assign(env.core, { fault });
    expect(await env.client().call('system.fault', {})).toEqual({ ok: true, data: fault });
  });
});
