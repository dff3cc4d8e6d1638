import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * 备份: one row per backup taken (electron/core/backup). A record: rows are never deleted; a
 * backup the retention rule pruned (or whose file went) keeps its row with `present` = 0.
 */
export const backups = sqliteTable(
  'backups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** when it was taken (UTC ISO) */
    at: text('at').notNull(),
    /** interval | daily | exit | migration | restore | manual */
    trigger: text('trigger').notNull(),
    /** its name in the backups folder (a failed one: the name it was kept aside under) */
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    durationMs: integer('duration_ms').notNull(),
    schemaVersion: text('schema_version'),
    /** JSON: main table → rows */
    counts: text('counts').notNull(),
    /** ok | failed: only ok backups are offered for restore */
    check: text('check').notNull(),
    checkDetail: text('check_detail'),
    /** 1 while the file is in the backups folder */
    present: integer('present', { mode: 'boolean' }).notNull().default(true),
    /** ok | failed | pending | none: its copy in the second location */
    secondCopy: text('second_copy').notNull().default('none'),
    /** the newest operation log id the copy holds: data changed since when a newer id (not the backups' own) exists */
    lastLogId: integer('last_log_id'),
    byUserId: integer('by_user_id'),
    byUserName: text('by_user_name'),
  },
  (t) => [uniqueIndex('backups_file_name').on(t.fileName), index('backups_at').on(t.at)],
);
