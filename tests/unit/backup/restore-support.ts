import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open';
import { type Actor, loadActor } from '../../../electron/core/actor';
import { DB_FILE_NAME } from '../../../electron/core/core';
import { MIGRATIONS, type TestClient, type TestEnv, tempDir, userByName } from '../support/test-core';

/** The signed-in administrator as the services see it (restore is called on the service here). */
export function adminActor(env: TestEnv): Actor {
  const u = userByName(env.core, 'admin');
  if (!u) throw new Error('no admin: call env.admin() first');
  const actor = loadActor(env.core, u.id);
  if (!actor) throw new Error('admin not loaded');
  return actor;
}

/** Customers made through the channel, as an office would (each with its log row). */
export async function addCustomers(client: TestClient, names: string[]): Promise<void> {
  for (const name of names) await client.ok('customer.create', { name, nature: 'other', duplicateReason: 'test' });
}

export const customerNames = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all() as string[];

export const dataFileOf = (env: TestEnv) => path.join(env.dir, DB_FILE_NAME);

export const listing = (dir: string) => fs.readdirSync(dir).sort();

/**
 * The app's migrations cut before `firstLeftOut` (a tag prefix such as '0009'): a database made
 * with them is one an older release of the app wrote.
 */
export function olderMigrations(dirs: string[], firstLeftOut: string): string {
  const d = tempDir('kehu-oldmig-');
  dirs.push(d);
  const folder = path.join(d, 'migrations');
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < firstLeftOut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** The app's migrations plus one a newer release would ship. */
export function newerMigrations(dirs: string[]): string {
  const d = tempDir('kehu-newmig-');
  dirs.push(d);
  const folder = path.join(d, 'migrations');
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, '9999_next.sql'), 'CREATE TABLE next_feature (id integer PRIMARY KEY);');
  return folder;
}

/** A standalone database file made with `migrationsFolder`, holding `customers` (inserted directly). */
export async function databaseFile(dirs: string[], migrationsFolder: string, customers: string[]): Promise<string> {
  const d = tempDir('kehu-src-');
  dirs.push(d);
  const file = path.join(d, 'chosen.sqlite');
  const { sqlite } = await openDatabase({ file, migrationsFolder, backupsDir: path.join(d, 'backups') });
  const now = new Date().toISOString();
  const insert = sqlite.prepare(
    "INSERT INTO customers (code, name, name_norm, nature, created_at, updated_at) VALUES (?, ?, ?, 'other', ?, ?)",
  );
  for (const [i, name] of customers.entries()) insert.run(`OLD${i + 1}`, name, name, now, now);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return file;
}

/** An intact SQLite file that is not this app's. */
export function foreignFile(dirs: string[]): string {
  const d = tempDir('kehu-foreign-');
  dirs.push(d);
  const file = path.join(d, 'other.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hi')");
  db.close();
  return file;
}
