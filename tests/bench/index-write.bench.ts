import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/core';
import {
  gramText,
  phonesText,
  pinyinValues,
  type SearchRow,
  writeSearchRows,
} from '../../electron/core/customers/search/indexer';
import { pinyinReadings } from '../../electron/core/customers/search/pinyin';
import { normalizeCustomerName, phoneDigits } from '../../electron/core/customers/shared/customer.rules';
import { openBenchDb } from './seed/bench-db';
import { generateCustomer } from './seed/generate';
import { Prng } from './seed/prng';

const log = (msg: string) => process.stderr.write(`[index-write] ${msg}\n`);
const MIGRATIONS = path.resolve(__dirname, '../../db/migrations');
const MIGRATION = '0008_search_fts_readings_and_grams';
/** Bump when the "before" layout built below changes: the cached copy is rebuilt. */
const BEFORE_VERSION = 1;
/** The import's connection would do well with this much page cache (the app leaves SQLite's 2 MB). */
const CACHE_KIB = 262_144;
const load = () => Math.round(os.loadavg()[0] * 100) / 100;

/** customer_fts_uni's text before 0008 (one token per Han character, '0' breaking adjacency), for the old layout. */
function oldUnigramText(...parts: (string | null)[]): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (tokens.length && tokens[tokens.length - 1] !== '0') tokens.push('0');
    for (const ch of part.normalize('NFKC')) {
      if (/\p{Script=Han}/u.test(ch)) tokens.push(ch);
      else if (!/\s/u.test(ch) && tokens.length && tokens[tokens.length - 1] !== '0') tokens.push('0');
    }
  }
  while (tokens.length && tokens[tokens.length - 1] === '0') tokens.pop();
  return tokens.some((t) => t !== '0') ? tokens.join(' ') : '';
}

const open = (file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
};

/**
 * The same archive as it was before migration 0008 (the B-tree customer_pinyin with its second
 * index, customer_fts_uni, an index on the 助记码), made from a copy of the new one and cached
 * beside it: the readings are those the indexer computes, written in index order.
 */
export function beforeArchive(newFile: string, dir = `${path.dirname(newFile)}-index-write`): string {
  const file = path.join(dir, 'before.sqlite');
  const key = `${BEFORE_VERSION} ${fs.statSync(newFile).mtimeMs} ${fs.statSync(newFile).size}`;
  const keyFile = path.join(dir, 'before-key.txt');
  if (fs.existsSync(file) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === key) return file;
  log('building the archive as it was before 0008 (cached)');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(newFile, file);
  const db = open(file);
  db.pragma('synchronous = OFF');
  db.exec(`CREATE TABLE customer_pinyin (
      value text NOT NULL, customer_id integer NOT NULL, PRIMARY KEY(value, customer_id),
      FOREIGN KEY (customer_id) REFERENCES customers(id) ON UPDATE no action ON DELETE no action);
    CREATE INDEX customer_pinyin_customer ON customer_pinyin (customer_id);
    CREATE INDEX customers_mnemonic ON customers (mnemonic);
    CREATE VIRTUAL TABLE customer_fts_uni USING fts5(text, tokenize = 'unicode61', content = '', contentless_delete = 1);
    CREATE TEMP TABLE readings (value text, customer_id integer);`);
  const insReading = db.prepare('INSERT INTO temp.readings VALUES (?, ?)');
  const insUni = db.prepare('INSERT INTO customer_fts_uni (rowid, text) VALUES (?, ?)');
  const rows = db.prepare('SELECT id, name, short_name, mnemonic, nature FROM customers').all() as {
    id: number;
    name: string;
    short_name: string | null;
    mnemonic: string | null;
    nature: string;
  }[];
  db.transaction(() => {
    for (const r of rows) {
      for (const v of pinyinValues(r)) insReading.run(v, r.id);
      const uni = oldUnigramText(r.name, r.short_name);
      if (uni) insUni.run(r.id, uni);
    }
    db.exec(`INSERT INTO customer_pinyin SELECT value, customer_id FROM temp.readings ORDER BY value, customer_id;
      DROP TABLE temp.readings; DROP TABLE customer_fts_py; DROP TABLE customer_fts_gram;
      INSERT INTO customer_fts_uni (customer_fts_uni) VALUES ('optimize');`);
    // as if 0008 had never run
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
    const when = journal.entries.find((e: { tag: string }) => e.tag === MIGRATION).when;
    db.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(when);
  })();
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.writeFileSync(keyFile, key);
  return file;
}

