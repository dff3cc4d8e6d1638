import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../electron/core/events';
import { makeEnv, type TestClient, type TestEnv, userByName } from '../support/test-core';

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
const NEW = 'li-new-password-2';

let env: TestEnv;
let li: TestClient;
let events: AppEvent[];
beforeEach(async () => {
  env = await makeEnv();
  const admin = await env.admin();
  await admin.ok('user.create', { username: 'li', displayName: '李四', password: RIGHT, roles: ['clerk'] });
  li = env.client();
  await li.ok('auth.login', { username: 'li', password: RIGHT });
  events = [];
  env.core.events.subscribe((e) => events.push(e));
  verified.passwords.length = 0;
});
afterEach(() => env.close());

const change = (c: TestClient, currentPassword: string) =>
  c.call('auth.changePassword', { currentPassword, newPassword: NEW });
const signIn = (password: string) => env.client().call('auth.login', { username: 'li', password });
const liRow = () => userByName(env.core, 'li');
const actions = () =>
  env.core.sqlite
    .prepare(
      "SELECT action FROM operation_log WHERE action IN ('loginFailed', 'changePasswordFailed', 'lock') ORDER BY id",
    )
    .pluck()
    .all();

describe('wrong current passwords in change-password count toward the sign-in lockout', () => {
  it('checks at most five of 20 sent at once, locks, refuses the right one, ends every session', async () => {
    const other = env.client(); // a second window of the same user
    await other.ok('auth.login', { username: 'li', password: RIGHT });
    verified.passwords.length = 0;

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => change(li, i === 14 ? RIGHT : WRONG)));

    expect(verified.passwords.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.ok)).toEqual([]);
    // the right current password, arriving after the lock, is refused unchecked
    expect(results[14]).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(verified.passwords).not.toContain(RIGHT);
    expect(results.slice(0, 4).map((r) => (r.ok ? r : r.error.fields))).toEqual(
      Array(4).fill({ currentPassword: 'errors.wrongPassword' }),
    );
    expect(results[4]).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', messageKey: 'errors.accountLocked', params: { minutes: 15 } },
    });
    expect(liRow()?.lockedUntil).toBe(new Date(env.clock.now().getTime() + 15 * 60_000).toISOString());
    expect(liRow()?.passwordHash).toBeDefined();
    expect(env.core.login.queue.size).toBe(0);

    // logged like a sign-in lockout: each failure, then the lock with its end
    expect(actions()).toEqual([...Array(4).fill('changePasswordFailed'), 'lock']);
    const lockRow = env.core.sqlite
      .prepare(
        "SELECT user_id AS userId, entity, entity_id AS entityId, changes FROM operation_log WHERE action = 'lock'",
      )
      .get() as { userId: number; entity: string; entityId: string; changes: string };
    expect(lockRow).toMatchObject({ userId: liRow()?.id, entity: 'user', entityId: String(liRow()?.id) });
    expect(JSON.parse(lockRow.changes)).toEqual({ lockedUntil: { before: null, after: liRow()?.lockedUntil } });

    // both windows are told and signed out, as when the user is disabled
    expect(events).toEqual([{ name: 'session.ended', payload: { reason: 'locked' }, userId: liRow()?.id }]);
    for (const c of [li, other]) {
      expect((await c.ok('auth.status')).user).toBeNull();
      expect(await change(c, RIGHT)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    // and the lock is the sign-in lock
    expect(await signIn(RIGHT)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(15);
    expect((await signIn(RIGHT)).ok).toBe(true);
  });

  it('refuses the right current password while the account is locked by sign-in attempts', async () => {
    for (let i = 0; i < 5; i++) await signIn(WRONG);
    expect(liRow()?.lockedUntil).not.toBeNull();
    verified.passwords.length = 0;
    const hash = liRow()?.passwordHash;

    expect(await change(li, RIGHT)).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', messageKey: 'errors.accountLocked', params: { minutes: 15 } },
    });
    expect(verified.passwords).toEqual([]);
    expect(liRow()?.passwordHash).toBe(hash);

    env.clock.advanceMinutes(15);
    expect((await change(li, RIGHT)).ok).toBe(true);
    expect((await signIn(NEW)).ok).toBe(true);
  });

  it('shares one count with sign-in, also when both arrive at once', async () => {
    const both = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? change(li, WRONG) : signIn(WRONG))));
    expect(verified.passwords.length).toBeLessThanOrEqual(5);
    expect(both.filter((r) => r.ok)).toEqual([]);
    expect(liRow()?.lockedUntil).not.toBeNull();
    expect(actions()).toHaveLength(5);
  });

  it('counts sign-in failures and change-password failures together, one call at a time', async () => {
    for (let i = 0; i < 3; i++) await signIn(WRONG);
    expect(await change(li, WRONG)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await change(li, WRONG)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 15 } } });
    expect(actions()).toEqual(['loginFailed', 'loginFailed', 'loginFailed', 'changePasswordFailed', 'lock']);
  });

  it('a right current password resets the count', async () => {
    for (let i = 0; i < 4; i++) await change(li, WRONG);
    expect(liRow()?.failedAttempts).toBe(4);
    expect((await change(li, RIGHT)).ok).toBe(true);
    expect(liRow()?.failedAttempts).toBe(0);
    expect(liRow()?.lockedUntil).toBeNull();
  });

  it('follows the configured threshold and minutes', async () => {
    const admin = await env.admin();
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    verified.passwords.length = 0;
    const results = await Promise.all(Array.from({ length: 20 }, () => change(li, WRONG)));
    expect(verified.passwords.length).toBeLessThanOrEqual(3);
    expect(results[2]).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 60 } } });
    env.clock.advanceMinutes(59);
    expect(await signIn(RIGHT)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 1 } } });
  });
});

describe('texts of the change-password lockout', () => {
  const locale = (lng: string) =>
    JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../../renderer/src/locales/${lng}.json`), 'utf8'));
  const at = (tree: Record<string, unknown>, key: string) =>
    key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

  it('exist in zh-CN and en (the refusal, the sign-in notice, the log rows)', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = locale(lng);
      for (const key of [
        'errors.accountLocked',
        'errors.wrongPassword',
        'auth.changePassword.lockedOut',
        'audit.action.lock',
        'audit.action.changePasswordFailed',
      ])
        expect(typeof at(tree, key), `${lng} ${key}`).toBe('string');
      expect(at(tree, 'errors.accountLocked')).toContain('{{minutes}}');
    }
  });
});
