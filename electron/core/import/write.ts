import type { Sqlite } from '../../../db/open';
import { customerAddresses, customerContacts, customerPinyin, customers } from '../../../db/schema/index';
import { compactImportEntry } from '../audit/import-entry';
import { DEFAULT_CODE_PATTERN, formatCode, parsePattern } from '../customers/code';
import {
  type AddressRow,
  addressRows,
  type ContactRow,
  type CustomerColumns,
  contactRows,
  customerColumns,
  HISTORY_FIELDS,
  historyView,
} from '../customers/customer.rows';
import { usccChecksumWarning } from '../customers/shared/customers.contract';
import { phonesText, pinyinValues, unigramText } from '../customers/search/indexer';
import { bulkInsert } from './bulk-insert';
import type { RefIndex } from './refs';
import type { CustomerCreate } from './row-check';

/**
 * Everything one imported customer writes, computed BEFORE the write transaction (pinyin, index
 * texts, the log row): inside it only prepared INSERTs run, so the write lock is held briefly.
 * The rows are exactly those `insertCustomer` writes (a unit test compares them).
 */
export interface PreparedCustomer {
  rowNumber: number;
  /** null: the next code of the pattern */
  code: string | null;
  taxId: string | null;
  record: CustomerColumns & { status: 'active' };
  contacts: ContactRow[];
  addresses: AddressRow[];
  phones: string;
  unigram: string;
  pinyin: string[];
}

/** The record as the operation log keeps it: the same view insertCustomer logs (customer.rows.ts). */
function logged(code: string, r: PreparedCustomer, refs: RefIndex): Record<string, unknown> {
  return historyView({ ...r.record, code }, r.contacts, r.addresses, {
    lookupName: (id) => refs.lookupName(id),
    userName: (id) => refs.userName(id),
  });
}

export function prepareCustomer(f: CustomerCreate, rowNumber: number): PreparedCustomer {
  const contacts = contactRows(f);
  const addresses = addressRows(f);
  const record = { ...customerColumns(f), status: 'active' as const };
  const mnemonic = record.mnemonic;
  return {
    rowNumber,
    code: f.code || null,
    taxId: record.taxId,
    record,
    contacts,
    addresses,
    phones: phonesText(contacts),
    unigram: unigramText(record.name, record.shortName),
    pinyin: pinyinValues({ name: record.name, short_name: record.shortName, mnemonic, nature: record.nature }),
  };
}

interface WriteContext {
  sqlite: Sqlite;
  /** names of the lists and users, for the log rows */
  refs: RefIndex;
  at: Date;
  actor: { id: number; displayName: string };
  /**
   * writes the import's one batch log entry (file, who, when, mapping, counts, `fields`) once the
   * codes are known, and returns its id: each customer's compact 'create' entry points to it
   * (audit/import-entry.ts)
   */
  logBatch: (codes: string[], fields: readonly string[]) => number;
  onProgress?: (done: number) => void;
}

/**
 * Inserts the customers, their contacts, addresses, search rows and one compact 'create' log row
 * each (pointing to the batch entry).
 * Call INSIDE a write transaction (the caller's). Rows without a code take the pattern's next
 * free codes, skipping codes in use or given elsewhere in the file. Returns the codes written.
 */
