import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSearchSchema, SORT_FIELDS } from '../../../../electron/core/customers/shared/customers.contract';
import { IDS, planSearch, type Stmt } from '../../../../electron/core/customers/search/search.sql';
import { seedCustomers } from '../../../bench/seed/seed';
import { makeEnv, type TestEnv } from '../../support/test-core';

/**
 * Every interactive search shape — each kind of box text, with and without each filter, browsing
 * with each sort — is planned by SQLite on an analysed archive of a few thousand customers; no
 * statement may walk a whole table (SCAN without an index). The statements come from planSearch,
 * the function customer.search itself runs, so this cannot drift from production.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await makeEnv();
  env.core.sqlite.transaction(() => seedCustomers(env.core.sqlite, { count: 3_000, seed: 11 }))();
  env.core.sqlite.exec('ANALYZE');
});
afterAll(() => env.close());

const REAL_TABLES = new Set(['customers', 'customer_contacts', 'customer_addresses', 'lookups', 'users']);
/** The FTS5 search tables: read through a MATCH (idxStr M…) or by rowid (=), never walked whole. */
const FTS_TABLES = new Set(['customer_fts_tri', 'customer_fts_gram', 'customer_fts_py', 'customer_fts_num']);

/** alias → table, read from the statement's FROM / JOIN clauses */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    out.set(m[1], m[1]);
    if (m[2]) out.set(m[2], m[1]);
  }
  return out;
}

const planLines = (s: Stmt) =>
  (
    env.core.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
      .all(...s.params.map((p) => (p === IDS ? '[1,2,3]' : p))) as { detail: string }[]
  ).map((r) => r.detail);

/** The plan lines of a statement that sort what it read (a temporary B-tree for ORDER BY). */
function sorts(s: Stmt): string[] {
  return planLines(s).filter((detail) => /USE TEMP B-TREE/.test(detail));
}

/**
 * Whether a statement starts where it is asked to: it SEARCHes the customers by a range of an
 * index (`(name>?)`), not walks an index from its start (what OFFSET and an OR-written keyset do).
 */
function seeks(s: Stmt): boolean {
  return planLines(s).some((detail) => /^SEARCH c USING (COVERING )?INDEX \w+ \(\w+[<>]\?\)/.test(detail));
}

/** The plan lines of a statement that read a whole table (or a whole FTS index). */
function fullScans(s: Stmt): string[] {
  const tables = aliases(s.sql);
  return planLines(s)
    .filter((detail) => {
      const m = /^SCAN (\w+)(.*)$/.exec(detail);
      if (!m) return false;
      const table = tables.get(m[1]);
      if (table && FTS_TABLES.has(table)) return !/^ VIRTUAL TABLE INDEX \d+:.*[M=]/.test(m[2]);
      return !!table && REAL_TABLES.has(table) && !/\bINDEX\b/.test(m[2]) && !/VIRTUAL TABLE/.test(m[2]);
    });
}

function lookupIds() {
  const id = (kind: string) =>
    env.core.sqlite.prepare('SELECT id FROM lookups WHERE kind = ? ORDER BY id LIMIT 1').pluck().get(kind) as number;
  const salesperson = env.core.sqlite
    .prepare(`SELECT id FROM users WHERE username = 'sales01'`)
    .pluck()
    .get() as number;
  return {
    categoryId: id('category'),
    regionId: id('region'),
    industryId: id('industry'),
    creditRatingId: id('creditRating'),
    salespersonId: salesperson,
  };
}

const BOX_TEXTS = {
  browse: undefined,
  chinese_1_char: '海',
  chinese_2_chars: '海淀',
  chinese_substring: '海淀科技',
  chinese_and_longer_words: '北京 海淀科技',
  pinyin_initials: 'bjhd',
  full_pinyin: 'beijinghaidian',
  pinyin_between_prefix_indexes: 'bjhdk',
  pinyin_past_prefix_indexes: 'beijinghaidiankeji',
  chinese_2_common: '有限',
  chinese_two_words: '北京 科技',
  one_letter: 'c',
  code_prefix: 'C00012',
  phone_fragment: '138-1234',
  phone_short: '1381',
  tax_id: '91110108MA',
  tax_id_infix: '0108ma',
};

/** A cursor deep in the list (the values matter little: the plan is what is checked). */
const DEEP = { value: 'C001500', id: 1500 };

