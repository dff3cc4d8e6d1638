import type { z } from 'zod';
import type { Actor } from '../actor';
import { type LogActor, writeLog } from '../audit/audit.log';
import { localDate } from '../clock';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Invalid, Refused } from '../errors';
import { touchCustomerActivity } from '../customers/activity';
import type { CustomerStatus } from '../customers/shared/customers.contract';
import { openItemsOf } from './open-items';
import { moveReferences, runMergeHooks } from './customer-references';
import type { customerStatusContract, OpenItem, StatusAction } from './shared/status.contract';
import { type CustomerState, findStates, loadReason, loadStates, type Reason, recordChange } from './status.record';
import { DUPLICATE_REASON_KEY, TRANSITIONS, WRONG_STATE_MESSAGE } from './shared/status.rules';

type ChangeInput = {
  ids: number[];
  reasonId?: number;
  memo?: string | null;
  effectiveDate?: string | null;
  survivorId?: number | null;
  acknowledgeOpenItems?: boolean;
  reviewRunId?: number;
  /** more operation-log changes for each customer (the stocktake an adjustment comes from) */
  logChanges?: Record<string, { before: unknown; after: unknown }>;
};
type ChangeResult = z.output<(typeof customerStatusContract)['customer.deactivate']['output']>;

const named = (c: { code: string; name: string }) => ({ code: c.code, name: c.name });

/** Why `action` cannot apply to this customer now (i18n key), or null. */
export function refusalOf(c: CustomerState, action: StatusAction): string | null {
  if (!TRANSITIONS[action].from.includes(c.status)) return WRONG_STATE_MESSAGE[action];
  if (action === 'reactivate' && c.mergedIntoId != null) return 'customers.errors.mergedNoReactivate';
  return null;
}

/** What an action would do to each customer. Changes nothing. */
export function previewStatusChange(core: Core, ids: number[], action: StatusAction) {
  const states = loadStates(core, ids);
  const open = openItemsOf(core, ids);
  return {
    items: states.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      status: c.status,
      statusReasonName: c.reasonName,
      refusal: refusalOf(c, action),
      openItems: open.get(c.id) ?? [],
      scheduledDate: c.pendingDate,
    })),
  };
}

function assertTransitions(core: Core, states: CustomerState[], action: StatusAction): void {
  for (const c of states) {
    const refusal = refusalOf(c, action);
    if (!refusal) continue;
    const params: Record<string, string> = named(c);
    if (refusal === 'customers.errors.mergedNoReactivate') {
      const s = loadStates(core, [c.mergedIntoId as number])[0];
      Object.assign(params, { survivorCode: s.code, survivorName: s.name });
    }
    throw Refused('INVALID_TRANSITION', refusal, params);
  }
}

/** The surviving customer of a merge: one other, existing, not retired, duplicate reason. */
function loadSurvivor(core: Core, input: ChangeInput, reason: Reason | null): CustomerState | null {
  if (input.survivorId == null) return null;
  if (reason?.key !== DUPLICATE_REASON_KEY) throw Invalid({ survivorId: 'customers.errors.mergeNeedsDuplicateReason' });
  if (input.ids.length !== 1) throw Invalid({ survivorId: 'customers.errors.mergeOneAtATime' });
  const [s] = findStates(core, [input.survivorId]);
  if (!s || s.id === input.ids[0] || s.status === 'deactivated' || s.mergedIntoId != null) {
    throw Invalid({ survivorId: 'customers.errors.survivorInvalid' });
  }
  return s;
}

function markReviewDecision(
  core: Core,
  runId: number | undefined,
  ids: number[],
  decision: string,
  at: Date,
  actor: LogActor,
) {
  if (!runId) return;
  core.sqlite
    .prepare(
      `UPDATE review_candidates SET decision = ?, decided_at = ?, decided_by = ?
       WHERE run_id = ? AND customer_id IN (SELECT value FROM json_each(?))`,
    )
    .run(decision, at.toISOString(), actor.id, runId, JSON.stringify(ids));
}

interface Transition {
  customer: CustomerState;
  to: CustomerStatus;
  action: StatusAction;
  reason: Reason | null;
  memo: string | null;
  survivor: CustomerState | null;
  openItems: OpenItem[];
  reviewRunId?: number | null;
  /** the date of the schedule this applies */
  effectiveDate?: string | null;
  logChanges?: Record<string, { before: unknown; after: unknown }>;
}

