import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-core';

const dirs: string[] = [];
function dir() {
  const d = tempDir('kehu-mig-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));

describe('migrations', () => {
  it('apply to an empty database with the pragmas set', async () => {
    const d = dir();
    const { sqlite, preMigrationBackup } = await openDatabase({
      file: path.join(d, 'a.sqlite'),
      migrationsFolder: MIGRATIONS,
      backupsDir: path.join(d, 'backups'),
    });
    expect(preMigrationBackup).toBeNull();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    expect(sqlite.prepare('SELECT code FROM roles ORDER BY id').pluck().all()).toEqual([
      'admin',
      'manager',
      'finance',
      'clerk',
      'viewer',
    ]);
    sqlite.close();
  });

  it('re-open an up-to-date database without re-running anything or copying it', async () => {
    const d = dir();
    const file = path.join(d, 'a.sqlite');
    const opts = { file, migrationsFolder: MIGRATIONS, backupsDir: path.join(d, 'backups') };
    const first = await openDatabase(opts);
    first.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')").run();
    first.sqlite.close();
    const again = await openDatabase(opts);
    expect(again.preMigrationBackup).toBeNull();
    expect(again.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      journal.entries.length,
    );
    expect(again.sqlite.prepare('SELECT count(*) FROM roles').pluck().get()).toBe(5);
    expect(again.sqlite.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(fs.existsSync(path.join(d, 'backups'))).toBe(false);
    again.sqlite.close();
  });

  it('copy an existing database into backups/ before applying a new migration', async () => {
    const d = dir();
    const file = path.join(d, 'a.sqlite');
    const first = await openDatabase({ file, migrationsFolder: MIGRATIONS, backupsDir: path.join(d, 'backups') });
    first.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('before', '1', 'now')").run();
    first.sqlite.close();

    // a copy of the migrations with one more (as a later release would ship)
    const next = path.join(d, 'migrations');
    fs.cpSync(MIGRATIONS, next, { recursive: true });
    const j = structuredClone(journal);
    const last = j.entries[j.entries.length - 1];
    j.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next' });
    fs.writeFileSync(path.join(next, 'meta/_journal.json'), JSON.stringify(j));
    fs.writeFileSync(path.join(next, '9999_next.sql'), 'CREATE TABLE next_feature (id integer PRIMARY KEY);');

    const upgraded = await openDatabase({ file, migrationsFolder: next, backupsDir: path.join(d, 'backups') });
    expect(upgraded.preMigrationBackup).toMatch(/backups[/\\]kehu-.*-migration\.sqlite$/);
    expect(
      upgraded.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_feature'").pluck().get(),
    ).toBe(1);
    upgraded.sqlite.close();

    const copy = new Database(upgraded.preMigrationBackup as string, { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'before'").pluck().get()).toBe('1');
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_feature'").pluck().get()).toBe(0);
    copy.close();
  });

  it('0007 frees an operation log that a row with id -1 had blocked under 0006', async () => {
    const d = dir();
    const file = path.join(d, 'a.sqlite');
    const upTo0006 = path.join(d, 'migrations-0006');
    fs.cpSync(MIGRATIONS, upTo0006, { recursive: true });
    const j = structuredClone(journal);
    j.entries = j.entries.filter((e: { tag: string }) => e.tag <= '0006_append_only_guard');
    fs.writeFileSync(path.join(upTo0006, 'meta/_journal.json'), JSON.stringify(j));
    const opts = { file, backupsDir: path.join(d, 'b') };

    const old = await openDatabase({ ...opts, migrationsFolder: upTo0006 });
    const insert = (db: typeof old.sqlite, id: number | null) =>
      db.prepare("INSERT INTO operation_log (id, at, entity, action) VALUES (?, 'now', 'customer', 'create')").run(id);
    insert(old.sqlite, -1); // what 0006 let through
    expect(() => insert(old.sqlite, null)).toThrow('operation_log is append-only'); // and every log write then fails
    old.sqlite.close();

    const upgraded = await openDatabase({ ...opts, migrationsFolder: MIGRATIONS });
    insert(upgraded.sqlite, null);
    expect(() => insert(upgraded.sqlite, -2)).toThrow('operation_log ids start at 1');
    expect(upgraded.sqlite.prepare('SELECT id FROM operation_log ORDER BY id').pluck().all()).toEqual([-1, 1]);
    upgraded.sqlite.close();
  });

  it('roll back a failing migration completely', async () => {
    const d = dir();
    const file = path.join(d, 'a.sqlite');
    (await openDatabase({ file, migrationsFolder: MIGRATIONS, backupsDir: path.join(d, 'b') })).sqlite.close();
    const next = path.join(d, 'migrations');
    fs.cpSync(MIGRATIONS, next, { recursive: true });
    const j = structuredClone(journal);
    const last = j.entries[j.entries.length - 1];
    j.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_bad' });
    fs.writeFileSync(path.join(next, 'meta/_journal.json'), JSON.stringify(j));
    fs.writeFileSync(
      path.join(next, '9999_bad.sql'),
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
    );
    await expect(openDatabase({ file, migrationsFolder: next, backupsDir: path.join(d, 'b') })).rejects.toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    check.close();
  });
});
