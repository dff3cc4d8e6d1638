import type { LogActor } from '../audit/audit.log';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Invalid, NotFound } from '../errors';
import type { CustomerStatus, StatusInfo } from '../customers/shared/customers.contract';
import type { OpenItem, StatusHistoryItem } from './shared/status.contract';

/** A customer as a state change sees it. */
export interface CustomerState {
  id: number;
  code: string;
  name: string;
  status: CustomerStatus;
  mergedIntoId: number | null;
  reasonName: string | null;
  /** effective date of a pending scheduled deactivation */
  pendingDate: string | null;
}

/** The customers of `ids` that exist, in that order. */
export function findStates(core: Core, ids: number[]): CustomerState[] {
  return core.sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.status, c.merged_into_id AS mergedIntoId, r.name AS reasonName,
         (SELECT s.effective_date FROM customer_status_schedules s
           WHERE s.customer_id = c.id AND s.state = 'pending' ORDER BY s.id DESC LIMIT 1) AS pendingDate
       FROM json_each(?) w CROSS JOIN customers c ON c.id = w.value
       LEFT JOIN lookups r ON r.id = c.status_reason_id
       ORDER BY w.key`,
    )
    .all(JSON.stringify(ids)) as CustomerState[];
}

/** The customers of `ids`, in that order; NOT_FOUND when one is missing. */
export function loadStates(core: Core, ids: number[]): CustomerState[] {
  const rows = findStates(core, ids);
  if (rows.length !== ids.length) throw NotFound();
  return rows;
}

export interface Reason {
  id: number;
  name: string;
  key: string | null;
}

/** An active item of the managed list 停用原因. */
export function loadReason(core: Core, reasonId: number): Reason {
  const r = core.sqlite
    .prepare(`SELECT id, name, key FROM lookups WHERE id = ? AND kind = 'deactivationReason' AND active = 1`)
    .get(reasonId) as Reason | undefined;
  if (!r) throw Invalid({ reasonId: 'customers.errors.reasonInvalid' });
  return r;
}

interface ChangeRecord {
  customerId: number;
  at: Date;
  actor: LogActor;
  /** freeze | unfreeze | deactivate | reactivate | schedule | cancelSchedule */
  action: string;
  from: CustomerStatus;
  to: CustomerStatus;
  reason: Reason | null;
  memo: string | null;
  effectiveDate?: string | null;
  mergedInto?: { id: number; code: string; name: string } | null;
  openItems?: OpenItem[];
  reviewRunId?: number | null;
  /** operation-log action (defaults to `action`) */
  logAction?: string;
  /** extra operation-log changes (moved references…) */
  extraChanges?: Record<string, { before: unknown; after: unknown }>;
}

/** Appends the state-history row and the operation-log row of one change. */
export function recordChange(core: Core, r: ChangeRecord): void {
  core.sqlite
    .prepare(
      `INSERT INTO customer_status_changes (customer_id, at, user_id, user_name, action, from_status, to_status,
         reason_id, reason_name, memo, effective_date, merged_into_id, open_items, review_run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.customerId,
      r.at.toISOString(),
      r.actor.id,
      r.actor.displayName,
      r.action,
      r.from,
      r.to,
      r.reason?.id ?? null,
      r.reason?.name ?? null,
      r.memo,
      r.effectiveDate ?? null,
      r.mergedInto?.id ?? null,
      r.openItems?.length ? JSON.stringify(r.openItems) : null,
      r.reviewRunId ?? null,
    );
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (r.from !== r.to) changes.status = { before: r.from, after: r.to };
  if (r.reason) changes.statusReason = { before: null, after: r.reason.name };
  if (r.effectiveDate) changes.effectiveDate = { before: null, after: r.effectiveDate };
  if (r.mergedInto) changes.mergedInto = { before: null, after: `${r.mergedInto.code} ${r.mergedInto.name}` };
  if (r.openItems?.length) changes.openItems = { before: null, after: r.openItems };
  Object.assign(changes, r.extraChanges);
  writeLog(core.db, r.at, r.actor, {
    entity: 'customer',
    entityId: r.customerId,
    action: r.logAction ?? r.action,
    changes,
    reason: r.memo,
  });
}

