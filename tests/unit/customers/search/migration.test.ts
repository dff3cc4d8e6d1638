import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/open';
import { pinyinValues, reindexCustomers } from '../../../../electron/core/customers/search/indexer';
import { MIGRATIONS, tempDir } from '../../support/test-core';

/**
 * Migration 0008 builds customer_fts_py and customer_fts_gram from an archive indexed the old way
 * (customer_pinyin, customer_fts_uni), in SQL: what it builds must be exactly what the indexer
 * (fts-text.ts) writes for the same customers.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const NAMES: [string, string | null, string | null][] = [
  ['北京海淀科技有限公司', '海淀科技', null],
  ['北京 科技 发展', null, 'BJKJ'],
  ['重庆长安汽车(集团)有限公司', '长安', 'CA01'],
  ['北京ABC科技', 'ABC', null],
  ['ABC Trading Ltd', null, 'ABC'],
  ['𠀀𠀁商行 々〇', '𠀀', null],
  ['乐清市单县莘庄五金行', null, null],
];

function vocab(db: Sqlite): unknown[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.py_v USING fts5vocab(main, customer_fts_py, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.gram_v USING fts5vocab(main, customer_fts_gram, 'instance')`);
  return db
    .prepare(
      `SELECT 'py' AS t, term, doc FROM temp.py_v UNION ALL SELECT 'gram', term, doc FROM temp.gram_v ORDER BY 1, 2, 3`,
    )
    .all();
}

describe('migration 0008 (search index redesign)', () => {
  it('builds the reading and gram tables of an existing archive as the indexer would', async () => {
    const d = tempDir('kehu-mig8-');
    dirs.push(d);
    const upTo0007 = path.join(d, 'migrations-0007');
    fs.cpSync(MIGRATIONS, upTo0007, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0008');
    fs.writeFileSync(path.join(upTo0007, 'meta/_journal.json'), JSON.stringify(journal));
    const opts = { file: path.join(d, 'a.sqlite'), backupsDir: path.join(d, 'b') };

    const old = await openDatabase({ ...opts, migrationsFolder: upTo0007 });
    const insert = old.sqlite.prepare(
      `INSERT INTO customers (code, name, short_name, mnemonic, name_norm, nature, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'enterprise', 'now', 'now')`,
    );
    const reading = old.sqlite.prepare('INSERT INTO customer_pinyin (value, customer_id) VALUES (?, ?)');
    NAMES.forEach(([name, shortName, mnemonic], i) => {
      const id = Number(insert.run(`C${i}`, name, shortName, mnemonic, name).lastInsertRowid);
      for (const v of pinyinValues({ name, short_name: shortName, mnemonic, nature: 'enterprise' })) reading.run(v, id);
    });
    old.sqlite.close();

    const { sqlite } = await openDatabase({ ...opts, migrationsFolder: MIGRATIONS });
    const objects = sqlite.prepare(`SELECT name FROM sqlite_master`).pluck().all();
    expect(objects).not.toContain('customer_pinyin');
    expect(objects).not.toContain('customer_fts_uni');
    expect(objects).not.toContain('customers_mnemonic');
    const migrated = vocab(sqlite);
    expect(migrated.length).toBeGreaterThan(100);

    const ids = sqlite.prepare('SELECT id FROM customers').pluck().all() as number[];
    sqlite.transaction(() => reindexCustomers(sqlite, ids))();
    expect(vocab(sqlite)).toEqual(migrated);
    const find = (table: string, q: string) =>
      sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(q);
    expect(find('customer_fts_gram', '"京科"')).toEqual([2]);
    expect(find('customer_fts_py', '"yueqing"*')).toEqual([7]);
    sqlite.close();
  });
});
