import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as service from '../../../electron/core/backup/backup.service';
import { readManifests } from '../../../electron/core/backup/files';
import { runtimeOf } from '../../../electron/core/backup/runtime';
import { scheduledTick } from '../../../electron/core/backup/schedule';
import { DEFAULT_BACKUP_SETTINGS } from '../../../electron/core/backup/shared/backup.contract';
import { takeBackup } from '../../../electron/core/backup/take';
import { type TestEnv, tempDir } from '../support/test-core';
import { backupEnv } from './support';

let env: TestEnv | null = null;
const dirs: string[] = [];
afterEach(() => {
  env?.close();
  env = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the second location', () => {
  it('gets a checked copy of each good backup; unreachable is said with the OS words and retried until it works', async () => {
    env = await backupEnv();
    const admin = await env.admin();
    const usb = tempDir('kehu-usb-');
    dirs.push(usb);
    await admin.ok('backup.saveSettings', { ...DEFAULT_BACKUP_SETTINGS, dailyAt: null, secondLocation: usb });

    const first = await takeBackup(env.core, 'manual', null);
    expect(first.secondCopy).toBe('ok');
    const copy = new Database(path.join(usb, first.fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readManifests(usb).map((m) => m.fileName)).toEqual([first.fileName]);
    expect((await admin.ok('backup.status')).secondLocation).toMatchObject({ path: usb, reachable: true, error: null });

    // the disk is unplugged
    fs.rmSync(usb, { recursive: true, force: true });
    const second = await takeBackup(env.core, 'manual', null);
    expect(second.check).toBe('ok'); // the backup itself is made
    expect(second.secondCopy).toBe('pending');
    const down = (await admin.ok('backup.status')).secondLocation!;
    expect(down.reachable).toBe(false);
    expect(down.error).toMatch(/ENOENT|no such file/);
    await scheduledTick(env.core); // still away: still pending
    expect(service.list(env.core).backups.find((b) => b.id === second.id)!.secondCopy).toBe('pending');

    // plugged in again: the next tick copies what was owed
    fs.mkdirSync(usb);
    await scheduledTick(env.core);
    await runtimeOf(env.core).current;
    expect(service.list(env.core).backups.find((b) => b.id === second.id)!.secondCopy).toBe('ok');
    expect(fs.existsSync(path.join(usb, second.fileName))).toBe(true);
    expect((await admin.ok('backup.status')).secondLocation).toMatchObject({ reachable: true, error: null });
    expect(fs.readdirSync(usb).filter((n) => n.includes('.partial'))).toEqual([]);
  }, 60_000);
});

describe('the backup settings', () => {
  it('refuse bad input and a folder that is not there, changing nothing; a good save is logged with before and after', async () => {
    env = await backupEnv();
    const admin = await env.admin();
    const logCount = () => env!.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get() as number;
    const before = await admin.ok('backup.getSettings');
    expect(before).toEqual(DEFAULT_BACKUP_SETTINGS);
    const n = logCount();

    const bad = [
      { ...before, intervalMinutes: 1 },
      { ...before, dailyAt: '25:00' },
      { ...before, keepAllHours: 0 },
      { ...before, secondLocation: '/no/such/folder/for/kehu' },
      { ...before, secondLocation: 'relative/folder' },
      { ...before, extra: true },
    ];
    for (const input of bad) {
      const r = await admin.callRaw('backup.saveSettings', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    const missing = await admin.callRaw('backup.saveSettings', { ...before, secondLocation: '/no/such/folder/for/kehu' });
    expect(!missing.ok && missing.error.fields).toEqual({ secondLocation: 'backup.refusal.secondMissing' });
    const aFile = path.join(env.dir, 'kehu.sqlite');
    const notFolder = await admin.callRaw('backup.saveSettings', { ...before, secondLocation: aFile });
    expect(!notFolder.ok && notFolder.error.fields).toEqual({ secondLocation: 'backup.refusal.secondNotFolder' });
    expect(await admin.ok('backup.getSettings')).toEqual(before);
    expect(logCount()).toBe(n);

    const next = { ...before, intervalMinutes: 30, keepDailyDays: 7 };
    expect(await admin.ok('backup.saveSettings', next)).toEqual(next);
    expect(await admin.ok('backup.getSettings')).toEqual(next);
    const row = env.core.sqlite
      .prepare("SELECT * FROM operation_log WHERE entity = 'settings' AND entity_id = 'backup'")
      .get() as { user_name: string; changes: string };
    expect(row.user_name).toBe('系统管理员');
    expect(JSON.parse(row.changes)).toEqual({
      intervalMinutes: { before: 15, after: 30 },
      keepDailyDays: { before: 30, after: 7 },
    });
  });

  it('are for those with system.backup: admin by default, not a clerk', async () => {
    env = await backupEnv();
    await env.admin();
    const roles = env.core.sqlite.prepare('SELECT code FROM roles').pluck().all() as string[];
    const other = roles.find((r) => r !== 'admin')!;
    const clerk = await env.userWithRoles('clerk', [other]);
    const r = await clerk.call('backup.getSettings');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect((await clerk.ok('backup.status')).stale).toBe(true); // the status bar is everyone's
  });
});
