import { localDate } from '../clock';
import type { Core } from '../core';
import { NotFound, Refused } from '../errors';
import type { CustomerStatus } from '../customers/shared/customers.contract';

/**
 * What a transactional channel is about to do for a customer:
 * - `create`: a new document (settlement, stocktake line, order…);
 * - `approve`: approving a document;
 * - `collect`: receiving a payment on an open balance (allowed in every state).
 */
type TransactionKind = 'create' | 'approve' | 'collect';

interface TransactableCustomer {
  id: number;
  code: string;
  name: string;
  status: CustomerStatus;
}

interface Row extends TransactableCustomer {
  changedAt: string | null;
  reasonName: string | null;
  memo: string | null;
  survivorCode: string | null;
  survivorName: string | null;
}

/**
 * THE guard every transactional channel calls, in its own transaction, before writing:
 * a frozen customer takes no new or approved document (CUSTOMER_FROZEN), a deactivated one
 * none at all (CUSTOMER_DEACTIVATED); the message names the state, the reason and since when.
 * Payments may still be collected from both.
 */
export function assertCustomerCanTransact(
  core: Core,
  customerId: number,
  kind: TransactionKind = 'create',
): TransactableCustomer {
  const c = core.sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.status, c.status_changed_at AS changedAt, r.name AS reasonName, c.status_memo AS memo,
         s.code AS survivorCode, s.name AS survivorName
       FROM customers c
       LEFT JOIN lookups r ON r.id = c.status_reason_id
       LEFT JOIN customers s ON s.id = c.merged_into_id
       WHERE c.id = ?`,
    )
    .get(customerId) as Row | undefined;
  if (!c) throw NotFound();
  if (c.status === 'active' || kind === 'collect') return { id: c.id, code: c.code, name: c.name, status: c.status };
  const params: Record<string, string> = {
    code: c.code,
    name: c.name,
    reason: c.reasonName ?? c.memo ?? '',
    since: c.changedAt ? localDate(new Date(c.changedAt)) : '',
    survivorCode: c.survivorCode ?? '',
    survivorName: c.survivorName ?? '',
  };
  if (c.status === 'frozen')
    throw Refused('CUSTOMER_FROZEN', 'customers.errors.customerFrozen', params);
  throw Refused('CUSTOMER_DEACTIVATED', 'customers.errors.customerDeactivated', params);
}
