import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, vi } from 'vitest';
import type { AppEvent } from '../../../electron/core/events';
import type { TestClient, TestEnv } from '../support/test-core';
import { verified } from './counted-password';
import { test as base, RIGHT, WRONG } from './support';

vi.mock('../../../electron/core/auth/password', async (real) =>
  (await import('./counted-password')).countedPassword(real),
);

const NEW = 'li-new-password-2';

/**
 * In every test li is signed in (`liWindow`) before it starts; `events` are the app's events from
 * then on, and the password checks are counted from then on.
 */
const test = base.extend<{ liWindow: TestClient; events: AppEvent[] }>({
  liWindow: [
    async ({ env, li: _ }, use) => {
      const liWindow = env.client();
      await liWindow.ok('auth.login', { username: 'li', password: RIGHT });
      await use(liWindow);
    },
    { auto: true },
  ],
  events: [
    async ({ env, liWindow: _ }, use) => {
      const events: AppEvent[] = [];
      env.core.events.subscribe((e) => events.push(e));
      verified.passwords.length = 0;
      await use(events);
    },
    { auto: true },
  ],
});

const change = (c: TestClient, currentPassword: string) =>
  c.call('auth.changePassword', { currentPassword, newPassword: NEW });
const actions = (env: TestEnv) =>
  env.core.sqlite
    .prepare(
      "SELECT action FROM operation_log WHERE action IN ('loginFailed', 'changePasswordFailed', 'lock') ORDER BY id",
    )
    .pluck()
    .all();

describe('wrong current passwords in change-password count toward the sign-in lockout', () => {
  test('checks at most five of 20 sent at once, locks, refuses the right one, ends every session', async ({
    env,
    li,
    events,
    liWindow,
  }) => {
    const other = env.client(); // a second window of the same user
    await other.ok('auth.login', { username: 'li', password: RIGHT });
    verified.passwords.length = 0;

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => change(liWindow, i === 14 ? RIGHT : WRONG)));

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
    expect(li.row()?.lockedUntil).toBe(new Date(env.clock.now().getTime() + 15 * 60_000).toISOString());
    expect(li.row()?.passwordHash).toBeDefined();
    expect(env.core.login.queue.size).toBe(0);

    // logged like a sign-in lockout: each failure, then the lock with its end
    expect(actions(env)).toEqual([...Array(4).fill('changePasswordFailed'), 'lock']);
    const lockRow = env.core.sqlite
      .prepare(
        "SELECT user_id AS userId, entity, entity_id AS entityId, changes FROM operation_log WHERE action = 'lock'",
      )
      .get() as { userId: number; entity: string; entityId: string; changes: string };
    expect(lockRow).toMatchObject({ userId: li.row()?.id, entity: 'user', entityId: String(li.row()?.id) });
    expect(JSON.parse(lockRow.changes)).toEqual({ lockedUntil: { before: null, after: li.row()?.lockedUntil } });

    // both windows are told and signed out, as when the user is disabled
    expect(events).toEqual([{ name: 'session.ended', payload: { reason: 'locked' }, userId: li.row()?.id }]);
    for (const c of [liWindow, other]) {
      expect((await c.ok('auth.status')).user).toBeNull();
      expect(await change(c, RIGHT)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    // and the lock is the sign-in lock
    expect(await li.signIn(RIGHT)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advanceMinutes(15);
    expect((await li.signIn(RIGHT)).ok).toBe(true);
  });

  test('refuses the right current password while the account is locked by sign-in attempts', async ({
    env,
    li,
    liWindow,
  }) => {
    for (let i = 0; i < 5; i++) await li.signIn(WRONG);
    expect(li.row()?.lockedUntil).not.toBeNull();
    verified.passwords.length = 0;
    const hash = li.row()?.passwordHash;

    expect(await change(liWindow, RIGHT)).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', messageKey: 'errors.accountLocked', params: { minutes: 15 } },
    });
    expect(verified.passwords).toEqual([]);
    expect(li.row()?.passwordHash).toBe(hash);

    env.clock.advanceMinutes(15);
    expect((await change(liWindow, RIGHT)).ok).toBe(true);
    expect((await li.signIn(NEW)).ok).toBe(true);
  });

  test('shares one count with sign-in, also when both arrive at once', async ({ env, li, liWindow }) => {
    const both = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? change(liWindow, WRONG) : li.signIn(WRONG))),
    );
    expect(verified.passwords.length).toBeLessThanOrEqual(5);
    expect(both.filter((r) => r.ok)).toEqual([]);
    expect(li.row()?.lockedUntil).not.toBeNull();
    expect(actions(env)).toHaveLength(5);
  });

  test('counts sign-in failures and change-password failures together, one call at a time', async ({
    env,
    li,
    liWindow,
  }) => {
    for (let i = 0; i < 3; i++) await li.signIn(WRONG);
    expect(await change(liWindow, WRONG)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await change(liWindow, WRONG)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 15 } } });
    expect(actions(env)).toEqual(['loginFailed', 'loginFailed', 'loginFailed', 'changePasswordFailed', 'lock']);
  });

  test('a right current password resets the count', async ({ li, liWindow }) => {
    for (let i = 0; i < 4; i++) await change(liWindow, WRONG);
    expect(li.row()?.failedAttempts).toBe(4);
    expect((await change(liWindow, RIGHT)).ok).toBe(true);
    expect(li.row()?.failedAttempts).toBe(0);
    expect(li.row()?.lockedUntil).toBeNull();
  });

  test('follows the configured threshold and minutes', async ({ env, admin, li, liWindow }) => {
    await admin.ok('settings.updateSecurity', { lockoutThreshold: 3, lockoutMinutes: 60, sessionIdleMinutes: 30 });
    verified.passwords.length = 0;
    const results = await Promise.all(Array.from({ length: 20 }, () => change(liWindow, WRONG)));
    expect(verified.passwords.length).toBeLessThanOrEqual(3);
    expect(results[2]).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 60 } } });
    env.clock.advanceMinutes(59);
    expect(await li.signIn(RIGHT)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', params: { minutes: 1 } } });
  });
});

describe('texts of the change-password lockout', () => {
  const locale = (lng: string) =>
    JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../../renderer/src/locales/${lng}.json`), 'utf8'));
  const at = (tree: Record<string, unknown>, key: string) =>
    key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

  test('exist in zh-CN and en (the refusal, the sign-in notice, the log rows)', () => {
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
