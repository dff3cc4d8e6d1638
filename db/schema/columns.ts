import { integer, text } from 'drizzle-orm/sqlite-core';

/** Columns every business table carries (DESIGN §5): who/when and an optimistic-concurrency version. */
export const auditColumns = {
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
  version: integer('version').notNull().default(1),
};
