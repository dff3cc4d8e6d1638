/**
 * Append-only tables: the operation log (操作日志), the state history (状态记录) and every ledger
 * to come. The database itself refuses to change or remove a row, whatever the connection's
 * pragmas; corrections are new rows (reversals), never edits. Three triggers per table refuse
 * - UPDATE, and with it an UPSERT's `ON CONFLICT DO UPDATE`;
 * - DELETE;
 * - an INSERT whose key already exists: `INSERT OR REPLACE` / `REPLACE INTO` would otherwise
 *   delete the old row silently (SQLite skips delete triggers on REPLACE unless
 *   `recursive_triggers` is on).
 *
 * A new ledger table: add it to APPEND_ONLY_TABLES, and put the output of
 * `npx tsx db/append-only.ts <table> [key columns…]` into its custom migration
 * (`npm run db:generate -- --custom --name <name>`). tests/unit/db/append-only.test.ts checks that
 * every table listed has exactly these triggers, refuses all four rewrites, and that no table with
 * a `_no_update` trigger is missing from the list.
 */
export interface AppendOnlyTable {
  table: string;
  /** the primary key columns */
  key: readonly string[];
}

export const APPEND_ONLY_TABLES: readonly AppendOnlyTable[] = [
  { table: 'operation_log', key: ['id'] },
  { table: 'customer_status_changes', key: ['id'] },
];

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The message every refusal carries (what a caller sees in the SqliteError). */
export function appendOnlyMessage(table: string): string {
  return `${table} is append-only`;
}

/** The CREATE TRIGGER statements (without a final semicolon) that make `table` append-only. */
export function appendOnlyTriggers(table: string, key: readonly string[] = ['id']): string[] {
  for (const name of [table, ...key]) if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  if (key.length === 0) throw new Error('an append-only table needs its key columns');
  const refuse = `BEGIN\n  SELECT RAISE(ABORT, '${appendOnlyMessage(table)}');\nEND`;
  const sameKey = key.map((k) => `\`${k}\` = NEW.\`${k}\``).join(' AND ');
  return [
    `CREATE TRIGGER \`${table}_no_update\` BEFORE UPDATE ON \`${table}\`\n${refuse}`,
    `CREATE TRIGGER \`${table}_no_delete\` BEFORE DELETE ON \`${table}\`\n${refuse}`,
    `CREATE TRIGGER \`${table}_no_overwrite\` BEFORE INSERT ON \`${table}\`\n` +
      `WHEN EXISTS (SELECT 1 FROM \`${table}\` WHERE ${sameKey})\n${refuse}`,
  ];
}

/** The triggers as a drizzle migration's text (statements separated by breakpoints). */
export function appendOnlyMigrationSql(table: string, key: readonly string[] = ['id']): string {
  return `${appendOnlyTriggers(table, key)
    .map((s) => `${s};`)
    .join('\n--> statement-breakpoint\n')}\n`;
}

if (process.argv[1]?.endsWith('append-only.ts') && process.argv[2]) {
  const [table, ...key] = process.argv.slice(2);
  process.stdout.write(appendOnlyMigrationSql(table, key.length ? key : ['id']));
}
