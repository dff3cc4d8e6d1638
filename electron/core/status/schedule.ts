import type { LogActor } from '../audit/audit.log';
import { localDate } from '../clock';
import type { Core } from '../core';
import type { Timer } from '../feature';
import { inTransaction } from '../transaction';
import { openItemsOf } from './open-items';
import type { OpenItem } from './shared/status.contract';
import { loadStates } from './status.record';
import { TRANSITIONS } from './shared/status.rules';
import { applyTransition } from './status.service';

interface DueRow {
  id: number;
  customerId: number;
  effectiveDate: string;
  reasonId: number;
  reasonName: string;
  reasonKey: string | null;
  memo: string | null;
  mergedIntoId: number | null;
  openItems: string | null;
  reviewRunId: number | null;
  createdBy: number;
  createdByName: string;
}

/**
 * Applies every scheduled deactivation whose date has come (local calendar date), whether or
 * not anyone opened the app that day: called at start and on each timer tick. The change is
 * recorded as made by whoever scheduled it, at the moment it took effect, with its date.
 * Returns the customers deactivated.
 */
export function applyDueSchedules(core: Core): number[] {
  const today = localDate(core.clock.now());
  const due = core.sqlite
    .prepare(
      `SELECT s.id, s.customer_id AS customerId, s.effective_date AS effectiveDate, s.reason_id AS reasonId,
         r.name AS reasonName, r.key AS reasonKey, s.memo, s.merged_into_id AS mergedIntoId, s.open_items AS openItems,
         s.review_run_id AS reviewRunId, s.created_by AS createdBy, u.display_name AS createdByName
       FROM customer_status_schedules s
       JOIN lookups r ON r.id = s.reason_id
       JOIN users u ON u.id = s.created_by
       WHERE s.state = 'pending' AND s.effective_date <= ? ORDER BY s.effective_date, s.id`,
    )
    .all(today) as DueRow[];
  if (!due.length) return [];
  return inTransaction(core, () => {
    const at = core.clock.now();
    const done: number[] = [];
    const markApplied = core.sqlite.prepare(
      `UPDATE customer_status_schedules SET state = ?, done_at = ? WHERE id = ? AND state = 'pending'`,
    );
    for (const s of due) {
      const [c] = loadStates(core, [s.customerId]);
      if (!TRANSITIONS.deactivate.from.includes(c.status)) {
        markApplied.run('cancelled', at.toISOString(), s.id);
        continue;
      }
      const actor: LogActor = { id: s.createdBy, displayName: s.createdByName };
      // the survivor of a scheduled merge must still be a live record; otherwise retire without merging
      const survivor = s.mergedIntoId == null ? null : loadStates(core, [s.mergedIntoId])[0];
      const liveSurvivor =
        survivor && survivor.status !== 'deactivated' && survivor.mergedIntoId == null ? survivor : null;
      const stored: OpenItem[] = s.openItems ? JSON.parse(s.openItems) : [];
      markApplied.run('applied', at.toISOString(), s.id);
      applyTransition(core, actor, at, {
        customer: c,
        to: 'deactivated',
        action: 'deactivate',
        reason: { id: s.reasonId, name: s.reasonName, key: s.reasonKey },
        memo: s.memo,
        survivor: liveSurvivor,
        openItems: openItemsOf(core, [c.id]).get(c.id) ?? stored,
        reviewRunId: s.reviewRunId,
        effectiveDate: s.effectiveDate,
      });
      done.push(c.id);
    }
    return done;
  });
}

/** Event the renderer refreshes customer views on. */
const CUSTOMERS_CHANGED_EVENT = 'customers.changed';

/**
 * Scheduled deactivations take effect at start and on every background tick, so a date that
 * passed while the app was closed is applied on the next start; open views are told which
 * customers changed.
 */
export const dueSchedulesTimer: Timer = {
  name: 'status.dueSchedules',
  run(core) {
    const ids = applyDueSchedules(core);
    if (ids.length) core.events.emit({ name: CUSTOMERS_CHANGED_EVENT, payload: { ids } });
  },
};
