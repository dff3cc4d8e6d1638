import { BACKUP_TRIGGERS, SECOND_COPY_STATES } from '../../backup/shared/backup.contract';
import { CUSTOMER_NATURES, CUSTOMER_STATUSES } from '../../customers/shared/customers.contract';
import { importModeSchema } from '../../import/shared/import.contract';
import { LOOKUP_KINDS } from '../../lookups/shared/lookups.contract';
import { DEVICE_KINDS } from '../../network/shared/network.contract';
import { ROLE_CODES } from '../../shared/permissions';

/**
 * The operation log's fields whose values are codes, with every code the core can write there.
 * The renderer translates each (never shows the code); a unit test checks every one has a text.
 */
export const AUDIT_CODE_VALUES = {
  nature: CUSTOMER_NATURES,
  status: CUSTOMER_STATUSES,
  mode: importModeSchema.options,
  kind: LOOKUP_KINDS,
  roles: ROLE_CODES,
  locale: ['zh-CN', 'en'],
  // backups: why one was made, its check, its second copy; where a restore came from
  trigger: BACKUP_TRIGGERS,
  check: ['ok', 'failed'],
  secondCopy: SECOND_COPY_STATES,
  sourceKind: ['listed', 'file', 'damaged'],
  // 办公室网络: a paired device's kind
  deviceKind: DEVICE_KINDS,
} as const satisfies Record<string, readonly string[]>;

export type AuditCodeField = keyof typeof AUDIT_CODE_VALUES;

export function isCodeField(field: string): field is AuditCodeField {
  return Object.hasOwn(AUDIT_CODE_VALUES, field);
}
