import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * A checksum of every table of a database: all rows, all columns, in a fixed order (by every
 * column, so the answer does not depend on the query plan), virtual tables and their shadow
 * tables included. "Changes nothing" means equal before and after. Per table, so a difference
 * names the table that changed.
 */
export type TableChecksums = Record<string, string>;

const tablesOf = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];

function feed(hash: ReturnType<typeof createHash>, v: unknown): void {
  // typed, so 1 and '1', null and '' differ
  if (v === null) hash.update('n;');
  else if (Buffer.isBuffer(v)) hash.update(`b${v.length}:`).update(v);
  else if (typeof v === 'string') hash.update(`s${Buffer.byteLength(v)}:`).update(v);
  else hash.update(`${typeof v}:${String(v)};`);
}

export function tableChecksums(db: Database.Database): TableChecksums {
  const out: TableChecksums = {};
  for (const t of tablesOf(db)) {
    const cols = (db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}" LIMIT 0`).columns() as { name: string }[])
      .length;
    const order = Array.from({ length: cols }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    let rows = 0;
    const stmt = db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"${cols ? ` ORDER BY ${order}` : ''}`).raw(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      rows++;
      for (const v of row) feed(hash, v);
      hash.update('\n');
    }
    out[t] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** The tables whose checksum differs (added or dropped ones too). */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t] !== after[t]).sort();
}
