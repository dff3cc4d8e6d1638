/**
 * Append-only tables: the operation log (操作日志), the state history (状态记录) and every ledger
 * to come. The database itself refuses to change or remove a row, whatever the connection's
 * pragmas; corrections are new rows (reversals), never edits. The triggers of each table refuse
 * - UPDATE, and with it an UPSERT's `ON CONFLICT DO UPDATE`;
 * - DELETE;
 * - an INSERT that clashes with an existing row on ANY unique key (the primary key, every UNIQUE
 *   constraint, every unique index): `INSERT OR REPLACE` / `REPLACE INTO` would otherwise delete
 *   the old row silently (SQLite skips delete triggers on REPLACE unless `recursive_triggers` is
 *   on), and it deletes a row that clashes on any unique key, not only the primary key;
 * - for a table whose primary key is SQLite's rowid (`id integer PRIMARY KEY`), a row whose id is
 *   0 or below. In a BEFORE INSERT trigger NEW.id reads -1 while SQLite has still to assign the id,
 *   so the clash check cannot tell "no id given" from "id -1": it skips ids below 1, and an AFTER
 *   INSERT trigger (where NEW.id is the real id) refuses such ids, so no row -1 can ever exist to
 *   block the normal inserts, and a REPLACE over a row with such an id (one written before this
 *   guard) is undone with the statement.
 *
 * A new ledger table: add it to APPEND_ONLY_TABLES with every unique key, create its custom
 * migration (`npm run db:generate -- --custom --name <name>`) and put into it the output of
 * `npx tsx db/append-only.ts <table>`. tests/unit/db/append-only.test.ts reads each listed table's
 * primary key and unique indexes from SQLite and fails when one is not listed here, checks that the
 * table has exactly these triggers, tries every rewrite on every key, and fails when a table with
 * such triggers is missing from the list.
 */
export interface AppendOnlyTable {
  table: string;
  /**
   * Every unique key, each as its columns: the primary key first, then each UNIQUE constraint and
   * unique index (partial and expression indexes are not supported: the clash check would differ).
   */
  uniqueKeys: readonly (readonly string[])[];
  /** The primary key column when it is SQLite's rowid (`integer PRIMARY KEY`), else omitted. */
  rowid?: string;
}

export const APPEND_ONLY_TABLES: readonly AppendOnlyTable[] = [
  { table: 'operation_log', uniqueKeys: [['id']], rowid: 'id' },
  { table: 'customer_status_changes', uniqueKeys: [['id']], rowid: 'id' },
  { table: 'stocktake_scans', uniqueKeys: [['id'], ['stocktake_id', 'client_id']], rowid: 'id' },
  { table: 'stocktake_undos', uniqueKeys: [['id'], ['scan_id']], rowid: 'id' },
  { table: 'settlement_ledger', uniqueKeys: [['id'], ['entry_key']], rowid: 'id' },
  { table: 'settlement_allocations', uniqueKeys: [['id'], ['undoes']], rowid: 'id' },
  { table: 'settlement_notices', uniqueKeys: [['id']], rowid: 'id' },
  { table: 'settlement_follow_ups', uniqueKeys: [['id']], rowid: 'id' },
];

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The message every refusal carries (what a caller sees in the SqliteError). */
export function appendOnlyMessage(table: string): string {
  return `${table} is append-only`;
}

/** The message when a rowid table is given an id of 0 or below. */
export function positiveIdMessage(table: string): string {
  return `${table} ids start at 1`;
}

function check(t: AppendOnlyTable): void {
  const names = [t.table, ...t.uniqueKeys.flat(), ...(t.rowid ? [t.rowid] : [])];
  for (const name of names) if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  if (t.uniqueKeys.length === 0 || t.uniqueKeys.some((k) => k.length === 0)) {
    throw new Error(`${t.table}: an append-only table needs its unique keys, the primary key first`);
  }
  if (t.rowid && !(t.uniqueKeys[0].length === 1 && t.uniqueKeys[0][0] === t.rowid)) {
    throw new Error(`${t.table}: the rowid column must be the primary key, listed first`);
  }
}

/** The CREATE TRIGGER statements (without a final semicolon) that make the table append-only. */
export function appendOnlyTriggers(t: AppendOnlyTable): string[] {
  check(t);
  const { table, rowid } = t;
  const raise = (message: string) => `BEGIN\n  SELECT RAISE(ABORT, '${message}');\nEND`;
  const refuse = raise(appendOnlyMessage(table));
  // one check per unique key; a NULL in a key column clashes with nothing, as in SQLite's UNIQUE
  const clashes = t.uniqueKeys.map((key) => {
    const same = key.map((k) => `\`${k}\` = NEW.\`${k}\``).join(' AND ');
    const exists = `EXISTS (SELECT 1 FROM \`${table}\` WHERE ${same})`;
    return key.length === 1 && key[0] === rowid ? `(NEW.\`${rowid}\` > 0 AND ${exists})` : exists;
  });
  const triggers = [
    `CREATE TRIGGER \`${table}_no_update\` BEFORE UPDATE ON \`${table}\`\n${refuse}`,
    `CREATE TRIGGER \`${table}_no_delete\` BEFORE DELETE ON \`${table}\`\n${refuse}`,
    `CREATE TRIGGER \`${table}_no_overwrite\` BEFORE INSERT ON \`${table}\`\n` +
      `WHEN ${clashes.join('\n  OR ')}\n${refuse}`,
  ];
  if (rowid) {
    triggers.push(
      `CREATE TRIGGER \`${table}_positive_id\` AFTER INSERT ON \`${table}\`\n` +
        `WHEN NEW.\`${rowid}\` < 1\n${raise(positiveIdMessage(table))}`,
    );
  }
  return triggers;
}

/** The triggers as a drizzle migration's text (statements separated by breakpoints). */
function appendOnlyMigrationSql(t: AppendOnlyTable): string {
  return `${appendOnlyTriggers(t)
    .map((s) => `${s};`)
    .join('\n--> statement-breakpoint\n')}\n`;
}

if (process.argv[1]?.endsWith('append-only.ts') && process.argv[2]) {
  const table = APPEND_ONLY_TABLES.find((t) => t.table === process.argv[2]);
  if (!table) throw new Error(`add ${process.argv[2]} with its unique keys to APPEND_ONLY_TABLES first`);
  process.stdout.write(appendOnlyMigrationSql(table));
}
