import type { Core } from '../../core';
import type { Statements } from '../../statements';
import type { CustomerListRow, CustomerSearchInput } from '../shared/customers.contract';
import { IDS, planSearch, rowsStatement, SEARCH_CAP, type Stmt } from './search.sql';

const bind = (s: Stmt, ids: number[] = []) => s.params.map((p) => (p === IDS ? JSON.stringify(ids) : p));

function ids(db: Statements, s: Stmt, input: number[] = []): number[] {
  return (
    db.prepare(s.sql)
      .pluck()
      .all(...bind(s, input)) as number[]
  ).map(Number);
}

/**
 * The ids of one page of the list and how many match (up to SEARCH_CAP; `capped`: maybe more).
 * Shared with the export of the filtered list.
 */
function searchIds(
  db: Statements,
  input: CustomerSearchInput,
): { ids: number[]; found: number; capped: boolean } {
  const plan = planSearch(input);
  if (plan.mode === 'empty') return { ids: [], found: 0, capped: false };

  if (plan.mode === 'browse') {
    const found = Number(
      db.prepare(plan.count.sql)
        .pluck()
        .get(...bind(plan.count)),
    );
    // many customers pass the filters: walk the sort's index checking them; few: read their index and sort
    const page = found > SEARCH_CAP ? plan.densePage : plan.page;
    return { ids: ids(db, page), found: Math.min(found, SEARCH_CAP), capped: found > SEARCH_CAP };
  }

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
    input.offset >= inWindow.length
      ? []
      : plan.sorted
        ? ids(db, plan.page, inWindow)
        : inWindow.slice(input.offset, input.offset + input.limit);
  return { ids: page, found: inWindow.length, capped: window.length > SEARCH_CAP || cut };
}

/**
 * `customer.search`: one box (code, name, short name, 助记码 / pinyin, phone, tax ID; partial
 * matches), filters, sort and server-side paging. `total` is exact up to SEARCH_CAP matches; with
 * `totalCapped` there are more (total = SEARCH_CAP, or fewer when a filtered search stopped
 * examining candidates: "N+"). A search pages within its window of at most SEARCH_CAP matches.
 */
export function searchCustomers(
  core: Core,
  input: CustomerSearchInput,
): { items: CustomerListRow[]; total: number; totalCapped: boolean } {
  // the core's prepared statements (core.statements): the shapes are few, kinds × filters × sort
  const db = core.statements;
  const { ids: pageIds, found, capped } = searchIds(db, input);
  const items = pageIds.length
    ? (db.prepare(rowsStatement.sql).all(...bind(rowsStatement, pageIds)) as CustomerListRow[])
    : [];
  return { items, total: found, totalCapped: capped };
}
