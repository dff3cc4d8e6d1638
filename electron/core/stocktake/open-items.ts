import type { Core } from '../core';
import type { OpenItem } from '../status/shared/status.contract';

/**
 * 进行中的盘点 as an open item of its customers: a draft whose selection holds the customer, or a
 * counting / reconciling stocktake that expects or counted it. (A draft over a filter or all
 * customers holds no one yet: its set is frozen at start.)
 */
export function openStocktakes(core: Core, customerIds: number[]): Map<number, OpenItem[]> {
  const out = new Map<number, OpenItem[]>();
  if (!customerIds.length) return out;
  const rows = core.statements
    .prepare(
      `WITH ids(id) AS (SELECT value FROM json_each(?)),
       refs(stocktake_id, customer_id) AS (
         SELECT e.stocktake_id, e.customer_id FROM stocktake_expected e JOIN ids ON e.customer_id = ids.id
         UNION SELECT l.stocktake_id, l.customer_id FROM stocktake_lines l JOIN ids ON l.customer_id = ids.id)
       SELECT r.customer_id AS customerId, count(DISTINCT r.stocktake_id) AS n
       FROM refs r JOIN stocktakes s ON s.id = r.stocktake_id
       WHERE s.status IN ('draft', 'counting', 'reconciling')
       GROUP BY r.customer_id`,
    )
    .all(JSON.stringify(customerIds)) as { customerId: number; n: number }[];
  for (const r of rows) out.set(r.customerId, [{ kind: 'openStocktakes', count: r.n, amountCents: null }]);
  return out;
}
