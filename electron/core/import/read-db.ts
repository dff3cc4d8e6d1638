import Database from 'better-sqlite3';
import type { Sqlite } from '../../../db/open';

/**
 * A read-only connection for a helper thread that only looks values up in the archive (WAL lets
 * it read beside the writer); a large page cache, since it probes indexes all over the file.
 */
export function openReadDb(dbFile: string): Sqlite {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}
