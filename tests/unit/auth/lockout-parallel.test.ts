import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnknownNameFailures } from '../../../electron/core/auth/login-gate';
import { makeEnv, type TestEnv, userByName } from '../support/test-core';

// Every password check is counted: the lockout's promise is about how many are ever made.
const verified = vi.hoisted(() => ({ passwords: [] as string[] }));
vi.mock('../../../electron/core/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/auth/password')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      verified.passwords.push(password);
      return real.verifyPassword(password, stored);
    },
  };
});

const RIGHT = 'li-password-1';
const WRONG = 'not-the-password';

let env: TestEnv;
beforeEach(async () => {
  env = await makeEnv();
  const admin = await env.admin();
  await admin.ok('user.create', { username: 'li', displayName: '李四', password: RIGHT, roles: ['clerk'] });
  verified.passwords.length = 0;
});
afterEach(() => env.close());

/** 40 sign-ins sent at once for one name: 39 wrong passwords and the right one as the 30th. */
async function fortyAtOnce(username: string) {
  const clients = Array.from({ length: 40 }, () => env.client());
  const results = await Promise.all(
    clients.map((c, i) => c.call('auth.login', { username, password: i === 29 ? RIGHT : WRONG })),
  );
  return { results, signedIn: clients.filter((c) => c.sessionToken !== null).length };
}

const failureRows = () =>
  env.core.sqlite
    .prepare("SELECT count(*) FROM operation_log WHERE action IN ('loginFailed', 'lock')")
    .pluck()
    .get() as number;

describe('lockout under parallel sign-ins', () => {
  it('verifies at most five passwords of 40 sent at once and refuses the right one while locked', async () => {
    const { results, signedIn } = await fortyAtOnce('li');

    expect(verified.passwords.length).toBeLessThanOrEqual(5);
    expect(verified.passwords.filter((p) => p === WRONG).length).toBeLessThanOrEqual(5);
    expect(failureRows()).toBeLessThanOrEqual(5);
    expect(signedIn).toBe(0);
    expect(results[29]).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(userByName(env.core, 'li')?.lockedUntil).not.toBeNull();
    expect(env.core.login.queue.size).toBe(0);

    // the lock is the ordinary one: it ends after its minutes, and then the right password works
    env.clock.advanceMinutes(15);
    expect((await env.client().call('auth.login', { username: 'li', password: RIGHT })).ok).toBe(true);
  });

  it('follows a configured threshold of three under the same load', async () => {
    const admin = await env.admin();
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    verified.passwords.length = 0;
    const { results, signedIn } = await fortyAtOnce('li');
    expect(verified.passwords.length).toBeLessThanOrEqual(3);
    expect(signedIn).toBe(0);
    expect(results[29]).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  });

  it('gives an unknown name exactly the answers a real one gets, locks included', async () => {
    const known = await fortyAtOnce('li');
    const knownChecks = verified.passwords.length;
    verified.passwords.length = 0;
    const unknown = await fortyAtOnce('nobody');

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

  it('treats an unknown name like a real one one call at a time, through the lock and after it', async () => {
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
