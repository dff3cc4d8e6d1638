import type { Core } from '../core';
import type { StocktakeProgress } from './shared/stocktake.contract';

/**
 * Progress counters of a stocktake, kept O(1) per scan. They live in a TEMP table of the writing
 * connection (no module state, no schema change): filled once per stocktake from the tables (one
 * set-based count), then moved by each scan and undo inside the same transaction, so a rollback
 * takes the change back with it. Anything else that could move them drops them, and the next call
 * counts again: a merge moving lines or expected rows on this connection (TEMP triggers), another
 * connection's commit that added lines, scans or undos (see FINGERPRINT), a new connection
 * (a restore; TEMP is per connection).
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
  // one pass over the stocktake's lines; each customer's line probes the expected set's index
  const row = core.statements
    .prepare(
      `SELECT
         coalesce(sum(x.kind = 1), 0) AS counted,
         coalesce(sum(x.scans), 0) AS scans,
         coalesce(sum(x.kind = 0), 0) AS unknown,
         coalesce(sum(x.kind = 2), 0) AS outOfScope
       FROM (SELECT l.scans,
               CASE WHEN l.customer_id IS NULL THEN 0
                    WHEN EXISTS (SELECT 1 FROM stocktake_expected e WHERE e.stocktake_id = l.stocktake_id AND e.customer_id = l.customer_id) THEN 1
                    ELSE 2 END AS kind
             FROM stocktake_lines l WHERE l.stocktake_id = ? AND l.scans > 0) x`,
    )
    .get(stocktakeId) as Counters;
  return row;
}

/**
 * What the counters were counted against (row 0 of the TEMP table): PRAGMA data_version and the
 * newest line, scan and undo ids. Tallies move only with a scan or an undo row, so when another
 * connection committed (data_version moved) and these ids did not, its commit was elsewhere (an
 * import's batch) and the counters stand; otherwise they are all dropped and counted again.
 */
const FINGERPRINT = `SELECT (SELECT coalesce(max(id), 0) FROM stocktake_lines) AS lines,
  (SELECT coalesce(max(id), 0) FROM stocktake_scans) AS scans, (SELECT coalesce(max(id), 0) FROM stocktake_undos) AS undos`;

function keepFingerprint(core: Core, version: number): void {
  core.statements
    .prepare(
      `INSERT OR REPLACE INTO temp.stocktake_counters (stocktake_id, counted, scans, unknown, out_of_scope)
       SELECT 0, f.lines, ?, f.scans, f.undos FROM (${FINGERPRINT}) f`,
    )
    .run(version);
}

function dropIfOthersWrote(core: Core): void {
  const version = core.statements.prepare('PRAGMA data_version').pluck().get() as number;
  const seen = core.statements
    .prepare('SELECT counted AS lines, scans AS version, unknown AS scans, out_of_scope AS undos FROM temp.stocktake_counters WHERE stocktake_id = 0')
    .get() as { lines: number; version: number; scans: number; undos: number } | undefined;
  if (seen?.version === version) return;
  const now = core.statements.prepare(FINGERPRINT).get() as { lines: number; scans: number; undos: number };
  if (!seen || now.lines !== seen.lines || now.scans !== seen.scans || now.undos !== seen.undos) {
    core.statements.prepare('DELETE FROM temp.stocktake_counters').run();
  }
  keepFingerprint(core, version);
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
  // this connection's own scan or undo is counted: the ids it added are part of what was counted
  keepFingerprint(core, core.statements.prepare('PRAGMA data_version').pluck().get() as number);
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
