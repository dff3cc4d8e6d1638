import type { CustomerSearchInput } from '../shared/customers.contract';
import { sqlColumn, sqlSelect } from '../shared/fields';
import { pinyinMatch } from './fts-text';
import { parseSearchTerms, type SearchTerms } from './terms';

/**
 * The SQL of `customer.search`, built in one place so the EXPLAIN QUERY PLAN test sees exactly
 * the statements production runs.
 *
 * Search (a box text): every kind that applies yields candidate ids straight from an index (FTS5
 * doclists and prefix indexes in rowid order, the code's B-tree range), at most CAP + 1 of them; their union is the
 * "window" (more than CAP means "CAP+"), and only the window is ordered and paged. Nothing ranks,
 * counts or sorts a whole hit set, so a word in every name (公司) costs what a rare one does. With
 * filters, each kind examines at most EXAMINE_CAP candidates, so a common word with a narrow
 * filter stays bounded too (the count then says "N+").
 * Browse (no text): a walk of the sort order's index, stopped by LIMIT; the count stops at CAP + 1.
 */

/** Counts stop here: `total` is exact up to it, `totalCapped` says "this many or more". */
export const SEARCH_CAP = 1000;
/** With filters, a kind of match looks at no more candidates than this. */
export const EXAMINE_CAP = 5000;

/** Stands for the JSON array of customer ids a statement works on (filled in when run). */
export const IDS = Symbol('ids');
type Param = string | number | typeof IDS;
export interface Stmt {
  sql: string;
  params: Param[];
}

type Filters = CustomerSearchInput['filters'];
type Sort = NonNullable<CustomerSearchInput['sort']>;
type Dir = 'ASC' | 'DESC';

const hasFilters = (f: Filters) =>
  !!f.status?.length ||
  [f.categoryId, f.regionId, f.industryId, f.creditRatingId, f.salespersonId, f.verifiedSince, f.notVerifiedSince].some(
    (v) => v !== undefined,
  );

/** The instant (UTC ISO) a local calendar date begins, in the process's time zone (as clock.ts localDate reads it). */
const localDayStart = (date: string) => new Date(`${date}T00:00:00`).toISOString();

/**
 * The ids of a category and all its sub-categories (categories form a tree), as a subquery;
 * `param` is the placeholder of the category id ('?' or a named one such as '@categoryId').
 */
export const categoryTreeSql = (param: string) =>
  `(WITH RECURSIVE sub(id) AS (SELECT ${param} UNION SELECT l.id FROM lookups l JOIN sub ON l.kind = 'category' AND l.parent_id = sub.id) SELECT id FROM sub)`;

/**
 * `AND`-ed filter conditions on `customers c`. `residual`: written `+c.col` so SQLite checks them
 * row by row while walking the sort order's index instead of reading the filter's index and
 * sorting all it finds (the better plan when the filters let many customers through).
 */
export function filterSql(f: Filters, residual = false): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const col = (name: string) => `${residual ? '+' : ''}c.${name}`;
  if (f.status?.length) {
    parts.push(`${col('status')} IN (${f.status.map(() => '?').join(', ')})`);
    params.push(...f.status);
  }
  if (f.categoryId !== undefined) {
    // categories form a tree: a category finds its sub-categories' customers too
    parts.push(
      `${col('category_id')} IN ${categoryTreeSql('?')}`,
    );
    params.push(f.categoryId);
  }
  const eq = ['regionId', 'industryId', 'creditRatingId', 'salespersonId'] as const;
  for (const key of eq) {
    const value = f[key];
    if (value !== undefined) {
      parts.push(`${col(sqlColumn(key))} = ?`);
      params.push(value as number);
    }
  }
  // 最后核对: the partial index customers_last_verified holds the verified ones
  if (f.verifiedSince !== undefined) {
    parts.push(`${col('last_verified_at')} >= ?`);
    params.push(localDayStart(f.verifiedSince));
  }
  if (f.notVerifiedSince !== undefined) {
    parts.push(`(${col('last_verified_at')} IS NULL OR ${col('last_verified_at')} < ?)`);
    params.push(localDayStart(f.notVerifiedSince));
  }
  return { sql: parts.join(' AND '), params };
}

