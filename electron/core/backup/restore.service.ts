import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../actor';
import type { LogActor } from '../audit/audit.log';
import type { Core } from '../core';
import { Refused } from '../errors';
import { list, syncWithFolder, takeBackup } from './backup.service';
import { checkInWorker } from './check';
import { backupsDir } from './files';
import { recordRestore } from './restore-log';
import { endEverySession, type SwapStep, swapIn } from './reopen';
import type { BackupInspection } from './shared/backup.contract';

/**
 * Restores (备份与恢复): a file is checked first (it opens, integrity ok, this app's, not newer than
 * the app), the current data is backed up first, then the file is swapped in and the app reopens
 * on it (reopen.ts); everyone signed in is signed out and the restored data's operation log says
 * who restored what. A damaged file found at start restores the newest good backup the same way.
 */

type Source = { kind: 'listed'; id: number } | { kind: 'file'; path: string };

/** Test hooks: observe (or stop at) the swap's steps. */
export interface RestoreHooks {
  onStep?: (step: SwapStep) => void | Promise<void>;
}

const RESTORING = Symbol('backup.restoring');
type WithFlag = Core & { [RESTORING]?: boolean };

/**
 * One restore at a time per core (a second one, asked meanwhile, is refused rather than swapping
 * the file again under the first): the flag hangs on the core, as backup/runtime.ts does.
 */
async function oneAtATime<T>(core: Core, run: () => Promise<T>): Promise<T> {
  const c = core as WithFlag;
  if (c[RESTORING]) throw Refused('CONFLICT', 'backup.refusal.restoreRunning');
  c[RESTORING] = true;
  try {
    return await run();
  } finally {
    c[RESTORING] = false;
  }
}

function migrationsOf(core: Core): string {
  // a core opened on a file always has it (openCore, openCoreOrFault); another one cannot restore
  if (!core.migrationsFolder) throw Refused('CONFLICT', 'backup.refusal.notOpenedFromFile');
  return core.migrationsFolder;
}

/** Checks a chosen file (in a worker): what it is and whether it may be restored. */
export async function inspect(core: Core, filePath: string): Promise<BackupInspection> {
  const file = path.resolve(filePath);
  const c = await checkInWorker(file, migrationsOf(core));
  return {
    path: file,
    sizeBytes: c.sizeBytes,
    refusal: c.refusal,
    detail: c.detail,
    schemaVersion: c.schemaVersion,
    needsMigration: c.needsMigration,
    counts: c.counts,
    lastChangeAt: c.lastChangeAt,
  };
}

/** The file a source names, and how the log and the answer name it. */
function resolveSource(core: Core, source: Source): { file: string; label: string } {
  if (source.kind === 'file') {
    const file = path.resolve(source.path);
    return { file, label: file };
  }
  const entry = list(core).backups.find((b) => b.id === source.id);
  if (!entry) throw Refused('NOT_FOUND', 'backup.refusal.notListed');
  const file = path.join(backupsDir(core.dataDir), entry.fileName);
  if (!entry.present || !fs.existsSync(file))
    throw Refused('NOT_FOUND', 'backup.refusal.missing', { file: entry.fileName });
  if (entry.check !== 'ok') throw Refused('CONFLICT', 'backup.refusal.checkFailed', { file: entry.fileName });
  return { file, label: entry.fileName };
}

/** Refuses a file that may not be restored (the check's own key), nothing changed. */
async function assertRestorable(file: string, label: string, migrationsFolder: string): Promise<void> {
  const c = await checkInWorker(file, migrationsFolder);
  if (!c.ok) throw Refused('INVALID_INPUT', c.refusal ?? 'backup.refusal.unusable', { file: label });
}

/** The data file must be the one the app opens: never restore it onto itself. */
function assertNotTheDataFile(core: Core, file: string): void {
  if (path.resolve(file) === path.resolve(core.sqlite.name)) throw Refused('INVALID_INPUT', 'backup.refusal.isCurrent');
}

/**
 * The restored data's backups table knows the backups up to its own moment: the ones taken since
 * (the pre-restore backup among them) are read into it from their manifests, so the list stays
 * whole. A failure here does not undo the restore: the next start reads them in.
 */
function recordBackupsOnDisk(core: Core): void {
  try {
    syncWithFolder(core);
  } catch (err) {
    console.error('[backup] the backups folder could not be read into the restored data:', err);
  }
}

function actorOf(actor: Actor): LogActor {
  return { id: actor.id, displayName: actor.displayName };
}

export async function restore(
  core: Core,
  actor: Actor,
  input: { source: Source; reason?: string },
  hooks: RestoreHooks = {},
): Promise<{ restoredFrom: string; preRestoreBackupId: number | null }> {
  return oneAtATime(core, () => restoreNow(core, actor, input, hooks));
}

async function restoreNow(
  core: Core,
  actor: Actor,
  input: { source: Source; reason?: string },
  hooks: RestoreHooks,
): Promise<{ restoredFrom: string; preRestoreBackupId: number | null }> {
  const migrationsFolder = migrationsOf(core);
  const { file, label } = resolveSource(core, input.source);
  assertNotTheDataFile(core, file);
  await assertRestorable(file, label, migrationsFolder);
  // the current data first: a restore never loses what was there (the backup is checked too)
  const pre = await takeBackup(core, 'restore', actor);
  if (pre.check !== 'ok') throw Refused('CONFLICT', 'backup.refusal.preRestoreFailed');
  const release = await core.writes.hold();
  try {
    await swapIn(core, file, migrationsFolder, hooks.onStep);
  } finally {
    release();
  }
  recordBackupsOnDisk(core);
  recordRestore(core, actorOf(actor), {
    from: label,
    kind: input.source.kind,
    reason: input.reason?.trim() || null,
    preRestoreBackup: pre.fileName,
  });
  endEverySession(core);
  // its id in the restored data's list (the replaced data's id means nothing there)
  const listed = list(core).backups.find((b) => b.fileName === pre.fileName);
  return { restoredFrom: label, preRestoreBackupId: listed?.id ?? null };
}

/**
 * The damaged-file offer at start: restores the backup system.fault offered, only while the core
 * is in that fault. No backup of the damaged file first: it is kept aside already. The core then
 * leaves the fault (the background timers run again: background.ts skips them while faulted).
 */
export async function restoreDamaged(
  core: Core,
  fileName: string,
  hooks: RestoreHooks = {},
): Promise<{ restoredFrom: string }> {
  const offer = core.fault?.kind === 'corrupt' ? core.fault.restore : null;
  if (!offer?.newest) throw Refused('CONFLICT', 'backup.refusal.noDamagedOffer');
  if (offer.newest.fileName !== fileName) throw Refused('CONFLICT', 'backup.refusal.notOffered', { file: fileName });
  const migrationsFolder = migrationsOf(core);
  const file = path.join(backupsDir(core.dataDir), fileName);
  if (!fs.existsSync(file)) throw Refused('NOT_FOUND', 'backup.refusal.missing', { file: fileName });
  await assertRestorable(file, fileName, migrationsFolder);
  const release = await core.writes.hold();
  try {
    await swapIn(core, file, migrationsFolder, hooks.onStep);
  } finally {
    release();
  }
  core.fault = null;
  recordBackupsOnDisk(core);
  recordRestore(core, null, {
    from: fileName,
    kind: 'damaged',
    reason: `damaged file moved to ${offer.movedTo}`,
    preRestoreBackup: null,
  });
  endEverySession(core);
  return { restoredFrom: fileName };
}
