import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { Sqlite } from '../../../db/open';

/**
 * A prepared INSERT for many rows of a Drizzle table: column names come from the schema (so a
 * renamed or new required column breaks the build, not the data), values are bound directly —
 * per row a few microseconds instead of Drizzle's query building.
 */
export function bulkInsert<T extends Table>(sqlite: Sqlite, table: T, keys: (keyof T['$inferInsert'] & string)[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((k) => {
    const c = columns[k];
    if (!c) throw new Error(`no column ${k} in ${getTableName(table)}`);
    return `"${c.name}"`;
  });
  const stmt = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
  const args: unknown[] = new Array(keys.length);
  return (row: T['$inferInsert']): number => {
    for (let i = 0; i < keys.length; i++) {
      const v = (row as Record<string, unknown>)[keys[i]];
      args[i] = v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    return Number(stmt.run(...args).lastInsertRowid);
  };
}
