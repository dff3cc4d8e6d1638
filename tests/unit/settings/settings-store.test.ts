import fs from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { defineSetting, readSetting, writeSetting } from '../../../electron/core/settings/settings.store';
import { test } from '../support/fixtures';
import type { TestEnv } from '../support/test-core';

const root = path.resolve(__dirname, '../../..');

const LIMITS = defineSetting({
  key: 'test.limits',
  schema: z.object({ max: z.number().int().min(1), min: z.number().int() }).strict(),
  defaults: { max: 10, min: 0 },
  overDefaults: (stored, d) => ({ ...d, ...(stored as object) }),
});

const storeRaw = (env: TestEnv, value: string) =>
  env.core.sqlite
    .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')`)
    .run(LIMITS.key, value);

describe('settings store: one typed way to read and write a settings key', () => {
  test('gives the defaults for a key never stored', ({ env }) => {
    expect(readSetting(env.core.sqlite, LIMITS)).toEqual({ max: 10, min: 0 });
    expect(env.core.settings.get(LIMITS)).toEqual({ max: 10, min: 0 });
  });

  test('lays a stored value over the defaults and checks it with the schema', ({ env }) => {
    storeRaw(env, '{"max":3}');
    expect(env.core.settings.get(LIMITS)).toEqual({ max: 3, min: 0 });
  });

  test('falls back to the defaults for a value the schema refuses or that is not JSON', ({ env }) => {
    storeRaw(env, '{"max":0}');
    expect(env.core.settings.get(LIMITS)).toEqual({ max: 10, min: 0 });
    env.core.sqlite.prepare('UPDATE settings SET value = ? WHERE key = ?').run('{not json', LIMITS.key);
    expect(env.core.settings.get(LIMITS)).toEqual({ max: 10, min: 0 });
  });

  test('writes once per key, with who and when, and reads back what it wrote', ({ env }) => {
    const user = env.core.sqlite
      .prepare(
        `INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('u', 'u', 'x', 'a', 'a')`,
      )
      .run().lastInsertRowid as number;
    writeSetting(env.core.sqlite, LIMITS, { max: 4, min: 1 }, '2026-02-01T00:00:00.000Z', user);
    env.core.settings.put(LIMITS, { max: 5, min: 2 }, new Date('2026-03-01T00:00:00.000Z'), user);
    const rows = env.core.sqlite.prepare('SELECT * FROM settings WHERE key = ?').all(LIMITS.key);
    expect(rows).toEqual([
      { key: LIMITS.key, value: '{"max":5,"min":2}', updated_at: '2026-03-01T00:00:00.000Z', updated_by: user },
    ]);
    expect(readSetting(env.core.sqlite, LIMITS)).toEqual({ max: 5, min: 2 });
  });

  test('the settings table is read and written only in electron/core/settings/', () => {
    const files = fs
      .readdirSync(path.join(root, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `electron/${f.split(path.sep).join('/')}`);
    const touches = /\b(?:FROM|INTO|UPDATE|JOIN)\s+settings\b|\.(?:from|insert|update|delete)\(\s*settings\s*\)/i;
    const offenders = files.filter(
      (f) => !f.startsWith('electron/core/settings/') && touches.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
    for (const own of ['settings.store.ts', 'settings.service.ts']) {
      expect(touches.test(fs.readFileSync(path.join(root, 'electron/core/settings', own), 'utf8'))).toBe(true);
    }
  });
});
