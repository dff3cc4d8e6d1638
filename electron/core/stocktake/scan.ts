import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { counters, type LineKind, moveCounters, tallyDelta } from './progress';
import type { ScanAck, ScanResult, recentScanSchema, scanInputSchema } from './shared/stocktake.contract';
import { type BriefRow, CUSTOMER_BRIEF_SQL, loadStocktake, type StocktakeRow, toBrief } from './stocktake.rows';
import { wrongStatus } from './stocktakes';

type ScanInput = z.output<typeof scanInputSchema>;
type RecentScan = z.output<typeof recentScanSchema>;

interface StoredScan {
  id: number;
  clientId: string;
  code: string;
  customerId: number | null;
  lineId: number | null;
  result: ScanResult;
}

interface LineTally {
  id: number;
  scans: number;
}

/** The stored scan of a client id, if this stocktake has it (the unique index answers). */
function storedScan(core: Core, stocktakeId: number, clientId: string): StoredScan | undefined {
  return core.statements
    .prepare(
      `SELECT id, client_id AS clientId, code, customer_id AS customerId, line_id AS lineId, result
       FROM stocktake_scans WHERE stocktake_id = ? AND client_id = ?`,
    )
    .get(stocktakeId, clientId) as StoredScan | undefined;
}

/** The line of a customer (its first, should a merge have given it two), or of an unknown code. */
function findLine(core: Core, stocktakeId: number, customerId: number | null, code: string): LineTally | undefined {
  if (customerId == null) {
    return core.statements
      .prepare(
        'SELECT id, scans FROM stocktake_lines WHERE stocktake_id = ? AND code = ? AND customer_id IS NULL ORDER BY id LIMIT 1',
      )
      .get(stocktakeId, code) as LineTally | undefined;
  }
  return core.statements
    .prepare('SELECT id, scans FROM stocktake_lines WHERE stocktake_id = ? AND customer_id = ? ORDER BY id LIMIT 1')
    .get(stocktakeId, customerId) as LineTally | undefined;
}

function isExpected(core: Core, stocktakeId: number, customerId: number): boolean {
  return !!core.statements
    .prepare('SELECT 1 FROM stocktake_expected WHERE stocktake_id = ? AND customer_id = ? LIMIT 1')
    .get(stocktakeId, customerId);
}

/**
 * What a scan found, in the contract's order: an unknown code; a line already counted (duplicate);
 * the customer's state (停用, 冻结: a state beats out-of-scope); not in the frozen expected set; found.
 */
export function classify(c: { customer: BriefRow | undefined; liveBefore: number; expected: boolean }): ScanResult {
  if (!c.customer) return 'unknown';
  if (c.liveBefore > 0) return 'duplicate';
  if (c.customer.status === 'deactivated') return 'deactivated';
  if (c.customer.status === 'frozen') return 'frozen';
  return c.expected ? 'found' : 'outOfScope';
}

/** The line's tally, and its earlier live scans (who, when; newest first, at most 5). */
function lineFacts(core: Core, lineId: number | null, scanId: number) {
  if (lineId == null) return { times: 0, earlier: [] };
  const times = core.statements.prepare('SELECT scans FROM stocktake_lines WHERE id = ?').pluck().get(lineId) as number;
  const earlier = core.statements
    .prepare(
      `SELECT coalesce(u.display_name, '') AS userName, s.at FROM stocktake_scans s LEFT JOIN users u ON u.id = s.user_id
       WHERE s.line_id = ? AND s.id < ? AND NOT EXISTS (SELECT 1 FROM stocktake_undos d WHERE d.scan_id = s.id)
       ORDER BY s.id DESC LIMIT 5`,
    )
    .all(lineId, scanId) as { userName: string; at: string }[];
  return { times, earlier };
}

function ackOf(core: Core, stocktakeId: number, expected: number, s: StoredScan, replayed: boolean): ScanAck {
  const brief =
    s.customerId == null
      ? undefined
      : (core.statements.prepare(`${CUSTOMER_BRIEF_SQL} WHERE c.id = ?`).get(s.customerId) as BriefRow | undefined);
  return {
    scanId: s.id,
    clientId: s.clientId,
    code: s.code,
    result: s.result,
    lineId: s.lineId,
    customer: brief ? toBrief(brief) : null,
    ...lineFacts(core, s.lineId, s.id),
    replayed,
    progress: { expected, ...counters(core, stocktakeId) },
  };
}

/**
 * Stores one scan in one small transaction and answers with what it found. A client id stored
 * before is answered from its row (replayed, nothing written), whatever the stocktake's state now.
 * Counting only while `counting`. Deactivated and frozen customers are counted and flagged, never
 * refused (the guard against transactions is for documents).
 */
