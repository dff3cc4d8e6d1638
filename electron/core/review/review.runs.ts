import type { Core } from '../core';
import type { ReviewRuleKey, ReviewRun } from './shared/review.contract';
import { REVIEW_RULE_KEYS } from './shared/review.contract';

interface RunRow {
  id: number;
  started_at: string;
  started_by_name: string | null;
  candidate_count: number;
  duration_ms: number;
  state: string;
  rules: string;
  deactivated: number | null;
  scheduled: number | null;
  frozen: number | null;
  kept: number | null;
}

/**
 * The runs `pick` selects (a SELECT of review_runs ids), newest first, with what was done with
 * their candidates: counted over review_candidates, so the counts are always those of the decisions.
 */
function selectRuns(core: Core, pick: string, params: Record<string, unknown>): ReviewRun[] {
  const rows = core.sqlite
    .prepare(
      `WITH picked AS (${pick})
       SELECT r.id, r.started_at, u.display_name AS started_by_name, r.candidate_count, r.duration_ms, r.state, r.rules,
         d.deactivated, d.scheduled, d.frozen, d.kept
       FROM review_runs r
       LEFT JOIN users u ON u.id = r.started_by
       LEFT JOIN (
         SELECT run_id, sum(decision = 'deactivated') AS deactivated, sum(decision = 'scheduled') AS scheduled,
           sum(decision = 'frozen') AS frozen, sum(decision = 'kept') AS kept
         FROM review_candidates WHERE run_id IN picked AND decision IS NOT NULL
         GROUP BY run_id
       ) d ON d.run_id = r.id
       WHERE r.id IN picked
       ORDER BY r.started_at DESC, r.id DESC`,
    )
    .all(params) as RunRow[];
  return rows.map(toRun);
}

function ruleKeys(json: string): ReviewRuleKey[] {
  const stored = JSON.parse(json) as { key: string }[];
  return stored
    .map((r) => r.key)
    .filter((k): k is ReviewRuleKey => (REVIEW_RULE_KEYS as readonly string[]).includes(k));
}

const toRun = (r: RunRow): ReviewRun => ({
  id: r.id,
  startedAt: r.started_at,
  startedByName: r.started_by_name,
  candidateCount: r.candidate_count,
  durationMs: r.duration_ms,
  open: r.state === 'open',
  deactivated: r.deactivated ?? 0,
  scheduled: r.scheduled ?? 0,
  frozen: r.frozen ?? 0,
  kept: r.kept ?? 0,
  rules: ruleKeys(r.rules),
});

export function readRun(core: Core, id: number): ReviewRun | null {
  return selectRuns(core, 'SELECT id FROM review_runs WHERE id = @id', { id })[0] ?? null;
}

/** The current run: the open one (a new run closes it). */
export function currentRun(core: Core): ReviewRun | null {
  return selectRuns(core, `SELECT max(id) FROM review_runs WHERE state = 'open'`, {})[0] ?? null;
}

/** When the latest run started (the schedule counts from it). */
export function lastRunStart(core: Core): string | null {
  return (
    (core.sqlite.prepare('SELECT started_at FROM review_runs ORDER BY id DESC LIMIT 1').pluck().get() as string) ?? null
  );
}

/** Whether any customer is active or frozen: the ones a review looks at (index customers_status_id). */
export function hasReviewableCustomers(core: Core): boolean {
  return (
    core.sqlite.prepare(`SELECT 1 FROM customers WHERE status IN ('active', 'frozen') LIMIT 1`).pluck().get() !==
    undefined
  );
}

/** Every run, newest first. */
export function listRuns(core: Core, page: number, pageSize: number) {
  const total = core.sqlite.prepare('SELECT count(*) FROM review_runs').pluck().get() as number;
  const items = selectRuns(
    core,
    'SELECT id FROM review_runs ORDER BY started_at DESC, id DESC LIMIT @limit OFFSET @offset',
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { items, total };
}
