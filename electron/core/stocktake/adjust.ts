import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Forbidden, Invalid, NotFound, Refused } from '../errors';
import { openItemsOf } from '../status/open-items';
import type { StatusAction } from '../status/shared/status.contract';
import { findStates, loadReason } from '../status/status.record';
import { changeStatus, refusalOf } from '../status/status.service';
import { adjustSlicing, inSlices } from './adjust-slices';
import { sectionIdsOf, sectionPages } from './report';
import type { RowSection } from './report.sql';
import type { stocktakeContract } from './shared/stocktake.contract';

type AdjustInput = z.output<(typeof stocktakeContract)['stocktake.adjust']['input']>;
type AdjustResult = z.output<(typeof stocktakeContract)['stocktake.adjust']['output']>;
type Action = AdjustInput['action'];

/** Each adjustment: the section it works on, and the permission of the feature that owns the change. */
const ACTIONS: Record<Action, { section: RowSection; permission: string }> = {
  deactivateMissing: { section: 'missing', permission: 'customer.deactivate' },
  reactivateCounted: { section: 'deactivated', permission: 'customer.reactivate' },
  markVerified: { section: 'counted', permission: 'customer.edit' },
};

/** The open item an open stocktake is of its customers (status/open-items.ts; the stocktake feature's check). */
const OPEN_STOCKTAKES = 'openStocktakes';
/** The status service takes at most this many customers per call (its channels' limit). */
const CHUNK = 500;

const NOT_IN_SECTION = 'stocktake.errors.notInSection';
/** A customer already in the adjustment's target state (a re-run after an interruption meets those it did). */
const ALREADY_DONE = 'stocktake.errors.alreadyDone';
/** Customers not reached because the stocktake left reconciliation while the adjustment ran. */
const STOPPED = 'stocktake.errors.adjustStopped';

function count(refusals: Record<string, number>, key: string, n = 1) {
  if (n > 0) refusals[key] = (refusals[key] ?? 0) + n;
}

type Stocktake = { id: number; no: string; status: string };

const statusOf = (core: Core, id: number) =>
  core.sqlite.prepare('SELECT status FROM stocktakes WHERE id = ?').pluck().get(id) as string | undefined;

/**
 * A bulk adjustment of a reconciling stocktake, through the feature that owns the change: the
 * status service deactivates and reactivates (its history and log rows, each tagged with the
 * stocktake's number), markVerified stamps last_verified_at (a log row per customer). Customers
 * the change cannot apply to are skipped and counted by reason; the stocktake's own log row sums
 * it up (the report's `adjusted`).
 *
 * Up to 200,000 customers, changed in time slices on the main connection (adjust-slices.ts), each
 * slice one transaction that reads the next keyset page of targets and holds its customers'
 * changes and log rows, the event loop served between slices. The last slice writes the summing
 * row. Customers already in the target state are skipped (ALREADY_DONE), so a run cut short (a
 * crash between slices) is finished by running it again, without doing anyone twice; that run's
 * summing row also counts, as `resumed`, the customers the cut-off run did (log rows of this
 * stocktake and action since the last summing row), so the report's `adjusted` is what was done
 * in all. If the stocktake leaves reconciliation between slices (resumed, completed, cancelled),
 * the run stops there: the summing row records what was done, and the customers not reached are
 * counted as STOPPED.
 */
