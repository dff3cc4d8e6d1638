/**
 * The permission catalogue: named strings. A role is a set of them, stored in the database
 * (role_permissions). Later features add their names here and seed them in a migration.
 * Contract-side: imported by the renderer too, so it holds data only.
 */
export const PERMISSIONS = [
  'user.manage',
  'audit.view',
  'settings.manage',
  'customer.view',
  'customer.create',
  'customer.edit',
  'customer.import',
  'customer.export',
  'customer.freeze',
  'customer.deactivate',
  'customer.reactivate',
  'customer.review',
  'lookup.manage',
  'system.backup',
  /** 盘点: scan and count, note, propose corrections */
  'stocktake.count',
  /** 盘点: create, start, reconcile, adjust, complete, cancel, export */
  'stocktake.manage',
  /** 无票结算: see vouchers, payments, statements, receivables */
  'settlement.view',
  /** 无票结算: create, edit, submit, void and reverse vouchers; notices; follow-ups */
  'settlement.create',
  /** 无票结算: approve or reject vouchers (never one's own) */
  'settlement.approve',
  /** 无票结算: approve past a customer's credit limit, with a reason */
  'settlement.override_credit',
  /** 无票结算: record payments, allocate (核销) and undo allocations */
  'settlement.collect',
  /** 办公室网络: serve the archive to the office's PCs and phones, pair and revoke devices */
  'system.network',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Built-in role codes; names are translated in the UI (role.<code>). */
export const ROLE_CODES = ['admin', 'manager', 'finance', 'clerk', 'viewer'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];
