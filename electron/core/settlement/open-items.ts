import type { Core } from '../core';
import type { OpenItem } from '../status/shared/status.contract';

/**
 * 无票结算 as open items of its customers (deactivating or freezing one asks before going on):
 * - openSettlements: vouchers not finished — draft or submitted, or approved with an open amount
 *   (total − allocations > 0); the amount is the approved ones' open amounts (null when none is
 *   approved yet);
 * - openBalance: a ledger balance other than 0 (owed, or negative: an advance 预收 not yet used).
 * Rejected, settled and void vouchers are done.
 */
export function openSettlements(core: Core, customerIds: number[]): Map<number, OpenItem[]> {
  const out = new Map<number, OpenItem[]>();
  if (!customerIds.length) return out;
  const ids = JSON.stringify(customerIds);
  const vouchers = core.statements
    .prepare(
      `WITH ids(id) AS (SELECT DISTINCT value FROM json_each(?)),
       open(customer_id, status, open_cents) AS (
         SELECT v.customer_id, v.status,
           CASE WHEN v.status = 'approved'
             THEN v.total_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id)
           END
         FROM settlement_vouchers v JOIN ids ON v.customer_id = ids.id
         WHERE v.status IN ('draft', 'submitted', 'approved'))
       SELECT customer_id AS customerId, count(*) AS n,
         sum(CASE WHEN status = 'approved' THEN open_cents END) AS amount
       FROM open WHERE status <> 'approved' OR open_cents > 0
       GROUP BY customer_id`,
    )
    .all(ids) as { customerId: number; n: number; amount: number | null }[];
  for (const r of vouchers) out.set(r.customerId, [{ kind: 'openSettlements', count: r.n, amountCents: r.amount }]);
  const balances = core.statements
    .prepare(
      `WITH ids(id) AS (SELECT DISTINCT value FROM json_each(?))
       SELECT l.customer_id AS customerId, sum(l.amount_cents) AS balance
       FROM settlement_ledger l JOIN ids ON l.customer_id = ids.id
       GROUP BY l.customer_id HAVING balance <> 0`,
    )
    .all(ids) as { customerId: number; balance: number }[];
  for (const r of balances) {
    out.set(r.customerId, [
      { kind: 'openBalance', count: 1, amountCents: r.balance },
      ...(out.get(r.customerId) ?? []),
    ]);
  }
  return out;
}
