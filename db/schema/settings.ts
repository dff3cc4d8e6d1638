import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Application settings as key → JSON value; defaults live in the settings service. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});
