import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db, Sqlite } from '../../db/open';
import { openDatabase } from '../../db/open';
import * as schema from '../../db/schema';
import { type LoginGate, newLoginGate } from './auth/login-gate';
import { SessionStore } from './auth/sessions';
import { type Clock, systemClock } from './clock';
import { EventBus } from './events';
import { damagedStartOffer, pendingDamaged, removeLeftoverRestore } from './backup/restore-offer';
import { startupFault } from './faults';
import { type AnyFeature, type Assembly, assemble } from './feature';
import { features as appFeatures } from './features';
import { type JobRunner, type Jobs, workerJobs } from './jobs/client';
import type { CoreFactory } from './jobs/registry';
import { directReads, noJobs, type ReadRunner, type Reads, workerReads } from './reads/pool';
import { SettingsService } from './settings/settings.service';
import { type Statements, statementCache } from './statements';
import type { StorageFault } from './system/shared/system.contract';
import { createWriteGate, type WriteGate } from './write-gate';

/** Everything a handler may use. Built once per process (and once per worker job); never imports electron. */
export interface Core {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  dataDir: string;
  sessions: SessionStore;
  events: EventBus;
  settings: SettingsService;
  /** runs the features' long jobs (core/jobs), in worker threads unless createCore was given another runner */
  jobs: Jobs;
  /** runs the channels marked `poolRead` off the main thread, on read-only connections (core/reads) */
  reads: Reads;
  /** held by a job while it writes: channels flagged `writes` and timers wait on it (write-gate.ts) */
  writes: WriteGate;
  /**
   * Set when the data cannot be used (see faults.ts): every call but `system.fault` is then
   * refused with it, and the renderer shows the fault page instead of signing in.
   */
  fault: StorageFault | null;
  /** what this core's features make: channels, handlers, timers, open-item checks, references, rule queries */
  assembly: Assembly;
  /** sign-in attempts running and failures of unknown names (auth/login-gate.ts) */
  login: LoginGate;
  /** prepared statements of `sqlite`, by SQL text (statements.ts) */
  statements: Statements;
  /** the app's migrations (db/migrations): set when openCore opened the file, null for other cores */
  migrationsFolder: string | null;
  /**
   * Puts another connection to the same file in place of this one (a restore, backup/reopen.ts):
   * db, sqlite, the statements, the settings cache and a new read pool on it. The Core object
   * stays the one the transports hold. The caller has closed the old connection and pool.
   */
  reconnect(next: { db: Db; sqlite: Sqlite }): void;
}

export const DB_FILE_NAME = 'kehu.sqlite';

export interface CoreOptions {
  db: Db;
  sqlite: Sqlite;
  clock?: Clock;
  dataDir: string;
  /** the features this core serves: the app's (features.ts) unless a test passes its own */
  features?: readonly AnyFeature[];
  /** how jobs run (tests pass jobs/client.ts's inlineJobs); default: each in a worker thread */
  jobs?: JobRunner;
  /** how pool reads run (tests pass reads/pool.ts's inlineReads); default: a pool of worker threads */
  reads?: ReadRunner;
  /** the migrations the file was opened with (openCore sets it) */
  migrationsFolder?: string;
}

export function createCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const settings = new SettingsService(opts.db);
  const events = new EventBus();
  const writes = createWriteGate();
  const features = opts.features ?? appFeatures;
  /** a core of the same features on a job's own connection (a worker's, or a test's inline job) */
  const coreOn: CoreFactory = (sqlite, at, dataDir) =>
    createCore({
      db: drizzle(sqlite, { schema }),
      sqlite,
      clock: { now: () => at },
      dataDir,
      features,
      jobs: opts.jobs,
    });
  /** a core of the same features on a read connection: it reads on its own connection, and runs no job */
  const readerOn = (sqlite: Sqlite) =>
    createCore({
      db: drizzle(sqlite, { schema }),
      sqlite,
      clock,
      dataDir: opts.dataDir,
      features,
      jobs: noJobs,
      reads: directReads(),
    });
  const readsOn = (sqlite: Sqlite) =>
    (opts.reads ?? workerReads())({ sqlite, dataDir: opts.dataDir, clock, coreOn: readerOn, self: () => core });
  const core: Core = {
    db: opts.db,
    sqlite: opts.sqlite,
    clock,
    dataDir: opts.dataDir,
    settings,
    events,
    writes,
    jobs: (opts.jobs ?? workerJobs())({ events, writes, features, coreOn }),
    reads: readsOn(opts.sqlite),
    // the core's settings at the time of the call: a restore replaces them (reconnect)
    sessions: new SessionStore(clock, () => core.settings.getSecurity().sessionIdleMinutes),
    fault: null,
    assembly: assemble(features),
    login: newLoginGate(),
    statements: statementCache(opts.sqlite),
    migrationsFolder: opts.migrationsFolder ?? null,
    reconnect(next) {
      core.db = next.db;
      core.sqlite = next.sqlite;
      core.statements = statementCache(next.sqlite);
      core.settings = new SettingsService(next.db);
      core.reads = readsOn(next.sqlite);
    },
  };
  return core;
}

