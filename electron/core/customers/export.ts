import dayjs from 'dayjs';
import type { Sqlite } from '../../../db/open';
import type { CustomerSearchInput } from './shared/customers.contract';
import { FILE_FIELDS } from './shared/fields';
import { IDS, planSearch, SEARCH_CAP, type Stmt } from './search/search.sql';
import { divisionNamesOf } from '../import/areas';
import { countryLabel } from '../import/countries';
import { type ExportRow, exportWriter } from '../import/files';
import { EXPORT_STATE_COLUMNS, type ImportField, NATURE_LABELS, STATUS_LABELS } from '../import/shared/import.contract';
import { loadRefs, RefIndex } from '../import/refs';

/**
 * Export of the filtered list: the ids come from the list's own statements (search.sql.ts, same
 * q + filters + sort; a box text gives its first SEARCH_CAP matches, as the list does), the rows
 * in the template's columns, read and written in batches.
 */
export interface ExportInput {
  outFile: string;
  q?: string;
  filters: Record<string, unknown>;
  sort?: CustomerSearchInput['sort'];
  format: 'xlsx' | 'csv';
}

const bind = (s: Stmt, ids: number[] = []) => s.params.map((p) => (p === IDS ? JSON.stringify(ids) : p));

/** Ids of the customers the list shows for these q + filters, in its order. */
function exportIds(sqlite: Sqlite, input: Pick<ExportInput, 'q' | 'filters' | 'sort'>): number[] {
  const search: CustomerSearchInput = {
    q: input.q,
    filters: input.filters as CustomerSearchInput['filters'],
    sort: input.sort,
    offset: 0,
    // browse: every match (LIMIT -1 = no limit); search: the window the list pages in
    limit: input.q?.trim() ? SEARCH_CAP : -1,
  };
  const plan = planSearch(search);
  const all = (s: Stmt, ids?: number[]) => (sqlite.prepare(s.sql).pluck().all(...bind(s, ids)) as number[]).map(Number);
  if (plan.mode === 'empty') return [];
  if (plan.mode === 'browse') return all(plan.page);
  const exact = plan.exact ? all(plan.exact) : [];
  const window = [...new Set([...exact, ...all(plan.window)])].slice(0, SEARCH_CAP);
  return all(plan.page, window);
}

/** A file column's value as read (its key names it); the state columns the export adds. */
type Row = Record<ImportField, string | number | null> & {
  nature: keyof typeof NATURE_LABELS;
  status: keyof typeof STATUS_LABELS;
  statusChangedAt: string | null;
  statusReasonId: number | null;
};

const PART_ALIAS = { customer: 'c', contact: 'ct', address: 'a' } as const;
/** Each file column under its key: references as ids, the salesperson by name (joined as `u`). */
export const FILE_SELECT = FILE_FIELDS.map((f) => {
  if ('user' in f) return `u.display_name AS ${f.key}`;
  const col = `${PART_ALIAS[f.part]}.${f.sql}`;
  return f.sql === f.key ? col : `${col} AS ${f.key}`;
}).join(', ');

// the primary contact; the default registered address (else any default, else the first)
const ROWS_SQL = `
SELECT ${FILE_SELECT},
  c.status, c.status_changed_at AS statusChangedAt, c.status_reason_id AS statusReasonId
FROM json_each(?) w
CROSS JOIN customers c ON c.id = w.value
LEFT JOIN users u ON u.id = c.salesperson_id
LEFT JOIN customer_contacts ct ON ct.id = (
  SELECT x.id FROM customer_contacts x WHERE x.customer_id = c.id ORDER BY x.is_primary DESC, x.sort, x.id LIMIT 1)
LEFT JOIN customer_addresses a ON a.id = (
  SELECT y.id FROM customer_addresses y WHERE y.customer_id = c.id
  ORDER BY (y.kind = 'registered' AND y.is_default) DESC, y.is_default DESC, y.sort, y.id LIMIT 1)
ORDER BY w.key`;

type Value = ExportRow[number];
const str = (v: string | number | null) => (v == null ? null : String(v));

/**
 * One customer in the export's columns: every field the import reads, in the template's order
 * (so that the file imports again as it is), then the state columns the import skips. A value is
 * written as stored unless its field reads otherwise (labels, names, yuan, dates, divisions).
 */
function exportRow(r: Row, refs: RefIndex): ExportRow {
  const d = divisionNamesOf({ provinceCode: str(r.province), cityCode: str(r.city), districtCode: str(r.district) });
  const lookup = (id: number | null) => refs.lookupLabel(id) || null;
  const special: Partial<Record<ImportField, Value>> = {
    nature: NATURE_LABELS[r.nature] ?? r.nature,
    creditLimit: r.creditLimit == null ? null : Number(r.creditLimit) / 100,
    contractEndDate: r.contractEndDate ? new Date(`${r.contractEndDate}T00:00:00Z`) : null,
    country: r.country ? countryLabel(String(r.country)) : null,
    province: d.province || null,
    city: d.city || null,
    district: d.district || null,
  };
  const value = (f: (typeof FILE_FIELDS)[number]): Value =>
    f.key in special ? (special[f.key] as Value) : 'lookup' in f ? lookup(r[f.key] as number | null) : r[f.key];
  const deactivated = r.status === 'deactivated';
  const state: Record<(typeof EXPORT_STATE_COLUMNS)[number]['key'], Value> = {
    status: STATUS_LABELS[r.status] ?? r.status,
    deactivationReason: deactivated ? lookup(r.statusReasonId) : null,
    // local time of this computer, as the user reads it on screen
    deactivatedAt: deactivated && r.statusChangedAt ? dayjs(r.statusChangedAt).format('YYYY-MM-DD HH:mm') : null,
  };
  return [...FILE_FIELDS.map(value), ...EXPORT_STATE_COLUMNS.map((c) => state[c.key])];
}

const BATCH = 1000;

export async function exportCustomers(sqlite: Sqlite, input: ExportInput, onProgress: (done: number, total: number) => void): Promise<number> {
  const ids = exportIds(sqlite, input);
  const refs = new RefIndex(loadRefs(sqlite));
  const rows = sqlite.prepare(ROWS_SQL);
  const out = exportWriter(input.outFile, input.format);
  onProgress(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const r of rows.all(JSON.stringify(ids.slice(i, i + BATCH))) as Row[]) out.add(exportRow(r, refs));
    onProgress(Math.min(ids.length, i + BATCH), ids.length);
  }
  await out.close();
  return ids.length;
}
