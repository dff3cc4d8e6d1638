import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnknownNameFailures } from '../../../electron/core/auth/login-gate';
import { type TestEnv, userByName } from '../support/test-core';
import { verified } from './counted-password';
import { RIGHT, test, WRONG } from './support';

vi.mock('../../../electron/core/auth/password', async (real) =>
  (await import('./counted-password')).countedPassword(real),
);

// counted from each test's start (li's fixture signs nobody in)
beforeEach(() => {
  verified.passwords.length = 0;
});

/** 40 sign-ins sent at once for one name: 39 wrong passwords and the right one as the 30th. */
async function fortyAtOnce(env: TestEnv, username: string) {
  const clients = Array.from({ length: 40 }, () => env.client());
  const results = await Promise.all(
    clients.map((c, i) => c.call('auth.login', { username, password: i === 29 ? RIGHT : WRONG })),
  );
  return { results, signedIn: clients.filter((c) => c.sessionToken !== null).length };
}

const failureRows = (env: TestEnv) =>
  env.core.sqlite
    .prepare("SELECT count(*) FROM operation_log WHERE action IN ('loginFailed', 'lock')")
    .pluck()
    .get() as number;

describe('lockout under parallel sign-ins', () => {
  test('verifies at most five passwords of 40 sent at once and refuses the right one while locked', async ({
    env,
    li,
  }) => {
    const { results, signedIn } = await fortyAtOnce(env, 'li');

    expect(verified.passwords.length).toBeLessThanOrEqual(5);
    expect(verified.passwords.filter((p) => p === WRONG).length).toBeLessThanOrEqual(5);
    expect(failureRows(env)).toBeLessThanOrEqual(5);
    expect(signedIn).toBe(0);
    expect(results[29]).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(li.row()?.lockedUntil).not.toBeNull();
    expect(env.core.login.queue.size).toBe(0);

    // the lock is the ordinary one: it ends after its minutes, and then the right password works
    env.clock.advanceMinutes(15);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
  });

  test('follows a configured threshold of three under the same load', async ({ env, admin }) => {
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    verified.passwords.length = 0;
    const { results, signedIn } = await fortyAtOnce(env, 'li');
    expect(verified.passwords.length).toBeLessThanOrEqual(3);
    expect(signedIn).toBe(0);
    expect(results[29]).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  });

  test('gives an unknown name exactly the answers a real one gets, locks included', async ({ env }) => {
    const known = await fortyAtOnce(env, 'li');
    const knownChecks = verified.passwords.length;
    verified.passwords.length = 0;
    const unknown = await fortyAtOnce(env, 'nobody');

    expect(unknown.results).toEqual(known.results);
    expect(unknown.signedIn).toBe(0);
    // the same work is done for both (a dummy hash is checked for the unknown name)
    expect(verified.passwords.length).toBe(knownChecks);
    expect(known.results.slice(0, 4)).toEqual(
      Array(4).fill({ ok: false, error: { code: 'BAD_CREDENTIALS', messageKey: 'errors.badCredentials' } }),
    );
    expect(known.results[4]).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', messageKey: 'errors.accountLocked', params: { minutes: 15 } },
    });
    // no user was created for the unknown name
    expect(userByName(env.core, 'nobody')).toBeUndefined();
  });

  test('treats an unknown name like a real one one call at a time, through the lock and after it', async ({ env }) => {
    const sequence = async (username: string) => {
      const out = [];
      for (let i = 0; i < 7; i++) out.push(await env.client().call('auth.login', { username, password: WRONG }));
      env.clock.advanceMinutes(14);
      out.push(await env.client().call('auth.login', { username, password: WRONG }));
      env.clock.advanceMinutes(1);
      for (let i = 0; i < 5; i++) out.push(await env.client().call('auth.login', { username, password: WRONG }));
      env.clock.advanceMinutes(15);
      return out;
    };
    const known = await sequence('li');
    const unknown = await sequence('nobody');
    expect(unknown).toEqual(known);
    expect(known.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      ...Array(4).fill('BAD_CREDENTIALS'),
      ...Array(4).fill('ACCOUNT_LOCKED'),
      ...Array(4).fill('BAD_CREDENTIALS'),
      'ACCOUNT_LOCKED',
    ]);
  });
});

describe('failure counts of unknown names', () => {
  it('hold at most their capacity, forgetting names whose lock is not running first', () => {
    const names = new UnknownNameFailures(3);
    const now = Date.parse('2026-01-05T01:00:00Z');
    expect(names.fail('locked-one', now, 1, 15)).toBe(now + 15 * 60_000);
    for (const n of ['a', 'b', 'c', 'd', 'e']) names.fail(n, now, 5, 15);
    expect(names.size).toBe(3);
    expect(names.lockedUntil('locked-one', now)).toBe(now + 15 * 60_000);
    expect(names.lockedUntil('locked-one', now + 15 * 60_000)).toBeNull();
  });
});
