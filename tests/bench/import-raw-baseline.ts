import { customerAddresses, customerContacts, customers } from '../../db/schema';
import type { Core } from '../../electron/core/core';
import { type SearchRow, writeSearchRows } from '../../electron/core/customers/search/indexer';
import { bulkInsert } from '../../electron/core/import/bulk-insert';
import { suggestMapping } from '../../electron/core/import/mapping';
import { checkSlice } from '../../electron/core/import/parallel';
import { loadRefs } from '../../electron/core/import/refs';
import type { PreparedCustomer } from '../../electron/core/import/write';
import { openJobDb } from '../../electron/core/jobs/db';
import { readTable } from '../../electron/core/spreadsheet/read';
import { findHeaderRow } from '../../electron/core/spreadsheet/table';

/** Rows of the raw baseline: enough for a steady rate, few enough to keep the bench short. */
export const RAW_ROWS = 20_000;

/**
 * The raw ceiling of the import's write with today's schema, in the same run: the same rows of
 * the file, prepared beforehand (pinyin, index texts, log text), inserted with plain prepared
 * statements in one transaction on a connection like the import's (openJobDb: WAL, synchronous
 * FULL, 256 MB cache) — customers, contacts, addresses, the search rows (three full-text tables) and one compact log
 * row each (one statement per row, or with `batchedLog` 1,000 per statement as the import writes them). No checks, no code sequence,
 * no app code between the statements. Codes and tax IDs are changed so the rows do not clash
 * with the ones the import wrote.
 */
export async function rawBaseline(core: Core, bytes: Buffer, count: number, batchedLog = false): Promise<{ rows: number; ms: number; rowsPerS: number; msBy: Record<string, number>; readings: number }> {
  const table = findHeaderRow(await readTable(bytes, 'xlsx'), (h) => suggestMapping(h).filter(Boolean).length);
  const slice = checkSlice({
    headers: table.headers,
    date1904: table.date1904,
    rows: table.rows.slice(0, count),
    rowNumbers: table.rowNumbers.slice(0, count),
    mapping: suggestMapping(table.headers),
    refs: loadRefs(core.sqlite),
    prepare: true,
  });
  const rows = (slice.prepared ?? []).filter((p): p is PreparedCustomer => !!p);
  const stamp = new Date().toISOString();
  const sqlite = openJobDb(core.sqlite.name);
  try {
    const insCustomer = bulkInsert(sqlite, customers, [
      'code', 'name', 'shortName', 'mnemonic', 'nameNorm', 'nature', 'categoryId', 'industryId', 'regionId', 'creditRatingId',
      'taxId', 'legalRep', 'website', 'bankName', 'bankAccount', 'creditLimitCents', 'creditDays', 'settlementMethodId',
      'paymentTerms', 'salespersonId', 'contractEndDate', 'memo', 'status', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'lastActivityAt',
    ]);
    const insContact = bulkInsert(sqlite, customerContacts, ['customerId', 'name', 'title', 'mobile', 'phone', 'phoneDigits', 'email', 'isPrimary', 'sort']);
    const insAddress = bulkInsert(sqlite, customerAddresses, [
      'customerId', 'kind', 'country', 'provinceCode', 'cityCode', 'districtCode', 'street', 'postcode', 'isDefault', 'sort',
    ]);
    const insLog = sqlite.prepare(
      "INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes, reason) VALUES (?, 1, 'bench', 'customer', ?, 'create', ?, NULL)",
    );
    const insLogs = sqlite.prepare(
      `INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes, reason)
       SELECT ?, 1, 'bench', 'customer', json_extract(j.value, '$[0]'), 'create', json_extract(j.value, '$[1]'), NULL
       FROM json_each(?) j ORDER BY j.key`,
    );
    // everything computed before the clock starts: only the statements are timed
    const records = rows.map((r, i) => ({
      ...r.record,
      code: `${batchedLog ? 'RAB' : 'RAW'}${String(i).padStart(7, '0')}`,
      taxId: r.record.taxId ? `${batchedLog ? 'Y' : 'Z'}${r.record.taxId.slice(1)}` : null,
      createdAt: stamp,
      createdBy: 1,
      updatedAt: stamp,
      updatedBy: 1,
      lastActivityAt: stamp,
    }));
    const logTexts = rows.map((r) => JSON.stringify({ importBatch: 1, row: r.rowNumber, values: Object.values(r.record) }));
    // where the time goes, per table: what limits the ceiling
    const spent: Record<string, number> = {};
    const timed = <T>(what: string, fn: () => T): T => {
      const t = performance.now();
      const v = fn();
      spent[what] = (spent[what] ?? 0) + performance.now() - t;
      return v;
    };
    const t0 = performance.now();
    sqlite.exec('BEGIN IMMEDIATE');
    const search: SearchRow[] = [];
    const logIds: number[] = [];
    rows.forEach((r, i) => {
      const id = timed('customers', () => insCustomer(records[i]));
      timed('contacts_addresses', () => {
        for (const c of r.contacts) insContact({ ...c, customerId: id });
        for (const a of r.addresses) insAddress({ ...a, customerId: id });
      });
      search.push({ id, name: r.record.name, shortName: r.record.shortName, taxId: records[i].taxId, phones: r.phones, grams: r.grams, readings: r.pinyin });
      if (!batchedLog) timed('operation_log', () => insLog.run(stamp, String(id), logTexts[i]));
      else logIds.push(id);
    });
    // the log as the import writes it: many rows per statement (the append-only triggers cost per statement)
    if (batchedLog) {
      timed('operation_log', () => {
        for (let i = 0; i < logIds.length; i += 1000) {
          const part = logIds.slice(i, i + 1000).map((id, k) => [String(id), logTexts[i + k]]);
          insLogs.run(stamp, JSON.stringify(part));
        }
      });
    }
    // the three full-text tables (trigram, grams, readings), as the import writes them
    timed('search_rows', () => writeSearchRows(sqlite, search));
    timed('commit', () => sqlite.exec('COMMIT'));
    const ms = performance.now() - t0;
    const msBy = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round(v)]));
    return { rows: rows.length, ms: Math.round(ms), rowsPerS: Math.round(rows.length / (ms / 1000)), msBy, readings: search.reduce((n, r) => n + r.readings.length, 0) };
  } finally {
    sqlite.close();
  }
}
