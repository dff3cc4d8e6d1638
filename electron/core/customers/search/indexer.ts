import type Database from 'better-sqlite3';
import type { Statements } from '../../statements';
import { phoneDigits } from '../shared/customer.rules';
import { PINYIN_PREFIX_MAX, pinyinReadings } from './pinyin';

/**
 * The search indexes of the customer archive, rebuilt per customer inside the caller's
 * transaction (this module never opens one):
 * - `customer_fts_tri` (trigram, rowid = customer id): name, short name, phones, tax ID — any
 *   substring of 3+ characters;
 * - `customer_fts_uni` (unicode61, one token per CJK character): 1–2 character Chinese queries;
 * - `customer_pinyin` (B-tree on value): every initials / full-pinyin reading and the 助记码.
 */

interface IndexStatements {
  customer: Database.Statement<[number], CustomerRow>;
  contacts: Database.Statement<[number], { mobile: string | null; phone: string | null }>;
  delTri: Database.Statement<[number]>;
  delUni: Database.Statement<[number]>;
  delPinyin: Database.Statement<[number]>;
  insTri: Database.Statement<[number, string, string, string, string]>;
  insUni: Database.Statement<[number, string]>;
  insPinyin: Database.Statement<[string, number]>;
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
    delUni: db.prepare('DELETE FROM customer_fts_uni WHERE rowid = ?'),
    delPinyin: db.prepare('DELETE FROM customer_pinyin WHERE customer_id = ?'),
    insTri: db.prepare('INSERT INTO customer_fts_tri (rowid, name, short_name, phones, tax_id) VALUES (?, ?, ?, ?, ?)'),
    insUni: db.prepare('INSERT INTO customer_fts_uni (rowid, text) VALUES (?, ?)'),
    insPinyin: db.prepare('INSERT OR IGNORE INTO customer_pinyin (value, customer_id) VALUES (?, ?)'),
  };
}

/** Searches are typed half-width (the contract folds them): index text the same way. */
const nfkc = (s: string | null) => (s ?? '').normalize('NFKC');

const HAN = /\p{Script=Han}/u;
/** Token that no search ever asks for: it keeps characters on either side of it from reading as adjacent. */
const UNI_BREAK = '0';

/**
 * The text of `customer_fts_uni`: each Chinese character a token; whitespace ignored; any other run
 * (letters, digits, brackets) one break token, so 北京ABC科技 does not match "京科".
 */
export function unigramText(...parts: (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (tokens.length && tokens[tokens.length - 1] !== UNI_BREAK) tokens.push(UNI_BREAK);
    for (const ch of part.normalize('NFKC')) {
      if (HAN.test(ch)) tokens.push(ch);
      else if (!/\s/u.test(ch) && tokens.length && tokens[tokens.length - 1] !== UNI_BREAK) tokens.push(UNI_BREAK);
    }
  }
  while (tokens.length && tokens[tokens.length - 1] === UNI_BREAK) tokens.pop();
  return tokens.some((t) => t !== UNI_BREAK) ? tokens.join(' ') : '';
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

/** Every value a customer is found by in `customer_pinyin`: readings of name and short name, and the 助记码 (cut to PINYIN_PREFIX_MAX). */
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
    s.delTri.run(id);
    s.delUni.run(id);
    s.delPinyin.run(id);
    const row = s.customer.get(id);
    if (!row) continue;
    s.insTri.run(id, nfkc(row.name), nfkc(row.short_name), phonesText(s.contacts.all(id)), row.tax_id ?? '');
    const uni = unigramText(row.name, row.short_name);
    if (uni) s.insUni.run(id, uni);
    for (const value of pinyinValues(row)) s.insPinyin.run(value, id);
  }
}

/** Drops the search rows of these customers (inside the caller's transaction). */
export function removeFromIndex(db: Statements, ids: number[]): void {
  const s = statementsOf(db);
  for (const id of ids) {
    s.delTri.run(id);
    s.delUni.run(id);
    s.delPinyin.run(id);
  }
}
