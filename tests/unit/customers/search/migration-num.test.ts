import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/open';
import { numMatch } from '../../../../electron/core/customers/search/fts-text';
import { reindexCustomers } from '../../../../electron/core/customers/search/indexer';
import { MIGRATIONS, tempDir } from '../../support/test-core';

/**
 * Migration 0009 builds customer_fts_num from an existing archive in SQL: the 5-grams it writes
 * must be exactly those the indexer (fts-text.ts numText) writes for the same customers. The `x`
 * run ends are compared by what they do (no phrase across runs), since the SQL joins the phone
 * forms as separate sources where the indexer has them in one text.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** name, short name, tax ID, contacts' [mobile, phone] */
const CUSTOMERS: [string, string | null, string | null, [string | null, string | null][]][] = [
  ['北京海淀科技有限公司', '海淀科技', '91110108MA01ABCD2X', [['13812345678', '010-8888 6666']]],
  [
    '北京ABC12345科技',
    'ＡＢＣ１２３４５',
    null,
    [
      ['13812345678', null],
      [null, '0571-12345678'],
    ],
  ],
  ['Acme Trading 2024 Ltd', 'AB123乙B1234', '92330106MA2B123456', []],
  [
    '重庆长安',
    null,
    null,
    [
      ['+8613900001111', '(023) 6123 4567'],
      ['13900001111', '023-61234567'],
    ],
  ],
  ['单伟', null, '11110000000000000X', [['13700002222', '13700002222']]],
];

function vocab(db: Sqlite): unknown[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.num_v USING fts5vocab(main, customer_fts_num, 'col')`);
  return db.prepare(`SELECT term, doc, cnt FROM temp.num_v WHERE term <> 'x' ORDER BY 1, 2`).all();
}

describe('migration 0009 (5-gram search table)', () => {
  it('builds customer_fts_num of an existing archive as the indexer would', async () => {
    const d = tempDir('kehu-mig10-');
    dirs.push(d);
    const upTo0008 = path.join(d, 'migrations-0008');
    fs.cpSync(MIGRATIONS, upTo0008, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag <= '0008_~');
    fs.writeFileSync(path.join(upTo0008, 'meta/_journal.json'), JSON.stringify(journal));
    const opts = { file: path.join(d, 'a.sqlite'), backupsDir: path.join(d, 'b') };

    const old = await openDatabase({ ...opts, migrationsFolder: upTo0008 });
    expect(old.sqlite.prepare(`SELECT name FROM sqlite_master`).pluck().all()).not.toContain('customer_fts_num');
    const insert = old.sqlite.prepare(
      `INSERT INTO customers (code, name, short_name, tax_id, name_norm, nature, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'enterprise', 'now', 'now')`,
    );
    const contact = old.sqlite.prepare(
      `INSERT INTO customer_contacts (customer_id, name, mobile, phone) VALUES (?, 'c', ?, ?)`,
    );
    CUSTOMERS.forEach(([name, shortName, taxId, contacts], i) => {
      const id = Number(insert.run(`C${i}`, name, shortName, taxId, name).lastInsertRowid);
      for (const [mobile, phone] of contacts) contact.run(id, mobile, phone);
    });
    old.sqlite.close();

    const { sqlite } = await openDatabase({ ...opts, migrationsFolder: MIGRATIONS });
    const migrated = vocab(sqlite);
    expect(migrated.length).toBeGreaterThan(60);
    const find = (q: string) =>
      sqlite.prepare(`SELECT rowid FROM customer_fts_num WHERE customer_fts_num MATCH ?`).pluck().all(numMatch(q));
    const answers = () =>
      ['ma01abcd', 'g2024', 'abc12345', '8888666', '61234567', '8613900001', 'ab1234', 'b1234', 'rading'].map(find);
    const migratedAnswers = answers();
    expect(migratedAnswers).toEqual([[1], [], [2], [1], [4], [4], [], [3], [3]]);

    const ids = sqlite.prepare('SELECT id FROM customers').pluck().all() as number[];
    sqlite.transaction(() => reindexCustomers(sqlite, ids))();
    expect(vocab(sqlite)).toEqual(migrated);
    expect(answers()).toEqual(migratedAnswers);
    sqlite.close();
  });
});
