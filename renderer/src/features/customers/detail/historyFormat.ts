import i18n from 'i18next';
import type { OpenItem } from '../../../../../electron/core/status/shared/status.contract';
import type { LookupItem } from '../../../../../electron/core/lookups/shared/lookups.contract';
import { LOGGED_COLUMN_KEYS, LOGGED_LOOKUP_COLUMNS } from '../../../../../electron/core/customers/shared/fields';
import { translateOr } from '../../../shared/translate';
import { openItemText } from '../../status/statusTexts';
import { lookupName, lookupPath } from '../../lookups/lookupsStore';
import { countryName, divisionNames } from '../shared/geo';
import { formatCents } from '../../../shared/money';
import { statusText } from '../../status/StatusTag';

export interface HistoryContext {
  lookups: readonly LookupItem[];
  users: readonly { id: number; displayName: string }[];
}

interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * Logged field → its label key under customers.fields, where the two differ: a record column
 * (categoryId, creditLimitCents) names its field; older log rows carry salespersonName.
 */
const FIELD_LABELS: Record<string, string> = {
  ...LOGGED_COLUMN_KEYS,
  salespersonName: 'salesperson',
};
/** Record columns that hold an item of a managed list (logged as ids in older rows). */
const LOOKUP_FIELDS = new Set<string>(LOGGED_LOOKUP_COLUMNS);

function fieldLabel(field: string): string {
  return translateOr('customers.fields', FIELD_LABELS[field] ?? field);
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function contactText(c: Obj): string {
  const parts = [c.name, c.title, c.mobile, c.phone, c.email].map(str).filter(Boolean);
  const primary = c.isPrimary ? i18n.t('customers.history.primaryMark') : '';
  return parts.join(' ') + primary;
}

function addressText(a: Obj): string {
  const kind = translateOr('customers.addressKind', str(a.kind));
  // the log keeps the division as names (`division`); older shapes may carry the codes
  const where =
    str(a.country) && a.country !== 'CN'
      ? countryName(str(a.country), i18n.language)
      : str(a.division) || divisionNames([str(a.provinceCode), str(a.cityCode), str(a.districtCode)]).join(' ');
  const mark = a.isDefault ? i18n.t('customers.history.defaultMark') : '';
  return `${kind}${i18n.t('customers.history.colon')}${[where, str(a.street), str(a.postcode)].filter(Boolean).join(' ')}${mark}`;
}

/** One before/after value as text, with list names, money and translated codes. */
export function formatHistoryValue(field: string, value: unknown, ctx: HistoryContext): string {
  const empty = i18n.t('common.empty');
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    const sep = i18n.t('common.listSeparator');
    if (field === 'contacts') return value.map((c) => contactText(c as Obj)).join(sep);
    if (field === 'addresses') return value.map((a) => addressText(a as Obj)).join(sep);
    if (field === 'openItems') return value.map((o) => openItemText(o as OpenItem)).join(sep);
    return value.map((v) => formatHistoryValue(field, v, ctx)).join(sep);
  }
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (field === 'categoryId') return lookupPath(ctx.lookups, value) ?? `#${value}`;
    if (LOOKUP_FIELDS.has(field)) return lookupName(ctx.lookups, value) ?? `#${value}`;
    if (field === 'salespersonId') return ctx.users.find((u) => u.id === value)?.displayName ?? `#${value}`;
    if (field === 'creditLimitCents') return formatCents(value) ?? empty;
    if (field === 'creditDays') return i18n.t('customers.detail.days', { count: value });
    return String(value);
  }
  if (typeof value === 'string') {
    if (field === 'nature') return translateOr('customers.nature', value);
    if (field === 'status') return statusText(value);
    // warnings the user confirmed on save (a pilot-era USCC's check character)
    if (field === 'warnings') return translateOr('customers.warnings', value);
    return value;
  }
  if (typeof value === 'object') {
    if (field === 'contacts') return contactText(value as Obj);
    if (field === 'addresses') return addressText(value as Obj);
    if (field === 'movedReferences') {
      const moved = Object.entries(value as Record<string, number>).filter(([, n]) => n > 0);
      if (moved.length === 0) return empty;
      return moved.map(([ref, n]) => `${ref} ${n}`).join(i18n.t('common.listSeparator'));
    }
  }
  return JSON.stringify(value);
}

/** The changed fields of one history entry, translated. */
export function changeLines(
  changes: Record<string, { before?: unknown; after?: unknown }> | null,
  ctx: HistoryContext,
): ChangeLine[] {
  if (!changes) return [];
  // the import's file goes to the 原因 column (importReason); its row number is the audit page's
  const shown = Object.entries(changes).filter(([field]) => field !== 'importedFrom' && field !== 'importRow');
  return shown.map(([field, { before, after }]) => ({
    field,
    label: fieldLabel(field),
    before: formatHistoryValue(field, before, ctx),
    after: formatHistoryValue(field, after, ctx),
  }));
}