/** Migration 0008 statement by statement on a copy of the old archive: seconds each and in all. */
function timeMigration(beforeFile: string, dir: string) {
  const file = path.join(dir, 'migrate.sqlite');
  fs.copyFileSync(beforeFile, file);
  const db = open(file);
  const statements = fs
    .readFileSync(path.join(MIGRATIONS, `${MIGRATION}.sql`), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
  const loadBefore = load();
  const steps: { statement: string; seconds: number }[] = [];
  const t0 = performance.now();
  db.transaction(() => {
    for (const s of statements) {
      const t = performance.now();
      db.exec(s);
      const first = s.split('\n').find((l) => !l.startsWith('--')) ?? s;
      steps.push({ statement: first.slice(0, 70), seconds: Math.round((performance.now() - t) / 10) / 100 });
    }
  })();
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  db.close();
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}-wal`, { force: true });
  return { seconds, load_average_1m: { before: loadBefore, after: load() }, steps };
}

interface Prepared {
  customer: unknown[];
  contacts: unknown[][];
  address: unknown[] | null;
  log: string;
  search: SearchRow;
  unigram: string;
}

/** The rows of `n` new customers, computed before the clock starts (as the import does). */
function prepareRows(firstId: number, n: number): Prepared[] {
  const rng = new Prng(4242);
  const at = '2026-01-01T00:00:00.000Z';
  const out: Prepared[] = [];
  for (let id = firstId; id < firstId + n; id++) {
    const c = generateCustomer(id, rng);
    const mnemonic = pinyinReadings(c.name, c.nature).mnemonic || null;
    const customer = [
      `X${String(id).padStart(9, '0')}`,
      c.name,
      c.shortName,
      mnemonic,
      normalizeCustomerName(c.name),
      c.nature,
      c.taxId,
      c.legalRep,
      c.creditLimitCents,
      c.creditDays,
      at,
      at,
      at,
    ];
    out.push({
      customer,
      contacts: c.contacts.map((ct, i) => [
        ct.name,
        ct.title,
        ct.mobile,
        ct.phone,
        ct.phone ? phoneDigits(ct.phone) : null,
        ct.email,
        ct.isPrimary ? 1 : 0,
        i,
      ]),
      address: c.address
        ? [c.address.provinceCode, c.address.cityCode, c.address.districtCode, c.address.street, c.address.postcode]
        : null,
      // the size of a 'create' log row with every field
      log: JSON.stringify(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, { before: null, after: v }]))),
      search: {
        id: 0,
        name: c.name,
        shortName: c.shortName,
        taxId: c.taxId,
        phones: phonesText(c.contacts),
        grams: gramText(c.name, c.shortName),
        readings: pinyinValues({ name: c.name, short_name: c.shortName, mnemonic, nature: c.nature }),
      },
      unigram: oldUnigramText(c.name, c.shortName),
    });
  }
  return out;
}

/**
 * Prepared INSERTs of what an imported customer writes (record, contacts, address, search rows,
 * a log row), `rows` in one transaction; `layout` says how the search rows are written.
 */
function rawInsert(file: string, rows: Prepared[], layout: 'before' | 'after' | 'none') {
  const db = open(file);
  const ins = {
    customer: db.prepare(
      `INSERT INTO customers (code, name, short_name, mnemonic, name_norm, nature, tax_id, legal_rep, credit_limit_cents,
         credit_days, status, created_at, updated_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
    ),
    contact: db.prepare(
      'INSERT INTO customer_contacts (customer_id, name, title, mobile, phone, phone_digits, email, is_primary, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    address: db.prepare(
      `INSERT INTO customer_addresses (customer_id, kind, country, province_code, city_code, district_code, street, postcode, is_default, sort)
       VALUES (?, 'registered', 'CN', ?, ?, ?, ?, ?, 1, 0)`,
    ),
    log: db.prepare(
      `INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes) VALUES (?, 1, 'bench', 'customer', ?, 'create', ?)`,
    ),
    tri: db.prepare('INSERT INTO customer_fts_tri (rowid, name, short_name, phones, tax_id) VALUES (?, ?, ?, ?, ?)'),
    uni: layout === 'before' ? db.prepare('INSERT INTO customer_fts_uni (rowid, text) VALUES (?, ?)') : null,
    pinyin: layout === 'before' ? db.prepare('INSERT INTO customer_pinyin (value, customer_id) VALUES (?, ?)') : null,
  };
  const loadBefore = load();
  const t0 = performance.now();
  db.transaction(() => {
    const search: SearchRow[] = [];
    const pinyin: { value: string; id: number }[] = [];
    for (const r of rows) {
      const id = Number(ins.customer.run(...r.customer).lastInsertRowid);
      for (const ct of r.contacts) ins.contact.run(id, ...ct);
      if (r.address) ins.address.run(id, ...r.address);
      ins.log.run('2026-01-01T00:00:00.000Z', String(id), r.log);
      if (layout === 'after') search.push({ ...r.search, id });
      else if (layout === 'before') {
        // as write.ts did: trigram and unigram rows per customer, readings sorted by value at the end
        ins.tri.run(id, r.search.name, r.search.shortName ?? '', r.search.phones, r.search.taxId ?? '');
        if (r.unigram) ins.uni?.run(id, r.unigram);
        for (const value of r.search.readings) pinyin.push({ value, id });
      }
    }
    if (layout === 'after') writeSearchRows(db, search);
    pinyin.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.id - b.id));
    for (const p of pinyin) ins.pinyin?.run(p.value, p.id);
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return {
    rows_per_second: Math.round(rows.length / seconds),
    seconds: Math.round(seconds * 100) / 100,
    load_average_1m: { before: loadBefore, after: load() },
  };
}

