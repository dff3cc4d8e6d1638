import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/open';
import { NUM_GRAM, numMatch, numText } from '../../../../electron/core/customers/search/fts-text';
import { reindexCustomers } from '../../../../electron/core/customers/search/indexer';
import { MIGRATIONS, tempDir } from '../../support/test-core';

describe('the 5-gram text of letter and digit runs', () => {
  it('gives each run of 5+ letters / digits its 5-grams in order, lower-case, full-width folded', () => {
    expect(numText('ＡＢＣ１２３')).toBe('abc12 bc123');
    expect(numText('9111010', null, '')).toBe('91110 11101 11010');
    expect(numText('北京海淀科技')).toBe('');
    expect(numText('1234')).toBe('');
  });

  it('ends a run with x, and joins sources with x, so no phrase spans two runs', () => {
    expect(numText('abcde-12345')).toBe('abcde x 12345');
    expect(numText('abcde', '12345')).toBe('abcde x 12345');
    // short runs give nothing, and no x of their own
    expect(numText('ab-abcdef-12')).toBe('abcde bcdef x');
  });

  it('asks a fragment of 5+ letters / digits as the phrase of its 5-grams', () => {
    expect(numMatch('91110108MA')).toBe('"91110 11101 11010 10108 0108m 108ma"');
    expect(numMatch('１３８１２')).toBe('"13812"');
    expect(numMatch('1381')).toBeNull();
    expect(numMatch('138-12345')).toBeNull();
    expect(numMatch('北京12345')).toBeNull();
  });
});

/**
 * The 5-gram table must find exactly what the trigram table finds for the fragments it takes
 * over (terms.ts sends a 5+ letter / digit fragment there instead): checked on an archive of
 * random phones, tax IDs and names with letters and digits, against the trigram phrase and
 * against a plain substring test.
 */
describe('customer_fts_num against the trigram table', () => {
  let dir: string;
  let sqlite: Sqlite;
  const values = new Map<number, string[]>();

  beforeAll(async () => {
    dir = tempDir('kehu-num-');
    ({ sqlite } = await openDatabase({
      file: path.join(dir, 'a.sqlite'),
      backupsDir: path.join(dir, 'b'),
      migrationsFolder: MIGRATIONS,
    }));
    let seed = 42;
    const rnd = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    // a small alphabet so that runs share many 5-grams (the hard case for a phrase)
    const pick = (alphabet: string, n: number) =>
      Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    const customer = sqlite.prepare(
      `INSERT INTO customers (code, name, short_name, tax_id, name_norm, nature, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'enterprise', 'now', 'now')`,
    );
    const contact = sqlite.prepare(
      `INSERT INTO customer_contacts (customer_id, name, mobile, phone) VALUES (?, 'c', ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const name = `${pick('北京', 2)}${pick('01AB', 3 + rnd(6))}${pick('科技', 1)}${pick('01ab', rnd(8))}公司`;
        const short = rnd(2) ? pick('01Ab', 4 + rnd(4)) : null;
        const tax = rnd(3) ? `91${pick('01', 8)}${pick('01AB', 8)}` : null;
        const id = Number(customer.run(`C${i}`, name, short, tax, name).lastInsertRowid);
        const mobile = `13${pick('01', 9)}`;
        const phone = rnd(2) ? `010-${pick('01', 4)} ${pick('01', 4)}` : null;
        contact.run(id, mobile, phone);
        values.set(id, [name, short ?? '', tax ?? '', mobile, phone ?? '', (phone ?? '').replace(/\D/g, '')]);
      }
      reindexCustomers(sqlite, [...values.keys()]);
    })();
  });
  afterAll(() => {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const find = (table: string, match: string) =>
    sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(match) as number[];
  const truth = (q: string) =>
    [...values].filter(([, vs]) => vs.some((v) => v.toLowerCase().includes(q.toLowerCase()))).map(([id]) => id);

  it('finds the same customers for every 5-12 character fragment of a value, and for strays', () => {
    const fragments = new Set<string>();
    let n = 0;
    for (const vs of values.values()) {
      for (const v of vs) {
        for (const run of v.split(/[^0-9A-Za-z]+/)) {
          if (run.length < NUM_GRAM) continue;
          const len = NUM_GRAM + (n % Math.min(8, run.length - NUM_GRAM + 1));
          const at = n % (run.length - len + 1);
          fragments.add(run.slice(at, at + len));
          n++;
        }
      }
    }
    // fragments that join two runs of one customer, or two values: found nowhere
    for (const vs of [...values.values()].filter((v) => v[2]).slice(0, 50))
      fragments.add(`${vs[3].slice(-3)}${vs[2].slice(0, 3)}`);
    expect(fragments.size).toBeGreaterThan(300);
    let hits = 0;
    for (const q of fragments) {
      const match = numMatch(q);
      expect(match).not.toBeNull();
      const num = find('customer_fts_num', match as string);
      expect(num, q).toEqual(find('customer_fts_tri', `"${q}"`));
      expect(num, q).toEqual(truth(q));
      if (num.length) hits++;
    }
    expect(hits).toBeGreaterThan(300);
  });

  it('does not match across two runs whose ends overlap (AB123 | B1234 is not AB1234)', () => {
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO customers (code, name, short_name, name_norm, nature, created_at, updated_at)
           VALUES ('X1', '甲AB123乙B1234', 'B1234', 'x', 'enterprise', 'now', 'now')`,
        )
        .run().lastInsertRowid,
    );
    sqlite.transaction(() => reindexCustomers(sqlite, [id]))();
    expect(find('customer_fts_num', numMatch('B1234') as string)).toContain(id);
    expect(find('customer_fts_num', numMatch('AB1234') as string)).not.toContain(id);
    expect(find('customer_fts_num', numMatch('3B123') as string)).not.toContain(id);
  });
});
