import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Every table's row count and a SHA-256 of its rows (FTS and other virtual tables' shadow tables
 * included: an index half-written is a change too): "changes nothing" means equal before and after.
 * Rows are read in the table's own order, which is stable while nothing writes.
 */
export function tableChecksum(sqlite: Database.Database): Record<string, { rows: number; sha256: string }> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const t of tables) {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of sqlite.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows++;
    }
    out[t] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}
