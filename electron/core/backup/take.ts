import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../core';
import { DomainError, Refused } from '../errors';
import { checkInWorker } from './check';
import { backupFileName, backupsDir, FAILED_SUFFIX, publishChecked, TEMP_SUFFIX } from './files';
import { emitProgress, progressRecipients } from './progress';
import { recordBackup, rowById, syncWithFolder, toEntry } from './records';
import { prune } from './prune';
import { migrationsOf, runtimeOf } from './runtime';
import { copyToSecond } from './second';
import { getSettings } from './settings';
import type { BackupEntry, BackupTrigger } from './shared/backup.contract';
import { runBackupTask } from './worker-client';

/** Pages per step of the copy: only how often progress is reported (the snapshot is one, see copy.ts). */
const PAGES_PER_STEP = 4096;

export interface TakeOptions {
  /** copy it to the second location now (the exit skips it: the next start does it) */
  second?: boolean;
}

/**
 * Takes a backup of the core's database now: copied on the backup thread (copy.ts), checked there
 * (check.ts), renamed from its temporary name, its manifest written, then recorded in the
 * backups table and the operation log in one transaction; a good one is then copied to the
 * second location and the retention rule applied. A copy whose check fails is recorded as
 * failed and kept aside (FAILED_SUFFIX), never offered for restore. One backup at a time: a
 * second request waits for the one running. `actor`: who asked (manual, restore), null otherwise.
 */
export function takeBackup(
  core: Core,
  trigger: BackupTrigger,
  actor: { id: number; displayName: string } | null,
  opts: TakeOptions = {},
): Promise<BackupEntry> {
  const rt = runtimeOf(core);
  const next = (rt.current ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => takeOne(core, trigger, actor, opts));
  rt.current = next;
  void next
    .finally(() => {
      if (rt.current === next) rt.current = null;
    })
    .catch(() => undefined);
  return next;
}

/** A name not yet used: two backups in one millisecond (a fixed test clock) get the next one. */
function freeName(dir: string, at: Date, trigger: BackupTrigger): { at: Date; name: string } {
  let t = at;
  for (;;) {
    const name = backupFileName(t, trigger);
    if (![name, `${name}${FAILED_SUFFIX}`].some((n) => fs.existsSync(path.join(dir, n)))) return { at: t, name };
    t = new Date(t.getTime() + 1);
  }
}

function failed(err: unknown, dir: string): DomainError {
  if (err instanceof DomainError) return err;
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : '';
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return Refused('DISK_FULL', 'backup.failed.diskFull', { folder: dir });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return Refused('DATA_READONLY', 'backup.failed.readOnly', { folder: dir });
  }
  return Refused('INTERNAL', 'backup.failed', { folder: dir, detail });
}

async function takeOne(
  core: Core,
  trigger: BackupTrigger,
  actor: { id: number; displayName: string } | null,
  opts: TakeOptions,
): Promise<BackupEntry> {
  if (core.fault || core.sqlite.memory || !core.sqlite.open) throw Refused('INTERNAL', 'backup.failed.noData');
  const rt = runtimeOf(core);
  if (!rt.started) syncWithFolder(core);
  const dir = backupsDir(core.dataDir);
  const { at, name } = (() => {
    fs.mkdirSync(dir, { recursive: true });
    return freeName(dir, core.clock.now(), trigger);
  })();
  const temp = path.join(dir, `${name}${TEMP_SUFFIX}`);
  const recipients = progressRecipients(core);
  const progress = emitProgress(core, recipients);
  rt.running = { trigger, startedAt: at.toISOString() };
  const t0 = performance.now();
  try {
    const copy = await runBackupTask<{ pages: number; lastLogId: number | null }>(
      { type: 'take', source: core.sqlite.name, dest: temp, pagesPerStep: PAGES_PER_STEP },
      undefined,
      (done, total) => progress({ phase: 'copy', done, total }),
    );
    progress({ phase: 'check', done: 0, total: 1 });
    const check = await checkInWorker(temp, migrationsOf(core));
    progress({ phase: 'check', done: 1, total: 1 });
    const manifest = publishChecked(dir, temp, name, { at, trigger, startedMs: t0 }, check);
    await core.writes.wait(); // a job's long write holds the lock: record after it, not in its busy wait
    const settings = getSettings(core);
    const row = recordBackup(core, manifest, {
      actor,
      lastLogId: copy.lastLogId,
      secondCopy: check.ok && settings.secondLocation ? 'pending' : 'none',
    });
    if (check.ok && settings.secondLocation && opts.second !== false) {
      await copyToSecond(core, row, settings.secondLocation, progress);
    }
    if (check.ok) prune(core);
    return toEntry(rowById(core, row.id) ?? row);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw failed(err, dir);
  } finally {
    rt.running = null;
  }
}
