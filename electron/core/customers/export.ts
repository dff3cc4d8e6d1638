import dayjs from 'dayjs';
import type { Sqlite } from '../../../db/open';
import type { CustomerSearchInput } from './shared/customers.contract';
import { IDS, planSearch, SEARCH_CAP, type Stmt } from './search/search.sql';
import { divisionNamesOf } from '../import/areas';
import { countryLabel } from '../import/countries';
import { type ExportRow, exportWriter } from '../import/files';
import { EXPORT_STATE_COLUMNS, IMPORT_COLUMNS, type ImportField, NATURE_LABELS, STATUS_LABELS } from '../import/shared/import.contract';
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
export function exportIds(sqlite: Sqlite, input: Pick<ExportInput, 'q' | 'filters' | 'sort'>): number[] {
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

interface Row {
  code: string;
  name: string;
  shortName: string | null;
  mnemonic: string | null;
  nature: keyof typeof NATURE_LABELS;
  categoryId: number | null;
  industryId: number | null;
  regionId: number | null;
  creditRatingId: number | null;
  taxId: string | null;
  legalRep: string | null;
  website: string | null;
  bankName: string | null;
  bankAccount: string | null;
  creditLimitCents: number | null;
  creditDays: number | null;
  settlementMethodId: number | null;
  paymentTerms: string | null;
  salesperson: string | null;
  contractEndDate: string | null;
  memo: string | null;
  contactName: string | null;
  contactTitle: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  country: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  street: string | null;
  postcode: string | null;
  status: keyof typeof STATUS_LABELS;
  statusChangedAt: string | null;
  statusReasonId: number | null;
}

// the primary contact; the default registered address (else any default, else the first)
const ROWS_SQL = `
SELECT c.code, c.name, c.short_name AS shortName, c.mnemonic, c.nature, c.category_id AS categoryId, c.industry_id AS industryId,
  c.region_id AS regionId, c.credit_rating_id AS creditRatingId, c.tax_id AS taxId, c.legal_rep AS legalRep, c.website,
  c.bank_name AS bankName, c.bank_account AS bankAccount, c.credit_limit_cents AS creditLimitCents, c.credit_days AS creditDays,
  c.settlement_method_id AS settlementMethodId, c.payment_terms AS paymentTerms, u.display_name AS salesperson,
  c.contract_end_date AS contractEndDate, c.memo,
  ct.name AS contactName, ct.title AS contactTitle, ct.mobile, ct.phone, ct.email,
  a.country, a.province_code AS provinceCode, a.city_code AS cityCode, a.district_code AS districtCode, a.street, a.postcode,
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

/**
 * One customer in the export's columns: every field the import reads, in the template's order
 * (so that the file imports again as it is), then the state columns the import skips.
 */
export function exportRow(r: Row, refs: RefIndex): ExportRow {
  const d = divisionNamesOf(r);
  const lookup = (id: number | null) => refs.lookupLabel(id) || null;
  const fields: Record<ImportField, Value> = {
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    mnemonic: r.mnemonic,
    nature: NATURE_LABELS[r.nature] ?? r.nature,
    category: lookup(r.categoryId),
    industry: lookup(r.industryId),
    region: lookup(r.regionId),
    creditRating: lookup(r.creditRatingId),
    taxId: r.taxId,
    legalRep: r.legalRep,
    website: r.website,
    bankName: r.bankName,
    bankAccount: r.bankAccount,
    creditLimit: r.creditLimitCents == null ? null : r.creditLimitCents / 100,
    creditDays: r.creditDays,
    settlementMethod: lookup(r.settlementMethodId),
    paymentTerms: r.paymentTerms,
    salesperson: r.salesperson,
    contractEndDate: r.contractEndDate ? new Date(`${r.contractEndDate}T00:00:00Z`) : null,
    memo: r.memo,
    contactName: r.contactName,
    contactTitle: r.contactTitle,
    mobile: r.mobile,
    phone: r.phone,
    email: r.email,
    country: r.country ? countryLabel(r.country) : null,
    province: d.province || null,
    city: d.city || null,
    district: d.district || null,
    street: r.street,
    postcode: r.postcode,
  };
  const deactivated = r.status === 'deactivated';
  const state: Record<(typeof EXPORT_STATE_COLUMNS)[number]['key'], Value> = {
    status: STATUS_LABELS[r.status] ?? r.status,
    deactivationReason: deactivated ? lookup(r.statusReasonId) : null,
    // local time of this computer, as the user reads it on screen
    deactivatedAt: deactivated && r.statusChangedAt ? dayjs(r.statusChangedAt).format('YYYY-MM-DD HH:mm') : null,
  };
  return [...IMPORT_COLUMNS.map((c) => fields[c.field]), ...EXPORT_STATE_COLUMNS.map((c) => state[c.key])];
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
