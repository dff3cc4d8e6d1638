import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPEND_ONLY_TABLES,
  type AppendOnlyTable,
  appendOnlyMessage,
  appendOnlyTriggers,
  positiveIdMessage,
} from '../../../db/append-only';
import { openDatabase, type Sqlite } from '../../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-core';

let dir: string;
let app: Sqlite;
/** Ledgers to come, in a database of their own: a unique document number, a composite key. */
let scratch: Sqlite;
const SCRATCH_TABLES: readonly AppendOnlyTable[] = [
  { table: 'scratch_invoices', uniqueKeys: [['id'], ['doc_no']], rowid: 'id' },
  {
    table: 'scratch_entries',
    uniqueKeys: [
      ['book', 'line'],
      ['series', 'number'],
    ],
  },
];

beforeAll(async () => {
  dir = tempDir('kehu-append-only-');
  ({ sqlite: app } = await openDatabase({
    file: path.join(dir, 'a.sqlite'),
    migrationsFolder: MIGRATIONS,
    backupsDir: path.join(dir, 'backups'),
  }));
  // the guard is about the triggers: rows here need not point at real customers or users
  app.pragma('foreign_keys = OFF');
  scratch = new Database(':memory:');
  scratch.exec(`
    CREATE TABLE scratch_invoices (
      id integer PRIMARY KEY AUTOINCREMENT NOT NULL, doc_no text NOT NULL UNIQUE, amount integer NOT NULL, memo text);
    CREATE TABLE scratch_entries (
      book text NOT NULL, line integer NOT NULL, series text NOT NULL, number integer NOT NULL, memo text,
      PRIMARY KEY (book, line));
    CREATE UNIQUE INDEX scratch_entries_doc ON scratch_entries (series, number);
    CREATE INDEX scratch_entries_memo ON scratch_entries (memo);`);
  for (const t of SCRATCH_TABLES) for (const sql of appendOnlyTriggers(t)) scratch.exec(sql);
});
afterAll(() => {
  app.close();
  scratch.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Column {
  cid: number;
  name: string;
  type: string;
  pk: number;
}
interface IndexEntry {
  name: string;
  unique: number;
  origin: string;
  partial: number;
}

/** The table's unique keys and rowid column as SQLite itself has them. */
function keysInDatabase(db: Sqlite, table: string): { uniqueKeys: string[][]; rowid?: string; unsupported: string[] } {
  const cols = db.prepare(`PRAGMA table_info(\`${table}\`)`).all() as Column[];
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const indexes = db.prepare(`PRAGMA index_list(\`${table}\`)`).all() as IndexEntry[];
  const uniqueKeys = [pk.map((c) => c.name)];
  const unsupported: string[] = [];
  for (const ix of indexes) {
    if (!ix.unique || ix.origin === 'pk') continue;
    const info = db.prepare(`PRAGMA index_info(\`${ix.name}\`)`).all() as { seqno: number; name: string | null }[];
    const columns = info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
    if (ix.partial || columns.some((c) => c === null)) unsupported.push(ix.name);
    else uniqueKeys.push(columns as string[]);
  }
  // an `integer PRIMARY KEY` is the rowid, unless it has an index of its own (DESC, WITHOUT ROWID)
  const rowid =
    pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' && !indexes.some((ix) => ix.origin === 'pk')
      ? pk[0].name
      : undefined;
  return { uniqueKeys, rowid, unsupported };
}

/** What a table's entry in the list lacks or gets wrong, compared with the database. */
function listingErrors(db: Sqlite, t: AppendOnlyTable): string[] {
  const found = keysInDatabase(db, t.table);
  const id = (k: readonly string[]) => k.join(',');
  const listed = new Set(t.uniqueKeys.map(id));
  return [
    ...found.unsupported.map((ix) => `partial or expression unique index ${ix}`),
    ...(id(t.uniqueKeys[0]) === id(found.uniqueKeys[0]) ? [] : [`primary key is (${id(found.uniqueKeys[0])})`]),
    ...found.uniqueKeys.filter((k) => !listed.has(id(k))).map((k) => `unique key (${id(k)}) not covered`),
    ...t.uniqueKeys
      .filter((k) => !found.uniqueKeys.some((f) => id(f) === id(k)))
      .map((k) => `(${id(k)}) is not unique`),
    ...(t.rowid === found.rowid ? [] : [`rowid column is ${found.rowid ?? 'none'}`]),
  ];
}

let serial = 1_000_000;
/** A row for any table: every column filled, integers distinct per row (so no key clashes by chance). */
function rowFor(db: Sqlite, table: string, tag: string): Record<string, unknown> {
  const n = serial++;
  const cols = db.prepare(`PRAGMA table_info(\`${table}\`)`).all() as Column[];
  return Object.fromEntries(cols.map((c) => [c.name, /INT/i.test(c.type) ? n : `${tag}-${n}-${c.name}`]));
}

function insertSql(verb: string, table: string, row: Record<string, unknown>, tail = ''): string {
  const cols = Object.keys(row);
  return `${verb} INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES (${cols
    .map((c) => `@${c}`)
    .join(', ')})${tail}`;
}

function attempt(db: Sqlite, sql: string, params: Record<string, unknown> = {}): string {
  try {
    db.prepare(sql).run(params);
    return 'done';
  } catch (err) {
    return (err as Error).message;
  }
}

const normalize = (sql: string) => sql.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

const ALL = [
  ...APPEND_ONLY_TABLES.map((t) => [t.table, t, () => app] as const),
  ...SCRATCH_TABLES.map((t) => [t.table, t, () => scratch] as const),
];

describe.each(ALL)('append-only table %s', (_name, t, dbOf) => {
  const { table, uniqueKeys } = t;
  const pk = uniqueKeys[0];

  it('is listed with every unique key SQLite has for it (primary key, UNIQUE constraints, unique indexes)', () => {
    expect(listingErrors(dbOf(), t)).toEqual([]);
  });

  it('has exactly the triggers the helper makes', () => {
    const stored = dbOf()
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")
      .pluck()
      .all(table) as string[];
    expect(stored.map(normalize).sort()).toEqual(appendOnlyTriggers(t).map(normalize).sort());
  });

  describe.each(uniqueKeys.map((k) => [k.join(', '), k] as const))('on the key (%s)', (_k, key) => {
    it.each(['OFF', 'ON'])('refuses UPDATE, DELETE, REPLACE and UPSERT with recursive_triggers %s', (pragma) => {
      const db = dbOf();
      db.pragma(`recursive_triggers = ${pragma}`);
      const original = rowFor(db, table, 'original');
      db.prepare(insertSql('INSERT', table, original)).run(original);
      const where = pk.map((k) => `\`${k}\` = @${k}`).join(' AND ');
      const all = () => db.prepare(`SELECT * FROM \`${table}\` ORDER BY rowid`).all();
      const before = all();
      expect(db.prepare(`SELECT * FROM \`${table}\` WHERE ${where}`).all(original)).toEqual([original]);

      // a new row that clashes with the original on this key only
      const changed = rowFor(db, table, 'changed');
      for (const k of key) changed[k] = original[k];
      const other = Object.keys(changed).find((c) => !uniqueKeys.flat().includes(c)) as string;
      const target = key.map((k) => `\`${k}\``).join(', ');
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
            ` ON CONFLICT (${target}) DO UPDATE SET \`${other}\` = excluded.\`${other}\``,
          ),
          changed,
        ],
      ];
      const outcomes = attempts.map(([what, sql, params]) => [what, attempt(db, sql, params)]);
      expect(Object.fromEntries(outcomes)).toEqual(
        Object.fromEntries(attempts.map(([what]) => [what, appendOnlyMessage(table)])),
      );
      expect(all()).toEqual(before);

      // appending is still allowed, with the key given or (rowid) left to SQLite
      const next = rowFor(db, table, 'next');
      db.prepare(insertSql('INSERT', table, next)).run(next);
      if (t.rowid) {
        const auto = rowFor(db, table, 'auto');
        delete auto[t.rowid];
        db.prepare(insertSql('INSERT', table, auto)).run(auto);
      }
      expect(all().length).toBe(before.length + (t.rowid ? 2 : 1));
    });
  });
});

