import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestEnv } from '../support/test-core';
import { backupEnv, logRows } from './support';

let env: TestEnv | null = null;
afterEach(() => {
  env?.close();
  env = null;
});

describe('exporting a backup', () => {
  it('copies a listed good backup to a new file the user chose, logged; refuses what it cannot do, changing nothing', async () => {
    env = await backupEnv();
    const admin = await env.admin();
    const entry = await admin.ok('backup.run');
    expect(entry).toMatchObject({ trigger: 'manual', check: 'ok', byUserName: '系统管理员' });
    const target = path.join(env.dir, 'export-here');
    fs.mkdirSync(target);
    const dest = path.join(target, '客户备份.sqlite');

    const logCount = () => env!.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get() as number;
    const n = logCount();
    const refusals: [unknown, string, string | undefined][] = [
      [{ id: entry.id + 100, path: dest }, 'NOT_FOUND', undefined],
      [{ id: entry.id, path: path.join(target, 'missing', 'x.sqlite') }, 'INVALID_INPUT', 'backup.error.exportFolderMissing'],
      [{ id: entry.id, path: 'relative.sqlite' }, 'INVALID_INPUT', 'backup.refusal.secondNotAbsolute'],
    ];
    for (const [input, code, field] of refusals) {
      const r = await admin.callRaw('backup.export', input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (field) expect(r.error.fields).toEqual({ path: field });
      }
    }
    expect(fs.readdirSync(target)).toEqual([]);
    expect(logCount()).toBe(n);

    const out = await admin.ok('backup.export', { id: entry.id, path: dest });
    expect(out).toEqual({ path: dest, sizeBytes: entry.sizeBytes });
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const log = logRows(env.core, 'backup', 'export');
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].changes!).path.after).toBe(dest);

    const again = await admin.callRaw('backup.export', { id: entry.id, path: dest });
    expect(!again.ok && again.error.fields).toEqual({ path: 'backup.error.exportExists' });
  }, 60_000);
});
