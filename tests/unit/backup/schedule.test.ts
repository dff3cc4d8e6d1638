import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as service from '../../../electron/core/backup/backup.service';
import { backupsDir } from '../../../electron/core/backup/files';
import { runtimeOf } from '../../../electron/core/backup/runtime';
import { backupOnExit, dueTrigger, scheduledTick } from '../../../electron/core/backup/schedule';
import { BACKUP_SETTING } from '../../../electron/core/backup/settings';
import { DEFAULT_BACKUP_SETTINGS } from '../../../electron/core/backup/shared/backup.contract';
import { takeBackup } from '../../../electron/core/backup/take';
import type { Core } from '../../../electron/core/core';
import type { TestEnv } from '../support/test-core';
import { backupEnv, logRows, writePair } from './support';

let env: TestEnv | null = null;
afterEach(() => {
  env?.close();
  env = null;
});

const noDaily = { ...DEFAULT_BACKUP_SETTINGS, dailyAt: null };
const change = (core: Core) => writePair(core.sqlite, 'testChange', core.clock.now().toISOString());
/** One timer tick, and the backup it started (if any) awaited. */
async function tick(core: Core): Promise<void> {
  await scheduledTick(core);
  await runtimeOf(core).current?.catch(() => undefined);
}

describe('when backups are taken', () => {
  it('intervalMinutes after a change the newest backup does not hold, and only then', async () => {
    env = await backupEnv();
    const { core, clock } = env;
    clock.advanceMinutes(60);
    expect(dueTrigger(core, noDaily, clock.now())).toBeNull(); // nothing ever written
    change(core);
    expect(dueTrigger(core, noDaily, clock.now())).toBeNull(); // just changed
    clock.advanceMinutes(15);
    expect(dueTrigger(core, noDaily, clock.now())).toBe('interval');
    await takeBackup(core, 'interval', null);
    expect(dueTrigger(core, noDaily, clock.now())).toBeNull(); // the backup's own log rows are not a change
    clock.advanceMinutes(60);
    expect(dueTrigger(core, noDaily, clock.now())).toBeNull(); // time passed, nothing changed
    change(core);
    clock.advanceMinutes(15);
    expect(dueTrigger(core, noDaily, clock.now())).toBe('interval');
    await takeBackup(core, 'interval', null);
    change(core);
    clock.advanceMinutes(14);
    expect(dueTrigger(core, noDaily, clock.now())).toBeNull(); // changed, but within the interval
    clock.advanceMinutes(1);
    expect(dueTrigger(core, noDaily, clock.now())).toBe('interval');
  }, 60_000);

  it('daily at its local time when data changed, once a day', async () => {
    env = await backupEnv();
    const { core, clock } = env;
    const daily0 = { ...DEFAULT_BACKUP_SETTINGS, intervalMinutes: 1440 };
    clock.advanceMinutes(60 * 24);
    expect(dueTrigger(core, daily0, clock.now())).toBeNull(); // nothing to back up
    change(core);
    const now = clock.now();
    const inTwo = new Date(now.getTime() + 2 * 60_000);
    const hhmm = `${String(inTwo.getHours()).padStart(2, '0')}:${String(inTwo.getMinutes()).padStart(2, '0')}`;
    const daily = { ...daily0, dailyAt: hhmm };
    await takeBackup(core, 'daily', null); // yesterday's is made
    change(core);
    clock.advanceMinutes(1);
    expect(dueTrigger(core, daily, clock.now())).toBeNull();
    clock.advanceMinutes(2);
    expect(dueTrigger(core, daily, clock.now())).toBe('daily');
    await takeBackup(core, 'daily', null);
    change(core);
    clock.advanceMinutes(60);
    expect(dueTrigger(core, daily, clock.now())).toBeNull(); // today's is made
  }, 60_000);

  it('the timer takes the due backup, and then prunes by the retention rule (files deleted, rows kept as not present, logged)', async () => {
    env = await backupEnv();
    const { core, clock } = env;
    core.settings.put(BACKUP_SETTING, { ...noDaily, keepAllHours: 1, keepDailyDays: 0, keepMonthlyMonths: 0 }, clock.now(), 1);
    change(core);
    clock.advanceMinutes(15);
    await tick(core);
    const first = service.list(core).backups;
    expect(first.map((b) => b.trigger)).toEqual(['interval']);
    clock.advanceMinutes(120);
    change(core);
    clock.advanceMinutes(15);
    await tick(core);
    const all = service.list(core).backups;
    expect(all).toHaveLength(2);
    const old = all.find((b) => b.id === first[0].id)!;
    expect(old.present).toBe(false); // pruned: older than the hour, and not the newest good
    expect(all.find((b) => b.id !== old.id)!.present).toBe(true);
    expect(fs.existsSync(path.join(backupsDir(env.dir), old.fileName))).toBe(false);
    expect(fs.existsSync(path.join(backupsDir(env.dir), `${old.fileName}.json`))).toBe(false);
    const pruneLog = logRows(core, 'backup', 'prune');
    expect(pruneLog).toHaveLength(1);
    expect(JSON.parse(pruneLog[0].changes!).fileNames.before).toEqual([old.fileName]);
    // the record is never deleted
    expect(() => core.sqlite.prepare('DELETE FROM backups').run()).toThrow(/record/);
  }, 60_000);

  it('on exit: a backup when data changed, none when nothing did', async () => {
    env = await backupEnv();
    const { core } = env;
    await backupOnExit(core);
    expect(service.list(core).backups).toHaveLength(0);
    change(core);
    await backupOnExit(core);
    expect(service.list(core).backups.map((b) => [b.trigger, b.check])).toEqual([['exit', 'ok']]);
    await backupOnExit(core);
    expect(service.list(core).backups).toHaveLength(1);
  }, 60_000);
});
