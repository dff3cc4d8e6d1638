import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { NotFound } from '../errors';
import {
  ADJUSTED,
  BY_CATEGORY,
  COUNTED_SUMMARY,
  PROPOSED_CORRECTIONS,
  ROW_ADJUSTMENTS,
  type RowSection,
  sectionCountSql,
  sectionIdsSql,
  sectionPageSql,
  UNKNOWN_SUMMARY,
} from './report.sql';
import type {
  EVIDENCE_KINDS,
  ReportRow,
  ReportSection,
  reportSummarySchema,
  StocktakeSummary,
} from './shared/stocktake.contract';

/** A connection or the core's statement cache: the report reads from either (a pool read, the export job). */
type Reader = Pick<Sqlite, 'prepare'>;

interface HeaderRow extends Omit<StocktakeSummary, 'scope' | 'assignee' | 'countedCount'> {
  scopeJson: string;
  assigneeId: number | null;
  assigneeName: string | null;
}

/** The stocktake as the report heads it (stocktake.get's summary); NOT_FOUND when absent. */
export function reportStocktake(db: Reader, id: number, countedCount: number): StocktakeSummary {
  const s = db
    .prepare(
      `SELECT s.id, s.no, s.name, s.status, s.scope_kind AS scopeKind, s.scope AS scopeJson, s.assignee_id AS assigneeId,
         a.display_name AS assigneeName, s.due_date AS dueDate, s.memo, s.expected_count AS expectedCount,
         s.created_at AS createdAt, cu.display_name AS createdByName, s.started_at AS startedAt, s.reconciling_at AS reconcilingAt,
         s.completed_at AS completedAt, pu.display_name AS completedByName, s.cancelled_at AS cancelledAt,
         s.cancel_reason AS cancelReason, s.version
       FROM stocktakes s
       LEFT JOIN users a ON a.id = s.assignee_id
       LEFT JOIN users cu ON cu.id = s.created_by
       LEFT JOIN users pu ON pu.id = s.completed_by
       WHERE s.id = ?`,
    )
    .get(id) as HeaderRow | undefined;
  if (!s) throw NotFound();
  const { scopeJson, assigneeId, assigneeName, ...rest } = s;
  const scope =
    s.scopeKind === 'selection'
      ? { kind: 'selection' as const, count: s.expectedCount }
      : (JSON.parse(scopeJson) as StocktakeSummary['scope']);
  return {
    ...rest,
    scope,
    assignee: assigneeId == null ? null : { id: assigneeId, name: assigneeName ?? '' },
    countedCount,
  };
}

type Summary = z.output<typeof reportSummarySchema>;

interface CountedRow {
  counted: number;
  matched: number;
  outOfScope: number;
  deactivated: number;
  frozen: number;
  duplicates: number;
}

/** The report's summary: every section's count, per category, adjustments made. A handful of set-based statements. */
export function reportSummary(db: Reader, id: number): Summary {
  const p = { id };
  const counted = db.prepare(COUNTED_SUMMARY).get(p) as CountedRow;
  const unknown = db.prepare(UNKNOWN_SUMMARY).get(p) as { unknown: number; duplicates: number };
  const byCategory = db.prepare(BY_CATEGORY).all(p) as Summary['byCategory'];
  const expected = byCategory.reduce((n, c) => n + c.expected, 0);
  const corrections = db.prepare(PROPOSED_CORRECTIONS).pluck().get(p) as number;
  const adjusted = Object.fromEntries(
    (db.prepare(ADJUSTED).all({ eid: String(id) }) as { action: string; n: number }[]).map((r) => [r.action, r.n]),
  );
  return {
    stocktake: reportStocktake(db, id, counted.matched),
    counts: {
      matched: counted.matched,
      missing: expected - counted.matched,
      unknown: unknown.unknown,
      duplicates: counted.duplicates + unknown.duplicates,
      deactivated: counted.deactivated,
      frozen: counted.frozen,
      outOfScope: counted.outOfScope,
      corrections,
    } satisfies Record<ReportSection, number>,
    byCategory,
    adjusted,
  };
}

interface RawRow extends Omit<ReportRow, 'checked' | 'evidence' | 'adjustment'> {
  checked: number;
  evidence: string | null;
}

/** The log actions of a customer adjusted here → the report's word for it. */
const ADJUSTMENT_OF: Record<string, string> = {
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  verify: 'verified',
};

/** What reconciliation did about these customers (the latest adjustment of each). */
function adjustmentsOf(db: Reader, no: string, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  for (const r of db.prepare(ROW_ADJUSTMENTS).all({ ids: JSON.stringify(ids), no }) as { cid: number; action: string }[]) {
    out.set(r.cid, ADJUSTMENT_OF[r.action]);
  }
  return out;
}

/** A customer created from an unknown code since: its code now names one. */
function createdCodes(db: Reader, codes: string[]): Set<string> {
  if (!codes.length) return new Set();
  return new Set(
    db
      .prepare('SELECT c.code FROM json_each(?) w CROSS JOIN customers c ON c.code = w.value')
      .pluck()
      .all(JSON.stringify(codes)) as string[],
  );
}

export interface RowsQuery {
  section: RowSection;
  q?: string;
  limit: number;
  offset: number;
}

/** One page of a section's rows, and how many the section holds (with the search). */
export function reportRows(db: Reader, id: number, query: RowsQuery): { items: ReportRow[]; total: number } {
  const no = stocktakeNo(db, id);
  const q = query.q?.trim() || null;
  const items = sectionRows(db, id, no, query);
  const total = db.prepare(sectionCountSql(query.section, !!q)).pluck().get({ id, ...(q ? { q } : {}) }) as number;
  return { items, total };
}

/** The stocktake's number (盘点单号); NOT_FOUND when absent. */
export function stocktakeNo(db: Reader, id: number): string {
  const no = db.prepare('SELECT no FROM stocktakes WHERE id = ?').pluck().get(id) as string | undefined;
  if (no === undefined) throw NotFound();
  return no;
}

/** Rows of a section (`limit` -1: all of them), with what reconciliation did about each. */
export function sectionRows(db: Reader, id: number, no: string, query: RowsQuery): ReportRow[] {
  const q = query.q?.trim() || null;
  const params = { id, limit: query.limit, offset: query.offset, ...(q ? { q } : {}) };
  const raw = db.prepare(sectionPageSql(query.section, !!q)).all(params) as RawRow[];
  const adjusted = adjustmentsOf(
    db,
    no,
    raw.flatMap((r) => (r.customerId == null ? [] : [r.customerId])),
  );
  const created = createdCodes(
    db,
    raw.flatMap((r) => (r.customerId == null ? [r.code] : [])),
  );
  return raw.map((r) => ({
    ...r,
    checked: !!r.checked,
    evidence: r.evidence ? (JSON.parse(r.evidence) as (typeof EVIDENCE_KINDS)[number][]) : [],
    adjustment: r.customerId == null ? (created.has(r.code) ? 'created' : null) : (adjusted.get(r.customerId) ?? null),
  }));
}

/** Every customer id of a section, in id order (what an adjustment of "all of them" works on). */
export function sectionIds(db: Reader, id: number, section: RowSection): number[] {
  return db.prepare(sectionIdsSql(section)).pluck().all({ id }) as number[];
}
