import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinValues } from '../../../../electron/core/customers/search/indexer';
import { EXAMINE_CAP, SEARCH_CAP } from '../../../../electron/core/customers/search/search.sql';
import { phoneDigits } from '../../../../electron/core/customers/shared/customer.rules';
import { Prng } from '../../../bench/seed/prng';
import { seedCustomers } from '../../../bench/seed/seed';
import { makeEnv, type TestClient, type TestEnv } from '../../support/test-core';

/** Search on a generated archive larger than the caps, checked against a plain scan of the data. */
const ROWS = EXAMINE_CAP + 300;
let env: TestEnv;
let admin: TestClient;

interface Customer {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  mnemonic: string | null;
  nature: string;
  tax_id: string | null;
  region_id: number | null;
  salesperson_id: number | null;
  phones: string[];
  pinyin: string[];
}
let archive: Customer[];

beforeAll(async () => {
  env = await makeEnv();
  admin = await env.admin();
  env.core.sqlite.transaction(() => seedCustomers(env.core.sqlite, { count: ROWS, seed: 5 }))();
  env.core.sqlite.exec('ANALYZE');
  const db = env.core.sqlite;
  archive = (
    db
      .prepare(
        'SELECT id, code, name, short_name, mnemonic, nature, tax_id, region_id, salesperson_id FROM customers ORDER BY id',
      )
      .all() as Customer[]
  ).map((c) => ({
    ...c,
    phones: (
      db.prepare('SELECT mobile, phone FROM customer_contacts WHERE customer_id = ?').all(c.id) as {
        mobile: string | null;
        phone: string | null;
      }[]
    )
      .flatMap((x) => [x.mobile, x.phone])
      .filter((p): p is string => !!p),
    // what the indexer was given: the stored readings cannot be read back from the FTS table
    pinyin: pinyinValues(c),
  }));
});
afterAll(() => env.close());

const HAN = /^\p{Script=Han}+$/u;

/** What the box should find, by reading every customer (one word, no filters). */
function scan(q: string): number[] {
  const upper = q.toUpperCase();
  const lower = q.toLowerCase();
  const digits = /^[\d\s\-+()]+$/.test(q) ? phoneDigits(q) : null;
  const text = q.length >= 3 || HAN.test(q);
  return archive
    .filter((c) => {
      if (/^[0-9A-Za-z_-]+$/.test(q) && c.code.startsWith(upper)) return true;
      if (/^[0-9a-z]+$/.test(lower) && c.pinyin.some((v) => v.startsWith(lower))) return true;
      if (digits !== null)
        return (
          digits.length >= 3 &&
          [...c.phones.map(phoneDigits), c.name, c.short_name ?? '', c.tax_id ?? ''].some((s) => s.includes(digits))
        );
      if (!text) return false;
      return [c.name, c.short_name ?? '', c.tax_id ?? '', ...c.phones].some((s) => s.toUpperCase().includes(upper));
    })
    .map((c) => c.id);
}

async function allHits(
  q: string,
  filters: object = {},
): Promise<{ ids: number[]; total: number; totalCapped: boolean }> {
  const first = await admin.ok('customer.search', { q, filters, limit: 500 });
  const second = await admin.ok('customer.search', { q, filters, limit: 500, offset: 500 });
  return {
    ids: [...first.items, ...second.items].map((r: { id: number }) => r.id),
    total: first.total,
    totalCapped: first.totalCapped,
  };
}

