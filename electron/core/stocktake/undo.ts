import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { NotFound, Refused } from '../errors';
import { inTransaction } from '../transaction';
import { counters, type LineKind, moveCounters, tallyDelta } from './progress';
import { loadStocktake } from './stocktake.rows';
import { wrongStatus } from './stocktakes';

/**
 * Takes one scan of this stocktake back while counting: an undo row (append-only; a second undo
 * of the same scan is a CONFLICT), the line's tally drops by one, logged, in one transaction.
 */
export function undoScan(core: Core, actor: Actor, input: { stocktakeId: number; scanId: number; reason?: string | null }) {
  return inTransaction(core, () => {
    const st = loadStocktake(core, input.stocktakeId);
    const scan = core.statements
      .prepare('SELECT id, code, customer_id AS customerId, line_id AS lineId, result FROM stocktake_scans WHERE id = ? AND stocktake_id = ?')
      .get(input.scanId, st.id) as { id: number; code: string; customerId: number | null; lineId: number | null; result: string } | undefined;
    if (!scan) throw NotFound();
    if (st.status !== 'counting') throw wrongStatus(st, 'stocktake.errors.notCounting');
    if (core.statements.prepare('SELECT 1 FROM stocktake_undos WHERE scan_id = ?').get(scan.id)) {
      throw Refused('CONFLICT', 'stocktake.errors.alreadyUndone', { code: scan.code });
    }
    counters(core, st.id); // held before they are moved
    const at = core.clock.now();
    const stamp = at.toISOString();
    core.statements
      .prepare('INSERT INTO stocktake_undos (scan_id, stocktake_id, user_id, at, reason) VALUES (?, ?, ?, ?, ?)')
      .run(scan.id, st.id, actor.id, stamp, input.reason ?? null);
    let times = 0;
    if (scan.lineId != null) {
      const line = core.statements
        .prepare('SELECT scans, customer_id AS customerId FROM stocktake_lines WHERE id = ?')
        .get(scan.lineId) as { scans: number; customerId: number | null };
      times = Math.max(0, line.scans - 1);
      core.statements
        .prepare('UPDATE stocktake_lines SET scans = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(times, stamp, actor.id, scan.lineId);
      const expected =
        line.customerId != null &&
        !!core.statements.prepare('SELECT 1 FROM stocktake_expected WHERE stocktake_id = ? AND customer_id = ? LIMIT 1').get(st.id, line.customerId);
      const kind: LineKind = line.customerId == null ? 'unknown' : expected ? 'counted' : 'outOfScope';
      moveCounters(core, st.id, tallyDelta(kind, line.scans, times));
    }
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: st.id,
      action: 'undo',
      changes: { undo: { before: { id: scan.id, code: scan.code, result: scan.result }, after: null } },
      reason: input.reason ?? null,
    });
    return {
      lineId: scan.lineId,
      times,
      progress: { expected: st.expectedCount, ...counters(core, st.id) },
    };
  });
}
