import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Forbidden, Invalid, NotFound, Refused } from '../errors';
import { openItemsOf } from '../status/open-items';
import type { StatusAction } from '../status/shared/status.contract';
import { findStates, loadReason } from '../status/status.record';
import { changeStatus, refusalOf } from '../status/status.service';
import { inSlices } from './adjust-slices';
import { sectionIds } from './report';
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
 * Up to 200,000 customers: the targets are read once, then changed in time slices on the main
 * connection (adjust-slices.ts), each slice one transaction holding its customers' changes and
 * log rows, the event loop served between slices. The last slice writes the summing row. Customers
 * already in the target state are skipped (ALREADY_DONE), so a run cut short (a crash between
 * slices) is finished by running it again, without doing anyone twice. If the stocktake leaves
 * reconciliation between slices (resumed, completed, cancelled), the run stops there: the summing
 * row records what was done, and the customers not reached are counted as STOPPED.
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
  const ids = targets(core, st, def.section, input.customerIds, refusals);
  const at = core.clock.now();
  let changed = 0;
  let stoppedAt: string | null = null;
  const apply =
    input.action === 'markVerified'
      ? (batch: number[]) => verifyBatch(core, actor, batch, at, st.no, refusals)
      : (batch: number[]) => statusBatch(core, actor, batch, input.action === 'deactivateMissing' ? 'deactivate' : 'reactivate', {
          reasonId: reason?.id,
          memo,
          no: st.no,
          refusals,
        });
  await inSlices(core, ids, {
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

/** The section's customers (or those of `asked` in it), read once, set-based; the others asked for are counted. */
function targets(core: Core, st: Stocktake, section: RowSection, asked: number[] | undefined, refusals: Record<string, number>) {
  const inSection = sectionIds(core.sqlite, st.id, section);
  if (!asked) return inSection;
  const members = new Set(inSection);
  const wanted = [...new Set(asked)];
  const ids = wanted.filter((id) => members.has(id));
  count(refusals, NOT_IN_SECTION, wanted.length - ids.length);
  return ids;
}

/** Deactivates or reactivates the applicable customers of a batch through the status service. */
function statusBatch(
  core: Core,
  actor: Actor,
  batch: number[],
  action: StatusAction,
  o: { reasonId: number | undefined; memo: string | null; no: string; refusals: Record<string, number> },
): number {
  const ok = applicable(core, batch, action, o.refusals);
  if (!ok.length) return 0;
  return changeStatus(core, actor, action, {
    ids: ok,
    reasonId: o.reasonId,
    memo: o.memo,
    // what is left open is this stocktake itself (others were refused above)
    acknowledgeOpenItems: true,
    logChanges: { stocktake: { before: null, after: o.no } },
  }).changed;
}

/**
 * The customers the state change may apply to; the others are counted by reason: a state the
 * action does not leave from, a merged record, open items besides this stocktake (another open
 * stocktake, an open balance…: deactivating them needs the 停用 dialog's acknowledgement).
 */
function applicable(core: Core, ids: number[], action: StatusAction, refusals: Record<string, number>): number[] {
  const states = findStates(core, ids);
  const open = action === 'deactivate' ? openItemsOf(core, ids) : new Map();
  const out: number[] = [];
  const target = action === 'deactivate' ? 'deactivated' : 'active';
  for (const c of states) {
    if (c.status === target) {
      count(refusals, ALREADY_DONE);
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
function verifyBatch(core: Core, actor: Actor, batch: number[], at: Date, no: string, refusals: Record<string, number>): number {
  const ids = core.sqlite.prepare(NOT_VERIFIED).pluck().all({ ids: JSON.stringify(batch), no }) as number[];
  count(refusals, ALREADY_DONE, batch.length - ids.length);
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
