import { addDays } from '../clock';
import type { RuleQuerySource } from '../review/review.queries';

/**
 * 停用审查's rule "receivables overdue by more than N days": customers with an approved voucher
 * still open (total − allocations > 0) whose due date is more than `days` days before today.
 * Reads settlement_vouchers_status_due (status, due_date) and each candidate's allocations by
 * voucher. A settled voucher (fully paid) and a reversal (negative) are never open.
 */
export const overdueReceivablesRule: RuleQuerySource = {
  build: ({ settings, today }) => ({
    sql: `SELECT DISTINCT v.customer_id AS customer_id FROM settlement_vouchers v
      WHERE v.status = 'approved' AND v.due_date < ?
        AND v.total_cents > (SELECT coalesce(sum(a.amount_cents), 0) FROM settlement_allocations a WHERE a.voucher_id = v.id)`,
    params: [addDays(today, -settings.rules.overdueReceivables.days)],
  }),
};

/**
 * The rule "open balance above the credit limit": the ledger's sum per customer (one pass over
 * the covering index settlement_ledger_customer) above the customer's credit_limit_cents.
 * A customer without a limit (null) is never over it; a limit of 0 allows no balance at all.
 */
export const overCreditLimitRule: RuleQuerySource = {
  build: () => ({
    sql: `SELECT b.customer_id AS customer_id
      FROM (SELECT customer_id, sum(amount_cents) AS balance FROM settlement_ledger GROUP BY customer_id) b
      JOIN customers c ON c.id = b.customer_id
      WHERE b.balance > c.credit_limit_cents`,
    params: [],
  }),
};