export async function adjustStocktake(core: Core, actor: Actor, input: AdjustInput): Promise<AdjustResult> {
  const def = ACTIONS[input.action];
  if (!actor.permissions.has(def.permission)) throw Forbidden();
  const st = core.sqlite.prepare('SELECT id, no, status FROM stocktakes WHERE id = ?').get(input.id) as Stocktake | undefined;
  if (!st) throw NotFound();
  if (st.status !== 'reconciling') throw Refused('INVALID_TRANSITION', 'stocktake.errors.notReconciling', { no: st.no });
  const memo = input.memo ?? null;
  if (input.action === 'deactivateMissing' && input.reasonId == null) {
    throw Invalid({ reasonId: 'stocktake.validation.reasonRequired' });
  }
  if (input.action === 'reactivateCounted' && !memo) throw Invalid({ memo: 'stocktake.validation.reasonRequired' });
  const reason = input.action === 'deactivateMissing' ? loadReason(core, input.reasonId as number) : null;

  const refusals: Record<string, number> = {};
  const at = core.clock.now();
  const since: Since = { ...unsummed(core, st, input.action), action: LOG_ACTION[input.action], no: st.no, resumed: 0 };
  let changed = 0;
  let stoppedAt: string | null = null;
  const apply =
    input.action === 'markVerified'
      ? (batch: number[]) => verifyBatch(core, actor, batch, at, since, refusals)
      : (batch: number[]) => statusBatch(core, actor, batch, input.action === 'deactivateMissing' ? 'deactivate' : 'reactivate', {
          reasonId: reason?.id,
          memo,
          since,
          refusals,
        });
  await inSlices(core, {
    next: targets(core, st.id, def.section, input.customerIds, refusals),
    open: () => {
      const status = statusOf(core, st.id);
      if (status === 'reconciling') return true;
      stoppedAt = status ?? 'deleted';
      return false;
    },
    maxBatch: CHUNK,
    batch: (batch) => {
      changed += apply(batch);
    },
    last: (left) => {
      count(refusals, STOPPED, left);
      const skipped = Object.values(refusals).reduce((n, v) => n + v, 0);
      writeLog(core.db, at, actor, {
        entity: 'stocktake',
        entityId: st.id,
        action: 'adjust',
        changes: {
          action: { before: null, after: input.action },
          changed: { before: null, after: changed },
          ...(since.resumed ? { resumed: { before: null, after: since.resumed } } : {}),
          ...(skipped ? { refusals: { before: null, after: refusals } } : {}),
          ...(reason ? { statusReason: { before: null, after: reason.name } } : {}),
          ...(stoppedAt ? { stoppedAt: { before: 'reconciling', after: stoppedAt } } : {}),
        },
        reason: memo,
      });
    },
  });
  const skipped = Object.values(refusals).reduce((n, v) => n + v, 0);
  return { changed, skipped, refusals };
}

/**
 * The targets page by page: the section's customers (keyset pages, report.ts), or those of
 * `asked` in it (a page of them at a time); the others asked for are counted.
 */
function targets(core: Core, id: number, section: RowSection, asked: number[] | undefined, refusals: Record<string, number>) {
  if (!asked) return sectionPages(core.sqlite, id, section, adjustSlicing.pageSize);
  const wanted = [...new Set(asked)].sort((a, b) => a - b);
  let i = 0;
  return () => {
    if (i >= wanted.length) return null;
    const page = wanted.slice(i, i + adjustSlicing.pageSize);
    i += page.length;
    const ids = sectionIdsOf(core.sqlite, id, section, page);
    count(refusals, NOT_IN_SECTION, page.length - ids.length);
    return ids;
  };
}

/** The customer log action each adjustment writes (tagged with the stocktake's number). */
const LOG_ACTION: Record<Action, string> = { deactivateMissing: 'deactivate', reactivateCounted: 'reactivate', markVerified: 'verify' };

/**
 * The log rows no summing row accounts for yet: those after the stocktake's last summing row of
 * this action and before this run (a run cut off before its last slice wrote none). The ids of
 * operation_log grow with time, so the window is two ids.
 */
function unsummed(core: Core, st: Stocktake, action: Action): { from: number; to: number } {
  const from = core.sqlite
    .prepare(
      `SELECT coalesce(max(id), 0) FROM operation_log WHERE entity = 'stocktake' AND entity_id = ? AND action = 'adjust'
         AND json_extract(changes, '$.action.after') = ?`,
    )
    .pluck()
    .get(String(st.id), action) as number;
  const to = core.sqlite.prepare('SELECT coalesce(max(id), 0) FROM operation_log').pluck().get() as number;
  return { from, to };
}

/** What a batch needs to count the customers a cut-off run of this adjustment did. */
interface Since {
  from: number;
  to: number;
  /** the customers' log action, and the stocktake's number their rows are tagged with */
  action: string;
  no: string;
  /** found done by this stocktake's unsummed log rows: the summing row's `resumed` */
  resumed: number;
}

/** Of some customers already in the target state: how many a cut-off run of this adjustment did. */
const DONE_UNSUMMED = `SELECT count(DISTINCT l.entity_id) FROM json_each(@ids) w
  CROSS JOIN operation_log l ON l.entity = 'customer' AND l.entity_id = CAST(w.value AS TEXT)
  WHERE l.action = @action AND l.id > @from AND l.id <= @to AND json_extract(l.changes, '$.stocktake.after') = @no`;

