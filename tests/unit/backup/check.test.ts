import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { appSchemaVersion, checkDatabaseFile, checkInWorker, readJournal } from '../../../electron/core/backup/check';
import { MIGRATIONS, tempDir } from '../support/test-core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function migratedFile(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('kehu-check-');
  dirs.push(dir);
  const file = path.join(dir, 'kehu.sqlite');
  const { sqlite } = await openDatabase({ file, migrationsFolder: MIGRATIONS, backupsDir: path.join(dir, 'backups') });
  sqlite
    .prepare("INSERT INTO operation_log (at, entity, action) VALUES ('2026-01-02T03:04:05.000Z', 'customer', 'create')")
    .run();
  sqlite.close();
  return { dir, file };
}

describe('checkDatabaseFile', () => {
  it("accepts the app's current database: its schema version, counts and last change", async () => {
    const { file } = await migratedFile();
    const c = checkDatabaseFile(file, MIGRATIONS);
    expect(c).toMatchObject({ ok: true, refusal: null, needsMigration: false, lastChangeAt: '2026-01-02T03:04:05.000Z' });
    expect(c.schemaVersion).toBe(appSchemaVersion(MIGRATIONS));
    expect(c.counts.operation_log).toBe(1);
    expect(c.counts.customers).toBe(0);
    expect(c.sizeBytes).toBe(fs.statSync(file).size);
  });

  it('refuses a missing file, a file that is not SQLite, and a SQLite file of another app', async () => {
    const dir = tempDir('kehu-check-');
    dirs.push(dir);
    expect(checkDatabaseFile(path.join(dir, 'nope.sqlite'), MIGRATIONS).refusal).toBe('backup.refusal.missing');
    const text = path.join(dir, 'text.sqlite');
    fs.writeFileSync(text, 'hello, this is not a database at all'.repeat(200));
    expect(checkDatabaseFile(text, MIGRATIONS).refusal).toBe('backup.refusal.notDatabase');
    const other = path.join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    o.close();
    const c = checkDatabaseFile(other, MIGRATIONS);
    expect(c).toMatchObject({ ok: false, refusal: 'backup.refusal.notOurs' });
  });

  it('refuses a damaged file with SQLite words', async () => {
    const { file } = await migratedFile();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 2); // a page of the schema's tables
    fs.closeSync(fd);
    const c = checkDatabaseFile(file, MIGRATIONS);
    expect(c.ok).toBe(false);
    expect(['backup.refusal.damaged', 'backup.refusal.notDatabase']).toContain(c.refusal);
    expect(c.detail).toBeTruthy();
  });

  it('refuses a newer schema and marks an older one for migration', async () => {
    const { file } = await migratedFile();
    const journal = readJournal(MIGRATIONS);
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', journal.at(-1)!.when + 1000);
    db.close();
    expect(checkDatabaseFile(file, MIGRATIONS)).toMatchObject({ ok: false, refusal: 'backup.refusal.newerSchema' });

    const db2 = new Database(file);
    db2.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(journal.at(-2)!.when);
    db2.close();
    const older = checkDatabaseFile(file, MIGRATIONS);
    expect(older).toMatchObject({ ok: true, needsMigration: true, schemaVersion: journal.at(-3)!.tag });
  });

  it('runs in a worker thread with the same answer', async () => {
    const { file } = await migratedFile();
    expect(await checkInWorker(file, MIGRATIONS)).toEqual(checkDatabaseFile(file, MIGRATIONS));
  });
});