/** Applies one state change with its history and log rows (inside the caller's transaction). */
export function applyTransition(core: Core, actor: LogActor, at: Date, t: Transition): void {
  const stamp = at.toISOString();
  core.sqlite
    .prepare(
      `UPDATE customers SET status = ?, status_changed_at = ?, status_changed_by = ?, status_reason_id = ?, status_memo = ?,
         merged_into_id = coalesce(?, merged_into_id)
       WHERE id = ?`,
    )
    .run(t.to, stamp, actor.id, t.reason?.id ?? null, t.memo, t.survivor?.id ?? null, t.customer.id);
  // bringing a customer back (unfreeze, reactivate) counts as activity for the review
  if (t.to === 'active') touchCustomerActivity(core, [t.customer.id], at);
  if (t.to === 'deactivated') {
    // an immediate deactivation supersedes a pending scheduled one
    core.sqlite
      .prepare(
        `UPDATE customer_status_schedules SET state = 'cancelled', done_at = ?, done_by = ? WHERE customer_id = ? AND state = 'pending'`,
      )
      .run(stamp, actor.id, t.customer.id);
  }
  let moved: Record<string, number> = {};
  if (t.survivor) {
    moved = moveReferences(core, t.customer.id, t.survivor.id);
    Object.assign(moved, runMergeHooks(core, { fromId: t.customer.id, toId: t.survivor.id, at, actor }));
  }
  const movedChanges = Object.keys(moved).length ? { movedReferences: { before: null, after: moved } } : undefined;
  const extraChanges = t.logChanges || movedChanges ? { ...t.logChanges, ...movedChanges } : undefined;
  recordChange(core, {
    customerId: t.customer.id,
    at,
    actor,
    action: t.action,
    from: t.customer.status,
    to: t.to,
    reason: t.reason,
    memo: t.memo,
    effectiveDate: t.effectiveDate,
    mergedInto: t.survivor ? { id: t.survivor.id, ...named(t.survivor) } : null,
    openItems: t.openItems,
    reviewRunId: t.reviewRunId,
    extraChanges,
  });
  if (t.survivor) recordMergeOnSurvivor(core, actor, at, t.survivor, t.customer, moved, t.memo);
}

function recordMergeOnSurvivor(
  core: Core,
  actor: LogActor,
  at: Date,
  survivor: CustomerState,
  retired: CustomerState,
  moved: Record<string, number>,
  memo: string | null,
): void {
  const changes: Record<string, { before: unknown; after: unknown }> = {
    mergedFrom: { before: null, after: `${retired.code} ${retired.name}` },
  };
  if (Object.keys(moved).length) changes.movedReferences = { before: null, after: moved };
  writeLog(core.db, at, actor, {
    entity: 'customer',
    entityId: survivor.id,
    action: 'mergeReceive',
    changes,
    reason: memo,
  });
}

/**
 * 冻结 / 解冻 / 停用 / 启用 for one or many customers, all or none, in one transaction.
 * A deactivation dated after today is scheduled instead (applied by applyDueSchedules).
 */
