import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Copies the database `source` to `dest` with SQLite's online backup API, on a connection of its
 * own (the backup thread's), and syncs the copy to the disk.
 *
 * Why this is safe while the app writes: SQLite restarts a backup when another connection
 * writes the source between two steps. Here the copy runs inside one read transaction opened
 * before the first step and held to the last: in WAL mode that is a fixed snapshot of the file
 * (writers go on appending to the log, they never wait for us), every step reads that same
 * snapshot, so a write elsewhere cannot restart it and the copy is the database as of one moment.
 * The cost is that a checkpoint cannot pass the snapshot until the copy ends (the log grows
 * meanwhile; it is merged afterwards). The steps are only for progress reports.
 */
export async function copyDatabase(
  source: string,
  dest: string,
  opts: { pagesPerStep?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ pages: number; lastLogId: number | null }> {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN'); // deferred: the read below takes the snapshot every step then reads
    src.prepare('SELECT count(*) FROM sqlite_master').get();
    const step = Math.max(1, Math.trunc(opts.pagesPerStep ?? 4096));
    const result = await src.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        opts.onProgress?.(totalPages - remainingPages, totalPages);
        return step;
      },
    });
    pages = result.totalPages;
    opts.onProgress?.(pages, pages);
  } finally {
    if (src.inTransaction) src.exec('COMMIT');
    src.close();
  }
  const lastLogId = finishCopy(dest);
  return { pages, lastLogId };
}

/**
 * Makes a fresh copy one self-contained file (the copy keeps the source's WAL flag in its header:
 * rollback mode instead, so no -wal/-shm beside it), synced to the disk. Returns the newest
 * operation log id it holds: "changed since this backup" is a newer one (schedule.ts).
 */
export function finishCopy(dest: string): number | null {
  const copy = new Database(dest, { fileMustExist: true });
  let lastLogId: number | null = null;
  try {
    copy.pragma('journal_mode = DELETE');
    const has = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'operation_log'").get();
    if (has) lastLogId = (copy.prepare('SELECT max(id) AS id FROM operation_log').get() as { id: number | null }).id;
  } finally {
    copy.close();
  }
  fsyncFile(dest);
  return lastLogId;
}

/** Flushes a file's bytes to the disk (a rename after this cannot expose a half-written file). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename or a new file in it survives a power loss). */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return; // some systems (Windows) cannot open a folder: their rename is durable by itself
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL on systems that do not sync folders
  } finally {
    fs.closeSync(fd);
  }
}
