import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { hashPassword, verifyPassword } from '../../../electron/core/auth/password';
import { DB_FILE_NAME } from '../../../electron/core/core';
import { test } from '../support/fixtures';
import { userByName } from '../support/test-core';

describe('password hashing', () => {
  test('uses scrypt with a random salt per hash', async () => {
    const a = await hashPassword('same-password-1');
    const b = await hashPassword('same-password-1');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password-1', a)).toBe(true);
    expect(await verifyPassword('same-password-1', b)).toBe(true);
    expect(await verifyPassword('same-password-2', a)).toBe(false);
  });

  test('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
});

describe('stored users', () => {
  test('keeps no plaintext password in the database file', async ({ env, admin }) => {
    await admin.ok('user.create', {
      username: 'wang',
      displayName: '王五',
      password: 'Plain-Secret-778',
      roles: ['clerk'],
    });
    await admin.ok('user.create', {
      username: 'zhao',
      displayName: '赵六',
      password: 'Plain-Secret-778',
      roles: ['viewer'],
    });
    env.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`]) {
      const file = path.join(env.dir, f);
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes('Plain-Secret-778')).toBe(false);
    }
    const wang = userByName(env.core, 'wang');
    const zhao = userByName(env.core, 'zhao');
    expect(wang?.passwordHash).not.toBe(zhao?.passwordHash); // per-user salt
    expect(await verifyPassword('Plain-Secret-778', wang?.passwordHash ?? '')).toBe(true);
  });

  test('changing one’s own password needs the current one', async ({ env, admin }) => {
    expect(
      await admin.call('auth.changePassword', { currentPassword: 'wrong-one', newPassword: 'new-admin-pass' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { currentPassword: 'errors.wrongPassword' } },
    });
    await admin.ok('auth.changePassword', { currentPassword: 'admin-pass-1', newPassword: 'new-admin-pass' });
    expect((await env.client().call('auth.login', { username: 'admin', password: 'new-admin-pass' })).ok).toBe(true);
    expect((await env.client().call('auth.login', { username: 'admin', password: 'admin-pass-1' })).ok).toBe(false);
  });
});