function shapes() {
  const ids = lookupIds();
  const filterSets: Record<string, object> = {
    none: {},
    status: { status: ['active'] },
    ...Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, { [k]: v }])),
    verifiedSince: { verifiedSince: '2026-01-01' },
    notVerifiedSince: { notVerifiedSince: '2026-01-01' },
    all: { status: ['active'], ...ids },
  };
  const sorts = [
    undefined,
    ...SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((order) => ({ field, order }))),
  ];
  const out: { name: string; input: ReturnType<typeof customerSearchSchema.parse> }[] = [];
  for (const [kind, q] of Object.entries(BOX_TEXTS)) {
    for (const [filterName, filters] of Object.entries(filterSets)) {
      for (const sort of sorts) {
        out.push({
          name: `${kind} / filters ${filterName} / sort ${sort ? `${sort.field} ${sort.order}` : 'default'}`,
          input: customerSearchSchema.parse({ q, filters, sort, limit: 50, offset: 100 }),
        });
      }
    }
  }
  return out;
}

describe('query plans of customer.search', () => {
  it('cover every kind, filter and sort', () => {
    const modes = new Set(shapes().map((s) => planSearch(s.input).mode));
    expect(modes).toEqual(new Set(['browse', 'search']));
    expect(shapes()).toHaveLength(Object.keys(BOX_TEXTS).length * 10 * 9);
  });

  it('never read a whole table', () => {
    const failures: string[] = [];
    for (const { name, input } of shapes()) {
      const plan = planSearch(input);
      if (plan.mode === 'empty') {
        failures.push(`${name}: no statement`);
        continue;
      }
      const deep = planSearch(input, DEEP);
      const statements =
        plan.mode === 'browse'
          ? [plan.page, plan.densePage, plan.count, plan.rows, ...(deep.mode === 'browse' ? [deep.page, deep.densePage] : [])]
          : [...plan.branches.flatMap((b) => [b.ids, b.more]), plan.window, plan.exact, plan.page, plan.rows];
      for (const s of statements) {
        if (!s) continue;
        // 未核对 since a date includes the never verified, whom no index holds (customers_last_verified
        // is partial: verified ones only); only the browse count walks the table, and it stops at
        // SEARCH_CAP + 1 matches
        if (plan.mode === 'browse' && s === plan.count && 'notVerifiedSince' in input.filters) continue;
        for (const line of fullScans(s))
          failures.push(`${name}: ${line} in ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect([...new Set(failures)]).toEqual([]);
  });

  it('browse at any depth (a keyset cursor) seeks in the sort index: no full scan, no sort', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { name, input } of shapes()) {
      const deep = planSearch(input, DEEP);
      if (deep.mode !== 'browse') continue;
      // the page read whenever more than SEARCH_CAP customers pass the filters (the only case
      // with deep pages); without filters the two are the same statement
      const statements = Object.keys(input.filters).length ? [deep.densePage] : [deep.page, deep.densePage];
      for (const s of statements) {
        checked++;
        if (!seeks(s)) failures.push(`${name}: no seek: ${planLines(s).join(' / ')}`);
        for (const line of [...fullScans(s), ...sorts(s)])
          failures.push(`${name}: ${line} in ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8 * 9);
    expect([...new Set(failures)]).toEqual([]);
  });

  it('would notice a sort, and a walk from the start of the index', () => {
    expect(
      sorts({ sql: 'SELECT c.id FROM customers c WHERE c.id > ? ORDER BY c.memo LIMIT 10', params: [5] }),
    ).toHaveLength(1);
    // the OR form of a keyset cannot seek: SQLite walks the name index from its first entry
    const or = 'SELECT c.id FROM customers c WHERE c.name > ? OR (c.name = ? AND c.id > ?) ORDER BY c.name, c.id LIMIT 10';
    expect(seeks({ sql: or, params: ['a', 'a', 1] })).toBe(false);
    expect(seeks({ sql: 'SELECT c.id FROM customers c ORDER BY c.code LIMIT 10 OFFSET 5000', params: [] })).toBe(false);
    const rowValue = 'SELECT c.id FROM customers c WHERE (c.name, c.id) > (?, ?) ORDER BY c.name, c.id LIMIT 10';
    expect(seeks({ sql: rowValue, params: ['a', 1] })).toBe(true);
  });

  it('would notice a full scan', () => {
    expect(fullScans({ sql: 'SELECT id FROM customers c WHERE c.memo LIKE ?', params: ['%x%'] })).toEqual(['SCAN c']);
    expect(fullScans({ sql: 'SELECT id FROM customers WHERE memo = ?', params: ['x'] })).toEqual(['SCAN customers']);
    for (const fts of FTS_TABLES) {
      expect(fullScans({ sql: `SELECT rowid FROM ${fts} f ORDER BY rowid LIMIT 5`, params: [] })).toHaveLength(1);
      expect(fullScans({ sql: `SELECT rowid FROM ${fts} f WHERE f.${fts} MATCH ? LIMIT 5`, params: ['"x"'] })).toEqual(
        [],
      );
    }
  });
});
