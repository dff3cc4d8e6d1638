import type { Core } from '../core';
import { NotFound } from '../errors';
import type { StocktakeStatus, StocktakeSummary } from './shared/stocktake.contract';

/** The stocktake row as the services use it. */
export interface StocktakeRow {
  id: number;
  no: string;
  name: string;
  status: StocktakeStatus;
  scopeKind: 'all' | 'filter' | 'selection';
  scope: string;
  assigneeId: number | null;
  dueDate: string | null;
  memo: string | null;
  expectedCount: number;
  version: number;
}

export function loadStocktake(core: Core, id: number): StocktakeRow {
  const row = core.statements
    .prepare(
      `SELECT id, no, name, status, scope_kind AS scopeKind, scope, assignee_id AS assigneeId, due_date AS dueDate, memo,
         expected_count AS expectedCount, version FROM stocktakes WHERE id = ?`,
    )
    .get(id) as StocktakeRow | undefined;
  if (!row) throw NotFound();
  return row;
}

const SUMMARY_SQL = `SELECT s.id, s.no, s.name, s.status, s.scope_kind AS scopeKind, s.scope, s.assignee_id AS assigneeId,
    a.display_name AS assigneeName, s.due_date AS dueDate, s.memo, s.expected_count AS expectedCount,
    s.created_at AS createdAt, cu.display_name AS createdByName, s.started_at AS startedAt,
    s.reconciling_at AS reconcilingAt, s.completed_at AS completedAt, co.display_name AS completedByName,
    s.cancelled_at AS cancelledAt, s.cancel_reason AS cancelReason, s.version
  FROM stocktakes s
  LEFT JOIN users a ON a.id = s.assignee_id
  LEFT JOIN users cu ON cu.id = s.created_by
  LEFT JOIN users co ON co.id = s.completed_by`;

type SummaryRow = Omit<StocktakeSummary, 'scope' | 'assignee' | 'countedCount'> & {
  scope: string;
  assigneeId: number | null;
  assigneeName: string | null;
};

function toSummary(r: SummaryRow, counted: number): StocktakeSummary {
  const stored = JSON.parse(r.scope) as { kind: string };
  const { assigneeId, assigneeName, ...rest } = r;
  return {
    ...rest,
    scope: (stored.kind === 'selection' ? { kind: 'selection', count: r.expectedCount } : stored) as StocktakeSummary['scope'],
    assignee: assigneeId == null ? null : { id: assigneeId, name: assigneeName ?? '' },
    countedCount: counted,
  };
}

/** One stocktake's summary; `counted` how many expected customers were counted (progress.ts). */
export function stocktakeSummary(core: Core, id: number, counted: (id: number) => number): StocktakeSummary {
  const r = core.statements.prepare(`${SUMMARY_SQL} WHERE s.id = ?`).get(id) as SummaryRow | undefined;
  if (!r) throw NotFound();
  return toSummary(r, r.status === 'draft' ? 0 : counted(r.id));
}

/** A page of stocktakes, newest first, of the given states. */
export function stocktakeSummaries(
  core: Core,
  statuses: readonly StocktakeStatus[],
  page: number,
  pageSize: number,
  counted: (id: number) => number,
): { items: StocktakeSummary[]; total: number } {
  const list = JSON.stringify(statuses);
  const total = core.statements
    .prepare('SELECT count(*) FROM stocktakes WHERE status IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(list) as number;
  const rows = core.statements
    .prepare(`${SUMMARY_SQL} WHERE s.status IN (SELECT value FROM json_each(?)) ORDER BY s.id DESC LIMIT ? OFFSET ?`)
    .all(list, pageSize, (page - 1) * pageSize) as SummaryRow[];
  return { items: rows.map((r) => toSummary(r, r.status === 'draft' ? 0 : counted(r.id))), total };
}

/** The brief of a customer (the ack's, a line's): its state, category, reason, and its survivor if merged. */
export const CUSTOMER_BRIEF_SQL = `SELECT c.id, c.code, c.name, c.status, cat.name AS categoryName, rs.name AS statusReasonName,
    c.status_memo AS statusMemo, m.id AS mergedId, m.code AS mergedCode, m.name AS mergedName
  FROM customers c
  LEFT JOIN lookups cat ON cat.id = c.category_id
  LEFT JOIN lookups rs ON rs.id = c.status_reason_id
  LEFT JOIN customers m ON m.id = c.merged_into_id`;

export interface BriefRow {
  id: number;
  code: string;
  name: string;
  status: 'active' | 'frozen' | 'deactivated';
  categoryName: string | null;
  statusReasonName: string | null;
  statusMemo: string | null;
  mergedId: number | null;
  mergedCode: string | null;
  mergedName: string | null;
}

export function toBrief(r: BriefRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    categoryName: r.categoryName,
    statusReasonName: r.status === 'active' ? null : r.statusReasonName,
    statusMemo: r.status === 'active' ? null : r.statusMemo,
    mergedInto: r.mergedId == null ? null : { id: r.mergedId, code: r.mergedCode ?? '', name: r.mergedName ?? '' },
  };
}

export function customerBrief(core: Core, customerId: number) {
  const r = core.statements.prepare(`${CUSTOMER_BRIEF_SQL} WHERE c.id = ?`).get(customerId) as BriefRow | undefined;
  return r ? toBrief(r) : null;
}
