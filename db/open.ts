import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { checkInWorker } from '../electron/core/backup/check';
import { finishCopy } from '../electron/core/backup/copy';
import { backupFileName, publishChecked, TEMP_SUFFIX } from '../electron/core/backup/files';
import { quickCheckInWorker } from './quick-check';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;
interface OpenedDb {
  sqlite: Sqlite;
  db: Db;
  /** Path of the copy taken before migrating an existing file, if one was taken. */
  preMigrationBackup: string | null;
}

/** Default location of the committed drizzle-kit migrations, relative to the repo / app root. */
export function defaultMigrationsFolder(appRoot: string): string {
  return path.join(appRoot, 'db', 'migrations');
}

/**
 * Pragmas for every connection. better-sqlite3 builds SQLite with WAL-mode
 * synchronous=NORMAL, which may lose an acknowledged commit on power loss: FULL is set explicitly.
 */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function pendingMigrationCount(sqlite: Sqlite, migrationsFolder: string): number {
  const files = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return files.length;
  const last = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | null;
  };
  return files.filter((m) => last.last === null || Number(last.last) < m.folderMillis).length;
}

function hasUserTables(sqlite: Sqlite): boolean {
  return !!sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1")
    .get();
}

/**
 * The largest file always checked page by page at open (quick_check reads it all: about 1 s per
 * 100 MB, in a worker thread). A larger one gets the cheap check only (header and schema), unless
 * opening it read-write is about to write into it: see assertIntact.
 */
const INTEGRITY_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Throws the OS's error (EACCES, EROFS, ENOSPC, ...) unless a file can be created in `dir`:
 * SQLite writes its -wal, -shm and journal files beside the database, backups and uploads go there.
 */
export function assertFolderWritable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const probe = path.join(dir, `.write-test-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, 'ok', { flush: true });
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** True when a write-ahead log with content lies beside `file`: the last run did not close cleanly. */
function hasLeftoverLog(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function corruptError(problems: string[]): Error {
  return Object.assign(new Error(`integrity check failed: ${problems.join('; ')}`), { code: 'SQLITE_CORRUPT' });
}

/**
 * Checks an existing database on read-only connections, so that a damaged file is found before
 * anything could write to it (no migration, no backup, no WAL checkpoint: a read-only connection
 * does not checkpoint). Throws SQLite's SQLITE_NOTADB / SQLITE_CORRUPT errors.
 *
 * The header and schema are always read (on this thread: a few pages). SQLite's quick_check,
 * which reads every page, runs in a worker thread (quick-check.ts) so the main process is not
 * blocked; it runs when the file is at most `maxBytesChecked`, and also above that size when the
 * read-write open would otherwise write into a file nobody checked:
 * - a write-ahead log with content lies beside it (the last run ended without closing): the first
 *   checkpoint merges that log into the file;
 * - a migration is pending: the file is copied as the pre-migration backup and then migrated.
 * A clean, current file above the limit opens after the cheap check; damage in it is then found
 * by the first call that reads it (faults.ts), and nothing more is written into it from there on.
 */
async function assertIntact(
  file: string,
  opts: { maxBytesChecked?: number; migrationsFolder: string },
): Promise<void> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  let fullCheck: boolean;
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get(); // header and schema
    fullCheck =
      fs.statSync(file).size <= (opts.maxBytesChecked ?? INTEGRITY_CHECK_MAX_BYTES) ||
      hasLeftoverLog(file) ||
      pendingMigrationCount(sqlite, opts.migrationsFolder) > 0;
  } finally {
    sqlite.close();
  }
  if (!fullCheck) return;
  const { problems } = await quickCheckInWorker(file);
  if (problems.length) throw corruptError(problems);
}

/**
 * Throws SQLITE_READONLY unless the connection can write. SQLite opens a file it may not write
 * read-only without a word, and BEGIN IMMEDIATE succeeds there too: only a write statement tells.
 * The probe is rolled back, so the file is left as it was.
 */
function assertWritable(sqlite: Sqlite): void {
  sqlite.exec('BEGIN');
  try {
    sqlite.exec('CREATE TABLE __kehu_write_probe (x)');
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

/**
 * The backup before a migration, made as every backup is (electron/core/backup): SQLite's online
 * backup to a temporary name (nothing else writes the file yet: the app is starting), synced,
 * checked on the backup thread, renamed `kehu-<stamp>-migration.sqlite` (set aside as failed if
 * the check fails), its manifest beside it. The backups table may not exist before the
 * migration: the backup feature records it from its manifest at its first tick (records.ts).
 */
async function preMigrationCopy(sqlite: Sqlite, dir: string, migrationsFolder: string, at: Date): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const name = backupFileName(at, 'migration');
  const temp = path.join(dir, `${name}${TEMP_SUFFIX}`);
  const t0 = performance.now();
  try {
    await sqlite.backup(temp);
    finishCopy(temp);
  } catch (err) {
    fs.rmSync(temp, { force: true }); // no half-written copy left behind (disk full)
    fs.rmSync(`${temp}-journal`, { force: true });
    throw err;
  }
  const check = await checkInWorker(temp, migrationsFolder);
  const { fileName } = publishChecked(dir, temp, name, { at, trigger: 'migration', startedMs: t0 }, check);
  return path.join(dir, fileName);
}

/**
 * Opens (creating if needed) the database file, sets the pragmas and applies pending migrations
 * in one transaction. An existing file with pending migrations is first copied with SQLite's
 * online backup API into `backupsDir`.
 *
 * Before that, it refuses data it cannot use, throwing SQLite's or the OS's error (see
 * electron/core/faults.ts): a folder or file it may not write, an existing file that is damaged
 * (found on a read-only connection, so the damaged file is left exactly as it was).
 */
export async function openDatabase(opts: {
  file: string;
  migrationsFolder: string;
  backupsDir: string;
  now?: () => Date;
  /** files larger than this get the cheap check only, unless about to be written into (see assertIntact); default 64 MB */
  integrityCheckMaxBytes?: number;
  /**
   * Open the file read-only, as SQLite does by itself when the OS refuses writing it. Tests use
   * this: they run as root, where file permissions do not stop writes.
   */
  readonly?: boolean;
  /** checks the data folder can be written (tests replace it: as root every folder can) */
  probeFolder?: (dir: string) => void;
}): Promise<OpenedDb> {
  (opts.probeFolder ?? assertFolderWritable)(path.dirname(opts.file));
  if (fs.existsSync(opts.file)) {
    await assertIntact(opts.file, { maxBytesChecked: opts.integrityCheckMaxBytes, migrationsFolder: opts.migrationsFolder });
  }
  const sqlite = new Database(opts.file, { readonly: opts.readonly ?? false });
  try {
    assertWritable(sqlite);
    applyPragmas(sqlite);
    let preMigrationBackup: string | null = null;
    if (hasUserTables(sqlite) && pendingMigrationCount(sqlite, opts.migrationsFolder) > 0) {
      preMigrationBackup = await preMigrationCopy(sqlite, opts.backupsDir, opts.migrationsFolder, opts.now?.() ?? new Date());
    }
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: opts.migrationsFolder });
    return { sqlite, db, preMigrationBackup };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
