import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { customers } from './customers';
import { lookups } from './lookups';

/**
 * 状态记录: every state change of a customer (freeze, unfreeze, deactivate, reactivate, and the
 * scheduling or cancelling of a deactivation). Append-only (triggers in the migration).
 * Reason and user names are copied in, so renaming a list item or a user never rewrites history.
 */
export const customerStatusChanges = sqliteTable(
  'customer_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** UTC ISO time the change was made (for a scheduled one: when it took effect) */
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    userName: text('user_name'),
    /** freeze | unfreeze | deactivate | reactivate | schedule | cancelSchedule */
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reasonId: integer('reason_id').references(() => lookups.id),
    reasonName: text('reason_name'),
    memo: text('memo'),
    /** 'YYYY-MM-DD' for a scheduled deactivation */
    effectiveDate: text('effective_date'),
    /** the survivor when a duplicate is merged */
    mergedIntoId: integer('merged_into_id').references(() => customers.id),
    /** JSON: the open items acknowledged at the time ([{kind, count, amountCents?}]) */
    openItems: text('open_items'),
    /** the review run the change was decided in */
    reviewRunId: integer('review_run_id'),
  },
  (t) => [index('customer_status_changes_customer').on(t.customerId, t.id)],
);

/** A deactivation set for a future date; applied on the first start or timer tick on or after it. */
export const customerStatusSchedules = sqliteTable(
  'customer_status_schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** deactivate (the only action that can be scheduled) */
    action: text('action').notNull().default('deactivate'),
    /** local calendar date 'YYYY-MM-DD' */
    effectiveDate: text('effective_date').notNull(),
    reasonId: integer('reason_id')
      .notNull()
      .references(() => lookups.id),
    memo: text('memo'),
    mergedIntoId: integer('merged_into_id').references(() => customers.id),
    openItems: text('open_items'),
    reviewRunId: integer('review_run_id'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** pending | applied | cancelled */
    state: text('state').notNull().default('pending'),
    doneAt: text('done_at'),
    doneBy: integer('done_by').references(() => users.id),
  },
  (t) => [
    index('customer_status_schedules_due').on(t.effectiveDate).where(sql`state = 'pending'`),
    index('customer_status_schedules_customer').on(t.customerId, t.state),
  ],
);
