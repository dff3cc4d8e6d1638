import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open';
import { SessionStore } from '../auth/sessions';
import type { Core } from '../core';
import { Refused } from '../errors';
import { startupFault } from '../faults';
import { backupsDir } from './files';
import { RESTORING_SUFFIX, setAsideStrayLogs } from './restore-offer';

/**
 * Puts a checked file in place of the data file and reopens the core on it (a restore). The swap
 * is one rename in the data folder, so a kill at any moment leaves either the old data or the
 * restored data, whole:
 * 1. the source is copied to a temporary name beside kehu.sqlite and fsynced (the old data untouched);
 * 2. the read pool and the writer close (the writer last: SQLite merges the log into the file and
 *    removes -wal and -shm when the last connection closes);
 * 3. the temporary file is renamed over kehu.sqlite and the folder fsynced;
 * 4. openDatabase opens it (migrating an older one, after its own pre-migration copy) and the Core
 *    takes the new connection in place (core.reconnect): the transports keep their `core`.
 */
/** What a test may observe (or a kill test may stop at) between the steps. */
export type SwapStep = 'copied' | 'closed' | 'renamed' | 'reopened';

/**
 * The data file: the one the core has open, or, in a fault at start (its connection is one in
 * memory), the one the fault names. (Not core.ts's DB_FILE_NAME: core.ts assembles the features,
 * which import this.)
 */
export function dataFile(core: Core): string {
  if (!core.sqlite.memory) return core.sqlite.name;
  if (!core.fault) throw Refused('CONFLICT', 'backup.refusal.notOpenedFromFile');
  return core.fault.file;
}

function fsyncPath(p: string, flags: 'r' | 'r+'): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    // some filesystems refuse fsync on a folder (EINVAL, EISDIR): the rename itself is still atomic
    if (flags === 'r+') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

const hasContent = (file: string) => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

/**
 * A consistent copy of `source` at `dest`. A file with a log beside it (a copy of a running
 * database) is read through SQLite's online backup, which takes the log's pages too; a plain file
 * (the app's backups) is copied as it is. Then fsynced: the rename must never publish a file whose
 * pages are still in the OS's cache.
 */
async function copyConsistent(source: string, dest: string): Promise<void> {
  fs.rmSync(dest, { force: true });
  try {
    if (hasContent(`${source}-wal`)) {
      const src = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await src.backup(dest);
      } finally {
        src.close();
      }
    } else {
      await fs.promises.copyFile(source, dest);
    }
    fsyncPath(dest, 'r+');
  } catch (err) {
    fs.rmSync(dest, { force: true }); // no half copy left (disk full)
    throw err;
  }
}

/**
 * Closes the read pool and the writer. Throws 'backup.refusal.busy' (with the core reopened on
 * the old data) when another connection still holds the file: a job's, another program's. Its
 * -wal and -shm are then still there, and a file renamed under it would get its log.
 */
async function closeConnections(core: Core, migrationsFolder: string): Promise<void> {
  await core.reads.close();
  const file = core.sqlite.name;
  const onDisk = !core.sqlite.memory;
  if (core.sqlite.open) {
    if (onDisk && !core.fault) core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    core.sqlite.close();
  }
  if (!onDisk) return;
  if (fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)) {
    await reopen(core, migrationsFolder);
    throw Refused('CONFLICT', 'backup.refusal.busy');
  }
}

/** Opens the data file again and puts the connection into the core (a new read pool on it). */
export async function reopen(core: Core, migrationsFolder: string): Promise<void> {
  const opened = await openDatabase({
    file: dataFile(core),
    migrationsFolder,
    backupsDir: backupsDir(core.dataDir),
    now: () => core.clock.now(),
  });
  core.reconnect(opened);
}

/**
 * Swaps `source` (already checked) in as the data file and reopens the core on it. The caller
 * holds the write gate. `onStep` lets tests observe (or stop at) each step.
 */
export async function swapIn(
  core: Core,
  source: string,
  migrationsFolder: string,
  onStep: (step: SwapStep) => void | Promise<void> = () => {},
): Promise<void> {
  const target = dataFile(core);
  const temp = target + RESTORING_SUFFIX;
  await copyConsistent(source, temp);
  await onStep('copied');
  try {
    await closeConnections(core, migrationsFolder);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  await onStep('closed');
  // no connection is open now: a log beside a missing file (a damaged one moved aside) belongs to no one
  setAsideStrayLogs(target, core.clock.now());
  fs.renameSync(temp, target);
  fsyncPath(core.dataDir, 'r');
  await onStep('renamed');
  try {
    await reopen(core, migrationsFolder);
  } catch (err) {
    // the restored file is in place and the current data is in the pre-restore backup: the core
    // says what went wrong (a migration that failed, a full disk) as at start
    core.fault = startupFault(err, { dataDir: core.dataDir, file: target });
    throw err;
  }
  await onStep('reopened');
}

/**
 * Everyone signed in is signed out: their windows are told first (the transports route an event
 * by live session), then every session ends, as the users of the restored data may differ.
 */
export function endEverySession(core: Core): void {
  core.events.emit({ name: 'session.ended', payload: { reason: 'restored' } });
  core.sessions = new SessionStore(core.clock, () => core.settings.getSecurity().sessionIdleMinutes);
}