/** ORDER BY of a sort (each field has its index); ties broken by id so paging is stable. */
function orderSql(sort: Sort): string {
  const dir: Dir = sort.order === 'desc' ? 'DESC' : 'ASC';
  switch (sort.field) {
    case 'code':
      return `c.code ${dir}`;
    case 'name':
      return `c.name ${dir}, c.id ${dir}`;
    case 'createdAt':
      return `c.created_at ${dir}, c.id ${dir}`;
    case 'updatedAt':
      return `c.updated_at ${dir}, c.id ${dir}`;
  }
}

/** Upper bound of a prefix range: every string starting with `prefix` is below it. */
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

/** One kind's candidates: its ids (filtered, at most CAP + 1), and whether it had more to examine. */
interface Branch {
  ids: Stmt;
  /** with filters: a row iff the kind had more than EXAMINE_CAP candidates (so the count is cut) */
  more: Stmt | null;
}

/** Where one kind's candidates come from, in index order. */
interface Source {
  id: string;
  from: string;
  params: Param[];
  order: string;
}

const select = (src: Source, tail: string) =>
  `SELECT ${src.id} AS id FROM ${src.from}${src.order ? ` ORDER BY ${src.order}` : ''} ${tail}`;

/** The candidate ids of each kind that applies to the box text, `dir` picking the lowest or highest ids. */
function branchStatements(terms: SearchTerms, filters: Filters, dir: Dir): Branch[] {
  const f = filterSql(filters);
  const sources: Source[] = [];
  if (terms.trigram && terms.gram) {
    sources.push({
      id: 't.rowid',
      from: 'customer_fts_tri t JOIN customer_fts_gram g ON g.rowid = t.rowid WHERE t.customer_fts_tri MATCH ? AND g.customer_fts_gram MATCH ?',
      params: [terms.trigram, terms.gram],
      order: `t.rowid ${dir}`,
    });
  } else if (terms.trigram) {
    sources.push({
      id: 't.rowid',
      from: 'customer_fts_tri t WHERE t.customer_fts_tri MATCH ?',
      params: [terms.trigram],
      order: `t.rowid ${dir}`,
    });
  } else if (terms.num) {
    sources.push({
      id: 'n.rowid',
      from: 'customer_fts_num n WHERE n.customer_fts_num MATCH ?',
      params: [terms.num],
      order: `n.rowid ${dir}`,
    });
  } else if (terms.gram) {
    sources.push({
      id: 'g.rowid',
      from: 'customer_fts_gram g WHERE g.customer_fts_gram MATCH ?',
      params: [terms.gram],
      order: `g.rowid ${dir}`,
    });
  }
  if (terms.pinyinPrefix) {
    // one row per customer: a prefix index lookup, in rowid order like the other kinds
    sources.push({
      id: 'p.rowid',
      from: 'customer_fts_py p WHERE p.customer_fts_py MATCH ?',
      params: [pinyinMatch(terms.pinyinPrefix)],
      order: `p.rowid ${dir}`,
    });
  }
  if (terms.codePrefix) {
    sources.push({
      id: 'k.id',
      from: 'customers k WHERE k.code >= ? AND k.code < ?',
      params: [terms.codePrefix, prefixEnd(terms.codePrefix)],
      order: 'k.code',
    });
  }
  const limit = SEARCH_CAP + 1;
  return sources.map((src) =>
    f.sql
      ? {
          // examine the first EXAMINE_CAP candidates against the filters
          ids: {
            sql: `SELECT h.id AS id FROM (${select(src, `LIMIT ${EXAMINE_CAP}`)}) h CROSS JOIN customers c ON c.id = h.id WHERE ${f.sql} LIMIT ${limit}`,
            params: [...src.params, ...f.params],
          },
          more: { sql: `SELECT 1 FROM (${select(src, `LIMIT 1 OFFSET ${EXAMINE_CAP}`)})`, params: src.params },
        }
      : { ids: { sql: select(src, `LIMIT ${limit}`), params: src.params }, more: null },
  );
}

