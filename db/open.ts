import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;
export interface OpenedDb {
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
 * Opens (creating if needed) the database file, sets the pragmas and applies pending migrations
 * in one transaction. An existing file with pending migrations is first copied with SQLite's
 * online backup API into `backupsDir`.
 */
export async function openDatabase(opts: {
  file: string;
  migrationsFolder: string;
  backupsDir: string;
  now?: () => Date;
}): Promise<OpenedDb> {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const sqlite = new Database(opts.file);
  try {
    applyPragmas(sqlite);
    let preMigrationBackup: string | null = null;
    if (hasUserTables(sqlite) && pendingMigrationCount(sqlite, opts.migrationsFolder) > 0) {
      fs.mkdirSync(opts.backupsDir, { recursive: true });
      const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      preMigrationBackup = path.join(opts.backupsDir, `pre-migration-${stamp}.sqlite`);
      await sqlite.backup(preMigrationBackup);
    }
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: opts.migrationsFolder });
    return { sqlite, db, preMigrationBackup };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