/** Opens `<dataDir>/kehu.sqlite` (migrating it) and builds the core on it. */
export async function openCore(opts: {
  dataDir: string;
  migrationsFolder: string;
  clock?: Clock;
  features?: readonly AnyFeature[];
  jobs?: JobRunner;
  reads?: ReadRunner;
  /** how the file is opened and checked (tests simulate read-only data with these) */
  dbOptions?: Pick<Parameters<typeof openDatabase>[0], 'readonly' | 'probeFolder' | 'integrityCheckMaxBytes'>;
}): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const { db, sqlite } = await openDatabase({
    ...opts.dbOptions,
    file: path.join(opts.dataDir, DB_FILE_NAME),
    migrationsFolder: opts.migrationsFolder,
    backupsDir: path.join(opts.dataDir, 'backups'),
    now: () => clock.now(),
  });
  return createCore({
    db,
    sqlite,
    clock,
    dataDir: opts.dataDir,
    features: opts.features,
    jobs: opts.jobs,
    reads: opts.reads,
    migrationsFolder: opts.migrationsFolder,
  });
}

/**
 * Opens the core as openCore does; when the data cannot be opened (full disk, read-only folder,
 * damaged file, anything else), returns a core in that fault instead of throwing, so the window
 * and `npm run web` still start and show what happened, where, and what to do. A damaged file is
 * moved aside when a backup that passed its check can be offered instead (backup/restore-offer.ts);
 * a file moved aside at an earlier start and not restored since brings the same offer back.
 */
export async function openCoreOrFault(opts: Parameters<typeof openCore>[0]): Promise<Core> {
  const file = path.join(opts.dataDir, DB_FILE_NAME);
  const now = (opts.clock ?? systemClock).now();
  try {
    removeLeftoverRestore(file);
  } catch {
    // a read-only folder: opening says so below
  }
  const pending = pendingDamaged(opts.dataDir, file, now);
  if (pending) {
    console.error(`[core] the damaged file moved aside to ${pending.restore?.movedTo} has not been restored`);
    return faultCore(pending, opts);
  }
  try {
    return await openCore(opts);
  } catch (err) {
    const fault = startupFault(err, { dataDir: opts.dataDir, file });
    if (fault.kind === 'corrupt') {
      try {
        fault.restore = damagedStartOffer(fault, now);
      } catch (moveErr) {
        // the file could not be moved (a read-only folder): it stays where it is, with no offer
        console.error('[core] the damaged file could not be moved aside:', moveErr);
      }
    }
    console.error(`[core] the data cannot be opened (${fault.kind}): ${fault.file}: ${fault.detail}`);
    return faultCore(fault, opts);
  }
}

/**
 * A core that only answers `system.fault` (and a damaged file's restore): its database is an
 * empty one in memory, the data on disk is not touched. It keeps the options it was opened
 * with, so a restore can reopen it on the restored file (reconnect).
 */
function faultCore(fault: StorageFault, opts: Parameters<typeof openCore>[0]): Core {
  const sqlite = new Database(':memory:');
  const core = createCore({
    db: drizzle(sqlite, { schema }),
    sqlite,
    clock: opts.clock,
    dataDir: fault.dataDir,
    features: opts.features,
    jobs: opts.jobs,
    reads: opts.reads,
    migrationsFolder: opts.migrationsFolder,
  });
  core.fault = fault;
  return core;
}

/**
 * Closes the core's database (on quit). Closing SQLite's last connection to a file merges its
 * write-ahead log into it (a checkpoint). A file found damaged while the app ran is left as it
 * was, its log beside it, as the fault page says: a read-only connection is opened first, so the
 * core's connection is not the last one and does not checkpoint, and a read-only connection never
 * does. If even that one cannot read the file, the core's connection stays open for the process's
 * exit to drop, which does not checkpoint either.
 */
export function closeCore(core: Core): void {
  // the pool's read-only connections first: they never checkpoint, and hold nothing to save
  void core.reads.close();
  if (core.fault?.kind !== 'corrupt' || core.sqlite.memory || !core.sqlite.open) {
    if (core.sqlite.open && !core.sqlite.memory && !core.fault) {
      // the pool's threads may not have closed their connections yet, and closing a connection
      // that is not the last does not checkpoint: merge the log now (idle readers do not stop it)
      try {
        core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a full disk or read-only data: the log stays beside the file and is merged at the next start
      }
    }
    if (core.sqlite.open) core.sqlite.close();
    return;
  }
  let guard: Sqlite | null = null;
  try {
    guard = new Database(core.sqlite.name, { readonly: true, fileMustExist: true });
    guard.pragma('schema_version'); // a read: the guard now has the log open and holds its shared lock
  } catch {
    guard?.close();
    return;
  }
  core.sqlite.close();
  guard.close();
}
