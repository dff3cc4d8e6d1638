import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as service from '../../../electron/core/backup/backup.service';
import { backupsDir, FAILED_SUFFIX, readManifests, TEMP_SUFFIX } from '../../../electron/core/backup/files';
import type { BackupProgress } from '../../../electron/core/backup/shared/backup.contract';
import { takeBackup } from '../../../electron/core/backup/take';
import { MIGRATIONS, type TestEnv, tempDir } from '../support/test-core';
import { addFiller, backupEnv, logRows, openOther, writePair } from './support';

let env: TestEnv | null = null;
afterEach(() => {
  env?.close();
  env = null;
});

describe('taking a backup', () => {
  it('copies a live database while both the main connection and another one write: consistent, checked, recorded', async () => {
    env = await backupEnv();
    const admin = await env.admin();
    const core = env.core;
    addFiller(core, 24); // many copy steps
    const other = openOther(core.sqlite.name);
    const progress: BackupProgress[] = [];
    let duringCopy = { main: 0, other: 0 };
    const written = { main: 0, other: 0 };
    let listedMidway: string[] | null = null;
    core.events.subscribe((e) => {
      if (e.name !== 'backup.progress') return;
      const p = e.payload as BackupProgress;
      progress.push(p);
      if (p.phase === 'copy' && p.done === 0) duringCopy = { ...written };
      if (p.phase === 'copy' && p.done > 0 && !listedMidway) {
        listedMidway = service.list(core).backups.map((b) => b.fileName);
      }
    });
    let done = false;
    const backup = takeBackup(core, 'manual', { id: 1, displayName: '系统管理员' }).finally(() => {
      done = true;
    });
    while (!done) {
      writePair(core.sqlite, 'testMain', core.clock.now().toISOString());
      written.main++;
      writePair(other, 'testOther', core.clock.now().toISOString());
      written.other++;
      await new Promise((r) => setImmediate(r));
    }
    const entry = await backup;
    other.close();
    expect(admin).toBeTruthy();

    // the writers really wrote while the copy ran
    expect(written.main).toBeGreaterThan(duringCopy.main);
    expect(progress.some((p) => p.phase === 'copy' && p.done > 0 && p.done < p.total)).toBe(true);
    expect(progress.some((p) => p.phase === 'check')).toBe(true);

    expect(entry).toMatchObject({ trigger: 'manual', check: 'ok', checkDetail: null, present: true, byUserName: '系统管理员' });
    const file = path.join(backupsDir(env.dir), entry.fileName);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const count = (entity: string) =>
      copy.prepare('SELECT count(*) FROM operation_log WHERE entity = ?').pluck().get(entity) as number;
    // one moment's snapshot: no transaction of either writer half in it
    expect(count('testMain') % 2).toBe(0);
    expect(count('testOther') % 2).toBe(0);
    expect(entry.counts.operation_log).toBe(copy.prepare('SELECT count(*) FROM operation_log').pluck().get());
    copy.close();

    // the file being made was never listed, and nothing temporary is left
    expect(listedMidway).not.toBeNull();
    expect(listedMidway!.some((n) => n.includes(TEMP_SUFFIX))).toBe(false);
    expect(fs.readdirSync(backupsDir(env.dir)).filter((n) => n.includes(TEMP_SUFFIX))).toEqual([]);
    // manifest, list, log row
    expect(readManifests(backupsDir(env.dir)).map((m) => m.fileName)).toEqual([entry.fileName]);
    expect(service.list(core).backups.map((b) => b.id)).toEqual([entry.id]);
    const log = logRows(core, 'backup', 'create');
    expect(log).toHaveLength(1);
    expect(log[0].entity_id).toBe(String(entry.id));
    expect(log[0].user_name).toBe('系统管理员');
    const changes = JSON.parse(log[0].changes!);
    expect(changes.trigger.after).toBe('manual');
    expect(changes.check.after).toBe('ok');
    expect(changes.sizeBytes.after).toBe(fs.statSync(file).size);
    expect(changes.counts.after.operation_log).toBe(entry.counts.operation_log);
    expect(service.status(core).lastGoodAt).toBe(entry.at);
  }, 60_000);

  it('records a backup whose check fails as failed, keeps it aside, and never counts it as good', async () => {
    env = await backupEnv();
    const core = env.core;
    // the app's migrations as an older release had them: the copy's schema is then "newer" and refused
    const older = path.join(tempDir('kehu-mig-'), 'migrations');
    fs.cpSync(MIGRATIONS, older, { recursive: true });
    const j = JSON.parse(fs.readFileSync(path.join(older, 'meta/_journal.json'), 'utf8'));
    j.entries = j.entries.slice(0, -1);
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(j));
    core.migrationsFolder = older;

    const entry = await takeBackup(core, 'interval', null);
    expect(entry.check).toBe('failed');
    expect(entry.checkDetail).toContain('backup.refusal.newerSchema');
    expect(entry.fileName.endsWith(FAILED_SUFFIX)).toBe(true);
    expect(fs.existsSync(path.join(backupsDir(env.dir), entry.fileName))).toBe(true);
    expect(JSON.parse(logRows(core, 'backup', 'create')[0].changes!).check.after).toBe('failed');
    expect(service.status(core)).toMatchObject({ lastGoodAt: null, stale: true });

    core.migrationsFolder = MIGRATIONS;
    const good = await takeBackup(core, 'manual', null);
    expect(good.check).toBe('ok');
    expect(service.status(core)).toMatchObject({ lastGoodAt: good.at, stale: false });
  }, 60_000);

  it('makes one backup at a time: a second request waits and gets its own file', async () => {
    env = await backupEnv();
    const [a, b] = await Promise.all([takeBackup(env.core, 'manual', null), takeBackup(env.core, 'manual', null)]);
    expect(a.fileName).not.toBe(b.fileName);
    expect([a.check, b.check]).toEqual(['ok', 'ok']);
    expect(service.list(env.core).backups).toHaveLength(2);
  }, 60_000);
});