export function writeCustomers(ctx: WriteContext, rows: PreparedCustomer[]): string[] {
  const { sqlite } = ctx;
  const stamp = ctx.at.toISOString();
  const insCustomer = bulkInsert(sqlite, customers, [
    'code',
    'name',
    'shortName',
    'mnemonic',
    'nameNorm',
    'nature',
    'categoryId',
    'industryId',
    'regionId',
    'creditRatingId',
    'taxId',
    'legalRep',
    'website',
    'bankName',
    'bankAccount',
    'creditLimitCents',
    'creditDays',
    'settlementMethodId',
    'paymentTerms',
    'salespersonId',
    'contractEndDate',
    'memo',
    'status',
    'createdAt',
    'createdBy',
    'updatedAt',
    'updatedBy',
    'lastActivityAt',
  ]);
  const insContact = bulkInsert(sqlite, customerContacts, [
    'customerId',
    'name',
    'title',
    'mobile',
    'phone',
    'phoneDigits',
    'email',
    'isPrimary',
    'sort',
  ]);
  const insAddress = bulkInsert(sqlite, customerAddresses, [
    'customerId',
    'kind',
    'country',
    'provinceCode',
    'cityCode',
    'districtCode',
    'street',
    'postcode',
    'isDefault',
    'sort',
  ]);
  const insPinyin = bulkInsert(sqlite, customerPinyin, ['value', 'customerId']);
  // the log row of each customer: only what differs from row to row is bound
  const insLog = sqlite.prepare(
    "INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes, reason) VALUES (?, ?, ?, 'customer', ?, 'create', ?, NULL)",
  );
  const insTri = sqlite.prepare(
    'INSERT INTO customer_fts_tri (rowid, name, short_name, phones, tax_id) VALUES (?, ?, ?, ?, ?)',
  );
  const insUni = sqlite.prepare('INSERT INTO customer_fts_uni (rowid, text) VALUES (?, ?)');
  // pinyin rows are written last, sorted by value: neighbouring keys of the index go in together
  const pinyin: { value: string; id: number }[] = [];

  const codes = nextCodes(sqlite, rows);
  const fields = [...HISTORY_FIELDS, 'warnings'];
  const batchId = ctx.logBatch(codes, fields);
  const out: string[] = [];
  rows.forEach((r, i) => {
    const code = codes[i];
    const id = insCustomer({
      ...r.record,
      code,
      createdAt: stamp,
      createdBy: ctx.actor.id,
      updatedAt: stamp,
      updatedBy: ctx.actor.id,
      lastActivityAt: stamp,
    });
    for (const c of r.contacts) insContact({ ...c, customerId: id });
    for (const a of r.addresses) insAddress({ ...a, customerId: id });
    insTri.run(id, r.record.name, r.record.shortName ?? '', r.phones, r.record.taxId ?? '');
    if (r.unigram) insUni.run(id, r.unigram);
    for (const value of new Set(r.pinyin)) pinyin.push({ value, id });
    const view: Record<string, unknown> = logged(code, r, ctx.refs);
    // a pilot-era USCC was imported as a warning: its log row keeps it, as the form's save does
    const warning = usccChecksumWarning({ taxId: r.taxId, nature: r.record.nature, addresses: r.addresses });
    if (warning) view.warnings = [warning];
    insLog.run(stamp, ctx.actor.id, ctx.actor.displayName, String(id), compactImportEntry(batchId, r.rowNumber, fields, view));
    out.push(code);
    if (ctx.onProgress && (i + 1) % 2000 === 0) ctx.onProgress(i + 1);
  });
  pinyin.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.id - b.id));
  for (const p of pinyin) insPinyin({ value: p.value, customerId: p.id });
  ctx.onProgress?.(rows.length);
  return out;
}

/**
 * Codes for the rows: their own, or the pattern's next free ones (as takeNextCode gives them).
 * The sequence then continues after the highest code of the pattern's shape in the file, so that
 * the next customer typed in does not probe every imported code one by one.
 */
function nextCodes(sqlite: Sqlite, rows: PreparedCustomer[], pattern = DEFAULT_CODE_PATTERN): string[] {
  const given = new Set(rows.flatMap((r) => (r.code ? [r.code] : [])));
  const taken = sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').pluck();
  const seq = sqlite.prepare('SELECT next FROM code_sequences WHERE pattern = ?').pluck().get(pattern) as
    | number
    | undefined;
  let n = seq ?? 1;
  const out = rows.map((r) => {
    if (r.code) return r.code;
    let code = formatCode(pattern, n);
    while (given.has(code) || taken.get(code)) code = formatCode(pattern, ++n);
    n++;
    return code;
  });
  const { prefix, width, suffix } = parsePattern(pattern);
  const shape = new RegExp(`^${escapeRegExp(prefix)}(\\d{${width},})${escapeRegExp(suffix)}$`);
  for (const code of given) {
    const m = code.match(shape);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  if (n !== (seq ?? 1)) {
    sqlite
      .prepare(
        'INSERT INTO code_sequences (pattern, next) VALUES (?, ?) ON CONFLICT (pattern) DO UPDATE SET next = excluded.next',
      )
      .run(pattern, n);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