export function recordScan(core: Core, actor: Actor, input: ScanInput): ScanAck {
  return inTransaction(core, () => scanInTransaction(core, actor, loadStocktake(core, input.stocktakeId), input));
}

/**
 * One scan inside the caller's write transaction (stocktake.scan's own, or one of a sync's few):
 * a stored client id answers replayed; otherwise refused unless `counting`, else classified by the
 * customer's state now, its line moved, its row and a log row written, the counters moved.
 */
export function scanInTransaction(
  core: Core,
  actor: Actor,
  st: StocktakeRow,
  input: Omit<ScanInput, 'stocktakeId'>,
): ScanAck {
  const before = storedScan(core, st.id, input.clientId);
  if (before) return ackOf(core, st.id, st.expectedCount, before, true);
  if (st.status !== 'counting') throw wrongStatus(st, 'stocktake.errors.notCounting');
  counters(core, st.id); // held before they are moved
  const customer = core.statements.prepare(`${CUSTOMER_BRIEF_SQL} WHERE c.code = ?`).get(input.code) as
    | BriefRow
    | undefined;
  const expected = customer ? isExpected(core, st.id, customer.id) : false;
  const line = findLine(core, st.id, customer?.id ?? null, input.code);
  const liveBefore = line?.scans ?? 0;
  const result = classify({ customer, liveBefore, expected });
  const at = core.clock.now().toISOString();
  let lineId: number;
  if (line) {
    core.statements
      .prepare(
        `UPDATE stocktake_lines SET scans = scans + 1, first_at = coalesce(first_at, ?), first_user_id = coalesce(first_user_id, ?),
           last_at = ?, last_user_id = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(at, actor.id, at, actor.id, at, actor.id, line.id);
    lineId = line.id;
  } else {
    lineId = Number(
      core.statements
        .prepare(
          `INSERT INTO stocktake_lines (stocktake_id, customer_id, code, scans, first_at, first_user_id, last_at, last_user_id, updated_at, updated_by)
           VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(st.id, customer?.id ?? null, customer?.code ?? input.code, at, actor.id, at, actor.id, at, actor.id)
        .lastInsertRowid,
    );
  }
  const scanId = Number(
    core.statements
      .prepare(
        `INSERT INTO stocktake_scans (stocktake_id, client_id, code, customer_id, line_id, result, source, user_id, device_id, scanned_at, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        st.id,
        input.clientId,
        input.code,
        customer?.id ?? null,
        lineId,
        result,
        input.source,
        actor.id,
        input.deviceId ?? null,
        input.scannedAt,
        at,
      ).lastInsertRowid,
  );
  const kind: LineKind = !customer ? 'unknown' : expected ? 'counted' : 'outOfScope';
  moveCounters(core, st.id, tallyDelta(kind, liveBefore, liveBefore + 1));
  // a compact entry per scan: the code and what it found (the scan row holds the rest)
  writeLog(core.db, core.clock.now(), actor, {
    entity: 'stocktake',
    entityId: st.id,
    action: 'scan',
    changes: { scan: { before: null, after: { id: scanId, code: input.code, result } } },
  });
  const stored: StoredScan = {
    id: scanId,
    clientId: input.clientId,
    code: input.code,
    customerId: customer?.id ?? null,
    lineId,
    result,
  };
  return ackOf(core, st.id, st.expectedCount, stored, false);
}

/** The newest scans of a stocktake (all counters, or the caller's), newest first, with undone flags. */
export function recentScans(core: Core, actor: Actor, input: { stocktakeId: number; mine: boolean; limit: number }) {
  loadStocktake(core, input.stocktakeId);
  const items = core.statements
    .prepare(
      `SELECT s.id AS scanId, s.client_id AS clientId, s.code, s.result, s.source, s.line_id AS lineId, c.name AS customerName,
         u.display_name AS userName, s.scanned_at AS scannedAt, s.at,
         EXISTS (SELECT 1 FROM stocktake_undos d WHERE d.scan_id = s.id) AS undone
       FROM stocktake_scans s LEFT JOIN customers c ON c.id = s.customer_id LEFT JOIN users u ON u.id = s.user_id
       WHERE s.stocktake_id = ? AND (? = 0 OR s.user_id = ?)
       ORDER BY s.id DESC LIMIT ?`,
    )
    .all(input.stocktakeId, input.mine ? 1 : 0, actor.id, input.limit) as (Omit<RecentScan, 'undone'> & {
    undone: number;
  })[];
  return { items: items.map((r) => ({ ...r, undone: r.undone === 1 })) };
}