describe.each(ALL.filter(([, t]) => t.rowid))(
  'append-only table %s: the -1 quirk (NEW.id reads -1 in a BEFORE INSERT trigger until SQLite assigns it)',
  (_name, t, dbOf) => {
    const { table } = t;
    const id = t.rowid as string;

    it.each([-1, 0, -7])('refuses a row with id %i, which would otherwise block every ordinary insert', (bad) => {
      const db = dbOf();
      const count = () => db.prepare(`SELECT count(*) FROM \`${table}\``).pluck().get();
      const before = count();
      const row = { ...rowFor(db, table, 'bad'), [id]: bad };
      expect(attempt(db, insertSql('INSERT', table, row), row)).toBe(positiveIdMessage(table));
      expect(attempt(db, insertSql('INSERT OR IGNORE', table, row), row)).toBe(positiveIdMessage(table));
      expect(count()).toBe(before);
      const auto = rowFor(db, table, 'auto');
      delete auto[id];
      db.prepare(insertSql('INSERT', table, auto)).run(auto);
      expect(count()).toBe((before as number) + 1);
    });

    it.each(['OFF', 'ON'])(
      'a row -1 written before the guard blocks no insert and cannot be replaced (recursive_triggers %s)',
      (pragma) => {
        const db = dbOf();
        db.pragma(`recursive_triggers = ${pragma}`);
        const positive = appendOnlyTriggers(t).find((s) => s.includes(`${table}_positive_id`)) as string;
        db.exec('BEGIN');
        try {
          db.exec(`DROP TRIGGER \`${table}_positive_id\``);
          const legacy = { ...rowFor(db, table, 'legacy'), [id]: -1 };
          db.prepare(insertSql('INSERT', table, legacy)).run(legacy);
          db.exec(positive);
          const auto = rowFor(db, table, 'auto');
          delete auto[id];
          expect(attempt(db, insertSql('INSERT', table, auto), auto)).toBe('done');
          const over = { ...rowFor(db, table, 'over'), [id]: -1 };
          expect(attempt(db, insertSql('REPLACE', table, over), over)).toMatch(
            new RegExp(`^(${appendOnlyMessage(table)}|${positiveIdMessage(table)})$`),
          );
          expect(db.prepare(`SELECT * FROM \`${table}\` WHERE \`${id}\` = -1`).all()).toEqual([legacy]);
        } finally {
          db.exec('ROLLBACK');
        }
      },
    );
  },
);