function countResumed(core: Core, ids: number[], since: Since) {
  if (!ids.length || since.to <= since.from) return;
  const { from, to, action, no } = since;
  since.resumed += core.sqlite.prepare(DONE_UNSUMMED).pluck().get({ ids: JSON.stringify(ids), from, to, action, no }) as number;
}

/** Deactivates or reactivates the applicable customers of a batch through the status service. */
function statusBatch(
  core: Core,
  actor: Actor,
  batch: number[],
  action: StatusAction,
  o: { reasonId: number | undefined; memo: string | null; since: Since; refusals: Record<string, number> },
): number {
  const done: number[] = [];
  const ok = applicable(core, batch, action, o.refusals, done);
  countResumed(core, done, o.since);
  if (!ok.length) return 0;
  return changeStatus(core, actor, action, {
    ids: ok,
    reasonId: o.reasonId,
    memo: o.memo,
    // what is left open is this stocktake itself (others were refused above)
    acknowledgeOpenItems: true,
    logChanges: { stocktake: { before: null, after: o.since.no } },
  }).changed;
}

/**
 * The customers the state change may apply to; the others are counted by reason: a state the
 * action does not leave from (those already in its target state go to `done` too), a merged record, open items besides this stocktake (another open
 * stocktake, an open balance…: deactivating them needs the 停用 dialog's acknowledgement).
 */
function applicable(core: Core, ids: number[], action: StatusAction, refusals: Record<string, number>, done: number[]): number[] {
  const states = findStates(core, ids);
  const open = action === 'deactivate' ? openItemsOf(core, ids) : new Map();
  const out: number[] = [];
  const target = action === 'deactivate' ? 'deactivated' : 'active';
  for (const c of states) {
    if (c.status === target) {
      count(refusals, ALREADY_DONE);
      done.push(c.id);
      continue;
    }
    const refusal = refusalOf(c, action);
    if (refusal) {
      count(refusals, refusal);
      continue;
    }
    const others = (open.get(c.id) ?? []).some((item: { kind: string; count: number }) =>
      item.kind === OPEN_STOCKTAKES ? item.count > 1 : item.count > 0,
    );
    if (others) {
      count(refusals, 'customers.errors.openItems');
      continue;
    }
    out.push(c.id);
  }
  return out;
}

/** A batch's customers not yet verified by this stocktake (no 'verify' log row tagged with its number). */
const NOT_VERIFIED = `SELECT w.value FROM json_each(@ids) w WHERE NOT EXISTS (
    SELECT 1 FROM operation_log l WHERE l.entity = 'customer' AND l.entity_id = CAST(w.value AS TEXT)
      AND l.action = 'verify' AND json_extract(l.changes, '$.stocktake.after') = @no)
  ORDER BY w.key`;

/**
 * 最后核对 = now for a batch of counted customers, set-based: one log row per customer (the shape
 * writeLog gives: { lastVerifiedAt: { before, after }, stocktake }), then the stamp. Those this
 * stocktake verified already are skipped.
 */
function verifyBatch(core: Core, actor: Actor, batch: number[], at: Date, since: Since, refusals: Record<string, number>): number {
  const { no } = since;
  const ids = core.sqlite.prepare(NOT_VERIFIED).pluck().all({ ids: JSON.stringify(batch), no }) as number[];
  count(refusals, ALREADY_DONE, batch.length - ids.length);
  if (ids.length < batch.length) {
    const todo = new Set(ids);
    countResumed(core, batch.filter((id) => !todo.has(id)), since);
  }
  if (!ids.length) return 0;
  const stamp = at.toISOString();
  const list = JSON.stringify(ids);
  core.sqlite
    .prepare(
      `INSERT INTO operation_log (at, user_id, user_name, entity, entity_id, action, changes, reason)
       SELECT @at, @uid, @uname, 'customer', CAST(c.id AS TEXT), 'verify',
         json_object('lastVerifiedAt', json_object('before', c.last_verified_at, 'after', @at),
           'stocktake', json_object('before', NULL, 'after', @no)), NULL
       FROM json_each(@ids) w CROSS JOIN customers c ON c.id = w.value ORDER BY w.key`,
    )
    .run({ at: stamp, uid: actor.id, uname: actor.displayName, no, ids: list });
  return core.sqlite
    .prepare('UPDATE customers SET last_verified_at = @at WHERE id IN (SELECT value FROM json_each(@ids))')
    .run({ at: stamp, ids: list }).changes;
}