describe('on a generated archive', () => {
  it('finds exactly what a scan of every customer finds, for every kind of query under the cap', async () => {
    const rng = new Prng(99);
    const queries = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const c = archive[rng.int(archive.length)];
      const han = [...c.name].filter((ch) => HAN.test(ch));
      const at = rng.int(Math.max(1, han.length - 3));
      queries.add(han.slice(at, at + 1).join('')); // 1 character
      queries.add(c.name.slice(at, at + 2)); // 2 characters
      queries.add(c.name.slice(at, at + 4)); // a longer substring
      queries.add(c.pinyin[rng.int(c.pinyin.length)].slice(0, 2 + rng.int(4))); // pinyin prefix
      queries.add(c.pinyin[rng.int(c.pinyin.length)].slice(0, 5 + rng.int(20))); // a longer one, past the prefix indexes too
      queries.add(c.code.slice(0, 4 + rng.int(3)).toLowerCase()); // code prefix
      if (c.phones[0]) queries.add(phoneDigits(c.phones[0]).slice(3, 8)); // phone fragment
      if (c.tax_id) queries.add(c.tax_id.slice(2, 9)); // tax ID fragment
    }
    let compared = 0;
    for (const q of queries) {
      if (!q.trim()) continue;
      const expected = scan(q);
      const got = await allHits(q);
      if (expected.length > SEARCH_CAP) {
        expect({ q, total: got.total, capped: got.totalCapped }).toEqual({ q, total: SEARCH_CAP, capped: true });
        continue;
      }
      compared++;
      expect({ q, ids: [...got.ids].sort((a, b) => a - b), total: got.total }).toEqual({
        q,
        ids: expected,
        total: expected.length,
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('caps the count at 1000 and pages within those 1000; browsing pages on past them', async () => {
    const hits = await admin.ok('customer.search', { q: 'c0', limit: 50 });
    expect(hits).toMatchObject({ total: 1000, totalCapped: true });
    expect(hits.items.map((r: { code: string }) => r.code).slice(0, 3)).toEqual(['C000001', 'C000002', 'C000003']);
    const tail = await admin.ok('customer.search', { q: 'c0', limit: 50, offset: 980 });
    expect(tail.items).toHaveLength(20);
    expect((await admin.ok('customer.search', { q: 'c0', offset: 1000 })).items).toEqual([]);
    expect(await admin.ok('customer.search', { q: 'c0', limit: 50, offset: 980 })).toEqual(tail); // the same window every time

    const browse = await admin.ok('customer.search', { limit: 50, offset: 4_000 });
    expect(browse).toMatchObject({ total: 1000, totalCapped: true });
    expect(browse.items.map((r: { code: string }) => r.code)).toEqual(
      Array.from({ length: 50 }, (_, i) => `C${String(4_001 + i).padStart(6, '0')}`),
    );
  });

  it('with a filter, examines a bounded number of candidates and says there may be more', async () => {
    const salespersonId = archive.find((c) => c.salesperson_id)!.salesperson_id!;
    const r = await allHits('c0', { salespersonId });
    // the first EXAMINE_CAP codes, of those the salesperson's
    const expected = archive.filter((c) => c.id <= EXAMINE_CAP && c.salesperson_id === salespersonId).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.length).toBeLessThan(SEARCH_CAP);
    expect({ ids: [...r.ids].sort((a, b) => a - b), total: r.total, totalCapped: r.totalCapped }).toEqual({
      ids: expected,
      total: expected.length,
      totalCapped: true,
    });
    // a narrower text is examined completely: exact, not capped
    const narrow = await allHits('c0001', { salespersonId });
    const exact = archive
      .filter((c) => c.code.startsWith('C0001') && c.salesperson_id === salespersonId)
      .map((c) => c.id);
    expect({
      ids: [...narrow.ids].sort((a, b) => a - b),
      total: narrow.total,
      totalCapped: narrow.totalCapped,
    }).toEqual({ ids: exact, total: exact.length, totalCapped: false });
  });

  it('browses a filter the same whether many or few customers pass it', async () => {
    const salespersonId = archive.find((c) => c.salesperson_id)!.salesperson_id!;
    const regionId = archive.find((c) => c.region_id)!.region_id!;
    for (const filters of [{ regionId }, { salespersonId }, { regionId, salespersonId }]) {
      const passing = archive.filter(
        (c) =>
          (!('regionId' in filters) || c.region_id === regionId) &&
          (!('salespersonId' in filters) || c.salesperson_id === salespersonId),
      );
      for (const sort of [
        undefined,
        { field: 'name', order: 'desc' } as const,
        { field: 'updatedAt', order: 'asc' } as const,
      ]) {
        const r = await admin.ok('customer.search', { filters, sort, limit: 40, offset: 10 });
        expect(r.total).toBe(Math.min(passing.length, SEARCH_CAP));
        expect(r.totalCapped).toBe(passing.length > SEARCH_CAP);
        const reference = env.core.sqlite
          .prepare(
            `SELECT c.id FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))
             ORDER BY ${sort ? `c.${sort.field === 'name' ? 'name' : 'updated_at'} ${sort.order}, c.id ${sort.order}` : 'c.code'} LIMIT 40 OFFSET 10`,
          )
          .pluck()
          .all(JSON.stringify(passing.map((c) => c.id)));
        expect(r.items.map((x: { id: number }) => x.id)).toEqual(reference);
      }
    }
  });
});
