import type { Core } from '../core';
import type { StocktakeProgress } from './shared/stocktake.contract';

/**
 * Progress counters of a stocktake, kept O(1) per scan. They live in a TEMP table of the writing
 * connection (no module state, no schema change): filled once per stocktake from the tables (one
 * set-based count), then moved by each scan and undo inside the same transaction, so a rollback
 * takes the change back with it. Anything else that could move them drops them, and the next call
 * counts again: a merge moving lines or expected rows on this connection (TEMP triggers), a commit
 * of another connection (a job's; PRAGMA data_version), a new connection (restore; TEMP is per connection).
 *
 * Definitions (the full count in `countersFromTables` is the reference):
 * - counted: lines of expected customers with at least one live scan;
 * - scans: live scans (not undone) of any kind;
 * - unknown: lines of unknown codes with live scans; outOfScope: lines of customers not expected, with live scans.
 */
export interface Counters {
  counted: number;
  scans: number;
  unknown: number;
  outOfScope: number;
}

const SETUP = [
  `CREATE TEMP TABLE IF NOT EXISTS stocktake_counters (
     stocktake_id INTEGER PRIMARY KEY, counted INTEGER NOT NULL, scans INTEGER NOT NULL,
     unknown INTEGER NOT NULL, out_of_scope INTEGER NOT NULL)`,
  `CREATE TEMP TRIGGER IF NOT EXISTS stocktake_counters_lines_moved AFTER UPDATE OF customer_id ON main.stocktake_lines
   WHEN NEW.customer_id IS NOT OLD.customer_id
   BEGIN DELETE FROM temp.stocktake_counters WHERE stocktake_id = NEW.stocktake_id; END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS stocktake_counters_lines_gone AFTER DELETE ON main.stocktake_lines
   BEGIN DELETE FROM temp.stocktake_counters WHERE stocktake_id = OLD.stocktake_id; END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS stocktake_counters_expected_moved AFTER UPDATE OF customer_id ON main.stocktake_expected
   WHEN NEW.customer_id IS NOT OLD.customer_id
   BEGIN DELETE FROM temp.stocktake_counters WHERE stocktake_id = NEW.stocktake_id; END`,
];

/** Counts from the tables (O(expected + lines)): the reference the counters start from. */
export function countersFromTables(core: Core, stocktakeId: number): Counters {
  const row = core.statements
    .prepare(
      `SELECT
         coalesce(sum(CASE WHEN l.customer_id IS NOT NULL AND e.one IS NOT NULL THEN 1 ELSE 0 END), 0) AS counted,
         coalesce(sum(l.scans), 0) AS scans,
         coalesce(sum(CASE WHEN l.customer_id IS NULL THEN 1 ELSE 0 END), 0) AS unknown,
         coalesce(sum(CASE WHEN l.customer_id IS NOT NULL AND e.one IS NULL THEN 1 ELSE 0 END), 0) AS outOfScope
       FROM stocktake_lines l
       LEFT JOIN (SELECT DISTINCT customer_id, 1 AS one FROM stocktake_expected WHERE stocktake_id = ?) e ON e.customer_id = l.customer_id
       WHERE l.stocktake_id = ? AND l.scans > 0`,
    )
    .get(stocktakeId, stocktakeId) as Counters;
  return row;
}

/** Drops every counter when another connection committed since they were counted. */
function dropIfOthersWrote(core: Core): void {
  // row 0 keeps the PRAGMA data_version the counters were counted at
  const version = core.statements.prepare('PRAGMA data_version').pluck().get() as number;
  const seen = core.statements.prepare('SELECT scans FROM temp.stocktake_counters WHERE stocktake_id = 0').pluck().get();
  if (seen === version) return;
  core.statements.prepare('DELETE FROM temp.stocktake_counters').run();
  core.statements
    .prepare('INSERT INTO temp.stocktake_counters (stocktake_id, counted, scans, unknown, out_of_scope) VALUES (0, 0, ?, 0, 0)')
    .run(version);
}

function ensureSetUp(core: Core): void {
  // cheap when done: IF NOT EXISTS; a new connection (restore) gets its own
  for (const sql of SETUP) core.statements.prepare(sql).run();
}

/** The stocktake's counters on the writing connection: counted from the tables when not held. */
export function counters(core: Core, stocktakeId: number): Counters {
  ensureSetUp(core);
  dropIfOthersWrote(core);
  const held = core.statements
    .prepare(
      'SELECT counted, scans, unknown, out_of_scope AS outOfScope FROM temp.stocktake_counters WHERE stocktake_id = ?',
    )
    .get(stocktakeId) as Counters | undefined;
  if (held) return held;
  const c = countersFromTables(core, stocktakeId);
  core.statements
    .prepare('INSERT INTO temp.stocktake_counters (stocktake_id, counted, scans, unknown, out_of_scope) VALUES (?, ?, ?, ?, ?)')
    .run(stocktakeId, c.counted, c.scans, c.unknown, c.outOfScope);
  return c;
}

/** Moves the counters by a scan or an undo (inside its transaction; `counters` was read in it first). */
export function moveCounters(core: Core, stocktakeId: number, d: Partial<Counters>): void {
  core.statements
    .prepare(
      `UPDATE temp.stocktake_counters SET counted = counted + ?, scans = scans + ?, unknown = unknown + ?, out_of_scope = out_of_scope + ?
       WHERE stocktake_id = ?`,
    )
    .run(d.counted ?? 0, d.scans ?? 0, d.unknown ?? 0, d.outOfScope ?? 0, stocktakeId);
}

/** Which counter a line belongs to. */
export type LineKind = 'counted' | 'unknown' | 'outOfScope';

/** How a line's tally going from `before` to `after` live scans moves the counters. */
export function tallyDelta(kind: LineKind, before: number, after: number): Partial<Counters> {
  const d: Partial<Counters> = { scans: after - before };
  if (before === 0 && after > 0) d[kind] = 1;
  if (before > 0 && after === 0) d[kind] = -1;
  return d;
}

/**
 * The whole progress (the counting screen's header, stocktake.get): overall, per category of the
 * frozen snapshot and per counter. O(expected + scans): a pool read.
 */
export function fullProgress(core: Core, stocktakeId: number, expected: number): StocktakeProgress {
  const c = countersFromTables(core, stocktakeId);
  const byCategory = core.statements
    .prepare(
      `SELECT e.category_id AS categoryId, k.name AS categoryName, count(*) AS expected,
         sum(EXISTS (SELECT 1 FROM stocktake_lines l WHERE l.stocktake_id = e.stocktake_id AND l.customer_id = e.customer_id AND l.scans > 0)) AS counted
       FROM stocktake_expected e LEFT JOIN lookups k ON k.id = e.category_id
       WHERE e.stocktake_id = ? GROUP BY e.category_id ORDER BY expected DESC, e.category_id`,
    )
    .all(stocktakeId) as StocktakeProgress['byCategory'];
  const byCounter = core.statements
    .prepare(
      `SELECT s.user_id AS userId, coalesce(u.display_name, '') AS userName, count(*) AS scans
       FROM stocktake_scans s LEFT JOIN users u ON u.id = s.user_id
       WHERE s.stocktake_id = ? AND s.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stocktake_undos d WHERE d.scan_id = s.id)
       GROUP BY s.user_id ORDER BY scans DESC, s.user_id`,
    )
    .all(stocktakeId) as StocktakeProgress['byCounter'];
  return { expected, ...c, byCategory, byCounter };
}
