import type { Sqlite } from '../../../db/open';
import { customerAddresses, customerContacts, customers } from '../../../db/schema/index';
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
import { gramText, phonesText, pinyinValues, type SearchRow, writeSearchRows } from '../customers/search/indexer';
import { bulkInsert } from './bulk-insert';
import { bulkSearchWrite } from './fts-bulk';
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
   * writes the import's one batch log entry (file, who, when, mapping, counts, `fields`) once all
   * rows are written, and returns its id: each customer's compact 'create' entry points to it
   * (audit/import-entry.ts)
   */
  logBatch: (codes: string[], fields: readonly string[]) => number;
}

const LOG_ROWS_PER_INSERT = 1000;

/** Inserts `rows` at once (writeCustomers below, in one call). */
export function writeCustomers(ctx: WriteContext, rows: PreparedCustomer[]): string[] {
  const w = customerWriter(ctx, new Set(rows.flatMap((r) => (r.code ? [r.code] : []))));
  const codes = w.write(rows);
  w.finish();
  return codes;
}

/**
 * Inserts the customers, their contacts, addresses, search rows and one compact 'create' log row
 * each (pointing to the batch entry), slice after slice as they come (`write`), then what waits
 * for the end (`finish`): the code sequence, the batch log entry
 * and the customers' log rows. Call INSIDE a write transaction (the caller's). Rows without a
 * code take the pattern's next free codes, skipping codes in use or `given` in the file.
 */
export function customerWriter(ctx: WriteContext, given: ReadonlySet<string>) {
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
  // the customers' log rows, many per statement: the log's append-only guard (db/append-only.ts)
  // has insert triggers, and a statement that fires triggers costs tens of µs to set up — per
  // statement, not per row (one row per statement took 10× as long)
  const insLogs = sqlite.prepare(
    `INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes, reason)
     SELECT ?, ?, ?, 'customer', json_extract(j.value, '$[0]'), 'create', json_extract(j.value, '$[1]'), NULL
     FROM json_each(?) j ORDER BY j.key`,
  );

  const codes = codeSource(sqlite, given);
  const search = bulkSearchWrite(sqlite);
  const fields = [...HISTORY_FIELDS, 'warnings'];
  // each customer's log row waits for the batch entry's id (written last, with the counts)
  const logs: { id: number; row: number; view: Record<string, unknown> }[] = [];
  const out: string[] = [];
  // the slice's search rows go in together: one set of prepared statements per slice
  const write = (rows: PreparedCustomer[]): string[] => {
    const searchRows: SearchRow[] = [];
    const written = rows.map((r) => {
      const code = r.code ?? codes.next();
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
      searchRows.push({ id, name, shortName, taxId, phones: r.phones, grams: r.grams, readings: r.pinyin });
      const view: Record<string, unknown> = logged(code, r, ctx.refs);
      // a pilot-era USCC was imported as a warning: its log row keeps it, as the form's save does
      const warning = usccChecksumWarning({ taxId: r.taxId, nature: r.record.nature, addresses: r.addresses });
      if (warning) view.warnings = [warning];
      logs.push({ id, row: r.rowNumber, view });
      out.push(code);
      return code;
    });
    writeSearchRows(sqlite, searchRows);
    return written;
  };
  const finish = () => {
    codes.finish();
    search.finish();
    const batchId = ctx.logBatch(out, fields);
    for (let i = 0; i < logs.length; i += LOG_ROWS_PER_INSERT) {
      const part = logs
        .slice(i, i + LOG_ROWS_PER_INSERT)
        .map((l) => [String(l.id), compactImportEntry(batchId, l.row, fields, l.view)]);
      insLogs.run(stamp, ctx.actor.id, ctx.actor.displayName, JSON.stringify(part));
    }
    return out;
  };
  return { write, finish, written: () => out.length };
}

/**
 * Codes for rows without one: the pattern's next free ones (as takeNextCode gives them), skipping
 * codes in use or given in the file. At the end the sequence continues after the highest code of
 * the pattern's shape in the file, so that the next customer typed in does not probe every
 * imported code one by one.
 */
function codeSource(sqlite: Sqlite, given: ReadonlySet<string>, pattern = DEFAULT_CODE_PATTERN) {
  const taken = sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').pluck();
  const seq = sqlite.prepare('SELECT next FROM code_sequences WHERE pattern = ?').pluck().get(pattern) as
    | number
    | undefined;
  let n = seq ?? 1;
  const next = () => {
    let code = formatCode(pattern, n);
    while (given.has(code) || taken.get(code)) code = formatCode(pattern, ++n);
    n++;
    return code;
  };
  const finish = () => {
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
  };
  return { next, finish };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
