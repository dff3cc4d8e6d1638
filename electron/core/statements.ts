import type Database from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

/**
 * Prepared statements of one connection, by SQL text: the search's shapes (kinds × filters ×
 * sort) and the indexer's are prepared once, not on every call. It hangs on the Core that owns
 * the connection (core.statements), so it goes with it and no two connections share one.
 * `prepare` has the connection's own signature: code written for a connection takes it too.
 * A statement is shared by its callers, so its mode (pluck, raw) stays set: use a SQL text one way.
 */
export interface Statements {
  prepare: Sqlite['prepare'];
}

/** A cache of at most `max` statements; when full it starts again (the shapes in use are few). */
export function statementCache(sqlite: Sqlite, max = 500): Statements {
  const bySql = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = bySql.get(sql);
    if (!stmt) {
      if (bySql.size >= max) bySql.clear();
      stmt = sqlite.prepare(sql);
      bySql.set(sql, stmt);
    }
    return stmt;
  };
  return { prepare: prepare as Sqlite['prepare'] };
}
