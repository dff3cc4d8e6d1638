import i18n from 'i18next';
import type { AuditRow } from '../../../../electron/core/audit/audit.contract';
import { formatDateTime } from '../../shared/format';
import { translateOr } from '../../shared/translate';

const TIME_FIELDS = new Set(['lockedUntil', 'lastLoginAt', 'createdAt', 'updatedAt']);

/** One before/after value as text: empty → "—", arrays joined, role codes and languages translated. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('common.empty');
  if (Array.isArray(value)) {
    if (value.length === 0) return i18n.t('common.empty');
    return value.map((v) => formatValue(field, v)).join(i18n.t('common.listSeparator'));
  }
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') {
    if (field === 'roles') return translateOr('role', value);
    if (field === 'locale') return translateOr('language', value);
    if (TIME_FIELDS.has(field)) return formatDateTime(value) ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** Each changed field as "field: before → after", with translated field names. */
export function formatChanges(changes: AuditRow['changes']): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, { before, after }]) =>
    i18n.t('audit.changeLine', {
      field: translateOr('audit.field', field),
      before: formatValue(field, before),
      after: formatValue(field, after),
    }),
  );
}
