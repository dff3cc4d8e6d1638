import type Database from 'better-sqlite3';
import type { Statements } from '../../statements';
import { phoneDigits } from '../shared/customer.rules';
import { gramText, numText } from './fts-text';
import { PINYIN_PREFIX_MAX, pinyinReadings } from './pinyin';

export { gramText } from './fts-text';

/**
 * The search indexes of the customer archive, rebuilt per customer inside the caller's
 * transaction (this module never opens one); rowid = customer id in each:
 * - `customer_fts_tri` (trigram): name, short name, phones, tax ID — any substring of 3+ characters;
 * - `customer_fts_gram` (one token per CJK character and per adjacent pair): 1–2 character
 *   Chinese queries, each word one token (fts-text.ts);
 * - `customer_fts_py` (one token per reading, prefix indexes): initials / full pinyin / 助记码;
 * - `customer_fts_num` (5-grams of the letter and digit runs of the trigram table's columns):
 *   fragments of 5+ letters / digits, i.e. phones and tax IDs (fts-text.ts).
 * All three are FTS5: an insert goes to an in-memory segment flushed in order, where the former
 * B-tree of readings took ~11 random page writes per customer.
 */

/** What one customer's search rows are made of (computed before the write, e.g. by the import). */
export interface SearchRow {
  id: number;
  name: string;
  shortName: string | null;
  taxId: string | null;
  /** phonesText of the contacts */
  phones: string;
  /** gramText of name and short name */
  grams: string;
  /** pinyinValues of the record */
  readings: string[];
}

interface IndexStatements {
  customer: Database.Statement<[number], CustomerRow>;
  contacts: Database.Statement<[number], { mobile: string | null; phone: string | null }>;
  delTri: Database.Statement<[number]>;
  delGram: Database.Statement<[number]>;
  delPy: Database.Statement<[number]>;
  delNum: Database.Statement<[number]>;
  insTri: Database.Statement<[number, string, string, string, string]>;
  insGram: Database.Statement<[number, string]>;
  insPy: Database.Statement<[number, string]>;
  insNum: Database.Statement<[number, string]>;
}
interface CustomerRow {
  name: string;
  short_name: string | null;
  mnemonic: string | null;
  nature: string;
  tax_id: string | null;
}

/**
 * The indexer's statements from `db`: the core's cache (core.statements) prepares each once per
 * connection; a bare connection (a test's, a migration's) prepares them for this call.
 */
function statementsOf(db: Statements): IndexStatements {
  return {
    customer: db.prepare('SELECT name, short_name, mnemonic, nature, tax_id FROM customers WHERE id = ?'),
    contacts: db.prepare('SELECT mobile, phone FROM customer_contacts WHERE customer_id = ? ORDER BY id'),
    delTri: db.prepare('DELETE FROM customer_fts_tri WHERE rowid = ?'),
    delGram: db.prepare('DELETE FROM customer_fts_gram WHERE rowid = ?'),
    delPy: db.prepare('DELETE FROM customer_fts_py WHERE rowid = ?'),
    delNum: db.prepare('DELETE FROM customer_fts_num WHERE rowid = ?'),
    insTri: db.prepare('INSERT INTO customer_fts_tri (rowid, name, short_name, phones, tax_id) VALUES (?, ?, ?, ?, ?)'),
    insGram: db.prepare('INSERT INTO customer_fts_gram (rowid, text) VALUES (?, ?)'),
    insPy: db.prepare('INSERT INTO customer_fts_py (rowid, readings) VALUES (?, ?)'),
    insNum: db.prepare('INSERT INTO customer_fts_num (rowid, text) VALUES (?, ?)'),
  };
}

/** Searches are typed half-width (the contract folds them): index text the same way. */
const nfkc = (s: string | null) => (s ?? '').normalize('NFKC');

function insertRow(s: IndexStatements, r: SearchRow): void {
  s.insTri.run(r.id, nfkc(r.name), nfkc(r.shortName), r.phones, r.taxId ?? '');
  if (r.grams) s.insGram.run(r.id, r.grams);
  if (r.readings.length) s.insPy.run(r.id, r.readings.join(' '));
  const num = numText(r.name, r.shortName, r.phones, r.taxId);
  if (num) s.insNum.run(r.id, num);
}

/**
 * The search rows of customers just inserted (no rows of theirs exist yet), e.g. an import's
 * batch: only INSERTs, inside the caller's transaction.
 */
export function writeSearchRows(db: Statements, rows: SearchRow[]): void {
  const s = statementsOf(db);
  for (const r of rows) insertRow(s, r);
}

/** The `phones` column: every mobile and phone as digits, and as typed where that differs. */
export function phonesText(contacts: { mobile: string | null; phone: string | null }[]): string {
  const out = new Set<string>();
  for (const c of contacts) {
    for (const raw of [c.mobile, c.phone]) {
      if (!raw) continue;
      const digits = phoneDigits(raw);
      if (digits) out.add(digits);
      const typed = raw.normalize('NFKC').trim();
      if (typed && typed !== digits) out.add(typed);
    }
  }
  return [...out].join(' ');
}

/** Every reading a customer is found by in `customer_fts_py`: readings of name and short name, and the 助记码 (cut to PINYIN_PREFIX_MAX). */
export function pinyinValues(row: Pick<CustomerRow, 'name' | 'short_name' | 'mnemonic' | 'nature'>): string[] {
  const values = new Set<string>();
  const add = (v: string) => values.add(v.slice(0, PINYIN_PREFIX_MAX));
  for (const text of [row.name, row.short_name]) {
    if (!text) continue;
    const r = pinyinReadings(text, row.nature);
    r.initials.forEach(add);
    r.full.forEach(add);
  }
  const mnemonic = row.mnemonic?.toLowerCase().replace(/\s+/g, '');
  if (mnemonic) add(mnemonic);
  return [...values];
}

/**
 * (Re)builds the search rows of each customer from its stored record and contacts; a customer
 * that no longer exists just loses its rows. Runs inside the caller's transaction.
 */
export function reindexCustomers(db: Statements, ids: number[]): void {
  const s = statementsOf(db);
  for (const id of ids) {
    deleteRows(s, id);
    const row = s.customer.get(id);
    if (!row) continue;
    insertRow(s, {
      id,
      name: row.name,
      shortName: row.short_name,
      taxId: row.tax_id,
      phones: phonesText(s.contacts.all(id)),
      grams: gramText(row.name, row.short_name),
      readings: pinyinValues(row),
    });
  }
}

function deleteRows(s: IndexStatements, id: number): void {
  s.delTri.run(id);
  s.delGram.run(id);
  s.delPy.run(id);
  s.delNum.run(id);
}

/** Drops the search rows of these customers (inside the caller's transaction). */
export function removeFromIndex(db: Statements, ids: number[]): void {
  const s = statementsOf(db);
  for (const id of ids) deleteRows(s, id);
}