/** The window: the first CAP + 1 ids (lowest, or highest for `DESC`) of the union of the branches. */
function windowStatement(branches: Branch[], dir: Dir): Stmt {
  return {
    sql: `${branches.map((b) => `SELECT id FROM (${b.ids.sql})`).join(' UNION ')} ORDER BY id ${dir} LIMIT ${SEARCH_CAP + 1}`,
    params: branches.flatMap((b) => b.ids.params),
  };
}

/** The customer whose code is exactly the box text (shown first), within the filters. */
function exactCodeStatement(code: string, filters: Filters): Stmt {
  const f = filterSql(filters);
  return {
    sql: `SELECT c.id AS id FROM customers c WHERE c.code = ?${f.sql ? ` AND ${f.sql}` : ''}`,
    params: [code, ...f.params],
  };
}

/**
 * One page of the window ids in order: the chosen sort, or by default the exact code first, then
 * creation order (the order the window is already in, so the default needs no sorting at all).
 */
function windowPageStatement(
  sort: Sort | undefined,
  exactCode: string | null,
  limit: number,
  offset: number,
): Stmt {
  const order = sort ? orderSql(sort) : exactCode ? '(c.code = ?) DESC, c.id ASC' : 'c.id ASC';
  return {
    sql: `SELECT c.id AS id FROM json_each(?) w CROSS JOIN customers c ON c.id = w.value ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: [IDS, ...(!sort && exactCode ? [exactCode] : []), limit, offset],
  };
}

/** The column a browse sort walks (its index holds it with the id: the keyset's seek key). */
const SORT_KEY: Record<Sort['field'], string> = {
  code: 'c.code',
  name: 'c.name',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/** Where a browse page starts: after the row with this sort key and id (a keyset cursor). */
export interface Keyset {
  value: string;
  id: number;
}

/**
 * The rows after the cursor in the sort's order, written as a row value so SQLite seeks in the
 * sort's index (`(name, id) > (?, ?)`; an OR of the two comparisons would walk it from the start).
 * Codes are unique, so a code cursor needs no id.
 */
function keysetSql(sort: Sort, after: Keyset): { sql: string; params: Param[] } {
  const op = sort.order === 'desc' ? '<' : '>';
  if (sort.field === 'code') return { sql: `c.code ${op} ?`, params: [after.value] };
  return { sql: `(${SORT_KEY[sort.field]}, c.id) ${op} (?, ?)`, params: [after.value, after.id] };
}

/**
 * One page of the whole archive (no box text): the ids and their sort key (`k`, for the next
 * cursor); `residual` filters: see filterSql; `after`: start after that row (keyset).
 */
function browsePageStatement(
  filters: Filters,
  sort: Sort,
  limit: number,
  offset: number,
  residual = false,
  after: Keyset | null = null,
): Stmt {
  const f = filterSql(filters, residual);
  const k = after ? keysetSql(sort, after) : null;
  const where = [f.sql, k?.sql].filter(Boolean).join(' AND ');
  return {
    sql: `SELECT c.id AS id, ${SORT_KEY[sort.field]} AS k FROM customers c${where ? ` WHERE ${where}` : ''} ORDER BY ${orderSql(sort)} LIMIT ? OFFSET ?`,
    params: [...f.params, ...(k?.params ?? []), limit, offset],
  };
}

/** How many customers pass the filters, counted up to CAP + 1 (the whole list's count, cursor or not). */
function browseCountStatement(filters: Filters): Stmt {
  const f = filterSql(filters);
  return {
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM customers c${f.sql ? ` WHERE ${f.sql}` : ''} LIMIT ${SEARCH_CAP + 1})`,
    params: f.params,
  };
}