interface InfoRow {
  status: CustomerStatus;
  changedAt: string | null;
  changedByName: string | null;
  reasonId: number | null;
  reasonKey: string | null;
  reasonName: string | null;
  memo: string | null;
  mergedId: number | null;
  mergedCode: string | null;
  mergedName: string | null;
}

interface ScheduleRow {
  effectiveDate: string;
  reasonName: string | null;
  memo: string | null;
  byName: string | null;
  createdAt: string;
  mergedId: number | null;
  mergedCode: string | null;
  mergedName: string | null;
}

const ref = (id: number | null, code: string | null, name: string | null) =>
  id == null ? null : { id, code: code ?? '', name: name ?? '' };

/** The current state of a customer and the change behind it, with a pending scheduled deactivation. */
export function readStatusInfo(core: Core, customerId: number): StatusInfo {
  const c = core.sqlite
    .prepare(
      `SELECT c.status, c.status_changed_at AS changedAt, u.display_name AS changedByName, c.status_reason_id AS reasonId,
         r.key AS reasonKey, r.name AS reasonName, c.status_memo AS memo,
         m.id AS mergedId, m.code AS mergedCode, m.name AS mergedName
       FROM customers c
       LEFT JOIN users u ON u.id = c.status_changed_by
       LEFT JOIN lookups r ON r.id = c.status_reason_id
       LEFT JOIN customers m ON m.id = c.merged_into_id
       WHERE c.id = ?`,
    )
    .get(customerId) as InfoRow | undefined;
  if (!c) throw NotFound();
  const s = core.sqlite
    .prepare(
      `SELECT s.effective_date AS effectiveDate, r.name AS reasonName, s.memo, u.display_name AS byName, s.created_at AS createdAt,
         m.id AS mergedId, m.code AS mergedCode, m.name AS mergedName
       FROM customer_status_schedules s
       LEFT JOIN lookups r ON r.id = s.reason_id
       LEFT JOIN users u ON u.id = s.created_by
       LEFT JOIN customers m ON m.id = s.merged_into_id
       WHERE s.customer_id = ? AND s.state = 'pending' ORDER BY s.id DESC LIMIT 1`,
    )
    .get(customerId) as ScheduleRow | undefined;
  return {
    status: c.status,
    changedAt: c.changedAt,
    changedByName: c.changedByName,
    reasonId: c.reasonId,
    reasonKey: c.reasonKey,
    reasonName: c.reasonName,
    memo: c.memo,
    mergedInto: ref(c.mergedId, c.mergedCode, c.mergedName),
    scheduled: s
      ? {
          effectiveDate: s.effectiveDate,
          reasonName: s.reasonName,
          memo: s.memo,
          byName: s.byName,
          createdAt: s.createdAt,
          mergedInto: ref(s.mergedId, s.mergedCode, s.mergedName),
        }
      : null,
  };
}

interface HistoryRow {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  fromStatus: CustomerStatus;
  toStatus: CustomerStatus;
  reasonName: string | null;
  memo: string | null;
  effectiveDate: string | null;
  mergedId: number | null;
  mergedCode: string | null;
  mergedName: string | null;
  openItems: string | null;
  reviewRunId: number | null;
}

/** 状态记录: every state change of a customer, newest first. */
export function statusHistory(core: Core, customerId: number): { items: StatusHistoryItem[] } {
  loadStates(core, [customerId]);
  const rows = core.sqlite
    .prepare(
      `SELECT h.id, h.at, h.user_name AS userName, h.action, h.from_status AS fromStatus, h.to_status AS toStatus,
         h.reason_name AS reasonName, h.memo, h.effective_date AS effectiveDate,
         m.id AS mergedId, m.code AS mergedCode, m.name AS mergedName, h.open_items AS openItems, h.review_run_id AS reviewRunId
       FROM customer_status_changes h
       LEFT JOIN customers m ON m.id = h.merged_into_id
       WHERE h.customer_id = ? ORDER BY h.id DESC`,
    )
    .all(customerId) as HistoryRow[];
  return {
    items: rows.map(({ mergedId, mergedCode, mergedName, openItems, ...r }) => ({
      ...r,
      mergedInto: ref(mergedId, mergedCode, mergedName),
      openItems: openItems ? (JSON.parse(openItems) as OpenItem[]) : [],
    })),
  };
}