describe('a ledger with a unique document number', () => {
  it('refuses REPLACE on that number, which would delete the row holding it', () => {
    scratch.pragma('recursive_triggers = OFF');
    scratch.prepare("INSERT INTO scratch_invoices (doc_no, amount) VALUES ('FP-0001', 10000)").run();
    const before = scratch.prepare('SELECT * FROM scratch_invoices ORDER BY id').all();
    expect(attempt(scratch, "REPLACE INTO scratch_invoices (doc_no, amount) VALUES ('FP-0001', 1)")).toBe(
      appendOnlyMessage('scratch_invoices'),
    );
    expect(scratch.prepare('SELECT * FROM scratch_invoices ORDER BY id').all()).toEqual(before);
  });

  it('is caught by the listing check when its number is left out of the unique keys', () => {
    expect(listingErrors(scratch, { table: 'scratch_invoices', uniqueKeys: [['id']], rowid: 'id' })).toEqual([
      'unique key (doc_no) not covered',
    ]);
    expect(listingErrors(scratch, { table: 'scratch_entries', uniqueKeys: [['book', 'line']] })).toEqual([
      'unique key (series,number) not covered',
    ]);
  });
});

describe('the list of append-only tables', () => {
  it('holds every table that has an append-only trigger, so no ledger goes unguarded', () => {
    const guarded = app
      .prepare(
        `SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'
         AND (name LIKE '%\\_no\\_update' ESCAPE '\\' OR name LIKE '%\\_no\\_delete' ESCAPE '\\'
              OR name LIKE '%\\_no\\_overwrite' ESCAPE '\\' OR name LIKE '%\\_positive\\_id' ESCAPE '\\')
         ORDER BY tbl_name`,
      )
      .pluck()
      .all();
    expect(guarded.length).toBeGreaterThanOrEqual(2);
    expect(guarded).toEqual(APPEND_ONLY_TABLES.map((t) => t.table).sort());
  });

  it('refuses to make triggers for a table listed without its keys or with the rowid elsewhere', () => {
    expect(() => appendOnlyTriggers({ table: 'x', uniqueKeys: [] })).toThrow(/unique keys/);
    expect(() => appendOnlyTriggers({ table: 'x', uniqueKeys: [['code'], ['id']], rowid: 'id' })).toThrow(/rowid/);
    expect(() => appendOnlyTriggers({ table: 'x; DROP', uniqueKeys: [['id']] })).toThrow(/identifier/);
  });
});
