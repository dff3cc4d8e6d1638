import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { NotFound } from '../errors';
import {
  ADJUSTED,
  PROPOSED_CORRECTIONS,
  pageEndSql,
  ROW_ADJUSTMENTS,
  type RowSection,
  sectionCountSql,
  sectionIdsSql,
  sectionPageSql,
  SUMMARY_BY_CATEGORY,
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

interface CategoryRow {
  categoryId: number | null;
  categoryName: string | null;
  expected: number;
  matched: number;
  outOfScope: number;
  deactivated: number;
  frozen: number;
  duplicates: number;
}

/** The report's summary: every section's count, per category, adjustments made. A handful of set-based statements. */
export function reportSummary(db: Reader, id: number): Summary {
  const p = { id };
  const rows = db.prepare(SUMMARY_BY_CATEGORY).all(p) as CategoryRow[];
  const sum = (k: keyof Omit<CategoryRow, 'categoryId' | 'categoryName'>) => rows.reduce((n, r) => n + r[k], 0);
  const counted = {
    matched: sum('matched'),
    outOfScope: sum('outOfScope'),
    deactivated: sum('deactivated'),
    frozen: sum('frozen'),
    duplicates: sum('duplicates'),
  };
  const expected = sum('expected');
  const unknown = db.prepare(UNKNOWN_SUMMARY).get(p) as { unknown: number; duplicates: number };
  // the categories of the expected set (a group of out-of-scope customers only is none)
  const byCategory = rows
    .filter((r) => r.expected > 0)
    .map((r) => ({ categoryId: r.categoryId, categoryName: r.categoryName, expected: r.expected, counted: r.matched }));
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
  const { rows: items, total } = sectionPage(db, id, no, query);
  // a page past the end has no row to carry the total
  const all = total ?? (db.prepare(sectionCountSql(query.section, !!q)).pluck().get({ id, ...(q ? { q } : {}) }) as number);
  return { items, total: all };
}

/** The stocktake's number (盘点单号); NOT_FOUND when absent. */
export function stocktakeNo(db: Reader, id: number): string {
  const no = db.prepare('SELECT no FROM stocktakes WHERE id = ?').pluck().get(id) as string | undefined;
  if (no === undefined) throw NotFound();
  return no;
}

/** Rows of a section (`limit` -1: all of them), with what reconciliation did about each. */
export function sectionRows(db: Reader, id: number, no: string, query: RowsQuery): ReportRow[] {
  return sectionPage(db, id, no, query).rows;
}

function sectionPage(db: Reader, id: number, no: string, query: RowsQuery): { rows: ReportRow[]; total: number | null } {
  const q = query.q?.trim() || null;
  const params = { id, limit: query.limit, offset: query.offset, ...(q ? { q } : {}) };
  const raw = db.prepare(sectionPageSql(query.section, !!q)).all(params) as (RawRow & { total: number })[];
  const adjusted = adjustmentsOf(
    db,
    no,
    raw.flatMap((r) => (r.customerId == null ? [] : [r.customerId])),
  );
  const created = createdCodes(
    db,
    raw.flatMap((r) => (r.customerId == null ? [r.code] : [])),
  );
  const rows = raw.map(({ total: _total, ...r }) => ({
    ...r,
    checked: !!r.checked,
    evidence: r.evidence ? (JSON.parse(r.evidence) as (typeof EVIDENCE_KINDS)[number][]) : [],
    adjustment: r.customerId == null ? (created.has(r.code) ? 'created' : null) : (adjusted.get(r.customerId) ?? null),
  }));
  return { rows, total: raw[0]?.total ?? null };
}

/**
 * The customer ids of a section in keyset pages, in id order (what an adjustment of "all of them"
 * works on): each call reads the next page, at most `size` rows of the table its members come from,
 * so no read holds the main thread long. `[]` is a page that kept none; null: the section is done.
 */
export function sectionPages(db: Reader, id: number, section: RowSection, size: number): () => number[] | null {
  let after = 0;
  return () => {
    const upto = db.prepare(pageEndSql(section)).pluck().get({ id, after, size }) as number | null;
    if (upto == null) return null;
    const ids = db.prepare(sectionIdsSql(section, 'page')).pluck().all({ id, after, upto }) as number[];
    after = upto;
    return ids;
  };
}

/** Those of `ids` (ascending, at most a page) that are in the section. */
export function sectionIdsOf(db: Reader, id: number, section: RowSection, ids: readonly number[]): number[] {
  return db.prepare(sectionIdsSql(section, 'list')).pluck().all({ id, ids: JSON.stringify(ids) }) as number[];
}