export function changeStatus(core: Core, actor: Actor, action: StatusAction, input: ChangeInput): ChangeResult {
  return inTransaction(core, () => {
    const states = loadStates(core, input.ids);
    assertTransitions(core, states, action);
    const reason = action === 'freeze' || action === 'deactivate' ? loadReason(core, input.reasonId as number) : null;
    const survivor = action === 'deactivate' ? loadSurvivor(core, input, reason) : null;
    const open =
      action === 'freeze' || action === 'deactivate' ? openItemsOf(core, input.ids) : new Map<number, OpenItem[]>();
    const firstOpen = states.find((c) => open.has(c.id));
    if (firstOpen && !input.acknowledgeOpenItems) {
      throw Refused('OPEN_ITEMS', 'customers.errors.openItems', named(firstOpen));
    }
    const at = core.clock.now();
    const memo = input.memo ?? null;
    const future = action === 'deactivate' && input.effectiveDate != null && input.effectiveDate > localDate(at);
    if (future) {
      const already = states.find((c) => c.pendingDate);
      if (already) {
        throw Refused('INVALID_TRANSITION', 'customers.errors.alreadyScheduled', {
          ...named(already),
          date: already.pendingDate as string,
        });
      }
      for (const c of states) {
        scheduleDeactivation(core, actor, at, {
          customer: c,
          reason: reason as Reason,
          memo,
          effectiveDate: input.effectiveDate as string,
          survivor,
          openItems: open.get(c.id) ?? [],
          reviewRunId: input.reviewRunId,
        });
      }
      markReviewDecision(core, input.reviewRunId, input.ids, 'scheduled', at, actor);
      return {
        changed: 0,
        scheduled: states.length,
        items: states.map((c) => ({ id: c.id, status: c.status, scheduledDate: input.effectiveDate as string })),
      };
    }
    const to = TRANSITIONS[action].to;
    for (const c of states) {
      applyTransition(core, actor, at, {
        customer: c,
        to,
        action,
        reason,
        memo,
        survivor,
        openItems: open.get(c.id) ?? [],
        reviewRunId: input.reviewRunId,
        logChanges: input.logChanges,
      });
    }
    const decision = action === 'deactivate' ? 'deactivated' : action === 'freeze' ? 'frozen' : null;
    if (decision) markReviewDecision(core, input.reviewRunId, input.ids, decision, at, actor);
    return {
      changed: states.length,
      scheduled: 0,
      items: states.map((c) => ({ id: c.id, status: to, scheduledDate: null })),
    };
  });
}

interface ScheduleInput {
  customer: CustomerState;
  reason: Reason;
  memo: string | null;
  effectiveDate: string;
  survivor: CustomerState | null;
  openItems: OpenItem[];
  reviewRunId?: number;
}

function scheduleDeactivation(core: Core, actor: Actor, at: Date, s: ScheduleInput): void {
  core.sqlite
    .prepare(
      `INSERT INTO customer_status_schedules (customer_id, action, effective_date, reason_id, memo, merged_into_id, open_items,
         review_run_id, created_at, created_by)
       VALUES (?, 'deactivate', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.customer.id,
      s.effectiveDate,
      s.reason.id,
      s.memo,
      s.survivor?.id ?? null,
      s.openItems.length ? JSON.stringify(s.openItems) : null,
      s.reviewRunId ?? null,
      at.toISOString(),
      actor.id,
    );
  recordChange(core, {
    customerId: s.customer.id,
    at,
    actor,
    action: 'schedule',
    logAction: 'scheduleDeactivation',
    from: s.customer.status,
    to: s.customer.status,
    reason: s.reason,
    memo: s.memo,
    effectiveDate: s.effectiveDate,
    mergedInto: s.survivor ? { id: s.survivor.id, ...named(s.survivor) } : null,
    openItems: s.openItems,
    reviewRunId: s.reviewRunId,
  });
}

/** Withdraws a customer's pending scheduled deactivation. */
export function cancelScheduled(core: Core, actor: Actor, customerId: number, memo: string | null): ChangeResult {
  return inTransaction(core, () => {
    const [c] = loadStates(core, [customerId]);
    const pending = core.sqlite
      .prepare(
        `SELECT s.id, s.effective_date AS effectiveDate, s.reason_id AS reasonId FROM customer_status_schedules s
         WHERE s.customer_id = ? AND s.state = 'pending' ORDER BY s.id DESC LIMIT 1`,
      )
      .get(customerId) as { id: number; effectiveDate: string; reasonId: number } | undefined;
    if (!pending) throw Refused('NOT_FOUND', 'customers.errors.noSchedule', named(c));
    const at = core.clock.now();
    core.sqlite
      .prepare(`UPDATE customer_status_schedules SET state = 'cancelled', done_at = ?, done_by = ? WHERE id = ?`)
      .run(at.toISOString(), actor.id, pending.id);
    recordChange(core, {
      customerId,
      at,
      actor,
      action: 'cancelSchedule',
      from: c.status,
      to: c.status,
      reason: null,
      memo,
      effectiveDate: pending.effectiveDate,
    });
    return { changed: 0, scheduled: 0, items: [{ id: c.id, status: c.status, scheduledDate: null }] };
  });
}
