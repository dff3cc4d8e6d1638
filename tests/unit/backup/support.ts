import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { inlineRunner, makeEnv, type TestEnv } from '../support/test-core';

/** A migrated core in a temporary folder (jobs inline: backups run on their own thread anyway). */
export const backupEnv = (): Promise<TestEnv> => makeEnv({ jobs: inlineRunner() });

/** Makes the file `mb` MB larger (a table of the test's own), so a copy takes many steps. */
export function addFiller(core: Core, mb: number): void {
  core.sqlite.exec('CREATE TABLE IF NOT EXISTS test_filler (id INTEGER PRIMARY KEY, b BLOB)');
  const ins = core.sqlite.prepare('INSERT INTO test_filler (b) VALUES (randomblob(65536))');
  core.sqlite.transaction(() => {
    for (let i = 0; i < mb * 16; i++) ins.run();
  })();
}

/** Two operation-log rows in one transaction: a consistent copy holds an even number of each writer's rows. */
export function writePair(sqlite: Database.Database, entity: string, at: string): void {
  const ins = sqlite.prepare('INSERT INTO operation_log (at, entity, action) VALUES (?, ?, ?)');
  sqlite.transaction(() => {
    ins.run(at, entity, 'first');
    ins.run(at, entity, 'second');
  })();
}

export function openOther(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

export const logRows = (core: Core, entity: string, action?: string) =>
  core.sqlite
    .prepare(`SELECT * FROM operation_log WHERE entity = ? ${action ? 'AND action = ?' : ''} ORDER BY id`)
    .all(...(action ? [entity, action] : [entity])) as {
    id: number;
    user_name: string | null;
    entity_id: string | null;
    action: string;
    changes: string | null;
  }[];
