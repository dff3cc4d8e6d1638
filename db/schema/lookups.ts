import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns } from './columns';

/**
 * Managed lists (客户分类, 行业, 地区, 信用等级, 结算方式, 停用原因): one table, told apart by `kind`.
 * Categories may form a tree (parent_id). Items are deactivated, never deleted, once used.
 */
export const lookups = sqliteTable(
  'lookups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => lookups.id),
    name: text('name').notNull(),
    /** a fixed key for items the app itself refers to (e.g. the deactivation reason 'duplicate'); names stay editable */
    key: text('key'),
    sort: integer('sort').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...auditColumns,
  },
  (t) => [
    uniqueIndex('lookups_kind_parent_name').on(t.kind, t.parentId, t.name),
    index('lookups_kind_sort').on(t.kind, t.sort),
    uniqueIndex('lookups_kind_key').on(t.kind, t.key).where(sql`key IS NOT NULL`),
  ],
);
