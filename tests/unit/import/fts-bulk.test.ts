import { describe, expect } from 'vitest';
import { writeSearchRows } from '../../../electron/core/customers/search/indexer';
import { bulkSearchWrite } from '../../../electron/core/import/fts-bulk';
import { test } from '../support/fixtures';

test.override({ jobs: 'inline' });

const TABLES = ['customer_fts_tri', 'customer_fts_gram', 'customer_fts_py', 'customer_fts_num'];

describe('bulk search writes (fts-bulk.ts)', () => {
  test('automatic merging is off during the write, merged after, and the setting restored', async ({ env }) => {
    const sqlite = env.core.sqlite;
    // tiny flushes: many segments, so that merging has work to do
    for (const t of TABLES) sqlite.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('hashsize', 2048)`);
    sqlite.exec(`INSERT INTO customer_fts_py (customer_fts_py, rank) VALUES ('automerge', 7)`);
    const automerge = (t: string) => sqlite.prepare(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).pluck().get();
    const total = sqlite.prepare('SELECT total_changes()').pluck();
    /** whether a 'merge' command on `t` now finds work (tried, then undone) */
    const mergeFindsWork = (t: string) => {
      sqlite.exec('SAVEPOINT probe');
      const before = total.get() as number;
      sqlite.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('merge', 2000)`);
      const worked = (total.get() as number) - before > 1;
      sqlite.exec('ROLLBACK TO probe; RELEASE probe');
      return worked;
    };

    sqlite.exec('BEGIN');
    const bulk = bulkSearchWrite(sqlite);
    expect(TABLES.map(automerge)).toEqual(TABLES.map(() => 0));
    writeSearchRows(
      sqlite,
      Array.from({ length: 600 }, (_x, i) => ({
        id: i + 1,
        name: `北京海淀第${i}科技有限公司`,
        shortName: `海淀${i}`,
        taxId: null,
        phones: String(13800000000 + i),
        grams: `北 北京 京 京海 海 海淀 淀 ${i}`,
        readings: [`bjhd${i}`, `beijinghaidian${i}`],
      })),
    );
    expect(TABLES.some(mergeFindsWork)).toBe(true);
    bulk.finish();
    sqlite.exec('COMMIT');
    expect(TABLES.map(automerge)).toEqual([4, 4, 7, 4]);
    expect(TABLES.some(mergeFindsWork)).toBe(false);
    expect(sqlite.prepare("SELECT rowid FROM customer_fts_py WHERE customer_fts_py MATCH 'bjhd59*' ORDER BY rowid").pluck().all()).toEqual([60, ...Array.from({ length: 10 }, (_x, k) => 591 + k)]);
  });
});
