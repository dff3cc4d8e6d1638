import type { Core } from '../core';

/**
 * Records activity for customers (a document created, approved or paid). Call it in the
 * transaction of the transactional channel, after `assertCustomerCanTransact`. Creating and
 * editing a customer and reactivating it record their own activity. The review's inactivity
 * rule reads `last_activity_at`.
 */
export function touchCustomerActivity(core: Core, customerIds: number[], at: Date): void {
  core.sqlite
    .prepare(
      `UPDATE customers SET last_activity_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND last_activity_at < ?`,
    )
    .run(at.toISOString(), JSON.stringify(customerIds), at.toISOString());
}
