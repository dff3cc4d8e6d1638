import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 操作日志: append-only (triggers in migration 0001 reject UPDATE and DELETE).
 * `changes` is JSON: { field: { before, after } }.
 */
export const operationLog = sqliteTable(
  'operation_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    /** Copied at write time so the log reads the same after a rename. */
    userName: text('user_name'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    changes: text('changes'),
    reason: text('reason'),
    /** the paired device (network_devices.id) the change was made on; null on the server PC */
    deviceId: integer('device_id'),
    /**
     * the key the page sent with the call (X-Request-Key): a call sent again after the connection
     * dropped finds the rows its first sending wrote, and is not done twice
     */
    requestKey: text('request_key'),
  },
  (t) => [
    index('operation_log_at').on(t.at),
    index('operation_log_user_at').on(t.userId, t.at),
    index('operation_log_entity_at').on(t.entity, t.entityId, t.at),
    index('operation_log_action_at').on(t.action, t.at),
    index('operation_log_request_key').on(t.requestKey).where(sql`request_key IS NOT NULL`),
  ],
);
