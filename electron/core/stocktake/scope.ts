import type { Core } from '../core';
import { filterSql } from '../customers/search/search.sql';
import type { StocktakeScope } from './shared/stocktake.contract';

type Param = string | number;
type StoredScope = { kind: 'all' } | { kind: 'filter'; filters: Extract<StocktakeScope, { kind: 'filter' }>['filters'] } | { kind: 'selection' };

/** The scope as the stocktake row keeps it: a filter gets its default state (active only); a selection's ids live in stocktake_expected. */
export function storedScope(scope: StocktakeScope): StoredScope {
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'selection') return { kind: 'selection' };
  const filters = { ...scope.filters };
  if (!filters.status?.length) filters.status = ['active'];
  return { kind: 'filter', filters };
}

/**
 * `FROM customers c WHERE …` of a scope that is a query (all, filter): the same conditions the
 * customer list's filter uses (search.sql.ts filterSql), so "盘点 this filter" counts what the list showed.
 */
function whereOf(scope: Exclude<StoredScope, { kind: 'selection' }>): { sql: string; params: Param[] } {
  if (scope.kind === 'all') return { sql: `c.status = 'active'`, params: [] };
  const f = filterSql(scope.filters);
  return { sql: f.sql || '1', params: f.params as Param[] };
}

/** How many customers a scope holds now (the create dialog's figure). */
export function countScope(core: Core, scope: StocktakeScope): number {
  if (scope.kind === 'selection') {
    return core.statements
      .prepare('SELECT count(*) FROM customers WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(JSON.stringify(scope.ids)) as number;
  }
  const w = whereOf(storedScope(scope) as Exclude<StoredScope, { kind: 'selection' }>);
  return core.sqlite.prepare(`SELECT count(*) FROM customers c WHERE ${w.sql}`).pluck().get(...w.params) as number;
}

/** A selection's ticked customers (those that exist) into the expected set, with their category and state now. */
export function storeSelection(core: Core, stocktakeId: number, ids: number[]): number {
  core.statements.prepare('DELETE FROM stocktake_expected WHERE stocktake_id = ?').run(stocktakeId);
  return core.statements
    .prepare(
      `INSERT INTO stocktake_expected (stocktake_id, customer_id, category_id, status)
       SELECT ?, c.id, c.category_id, c.status FROM customers c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    )
    .run(stocktakeId, JSON.stringify(ids)).changes;
}

/**
 * Freezes the expected set when counting starts, set-based (one INSERT … SELECT, or one UPDATE …
 * FROM for a selection): the customers of the scope with their category and state as they are
 * now. Later edits, additions and state changes of customers do not move it. Returns its size.
 */
export function freezeExpected(core: Core, stocktakeId: number, scope: StoredScope): number {
  if (scope.kind === 'selection') {
    core.statements
      .prepare(
        `UPDATE stocktake_expected SET category_id = c.category_id, status = c.status
         FROM customers c WHERE c.id = stocktake_expected.customer_id AND stocktake_expected.stocktake_id = ?`,
      )
      .run(stocktakeId);
    return core.statements.prepare('SELECT count(*) FROM stocktake_expected WHERE stocktake_id = ?').pluck().get(stocktakeId) as number;
  }
  const w = whereOf(scope);
  core.statements.prepare('DELETE FROM stocktake_expected WHERE stocktake_id = ?').run(stocktakeId);
  return core.sqlite
    .prepare(
      `INSERT INTO stocktake_expected (stocktake_id, customer_id, category_id, status)
       SELECT ?, c.id, c.category_id, c.status FROM customers c WHERE ${w.sql} ORDER BY c.id`,
    )
    .run(stocktakeId, ...w.params).changes;
}

export type { StoredScope };
