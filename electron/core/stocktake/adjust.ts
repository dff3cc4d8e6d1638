import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Forbidden, Invalid, NotFound, Refused } from '../errors';
import { openItemsOf } from '../status/open-items';
import type { StatusAction } from '../status/shared/status.contract';
import { findStates, loadReason } from '../status/status.record';
import { changeStatus, refusalOf } from '../status/status.service';
import { inTransaction } from '../transaction';
import type { RowSection } from './report.sql';
import { sectionIds } from './report';
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
/** The status service takes this many customers per call (its channels' limit). */
const CHUNK = 500;

const NOT_IN_SECTION = 'stocktake.errors.notInSection';

function count(refusals: Record<string, number>, key: string, n = 1) {
  refusals[key] = (refusals[key] ?? 0) + n;
}

/**
 * A bulk adjustment of a reconciling stocktake, in one transaction, through the feature that owns
 * the change: the status service deactivates and reactivates (its history and log rows, each
 * tagged with the stocktake's number), markVerified stamps last_verified_at (a log row per
 * customer). Customers the change cannot apply to are skipped and counted by reason; the
 * stocktake's own log row sums it up.
 */
export function adjustStocktake(core: Core, actor: Actor, input: AdjustInput): AdjustResult {
  const def = ACTIONS[input.action];
  if (!actor.permissions.has(def.permission)) throw Forbidden();
  return inTransaction(core, () => {
    const st = core.sqlite.prepare('SELECT id, no, status FROM stocktakes WHERE id = ?').get(input.id) as
      | { id: number; no: string; status: string }
      | undefined;
    if (!st) throw NotFound();
    if (st.status !== 'reconciling') throw Refused('INVALID_TRANSITION', 'stocktake.errors.notReconciling', { no: st.no });
    const memo = input.memo ?? null;
    if (input.action === 'deactivateMissing' && input.reasonId == null) {
      throw Invalid({ reasonId: 'stocktake.validation.reasonRequired' });
    }
    if (input.action === 'reactivateCounted' && !memo) throw Invalid({ memo: 'stocktake.validation.reasonRequired' });
    const reason = input.action === 'deactivateMissing' ? loadReason(core, input.reasonId as number) : null;

    const refusals: Record<string, number> = {};
    const inSection = sectionIds(core.sqlite, st.id, def.section);
    let ids = inSection;
    if (input.customerIds) {
      const section = new Set(inSection);
      ids = [...new Set(input.customerIds)].filter((id) => section.has(id));
      const outside = new Set(input.customerIds).size - ids.length;
      if (outside) count(refusals, NOT_IN_SECTION, outside);
    }
    const at = core.clock.now();
    const tag = { stocktake: { before: null, after: st.no } };
    let changed = 0;
    if (input.action === 'markVerified') {
      changed = markVerified(core, actor, ids, at, st.no);
    } else {
      const action: StatusAction = input.action === 'deactivateMissing' ? 'deactivate' : 'reactivate';
      const ok = applicable(core, ids, action, refusals);
      for (let i = 0; i < ok.length; i += CHUNK) {
        const r = changeStatus(core, actor, action, {
          ids: ok.slice(i, i + CHUNK),
          reasonId: reason?.id,
          memo,
          // what is left open is this stocktake itself (others were refused above)
          acknowledgeOpenItems: true,
          logChanges: tag,
        });
        changed += r.changed;
      }
    }
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
      },
      reason: memo,
    });
    return { changed, skipped, refusals };
  });
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
  for (const c of states) {
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

/**
 * 最后核对 = now for the counted customers, set-based: one log row per customer (the shape
 * writeLog gives: { lastVerifiedAt: { before, after }, stocktake }), then the stamp.
 */
function markVerified(core: Core, actor: Actor, ids: number[], at: Date, no: string): number {
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