/**
 * The write cost of the search index at KEHU_BENCH_ROWS customers (1,000,000): the raw insert
 * ceiling of KEHU_BENCH_IMPORT_ROWS (100,000) imported customers before migration 0008 (B-tree
 * readings) and after it (FTS5), in the same run; and how long 0008 takes on the old archive.
 */
export async function indexWriteBench() {
  const rows = Number(process.env.KEHU_BENCH_ROWS ?? 1_000_000);
  const n = Number(process.env.KEHU_BENCH_IMPORT_ROWS ?? 100_000);
  const bench = await openBenchDb(rows, log);
  bench.core.sqlite.close();
  const newFile = path.join(bench.dir, DB_FILE_NAME);
  const dir = `${bench.dir}-index-write`;
  const beforeFile = beforeArchive(newFile, dir);

  log('migration 0008 on the old archive');
  const migration = timeMigration(beforeFile, dir);
  log(`preparing ${n} rows`);
  const prepared = prepareRows(rows + 1_000_000, n);
  const runs: Record<string, ReturnType<typeof rawInsert>> = {};
  for (const layout of ['before', 'after', 'none'] as const) {
    const file = path.join(dir, `${layout}-insert.sqlite`);
    fs.copyFileSync(layout === 'before' ? beforeFile : newFile, file);
    log(`raw insert, search rows: ${layout}`);
    runs[layout] = rawInsert(file, prepared, layout);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  return {
    archive_customers: rows,
    inserted: n,
    cache_size_mib: CACHE_KIB / 1024,
    synchronous: 'FULL',
    what: 'prepared INSERTs of what an imported customer writes (record, contacts, address, search rows, one log row with every field), all in one transaction',
    before_0008: {
      ...runs.before,
      search_rows: 'customer_fts_tri + customer_fts_uni + customer_pinyin (B-tree, sorted by value)',
    },
    after_0008: {
      ...runs.after,
      search_rows: 'customer_fts_tri + customer_fts_gram + customer_fts_py (writeSearchRows)',
    },
    // the same without any search row: what the rest of an imported customer costs (the ceiling's other limit)
    after_0008_without_search_rows: runs.none,
    search_rows_share_of_time_after: Math.round((1 - runs.none.seconds / runs.after.seconds) * 100) / 100,
    ratio_after_over_before: Math.round((runs.after.rows_per_second / runs.before.rows_per_second) * 100) / 100,
    migration_0008_at_archive_size: migration,
  };
}
