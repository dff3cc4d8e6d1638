import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES, appendOnlyMessage, appendOnlyTriggers } from '../../../db/append-only';
import { openDatabase, type Sqlite } from '../../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-core';

let dir: string;
let sqlite: Sqlite;
beforeAll(async () => {
  dir = tempDir('kehu-append-only-');
  ({ sqlite } = await openDatabase({
    file: path.join(dir, 'a.sqlite'),
    migrationsFolder: MIGRATIONS,
    backupsDir: path.join(dir, 'backups'),
  }));
  // the guard is about the triggers: rows here need not point at real customers or users
  sqlite.pragma('foreign_keys = OFF');
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** A row for any table: the given key, every other column filled (so each one can be compared). */
function rowFor(table: string, key: readonly string[], keyValue: number, tag: string): Record<string, unknown> {
  const cols = sqlite.prepare(`PRAGMA table_info(\`${table}\`)`).all() as Column[];
  const row: Record<string, unknown> = {};
  for (const c of cols) {
    if (key.includes(c.name)) row[c.name] = keyValue;
    else row[c.name] = /INT/i.test(c.type) ? 7 : `${tag}-${c.name}`;
  }
  return row;
}

function insertSql(verb: string, table: string, row: Record<string, unknown>, tail = ''): string {
  const cols = Object.keys(row);
  return `${verb} INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES (${cols
    .map((c) => `@${c}`)
    .join(', ')})${tail}`;
}

const normalize = (sql: string) => sql.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

describe.each(APPEND_ONLY_TABLES.map((t) => [t.table, t] as const))('append-only table %s', (_name, { table, key }) => {
  it.each(['OFF', 'ON'])('refuses UPDATE, DELETE, REPLACE and UPSERT with recursive_triggers %s', (pragma) => {
    sqlite.pragma(`recursive_triggers = ${pragma}`);
    const id =
      ((sqlite.prepare(`SELECT max(\`${key[0]}\`) FROM \`${table}\``).pluck().get() as number | null) ?? 0) + 1;
    const original = rowFor(table, key, id, 'original');
    sqlite.prepare(insertSql('INSERT', table, original)).run(original);
    const where = key.map((k) => `\`${k}\` = @${k}`).join(' AND ');
    const read = () => sqlite.prepare(`SELECT * FROM \`${table}\` WHERE ${where}`).all(original);
    const count = () => sqlite.prepare(`SELECT count(*) FROM \`${table}\``).pluck().get();
    const before = { rows: read(), count: count() };
    expect(before.rows).toEqual([original]);

    const changed = rowFor(table, key, id, 'changed');
    const other = Object.keys(changed).find((c) => !key.includes(c)) as string;
    const keyList = key.map((k) => `\`${k}\``).join(', ');
    const attempts: [string, string, Record<string, unknown>][] = [
      ['update', `UPDATE \`${table}\` SET \`${other}\` = 'changed' WHERE ${where}`, original],
      ['delete', `DELETE FROM \`${table}\` WHERE ${where}`, original],
      ['insert or replace', insertSql('INSERT OR REPLACE', table, changed), changed],
      ['replace into', insertSql('REPLACE', table, changed), changed],
      [
        'upsert',
        insertSql(
          'INSERT',
          table,
          changed,
          ` ON CONFLICT (${keyList}) DO UPDATE SET \`${other}\` = excluded.\`${other}\``,
        ),
        changed,
      ],
    ];
    const outcomes = attempts.map(([what, sql, params]) => {
      try {
        sqlite.prepare(sql).run(params);
        return [what, 'done'];
      } catch (err) {
        return [what, (err as Error).message];
      }
    });
    expect(Object.fromEntries(outcomes)).toEqual(
      Object.fromEntries(attempts.map(([what]) => [what, appendOnlyMessage(table)])),
    );
    expect({ rows: read(), count: count() }).toEqual(before);

    // appending is still allowed, with the key given or left to SQLite
    const next = rowFor(table, key, id + 1, 'next');
    sqlite.prepare(insertSql('INSERT', table, next)).run(next);
    const auto = rowFor(table, [], 0, 'auto');
    for (const k of key) delete auto[k];
    sqlite.prepare(insertSql('INSERT', table, auto)).run(auto);
    expect(count()).toBe((before.count as number) + 2);
  });

  it('has exactly the triggers the helper makes', () => {
    const stored = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")
      .pluck()
      .all(table) as string[];
    expect(stored.map(normalize).sort()).toEqual(appendOnlyTriggers(table, key).map(normalize).sort());
  });
});

describe('the list of append-only tables', () => {
  it('holds every table that has an append-only trigger, so no ledger goes unguarded', () => {
    const guarded = sqlite
      .prepare(
        `SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'
         AND (name LIKE '%\\_no\\_update' ESCAPE '\\' OR name LIKE '%\\_no\\_delete' ESCAPE '\\'
              OR name LIKE '%\\_no\\_overwrite' ESCAPE '\\')
         ORDER BY tbl_name`,
      )
      .pluck()
      .all();
    expect(guarded.length).toBeGreaterThanOrEqual(2);
    expect(guarded).toEqual(APPEND_ONLY_TABLES.map((t) => t.table).sort());
  });
});
