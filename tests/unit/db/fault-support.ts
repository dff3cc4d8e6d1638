import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME, openCore } from '../../../electron/core/core';
import { MIGRATIONS, tempDir } from '../support/test-core';

export const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A data folder holding a migrated database (set up, closed, checkpointed). */
export async function migratedDataDir(dirs: string[]): Promise<{ dir: string; file: string }> {
  const dir = tempDir('kehu-fault-');
  dirs.push(dir);
  const core = await openCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
  core.sqlite.close();
  return { dir, file: path.join(dir, DB_FILE_NAME) };
}

/** Writes garbage over the root pages of `table` and of its indexes, as a failing disk would. */
export function damageTablePage(file: string, table: string): void {
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const roots = probe.prepare('SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0').pluck().all(table) as number[];
  probe.close();
  if (!roots.length) throw new Error(`no table ${table}`);
  const fd = fs.openSync(file, 'r+');
  for (const root of roots) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

/** Writes garbage over the file's first 100 bytes (the header): SQLite no longer knows it. */
export function damageHeader(file: string): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
  fs.closeSync(fd);
}
