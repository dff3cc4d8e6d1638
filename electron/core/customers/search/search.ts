import type { Core } from '../../core';
import type { Statements } from '../../statements';
import type { CustomerListRow, CustomerSearchInput } from '../shared/customers.contract';
import { type Cursor, cursorMismatch, decodeCursor, encodeCursor } from './cursor';
import { IDS, planSearch, rowsStatement, SEARCH_CAP, type Stmt } from './search.sql';

const bind = (s: Stmt, ids: number[] = []) => s.params.map((p) => (p === IDS ? JSON.stringify(ids) : p));

function ids(db: Statements, s: Stmt, input: number[] = []): number[] {
  return (
    db.prepare(s.sql)
      .pluck()
      .all(...bind(s, input)) as number[]
  ).map(Number);
}

/** One page's ids, how many match (up to SEARCH_CAP; `capped`: maybe more) and the next page's cursor. */
interface PageIds {
  ids: number[];
  found: number;
  capped: boolean;
  next: Cursor | null;
}

/** The page's ids when browsing (no box text): keyset from the cursor, if any. */
function browseIds(db: Statements, input: CustomerSearchInput, cursor: Cursor | null): PageIds {
  if (cursor && cursor.kind !== 'key') throw cursorMismatch();
  const plan = planSearch(input, cursor);
  if (plan.mode !== 'browse') throw new Error('browse planned as a search');
  if (cursor && (cursor.field !== plan.sort.field || cursor.order !== plan.sort.order)) throw cursorMismatch();
  const found = Number(
    db.prepare(plan.count.sql)
      .pluck()
      .get(...bind(plan.count)),
  );
  // many customers pass the filters: walk the sort's index checking them; few: read their index and sort
  const page = found > SEARCH_CAP ? plan.densePage : plan.page;
  const rows = db.prepare(page.sql).raw().all(...bind(page)) as [number, string][];
  const last = rows.at(-1);
  const next: Cursor | null =
    last && rows.length === input.limit
      ? { kind: 'key', field: plan.sort.field, order: plan.sort.order, value: String(last[1]), id: Number(last[0]) }
      : null;
  return { ids: rows.map((r) => Number(r[0])), found: Math.min(found, SEARCH_CAP), capped: found > SEARCH_CAP, next };
}

/**
 * The ids of one page of the list, how many match and the next cursor. A search pages within its
 * window (at most SEARCH_CAP ids), so its cursor is a position in it.
 */
function searchIds(db: Statements, input: CustomerSearchInput): PageIds {
  const cursor = input.after ? decodeCursor(input.after) : null;
  if (!input.q?.trim()) return browseIds(db, input, cursor);
  if (cursor && cursor.kind !== 'at') throw cursorMismatch();
  const offset = cursor ? cursor.offset + input.offset : input.offset;
  const plan = planSearch({ ...input, offset });
  if (plan.mode === 'empty') return { ids: [], found: 0, capped: false, next: null };
  if (plan.mode === 'browse') throw new Error('search planned as browsing');

  const exact = plan.exact ? ids(db, plan.exact) : [];
  const window = [...new Set([...exact, ...ids(db, plan.window)])];
  // with filters a kind may have stopped examining before finding everything
  const cut =
    window.length <= SEARCH_CAP &&
    plan.branches.some(
      (b) =>
        b.more &&
        db.prepare(b.more.sql)
          .pluck()
          .get(...bind(b.more)) !== undefined,
    );
  const inWindow = window.slice(0, SEARCH_CAP);
  const page =
    offset >= inWindow.length
      ? []
      : plan.sorted
        ? ids(db, plan.page, inWindow)
        : inWindow.slice(offset, offset + input.limit);
  const end = offset + page.length;
  return {
    ids: page,
    found: inWindow.length,
    capped: window.length > SEARCH_CAP || cut,
    next: page.length && end < inWindow.length ? { kind: 'at', offset: end } : null,
  };
}

/**
 * `customer.search`: one box (code, name, short name, 助记码 / pinyin, phone, tax ID; partial
 * matches), filters, sort and server-side paging. `total` is exact up to SEARCH_CAP matches; with
 * `totalCapped` there are more (total = SEARCH_CAP, or fewer when a filtered search stopped
 * examining candidates: "N+"). A search pages within its window of at most SEARCH_CAP matches;
 * `next` continues the list (browsing: keyset, at any depth).
 */
export function searchCustomers(
  core: Core,
  input: CustomerSearchInput,
): { items: CustomerListRow[]; total: number; totalCapped: boolean; next: string | null } {
  // the core's prepared statements (core.statements): the shapes are few, kinds × filters × sort
  const db = core.statements;
  const { ids: pageIds, found, capped, next } = searchIds(db, input);
  const items = pageIds.length
    ? (db.prepare(rowsStatement.sql).all(...bind(rowsStatement, pageIds)) as CustomerListRow[])
    : [];
  return { items, total: found, totalCapped: capped, next: next ? encodeCursor(next) : null };
}
