import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Row count and SHA-256 of the rows (in rowid/key order) of one table. */
export interface TableDigest {
  rows: number;
  sha: string;
}

/**
 * Every table of a database (FTS shadow tables and drizzle's journal too), each as its row count
 * and a checksum of its content: two databases with equal digests hold the same data.
 * `where` limits a table to some rows (`{ operation_log: 'id <= 12' }`: the rows a later write
 * did not add); `skip` leaves tables out.
 */
export function tableDigests(
  source: Database.Database | string,
  opts: { where?: Record<string, string>; skip?: string[] } = {},
): Record<string, TableDigest> {
  const sqlite = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, TableDigest> = {};
    for (const t of tables) {
      if (opts.skip?.includes(t)) continue;
      const where = opts.where?.[t] ? ` WHERE ${opts.where[t]}` : '';
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of sqlite.prepare(`SELECT * FROM "${t}"${where}`).raw().iterate() as Iterable<unknown[]>) {
        rows++;
        hash.update(
          JSON.stringify(
            row.map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? String(v) : v)),
          ),
        );
        hash.update('\n');
      }
      out[t] = { rows, sha: hash.digest('hex') };
    }
    return out;
  } finally {
    if (typeof source === 'string') sqlite.close();
  }
}
