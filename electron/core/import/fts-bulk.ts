import type { Sqlite } from '../../../db/open';

/** The full-text tables an import writes (customers/search/indexer.ts). */
const TABLES = ['customer_fts_tri', 'customer_fts_gram', 'customer_fts_py', 'customer_fts_num'] as const;
/** FTS5's own default of `automerge`. */
const DEFAULT_AUTOMERGE = 4;
/** Work per 'merge' command (pages), and a bound on the commands. */
const MERGE_PAGES = 2000;
const MAX_MERGES = 200;

/**
 * A bulk write of search rows, inside the caller's transaction: FTS5's automatic merging is off
 * while the rows go in (it merges small segments after every flush of a few hundred rows, the
 * same pages again and again), and at the end the segments are merged in large steps until
 * FTS5 has nothing left to merge at its usual threshold, and the setting is restored — the index
 * is then as a row-by-row write leaves it, for less work (measured: about an eighth less time
 * in the full-text tables). Config values are integers: bound JS numbers are REAL, which FTS5
 * refuses, hence literals.
 */
export function bulkSearchWrite(sqlite: Sqlite) {
  const saved = TABLES.map((t) => {
    const v = sqlite.prepare(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).pluck().get();
    return Number.isInteger(v) ? (v as number) : DEFAULT_AUTOMERGE;
  });
  const set = (t: string, key: string, value: number) =>
    sqlite.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('${key}', ${Math.trunc(value)})`);
  for (const t of TABLES) set(t, 'automerge', 0);
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  return {
    finish() {
      TABLES.forEach((t, i) => {
        set(t, 'automerge', saved[i]);
        // a 'merge' that finds nothing to merge changes no row but its own command
        for (let k = 0; k < MAX_MERGES; k++) {
          const before = changes.get() as number;
          set(t, 'merge', MERGE_PAGES);
          if ((changes.get() as number) - before <= 1) break;
        }
      });
    },
  };
}
