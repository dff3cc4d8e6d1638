import Database from 'better-sqlite3';
import { applyPragmas, type Sqlite } from '../../../db/open';

/**
 * A job's own connection to the core's database file, opened in the worker: the same pragmas as
 * the main connection (WAL, synchronous = FULL, foreign keys, busy timeout; db/open.ts).
 */
export function openJobDb(dbFile: string): Sqlite {
  const sqlite = new Database(dbFile, { fileMustExist: true });
  applyPragmas(sqlite);
  // a big import touches pages all over the indexes: keep them in memory (256 MB at most) rather
  // than spilling dirty pages to the WAL in the middle of the transaction
  sqlite.pragma('cache_size = -262144');
  return sqlite;
}
