import type { ErrorCode } from './shared/contract-kit';
import type { Core } from './core';
import { type DomainError, Refused } from './errors';
import type { StorageFault, StorageFaultKind } from './system/shared/system.contract';

/**
 * Storage faults: a full disk, a data folder that cannot be written, a damaged database. SQLite
 * and the OS say which by an error code; this turns them into the contract's refusals (one code
 * and one translated message each, naming the folder or file) instead of INTERNAL.
 */
const CODE: Record<StorageFaultKind, ErrorCode> = {
  diskFull: 'DISK_FULL',
  readOnly: 'DATA_READONLY',
  corrupt: 'DB_CORRUPT',
  openFailed: 'DATA_OPEN_FAILED',
};
const MESSAGE_KEY: Record<StorageFaultKind, string> = {
  diskFull: 'errors.diskFull',
  readOnly: 'errors.dataReadonly',
  corrupt: 'errors.dbCorrupt',
  openFailed: 'errors.dataOpenFailed',
};

/**
 * Channels still answered while the data is unusable: what is wrong, and the damaged file's
 * restore (restore.service.ts refuses it unless the fault is a damaged file with a backup offered).
 */
const ANSWERED_WHILE_FAULTED = new Set(['system.fault', 'backup.restoreDamaged']);

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/**
 * The fault an error means, or null. SQLite's extended codes count with their primary one
 * (SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_VTAB, ...); OS errors are those of a file write
 * (uploads, backups, import work files).
 */
function faultKindOf(err: unknown): StorageFaultKind | null {
  const code = codeOf(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'diskFull';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'readOnly';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
}

/** SQLite's or the OS's own words: code and message, for whoever helps the user. */
function faultDetail(err: unknown): string {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** A fault at start: any error opening the data, with where it is. Unknown errors are `openFailed`. */
export function startupFault(err: unknown, where: { dataDir: string; file: string }): StorageFault {
  return { kind: faultKindOf(err) ?? 'openFailed', dataDir: where.dataDir, file: where.file, detail: faultDetail(err), restore: null };
}

/** The refusal for a fault: its code, its message key, and the folder and file the message names. */
function faultError(fault: StorageFault): DomainError {
  return Refused(CODE[fault.kind], MESSAGE_KEY[fault.kind], { folder: fault.dataDir, file: fault.file });
}

/** While the core is in a fault (found at start, or a damaged file found later), every call is refused with it. */
export function refuseWhileFaulted(core: Core, channelName: string): void {
  if (core.fault && !ANSWERED_WHILE_FAULTED.has(channelName)) throw faultError(core.fault);
}

/**
 * The refusal for an error a call ran into, or null when it is no storage fault. A file locked by
 * another program answers DATA_BUSY (try again). A damaged file
 * puts the core in the fault (nothing more is written into it; the renderer shows the fault page
 * on its next start); a full disk or a refused write stays per call, as freeing space or fixing
 * permissions while the app runs makes the next call work.
 */
export function storageFaultOf(core: Core, err: unknown): DomainError | null {
  // another program (backup, sync, a second copy of the app) held the file locked for longer
  // than busy_timeout: the call was rolled back; nothing is wrong with the data, the next try may work
  if (codeOf(err).startsWith('SQLITE_BUSY')) {
    return Refused('DATA_BUSY', 'errors.dataBusy', { folder: core.dataDir, file: core.sqlite.name });
  }
  // the disk or device failed a read or write (SQLite's SQLITE_IOERR_*, the OS's EIO, or EFBIG: a file
  // larger than the system allows): rolled back like a full disk, and the next call may work
  if (/^(SQLITE_IOERR|EIO$|EFBIG$)/.test(codeOf(err))) {
    return Refused('IO_ERROR', 'errors.ioError', { folder: core.dataDir, file: core.sqlite.name });
  }
  const kind = faultKindOf(err);
  if (!kind) return null;
  const fault: StorageFault = { kind, dataDir: core.dataDir, file: core.sqlite.name, detail: faultDetail(err), restore: null };
  if (kind === 'corrupt' && !core.fault) {
    core.fault = fault;
    // nothing more goes into the file: not even the log's pages merged into it by a checkpoint
    // after the last commit (closeCore leaves the log as it is on quit)
    try {
      core.sqlite.pragma('wal_autocheckpoint = 0');
    } catch {
      // a connection already closed: nothing can write anyway
    }
  }
  return faultError(fault);
}
