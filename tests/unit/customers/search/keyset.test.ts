import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_FIELDS } from '../../../../electron/core/customers/shared/customers.contract';
import { seedCustomers } from '../../../bench/seed/seed';
import { makeEnv, type TestClient, type TestEnv } from '../../support/test-core';

/**
 * Browsing pages by cursor (`after` = the previous answer's `next`, a keyset seek in the sort's
 * index) gives exactly the pages OFFSET gives, for every sort and direction, with ties in the sort
 * key and with filters that let many (the residual walk) or few (the filter's index) through.
 */
let env: TestEnv;
let admin: TestClient;
let salespersonId: number;
const PAGE = 97;

beforeAll(async () => {
  env = await makeEnv();
  admin = await env.admin();
  const db = env.core.sqlite;
  db.transaction(() => seedCustomers(db, { count: 2_500, seed: 5 }))();
  // ties in every sort key but the (unique) code: the id must break them the same way both ways
  db.exec(`UPDATE customers SET name = '重复名称有限公司' WHERE id % 7 = 0`);
  db.exec(`UPDATE customers SET updated_at = '2024-05-01T08:00:00.000Z' WHERE id % 5 = 0`);
  db.exec(`UPDATE customers SET created_at = '2023-01-01T00:00:00.000Z' WHERE id % 3 = 0`);
  db.exec('ANALYZE');
  salespersonId = db.prepare(`SELECT id FROM users WHERE username = 'sales01'`).pluck().get() as number;
});
afterAll(() => env.close());

interface Page {
  items: { id: number }[];
  total: number;
  next: string | null;
}

async function byOffset(input: object): Promise<number[]> {
  const out: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r: Page = await admin.ok('customer.search', { ...input, limit: PAGE, offset });
    out.push(...r.items.map((i) => i.id));
    if (r.items.length < PAGE) return out;
  }
}

async function byCursor(input: object): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let after: string | undefined;
  for (let pages = 1; ; pages++) {
    const r: Page = await admin.ok('customer.search', { ...input, limit: PAGE, after });
    ids.push(...r.items.map((i) => i.id));
    if (!r.next) return { ids, pages };
    after = r.next;
  }
}

describe('browsing by cursor (keyset)', () => {
  const sorts = SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((order) => ({ field, order })));

  it('has ties to break (the test data is what it claims)', () => {
    const db = env.core.sqlite;
    const tied = (col: string) =>
      db.prepare(`SELECT max(n) FROM (SELECT count(*) AS n FROM customers GROUP BY ${col})`).pluck().get() as number;
    expect(tied('name')).toBeGreaterThan(PAGE);
    expect(tied('updated_at')).toBeGreaterThan(PAGE);
    expect(tied('created_at')).toBeGreaterThan(PAGE);
  });

  for (const sort of [undefined, ...sorts]) {
    const label = sort ? `${sort.field} ${sort.order}` : 'default';
    it(`pages exactly as OFFSET does: ${label}, with and without filters`, async () => {
      const filterSets = [{}, { status: ['active'] }, { salespersonId }, { salespersonId, status: ['active'] }];
      for (const filters of filterSets) {
        const input = { filters, sort };
        const offsetIds = await byOffset(input);
        const cursor = await byCursor(input);
        expect(cursor.ids, `${label} ${JSON.stringify(filters)}`).toEqual(offsetIds);
        expect(new Set(cursor.ids).size).toBe(cursor.ids.length);
      }
      // the unfiltered walk went through every customer, many pages deep
      const all = await byCursor({ sort });
      expect(all.ids).toHaveLength(2_500);
      expect(all.pages).toBeGreaterThan(20);
    });
  }

  it('a search pages by cursor within its window as it does by offset', async () => {
    const input = { q: '公司' };
    const first: Page = await admin.ok('customer.search', { ...input, limit: 40 });
    expect(first.next).not.toBeNull();
    const second: Page = await admin.ok('customer.search', { ...input, limit: 40, after: first.next ?? undefined });
    const byOff: Page = await admin.ok('customer.search', { ...input, limit: 40, offset: 40 });
    expect(second.items.map((i) => i.id)).toEqual(byOff.items.map((i) => i.id));
    expect(second.items).toHaveLength(40);
  });

  it('says null at the end', async () => {
    const r: Page = await admin.ok('customer.search', { filters: { salespersonId }, limit: 500 });
    expect(r.items.length).toBeLessThan(500);
    expect(r.next).toBeNull();
  });

  it('refuses a bad cursor with the translated invalid-input error, and one of another sort or mode', async () => {
    const expectBad = async (input: object) => {
      const r = await admin.callRaw('customer.search', input);
      expect(r.ok ? null : r.error).toEqual({
        code: 'INVALID_INPUT',
        messageKey: 'customers.errors.badCursor',
        fields: { after: 'customers.errors.badCursor' },
      });
    };
    await expectBad({ after: 'not a cursor' });
    await expectBad({ after: Buffer.from('["k","code","asc"]').toString('base64url') });
    await expectBad({ after: Buffer.from('["k","nope","asc","x",1]').toString('base64url') });
    const byName: Page = await admin.ok('customer.search', { sort: { field: 'name', order: 'asc' }, limit: 5 });
    await expectBad({ sort: { field: 'code', order: 'asc' }, after: byName.next ?? undefined });
    await expectBad({ sort: { field: 'name', order: 'desc' }, after: byName.next ?? undefined });
    await expectBad({ q: '公司', sort: { field: 'name', order: 'asc' }, after: byName.next ?? undefined });
    const search: Page = await admin.ok('customer.search', { q: '公司', limit: 5 });
    await expectBad({ after: search.next ?? undefined });
  });
});
