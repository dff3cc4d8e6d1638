import fs from 'node:fs';
import path from 'node:path';
import type { StorageFault } from '../system/shared/system.contract';
import { backupsDir, readManifests } from './files';

/**
 * A damaged database at start (issue 15): never deleted, never written into. When a backup that
 * passed its check exists, the damaged file (and its -wal/-shm) is moved aside in the data folder,
 * named with the time, and that backup is offered (system.fault's `restore`; restoreDamaged in
 * restore.service.ts). Without one the file stays where it is: moving it would make the next start
 * open a new, empty archive, as if the data were gone.
 */
type RestoreOffer = NonNullable<StorageFault['restore']>;
type Newest = NonNullable<RestoreOffer['newest']>;

const DAMAGED = /^kehu\.damaged-(.+)\.sqlite$/;
const SIDE_FILES = ['-wal', '-shm'] as const;

/** A restore's copy of its source, beside kehu.sqlite until renamed over it (reopen.ts). */
export const RESTORING_SUFFIX = '.restoring';

/** What a restore that was stopped (a kill) left: its copy, never renamed in. Removed at start. */
export function removeLeftoverRestore(file: string): void {
  fs.rmSync(file + RESTORING_SUFFIX, { force: true });
}

/** The name a damaged file gets: kehu.damaged-2026-11-30T21-25-56-123Z.sqlite (sorts by time). */
export function damagedName(at: Date): string {
  return `kehu.damaged-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** Why the file was found damaged, kept beside it (the fault page shows it on the next start too). */
const reasonFile = (damaged: string) => `${damaged}.txt`;

/** The newest backup whose check passed and whose file is still in the backups folder. */
export function newestGoodBackup(dataDir: string, now: Date): Newest | null {
  const dir = backupsDir(dataDir);
  let manifests: ReturnType<typeof readManifests>;
  try {
    manifests = readManifests(dir);
  } catch {
    return null; // no backups folder, or one that cannot be read: nothing to offer
  }
  const good = manifests.find((m) => m.check === 'ok' && fs.existsSync(path.join(dir, m.fileName)));
  if (!good) return null;
  const ageHours = Math.max(0, Math.round(((now.getTime() - new Date(good.at).getTime()) / 3_600_000) * 10) / 10);
  return { fileName: good.fileName, at: good.at, ageHours };
}

/**
 * Moves `file` aside, then its -wal and -shm under the same new name: renames in one folder, so
 * nothing is copied or lost. The main file goes first: a kill after it leaves at most a stray log
 * beside no database, which pendingDamaged moves to its file on the next start (a log left beside a
 * new, empty file would be replayed into it).
 */
export function moveDamagedAside(file: string, at: Date, detail: string): string {
  const movedTo = path.join(path.dirname(file), damagedName(at));
  fs.renameSync(file, movedTo);
  for (const side of SIDE_FILES) {
    if (fs.existsSync(file + side)) fs.renameSync(file + side, movedTo + side);
  }
  try {
    fs.writeFileSync(reasonFile(movedTo), `${detail}\n`);
  } catch {
    // the reason is a courtesy: the file is aside either way
  }
  return movedTo;
}

/**
 * Logs beside a data file that is not there (a kill between moveDamagedAside's renames, or a
 * restore's swap): a log left beside a missing file would be replayed into the next file of that
 * name. Each goes to `preferred`'s name when that has none, else under a name of its own; never
 * deleted.
 */
export function setAsideStrayLogs(file: string, at: Date, preferred?: string): void {
  if (fs.existsSync(file)) return;
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (const side of SIDE_FILES) {
    if (!fs.existsSync(file + side)) continue;
    const to =
      preferred && !fs.existsSync(preferred + side)
        ? preferred + side
        : path.join(path.dirname(file), `kehu.stale-${stamp}.sqlite${side}`);
    fs.renameSync(file + side, to);
  }
}

/**
 * The fault's restore offer for a damaged file found at start: moves the file aside when a good
 * backup can be offered (else leaves it and offers nothing: null).
 */
export function damagedStartOffer(fault: StorageFault, now: Date): RestoreOffer | null {
  const newest = newestGoodBackup(fault.dataDir, now);
  if (!newest || !fs.existsSync(fault.file)) return null;
  return { movedTo: moveDamagedAside(fault.file, now, fault.detail), newest };
}

/**
 * A damaged file moved aside at an earlier start and not restored since (the app was closed on
 * the offer): no database file, and a damaged one in the folder. The core then starts in the same
 * fault, with the same offer, instead of opening a new, empty archive. Null otherwise.
 */
export function pendingDamaged(dataDir: string, file: string, now: Date): StorageFault | null {
  if (fs.existsSync(file)) return null;
  let names: string[];
  try {
    names = fs.readdirSync(dataDir).filter((n) => DAMAGED.test(n));
  } catch {
    return null;
  }
  const newestName = names.sort().at(-1);
  if (!newestName) return null;
  const movedTo = path.join(dataDir, newestName);
  setAsideStrayLogs(file, now, movedTo);
  let detail = 'SQLITE_CORRUPT: the damaged file was moved aside and no backup has been restored yet';
  try {
    detail = fs.readFileSync(reasonFile(movedTo), 'utf8').trim() || detail;
  } catch {
    // no reason kept: the general words
  }
  return { kind: 'corrupt', dataDir, file, detail, restore: { movedTo, newest: newestGoodBackup(dataDir, now) } };
}