/** The list rows of given ids, in the order given. */
export const rowsStatement: Stmt = {
  sql: `SELECT c.id, ${sqlSelect(['code', 'name', 'shortName', 'mnemonic', 'nature'])},
      cat.name AS categoryName, ind.name AS industryName, reg.name AS regionName, cr.name AS creditRatingName,
      sp.display_name AS salespersonName, ct.name AS contactName, ct.mobile AS mobile, ct.phone AS phone,
      ${sqlSelect(['taxId', 'creditLimitCents', 'contractEndDate', 'status', 'statusChangedAt'])}, su.display_name AS statusChangedByName,
      sr.name AS statusReasonName, c.status_memo AS statusMemo,
      (SELECT s.effective_date FROM customer_status_schedules s
        WHERE s.customer_id = c.id AND s.state = 'pending' ORDER BY s.id DESC LIMIT 1) AS scheduledDeactivation,
      c.last_verified_at AS lastVerifiedAt, ${sqlSelect(['updatedAt'])}
    FROM json_each(?) w
    CROSS JOIN customers c ON c.id = w.value
    LEFT JOIN lookups cat ON cat.id = c.category_id
    LEFT JOIN lookups ind ON ind.id = c.industry_id
    LEFT JOIN lookups reg ON reg.id = c.region_id
    LEFT JOIN lookups cr ON cr.id = c.credit_rating_id
    LEFT JOIN users sp ON sp.id = c.salesperson_id
    LEFT JOIN users su ON su.id = c.status_changed_by
    LEFT JOIN lookups sr ON sr.id = c.status_reason_id
    LEFT JOIN customer_contacts ct ON ct.id = (
      SELECT x.id FROM customer_contacts x WHERE x.customer_id = c.id ORDER BY x.is_primary DESC, x.sort, x.id LIMIT 1)
    ORDER BY w.key`,
  params: [IDS],
};

type SearchPlan =
  | { mode: 'empty' }
  | {
      mode: 'search';
      branches: Branch[];
      /** the union of the branches, first CAP + 1 */
      window: Stmt;
      exact: Stmt | null;
      /** explicit sort: a page of the window ids; by default the window order itself is the page */
      page: Stmt;
      sorted: boolean;
      rows: Stmt;
    }
  | {
      mode: 'browse';
      /** the order the page is in (its cursor names it) */
      sort: Sort;
      /** the filters through their indexes: when few customers pass them */
      page: Stmt;
      /** the filters checked while walking the sort's index: when many pass them (count capped) */
      densePage: Stmt;
      count: Stmt;
      rows: Stmt;
    };

export const DEFAULT_BROWSE_SORT: Sort = { field: 'code', order: 'asc' };

/**
 * Every statement one `customer.search` call may run, with its parameters. `after`: browsing
 * continues after that row (the decoded cursor; search.ts checks it belongs to this sort).
 */
export function planSearch(input: CustomerSearchInput, after: Keyset | null = null): SearchPlan {
  const q = input.q?.trim() ?? '';
  if (!q) {
    const sort = input.sort ?? DEFAULT_BROWSE_SORT;
    const residual = hasFilters(input.filters);
    return {
      mode: 'browse',
      sort,
      page: browsePageStatement(input.filters, sort, input.limit, input.offset, false, after),
      densePage: browsePageStatement(input.filters, sort, input.limit, input.offset, residual, after),
      count: browseCountStatement(input.filters),
      rows: rowsStatement,
    };
  }
  const terms = parseSearchTerms(q);
  const dir: Dir = input.sort?.order === 'desc' ? 'DESC' : 'ASC';
  const branches = branchStatements(terms, input.filters, dir);
  if (!branches.length) return { mode: 'empty' };
  return {
    mode: 'search',
    branches,
    window: windowStatement(branches, dir),
    exact: terms.exactCode ? exactCodeStatement(terms.exactCode, input.filters) : null,
    page: windowPageStatement(input.sort, terms.exactCode, input.limit, input.offset),
    sorted: !!input.sort,
    rows: rowsStatement,
  };
}
