import path from 'node:path';
import type { Db, Sqlite } from '../../db/open';
import { openDatabase } from '../../db/open';
import { SessionStore } from './auth/sessions';
import { type Clock, systemClock } from './clock';
import { EventBus } from './events';
import { SettingsService } from './settings/settings.service';

/** Everything a handler may use. Built once per process; never imports electron. */
export interface Core {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  dataDir: string;
  sessions: SessionStore;
  events: EventBus;
  settings: SettingsService;
}

export const DB_FILE_NAME = 'kehu.sqlite';

export function createCore(opts: { db: Db; sqlite: Sqlite; clock?: Clock; dataDir: string }): Core {
  const clock = opts.clock ?? systemClock;
  const settings = new SettingsService(opts.db);
  return {
    db: opts.db,
    sqlite: opts.sqlite,
    clock,
    dataDir: opts.dataDir,
    settings,
    events: new EventBus(),
    sessions: new SessionStore(clock, () => settings.getSecurity().sessionIdleMinutes),
  };
}

/** Opens `<dataDir>/kehu.sqlite` (migrating it) and builds the core on it. */
export async function openCore(opts: { dataDir: string; migrationsFolder: string; clock?: Clock }): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const { db, sqlite } = await openDatabase({
    file: path.join(opts.dataDir, DB_FILE_NAME),
    migrationsFolder: opts.migrationsFolder,
    backupsDir: path.join(opts.dataDir, 'backups'),
    now: () => clock.now(),
  });
  return createCore({ db, sqlite, clock, dataDir: opts.dataDir });
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE); a throw rolls everything back. */
export function inTransaction<T>(core: Core, fn: () => T): T {
  return core.sqlite.transaction(fn).immediate();
}
