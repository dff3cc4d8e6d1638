import Database from 'better-sqlite3';
import type { Sqlite } from '../../../db/open';

/**
 * A read pool connection to the core's database file: read-only twice over (the file is opened
 * read-only, and query_only refuses any change), beside the one writer thanks to WAL. A read sees
 * every transaction committed before it began, so a read issued after a write was acknowledged
 * sees that write. It never checkpoints, and it leaves journal mode and synchronous to the writer.
 */
export function openReadDb(dbFile: string): Sqlite {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  sqlite.pragma('query_only = ON');
  sqlite.pragma('busy_timeout = 5000');
  // search and review pages walk big indexes: 64 MB of page cache per thread, and the file
  // mapped (256 MB) so hot pages are shared with the OS cache instead of copied
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  return sqlite;
}
