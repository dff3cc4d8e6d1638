import i18n from 'i18next';
import type { AuditRow } from '../../../../electron/core/audit/shared/audit.contract';
import { type AuditCodeField, isCodeField } from '../../../../electron/core/audit/shared/audit-values.contract';
import { formatDateTime } from '../../shared/format';
import { translateOr } from '../../shared/translate';
import { countsText } from '../backup/backupFormat';
import { formatHistoryValue, type HistoryContext } from '../customers/detail/historyFormat';
import { lookupPath } from '../lookups/lookupsStore';

/** Where the texts of each coded field's values live. */
export const CODE_VALUE_PREFIX: Record<AuditCodeField, string> = {
  nature: 'customers.nature',
  status: 'customers.status',
  mode: 'audit.value.mode',
  kind: 'lookups.kinds',
  roles: 'role',
  locale: 'language',
  trigger: 'backup.trigger',
  check: 'backup.checkResult',
  secondCopy: 'backup.secondState',
  sourceKind: 'backup.sourceKind',
  deviceKind: 'network.devices.kinds',
};

const TIME_FIELDS = new Set(['lockedUntil', 'lastLoginAt', 'createdAt', 'updatedAt', 'expiresAt']);
/** Moved out of the change list into the 原因 column: the reason chosen from the list. */
const REASON_FIELD = 'statusReason';
/** Moved out likewise: the file a customer was imported from (worded per language). */
const IMPORT_FIELD = 'importedFrom';
/** Likewise: the row of the file a customer was imported from (said with the file). */
const IMPORT_ROW_FIELD = 'importRow';
/** How the core worded an import before it stored the file as data ("导入 十月客户.xlsx"). */
// (导入 written as escapes: the renderer's code holds no Chinese, its texts live in the locale files)
const LEGACY_IMPORT_REASON = /^\u5bfc\u5165 (.+\.(?:xlsx|csv))$/i;

const NO_CONTEXT: HistoryContext = { lookups: [], users: [] };
const empty = () => i18n.t('common.empty');

/** One before/after value as text: codes translated, lists joined, money, lists and times readable. */
function formatValue(field: string, value: unknown, ctx: HistoryContext = NO_CONTEXT): string {
  if (value === null || value === undefined || value === '') return empty();
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    if (value.length === 0) return empty();
    return value.map((v) => formatValue(field, v, ctx)).join(i18n.t('common.listSeparator'));
  }
  if (typeof value === 'string') {
    if (isCodeField(field)) return translateOr(CODE_VALUE_PREFIX[field], value);
    if (TIME_FIELDS.has(field)) return formatDateTime(value) ?? value;
  }
  // a backup's row counts per table, in words
  if (field === 'counts' && typeof value === 'object') return countsText(value as Record<string, number>);
  if (typeof value === 'number' && field === 'parentId') return lookupPath(ctx.lookups, value) ?? `#${value}`;
  return formatHistoryValue(field, value, ctx);
}

/** The label of a logged field. */
function fieldLabel(field: string): string {
  return translateOr('audit.field', field);
}

export interface ChangeLine {
  field: string;
  label: string;
  /** null when there was nothing before (a new record, a first value) */
  before: string | null;
  after: string;
}

/** Each changed field, translated; the reason picked from a list is left to `reasonOf`. */
export function formatChanges(row: Pick<AuditRow, 'changes'>, ctx: HistoryContext = NO_CONTEXT): ChangeLine[] {
  if (!row.changes) return [];
  return Object.entries(row.changes)
    .filter(([field]) => field !== REASON_FIELD && field !== IMPORT_FIELD && field !== IMPORT_ROW_FIELD)
    .map(([field, { before, after }]) => ({
      field,
      label: fieldLabel(field),
      before: before === null || before === undefined || before === '' ? null : formatValue(field, before, ctx),
      after: formatValue(field, after, ctx),
    }));
}

/** "字段：前 → 后" (or "字段：值" for a first value), for plain-text uses and titles. */
export function changeText(line: ChangeLine): string {
  if (line.before === null) return i18n.t('audit.changeLineNew', { field: line.label, after: line.after });
  return i18n.t('audit.changeLine', { field: line.label, before: line.before, after: line.after });
}

/**
 * The 原因 column: a reason chosen from a list (停用原因) with the memo typed beside it, or the
 * written reason alone (解冻, 启用, 保留, 仍然保存).
 */
export function reasonOf(
  row: Pick<AuditRow, 'changes' | 'reason'> & Partial<Pick<AuditRow, 'entity' | 'action'>>,
): { reason: string | null; memo: string | null } {
  const imported = importReason(row);
  if (imported) return { reason: imported, memo: null };
  const chosen = row.changes?.[REASON_FIELD]?.after;
  if (typeof chosen === 'string' && chosen) return { reason: chosen, memo: row.reason };
  return { reason: row.reason, memo: null };
}

interface TargetView {
  /** the kind of record (客户, 用户 …) */
  kind: string;
  /** code and name, a settings group, a run number or a file name */
  label: string | null;
  /** the customer's id when the row links to a customer */
  customerId: number | null;
}

/** What a row is about, as people name it: 客户 C000001 北京海淀科技有限公司. */
export function targetOf(row: Pick<AuditRow, 'entity' | 'entityId' | 'target' | 'changes'>): TargetView {
  const kind = translateOr('audit.entity', row.entity);
  const t = row.target;
  if (t) {
    const label = [t.code, t.name].filter(Boolean).join(' ');
    return { kind, label, customerId: row.entity === 'customer' ? t.id : null };
  }
  const fileName = row.changes?.fileName?.after;
  if (row.entity === 'customerImport' && typeof fileName === 'string')
    return { kind, label: fileName, customerId: null };
  if (row.entity === 'settings' && row.entityId)
    return { kind, label: translateOr('audit.settingsKey', row.entityId), customerId: null };
  if (row.entity === 'reviewRun' && row.entityId) return { kind, label: `#${row.entityId}`, customerId: null };
  return { kind, label: row.entityId, customerId: null };
}

/** "导入 十月客户.xlsx" (a customer it created: "导入 十月客户.xlsx 第 5 行") for a row an import wrote (the summary, or a customer it created); else null. */
export function importReason(row: Pick<AuditRow, 'changes' | 'reason'> & Partial<Pick<AuditRow, 'entity' | 'action'>>) {
  const file = importFileOf(row);
  if (!file) return null;
  const fileRow = row.changes?.[IMPORT_ROW_FIELD]?.after;
  return typeof fileRow === 'number' ? i18n.t('audit.importedFromRow', { fileName: file, row: fileRow }) : i18n.t('audit.importedFrom', { fileName: file });
}

/** The file an import row (the summary, or a customer it created) came from; older rows said it in words. */
function importFileOf(row: Pick<AuditRow, 'changes' | 'reason'> & Partial<Pick<AuditRow, 'entity' | 'action'>>) {
  const stored = row.changes?.[IMPORT_FIELD]?.after ?? (row.entity === 'customerImport' ? row.changes?.fileName?.after : null);
  if (typeof stored === 'string' && stored) return stored;
  const byImport = row.entity === 'customerImport' || (row.entity === 'customer' && row.action === 'create');
  const legacy = byImport && row.reason ? LEGACY_IMPORT_REASON.exec(row.reason) : null;
  return legacy ? legacy[1] : null;
}
