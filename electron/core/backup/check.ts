import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runBackupTask } from './worker-client';

/**
 * What a database file is, checked before it counts as a backup or is offered for a restore:
 * it opens as SQLite, `PRAGMA integrity_check` passes, it is this app's (its own tables), its
 * schema version is not newer than the app's, and its main tables' row counts.
 */
export interface FileCheck {
  ok: boolean;
  /** null: it may be used; else why not, a message key of backup.refusal.* */
  refusal: string | null;
  /** SQLite's (or the OS's) words, when the check failed */
  detail: string | null;
  /** the tag of the last migration it holds (db/migrations/meta/_journal.json), null when unknown */
  schemaVersion: string | null;
  /** older than the app's: migrated after a restore */
  needsMigration: boolean;
  /** rows of the main tables: table → count */
  counts: Record<string, number>;
  /** the newest operation log entry's time (UTC ISO) */
  lastChangeAt: string | null;
  sizeBytes: number;
}

/** The tables whose rows a backup reports (those the file has: an older schema lacks some). */
export const MAIN_TABLES = [
  'customers',
  'customer_contacts',
  'customer_addresses',
  'customer_status_changes',
  'lookups',
  'users',
  'operation_log',
] as const;

/** Tables without which a file is not this app's database. */
const OWN_TABLES = ['__drizzle_migrations', 'customers', 'operation_log'];

interface JournalEntry {
  when: number;
  tag: string;
}

/** The app's migrations, oldest first, from drizzle-kit's journal. */
export function readJournal(migrationsFolder: string): JournalEntry[] {
  const raw = fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  const entries = (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
  return [...entries].sort((a, b) => a.when - b.when);
}

/** The tag of the app's own newest migration. */
export function appSchemaVersion(migrationsFolder: string): string {
  const journal = readJournal(migrationsFolder);
  return journal[journal.length - 1]?.tag ?? '';
}

const refused = (base: Pick<FileCheck, 'sizeBytes'>, refusal: string, detail: string | null): FileCheck => ({
  ok: false,
  refusal,
  detail,
  schemaVersion: null,
  needsMigration: false,
  counts: {},
  lastChangeAt: null,
  sizeBytes: base.sizeBytes,
});

const codeOf = (err: unknown) =>
  typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Checks `file` on a read-only connection (it never writes into the file nor checkpoints a log
 * beside it). Synchronous and reads every page: call it off the main thread (checkInWorker).
 */
export function checkDatabaseFile(file: string, migrationsFolder: string): FileCheck {
  let sizeBytes = 0;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return refused({ sizeBytes }, 'backup.refusal.notDatabase', `${file}: not a file`);
    sizeBytes = st.size;
  } catch (err) {
    return refused({ sizeBytes }, 'backup.refusal.missing', messageOf(err));
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return refused({ sizeBytes }, 'backup.refusal.notDatabase', messageOf(err));
  }
  try {
    return checkOpened(sqlite, migrationsFolder, sizeBytes);
  } catch (err) {
    const code = codeOf(err);
    const key = code === 'SQLITE_NOTADB' ? 'backup.refusal.notDatabase' : 'backup.refusal.damaged';
    return refused({ sizeBytes }, key, messageOf(err));
  } finally {
    sqlite.close();
  }
}

function checkOpened(sqlite: Database.Database, migrationsFolder: string, sizeBytes: number): FileCheck {
  const base = { sizeBytes };
  // the header and schema first: a file that is not SQLite fails here with SQLITE_NOTADB
  const tables = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const problems = (sqlite.pragma('integrity_check(5)') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
  if (problems.length) return refused(base, 'backup.refusal.damaged', problems.join('; '));
  const missing = OWN_TABLES.filter((t) => !tables.has(t));
  if (missing.length) return refused(base, 'backup.refusal.notOurs', `missing tables: ${missing.join(', ')}`);

  const last = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | string | null;
  };
  const lastApplied = last.last === null ? null : Number(last.last);
  const journal = readJournal(migrationsFolder);
  const newest = journal[journal.length - 1];
  if (lastApplied === null) return refused(base, 'backup.refusal.notOurs', 'no migration applied');
  if (newest && lastApplied > newest.when) {
    return { ...refused(base, 'backup.refusal.newerSchema', `applied migration of ${lastApplied}`), schemaVersion: null };
  }
  const held = journal.filter((m) => m.when <= lastApplied);
  const schemaVersion = held[held.length - 1]?.tag ?? null;
  const needsMigration = held.length < journal.length;

  const counts: Record<string, number> = {};
  for (const t of MAIN_TABLES) {
    if (!tables.has(t)) continue;
    counts[t] = (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
  }
  const change = sqlite.prepare('SELECT at FROM operation_log ORDER BY id DESC LIMIT 1').get() as
    | { at: string }
    | undefined;
  return {
    ok: true,
    refusal: null,
    detail: null,
    schemaVersion,
    needsMigration,
    counts,
    lastChangeAt: change?.at ?? null,
    sizeBytes,
  };
}

/** checkDatabaseFile in a worker thread (it reads every page): the main thread stays responsive. */
export function checkInWorker(file: string, migrationsFolder: string): Promise<FileCheck> {
  return runBackupTask<FileCheck>({ type: 'check', file, migrationsFolder }, () => checkDatabaseFile(file, migrationsFolder));
}
