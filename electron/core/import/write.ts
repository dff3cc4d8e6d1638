import type { Sqlite } from '../../../db/open';
import { customerAddresses, customerContacts, customers, operationLog } from '../../../db/schema/index';
import { diffFields } from '../audit/audit.log';
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
import { gramText, phonesText, pinyinValues, type SearchRow, writeSearchRows } from '../customers/search/indexer';
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
  grams: string;
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
    grams: gramText(record.name, record.shortName),
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
   * the uploaded file's name, kept in each customer's 'create' log row as `importedFrom` (data,
   * not a sentence: the renderer says "导入 客户.xlsx" / "Imported from 客户.xlsx")
   */
  fileName: string;
  onProgress?: (done: number) => void;
}

/**
 * Inserts the customers, their contacts, addresses, search rows and one 'create' log row each.
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
  const insLog = bulkInsert(sqlite, operationLog, [
    'at',
    'userId',
    'userName',
    'entity',
    'entityId',
    'action',
    'changes',
    'reason',
  ]);
  const search: SearchRow[] = [];

  const codes = nextCodes(sqlite, rows);
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
    const { name, shortName, taxId } = r.record;
    search.push({ id, name, shortName, taxId, phones: r.phones, grams: r.grams, readings: r.pinyin });
    const changes = diffFields<Record<string, unknown>>(null, logged(code, r, ctx.refs), [...HISTORY_FIELDS]);
    // a pilot-era USCC was imported as a warning: its log row keeps it, as the form's save does
    const warning = usccChecksumWarning({ taxId: r.taxId, nature: r.record.nature, addresses: r.addresses });
    if (warning) changes.warnings = { before: null, after: [warning] };
    changes.importedFrom = { before: null, after: ctx.fileName };
    insLog({
      at: stamp,
      userId: ctx.actor.id,
      userName: ctx.actor.displayName,
      entity: 'customer',
      entityId: String(id),
      action: 'create',
      changes: JSON.stringify(changes),
      reason: null,
    });
    out.push(code);
    if (ctx.onProgress && (i + 1) % 2000 === 0) ctx.onProgress(i + 1);
  });
  writeSearchRows(sqlite, search);
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
