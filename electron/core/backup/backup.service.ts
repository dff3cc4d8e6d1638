import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { backups } from '../../../db/schema';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { InvalidField, NotFound, Refused } from '../errors';
import { inTransaction } from '../transaction';
import { fsyncDir, fsyncFile } from './copy';
import { backupsDir, TEMP_SUFFIX } from './files';
import { allRows, newestAt, rowById, toEntry } from './records';
import { runtimeOf } from './runtime';
import * as settingsStore from './settings';
import type { BackupEntry, BackupSettings, BackupStatus } from './shared/backup.contract';
import { takeBackup } from './take';

// The backups' service: what the channels call. Taking is take.ts, the timer schedule.ts.
export { takeBackup } from './take';
export { backupOnExit } from './schedule';
export { syncWithFolder } from './records';

const DAY_MS = 24 * 3_600_000;

export function status(core: Core): BackupStatus {
  const settings = settingsStore.getSettings(core);
  const rt = runtimeOf(core);
  const lastGoodAt = newestAt(core, eq(backups.check, 'ok'));
  const stale = !lastGoodAt || core.clock.now().getTime() - new Date(lastGoodAt).getTime() > settings.warnAfterDays * DAY_MS;
  const dir = settings.secondLocation;
  return {
    lastGoodAt,
    stale,
    warnAfterDays: settings.warnAfterDays,
    secondLocation: dir
      ? rt.second?.path === dir
        ? rt.second
        : { path: dir, reachable: true, error: null, lastCheckedAt: null }
      : null,
    running: rt.running,
  };
}

export function list(core: Core): { folder: string; backups: BackupEntry[] } {
  return { folder: backupsDir(core.dataDir), backups: allRows(core).map(toEntry) };
}

/** 立即备份: answers when the backup is made and checked (a failed check is an entry with check 'failed'). */
export function runNow(core: Core, actor: Actor): Promise<BackupEntry> {
  return takeBackup(core, 'manual', actor);
}

export const getSettings = (core: Core): BackupSettings => settingsStore.getSettings(core);
export const saveSettings = (core: Core, actor: Actor, input: BackupSettings): BackupSettings =>
  settingsStore.saveSettings(core, actor, input);

/**
 * Copies a listed good backup to a file the user chose (a new file in an existing folder):
 * temporary name beside it, synced, renamed; logged with who and where.
 */
export async function exportBackup(
  core: Core,
  actor: Actor,
  input: { id: number; path: string },
): Promise<{ path: string; sizeBytes: number }> {
  const row = rowById(core, input.id);
  if (!row) throw NotFound();
  const source = path.join(backupsDir(core.dataDir), row.fileName);
  if (!row.present || row.check !== 'ok' || !fs.existsSync(source)) throw Refused('CONFLICT', 'backup.error.notAvailable');
  const dest = input.path;
  if (!path.isAbsolute(dest)) throw InvalidField('path', 'backup.refusal.secondNotAbsolute', { path: dest });
  const folder = path.dirname(dest);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw InvalidField('path', 'backup.error.exportFolderMissing', { path: folder });
  }
  if (fs.existsSync(dest)) throw InvalidField('path', 'backup.error.exportExists', { path: dest });
  const temp = `${dest}${TEMP_SUFFIX}`;
  try {
    await fs.promises.copyFile(source, temp);
    fsyncFile(temp);
    fs.renameSync(temp, dest);
    fsyncDir(folder);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw Refused('INTERNAL', 'backup.error.exportFailed', { detail: err instanceof Error ? err.message : String(err) });
  }
  const sizeBytes = fs.statSync(dest).size;
  await core.writes.wait();
  inTransaction(core, () => {
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'backup',
      entityId: row.id,
      action: 'export',
      changes: { path: { before: null, after: dest }, fileName: { before: null, after: row.fileName } },
    });
  });
  return { path: dest, sizeBytes };
}
