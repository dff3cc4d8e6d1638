import type { z } from 'zod';
import { customerCreateSchema, usccChecksumWarning } from '../customers/shared/customers.contract';
import { LOOKUP_FILE_FIELDS, fieldOfPath as recordFieldOfPath } from '../customers/shared/fields';
import { resolveDivision } from './areas';
import { countryCode } from './countries';
import { type Cell, type Parsed, cellText, centsCell, dateCell, digitsCell, intCell, isBlank, postcodeCell } from '../spreadsheet/cells';
import { type ImportField, type ImportIssue, NATURE_LABELS } from './shared/import.contract';
import type { RefIndex } from './refs';

/**
 * One row of the file → the record `customer.create` takes, checked with the same schema
 * (customerCreateSchema) after turning names into ids and messy cells into clean values.
 */
export type CustomerCreate = z.output<typeof customerCreateSchema>;
export type RowIssue = Omit<ImportIssue, 'row'>;

export interface RowResult {
  data: CustomerCreate | null;
  errors: RowIssue[];
  /** what the row may be imported with, shown first (a pilot-era USCC's wrong check character) */
  warnings: RowIssue[];
}

interface RowContext {
  cols: Partial<Record<ImportField, number>>;
  headers: string[];
  refs: RefIndex;
  date1904: boolean;
}

/** file field → [record column, managed list] of the columns that name an item of a list */
const LOOKUP_FIELDS = LOOKUP_FILE_FIELDS.map((f) => [f.key, f.column, f.lookup] as const);

const natureByLabel = new Map<string, string>();
for (const [code, label] of Object.entries(NATURE_LABELS)) {
  natureByLabel.set(label, code);
  natureByLabel.set(code.toLowerCase(), code);
}
for (const [alias, code] of [
  ['个体户', 'individualBusiness'],
  ['个体', 'individualBusiness'],
  ['公司', 'enterprise'],
  ['政府', 'government'],
  ['机关', 'government'],
  ['individual business', 'individualBusiness'],
  ['company', 'enterprise'],
  ['individual', 'person'],
]) {
  natureByLabel.set(alias, code);
}

/** zod path of the record → the file's field (a path no field has: its head, as the field) */
function fieldOfPath(path: PropertyKey[]): ImportField | null {
  return (recordFieldOfPath(path)?.key as ImportField | undefined) ?? ((String(path[0] ?? '') as ImportField) || null);
}

/** A zod issue's message is an i18n key (customers.validation.uscc); else the generic key of its code. */
function issueKey(issue: z.core.$ZodIssue): string {
  return /^[\w-]+(\.[\w-]+)+$/.test(issue.message) ? issue.message : `validation.${issue.code}`;
}

export function checkRow(cells: Cell[], ctx: RowContext): RowResult {
  const { cols, refs } = ctx;
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const cell = (f: ImportField): Cell | undefined => {
    const i = cols[f];
    return i === undefined ? undefined : cells[i];
  };
  const issue = (field: ImportField | null, messageKey: string, params?: RowIssue['params'], into = errors) => {
    const i = field ? cols[field] : undefined;
    const raw = i === undefined ? undefined : cells[i];
    into.push({
      column: i === undefined ? null : (ctx.headers[i] ?? null),
      field,
      messageKey,
      ...(params ? { params } : {}),
      value: isBlank(raw) ? null : cellText(raw).slice(0, 100),
    });
  };
  const text = (f: ImportField): string => cellText(cell(f));
  const take = <T>(f: ImportField, p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value;
    issue(f, p.messageKey);
    return undefined;
  };
  const blankToUndef = (s: string | undefined) => (s == null || s.normalize('NFKC').trim() === '' ? undefined : s);

  const input: Record<string, unknown> = {
    name: text('name'),
    shortName: text('shortName'),
    mnemonic: text('mnemonic'),
    legalRep: text('legalRep'),
    website: text('website'),
    bankName: text('bankName'),
    paymentTerms: text('paymentTerms'),
    memo: text('memo'),
  };
  const code = blankToUndef(text('code'));
  if (code !== undefined) input.code = code;

  const natureText = text('nature').normalize('NFKC').trim().toLowerCase();
  if (natureText) {
    const nature = natureByLabel.get(natureText);
    if (nature) input.nature = nature;
    else issue('nature', 'import.errors.nature');
  }

  for (const [field, key, kind] of LOOKUP_FIELDS) {
    const t = text(field).trim();
    if (!t) continue;
    const r = refs.lookup(kind, t);
    if (r.ok) input[key] = r.id;
    else issue(field, r.messageKey);
  }
  const sales = text('salesperson').trim();
  if (sales) {
    const r = refs.user(sales);
    if (r.ok) input.salespersonId = r.id;
    else issue('salesperson', r.messageKey);
  }

  input.taxId = take('taxId', digitsCell(cell('taxId'))) ?? '';
  input.bankAccount = take('bankAccount', digitsCell(cell('bankAccount'))) ?? '';
  const cents = take('creditLimit', centsCell(cell('creditLimit')));
  if (cents != null) input.creditLimitCents = cents;
  const days = take('creditDays', intCell(cell('creditDays')));
  if (days != null) input.creditDays = days;
  const end = take('contractEndDate', dateCell(cell('contractEndDate'), ctx.date1904));
  if (end != null) input.contractEndDate = end;

  // one contact per row (the primary one), when any of its cells is filled
  const mobile = take('mobile', digitsCell(cell('mobile'))) ?? '';
  const phoneCell = cell('phone');
  const phone = typeof phoneCell === 'number' ? (digitsCell(phoneCell).ok ? cellText(phoneCell) : '') : text('phone');
  const contact = { name: text('contactName'), title: text('contactTitle'), mobile, phone, email: text('email') };
  if (Object.values(contact).some((v) => v.normalize('NFKC').trim() !== '')) {
    if (!contact.name.trim() && input.nature === 'person') contact.name = String(input.name);
    input.contacts = [{ ...contact, isPrimary: true }];
  }

  // one address per row (registered, default): in China (the default) with its division, or abroad
  const countryText = text('country').trim();
  const country = countryText ? countryCode(countryText) : 'CN';
  if (!country) issue('country', 'import.errors.country');
  const division = { province: text('province').trim(), city: text('city').trim(), district: text('district').trim() };
  const street = text('street');
  const postcode = postcodeCell(cell('postcode'));
  const hasDivision = Boolean(division.province || division.city || division.district);
  if (countryText || hasDivision || street.trim() || postcode.trim()) {
    const d = country === 'CN' ? resolveDivision(division) : null;
    if (d && !d.ok) issue(d.field, 'import.errors.division');
    if (!d && hasDivision) issue('province', 'import.errors.divisionAbroad');
    input.addresses = [
      {
        kind: 'registered',
        country: country ?? 'CN',
        provinceCode: d?.ok ? d.provinceCode : null,
        cityCode: d?.ok ? d.cityCode : null,
        districtCode: d?.ok ? d.districtCode : null,
        street,
        postcode,
        isDefault: true,
      },
    ];
  }

  const parsed = customerCreateSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set(errors.map((e) => e.field));
    for (const zi of parsed.error.issues) {
      const field = fieldOfPath(zi.path);
      if (seen.has(field)) continue;
      seen.add(field);
      issue(field, issueKey(zi));
    }
  }
  const data = parsed.success && !errors.length ? parsed.data : null;
  // a USCC with a wrong check character (issued in a local pilot before GB 32100): imported, warned
  if (data && usccChecksumWarning(data)) issue('taxId', 'import.warnings.taxIdChecksum', undefined, warnings);
  return { data, errors, warnings };
}
