import type { Sqlite } from '../../../db/open';
import { normalizeCustomerName, phoneDigits } from '../../../electron/core/customers/shared/customer.rules';
import {
  gramText,
  phonesText,
  pinyinValues,
  type SearchRow,
  writeSearchRows,
} from '../../../electron/core/customers/search/indexer';
import { pinyinReadings } from '../../../electron/core/customers/search/pinyin';
import { generateCustomer, type SeedCustomer } from './generate';
import { Prng } from './prng';

/** Bump when the generated data changes: cached bench databases are rebuilt. */
export const SEED_VERSION = 2;
const SALESPEOPLE = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '黄磊',
  '赵敏',
  '吴涛',
  '周婷',
  '徐鹏',
  '孙丽',
  '马超',
  '朱琳',
  '胡斌',
  '郭欣',
  '何勇',
  '高峰',
  '林娜',
  '罗毅',
];

export interface SeedOptions {
  /** how many customers to add */
  count: number;
  /** PRNG seed: the same seed gives the same archive */
  seed?: number;
  /** customers per transaction */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

function lookupIds(sqlite: Sqlite, kind: string): Map<string, number> {
  const rows = sqlite.prepare('SELECT name, id FROM lookups WHERE kind = ?').all(kind) as {
    name: string;
    id: number;
  }[];
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The 20 salespeople (users who cannot sign in), created on first use. */
function salespeople(sqlite: Sqlite, at: string): number[] {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, '!', ?, ?)`,
  );
  const find = sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck();
  return SALESPEOPLE.map((name, i) => {
    const username = `sales${String(i + 1).padStart(2, '0')}`;
    insert.run(username, name, at, at);
    return find.get(username) as number;
  });
}

/**
 * Adds `count` generated customers (with contacts and addresses) straight into the tables with
 * prepared statements, in big transactions, and indexes them with the search indexer. Numbering
 * continues after the highest existing customer id, so it can grow an archive.
 */
export function seedCustomers(sqlite: Sqlite, opts: SeedOptions): { first: number; last: number } {
  const batch = opts.batch ?? 10_000;
  const rng = new Prng(opts.seed ?? 20_240_601);
  const epoch = Date.parse('2015-01-01T00:00:00Z');
  const span = Date.parse('2025-06-01T00:00:00Z') - epoch;
  const sp = salespeople(sqlite, new Date(epoch).toISOString());
  const category = lookupIds(sqlite, 'category');
  const industry = lookupIds(sqlite, 'industry');
  const region = lookupIds(sqlite, 'region');
  const rating = lookupIds(sqlite, 'creditRating');

  const insCustomer = sqlite.prepare(
    `INSERT INTO customers (id, code, name, short_name, mnemonic, name_norm, category_id, nature, industry_id, region_id,
       credit_rating_id, tax_id, legal_rep, credit_limit_cents, credit_days, salesperson_id, status,
       created_at, created_by, updated_at, updated_by, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, NULL, ?, NULL, 1)`,
  );
  const insContact = sqlite.prepare(
    'INSERT INTO customer_contacts (customer_id, name, title, mobile, phone, phone_digits, email, is_primary, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insAddress = sqlite.prepare(
    `INSERT INTO customer_addresses (customer_id, kind, country, province_code, city_code, district_code, street, postcode, is_default, sort)
     VALUES (?, 'registered', 'CN', ?, ?, ?, ?, ?, 1, 0)`,
  );
  const start = ((sqlite.prepare('SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0) + 1;
  const total = opts.count;

  const insertOne = (id: number, c: SeedCustomer): SearchRow => {
    const mnemonic = pinyinReadings(c.name, c.nature).mnemonic || null;
    const created = epoch + Math.floor((span * (id - 1)) / Math.max(total + start, 1)) + rng.int(60_000);
    const updated = created + (rng.chance(0.5) ? rng.int(300 * 86_400_000) : 0);
    insCustomer.run(
      id,
      c.code,
      c.name,
      c.shortName,
      mnemonic,
      normalizeCustomerName(c.name),
      category.get(c.category) ?? null,
      c.nature,
      c.industry ? (industry.get(c.industry) ?? null) : null,
      region.get(c.region) ?? null,
      rating.get(c.rating) ?? null,
      c.taxId,
      c.legalRep,
      c.creditLimitCents,
      c.creditDays,
      c.salesperson === null ? null : sp[c.salesperson],
      new Date(created).toISOString(),
      new Date(updated).toISOString(),
    );
    c.contacts.forEach((ct, i) => {
      insContact.run(
        id,
        ct.name,
        ct.title,
        ct.mobile,
        ct.phone,
        ct.phone ? phoneDigits(ct.phone) : null,
        ct.email,
        ct.isPrimary ? 1 : 0,
        i,
      );
    });
    if (c.address) {
      const a = c.address;
      insAddress.run(id, a.provinceCode, a.cityCode, a.districtCode, a.street, a.postcode);
    }
    // the search rows from what was just written, as the import writes them (no read-back)
    return {
      id,
      name: c.name,
      shortName: c.shortName,
      taxId: c.taxId,
      phones: phonesText(c.contacts),
      grams: gramText(c.name, c.shortName),
      readings: pinyinValues({ name: c.name, short_name: c.shortName, mnemonic, nature: c.nature }),
    };
  };

  const runBatch = sqlite.transaction((from: number, to: number) => {
    const rows: SearchRow[] = [];
    for (let id = from; id < to; id++) rows.push(insertOne(id, generateCustomer(id, rng)));
    writeSearchRows(sqlite, rows);
  });
  for (let done = 0; done < total; ) {
    const n = Math.min(batch, total - done);
    runBatch(start + done, start + done + n);
    done += n;
    opts.onProgress?.(done, total);
  }
  return { first: start, last: start + total - 1 };
}

/** After a bulk load: merge the FTS segments and refresh the planner's statistics. */
export function finishBulkLoad(sqlite: Sqlite): void {
  sqlite.exec(`INSERT INTO customer_fts_tri (customer_fts_tri) VALUES ('optimize')`);
  sqlite.exec(`INSERT INTO customer_fts_gram (customer_fts_gram) VALUES ('optimize')`);
  sqlite.exec(`INSERT INTO customer_fts_py (customer_fts_py) VALUES ('optimize')`);
  sqlite.exec(`INSERT INTO customer_fts_num (customer_fts_num) VALUES ('optimize')`);
  sqlite.exec('ANALYZE');
}
