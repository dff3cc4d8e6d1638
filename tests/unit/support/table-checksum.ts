import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * A checksum of every table of a database: all rows, all columns, in a fixed order (by every
 * column, so the answer does not depend on the query plan), virtual tables and their shadow
 * tables (FTS) and drizzle's journal included: an index half-written is a change too. Per table,
 * `<rows>:<hash>`, so a difference names the table that changed. "Changes nothing" means equal
 * before and after; two databases with equal checksums hold the same data.
 */
export type TableChecksums = Record<string, string>;

function feed(hash: ReturnType<typeof createHash>, v: unknown): void {
  // typed, so 1 and '1', null and '' differ
  if (v === null) hash.update('n;');
  else if (Buffer.isBuffer(v)) hash.update(`b${v.length}:`).update(v);
  else if (typeof v === 'string') hash.update(`s${Buffer.byteLength(v)}:`).update(v);
  else hash.update(`${typeof v}:${String(v)};`);
}

/**
 * `source`: a connection, or a file opened read-only for the call. `where` limits a table to some
 * rows (`{ operation_log: 'id <= 12' }`: the rows a later write did not add).
 */
export function tableChecksums(
  source: Database.Database | string,
  opts: { where?: Record<string, string> } = {},
): TableChecksums {
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: TableChecksums = {};
    for (const t of tables) {
      const name = `"${t.replaceAll('"', '""')}"`;
      const cols = db.prepare(`SELECT * FROM ${name} LIMIT 0`).columns().length;
      const order = Array.from({ length: cols }, (_, i) => i + 1).join(', ');
      const where = opts.where?.[t] ? ` WHERE ${opts.where[t]}` : '';
      const hash = createHash('sha256');
      let rows = 0;
      const stmt = db.prepare(`SELECT * FROM ${name}${where}${cols ? ` ORDER BY ${order}` : ''}`).raw(true);
      for (const row of stmt.iterate() as Iterable<unknown[]>) {
        rows++;
        for (const v of row) feed(hash, v);
        hash.update('\n');
      }
      out[t] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    if (typeof source === 'string') db.close();
  }
}

/** The tables whose checksum differs (added or dropped ones too). */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t] !== after[t]).sort();
}
