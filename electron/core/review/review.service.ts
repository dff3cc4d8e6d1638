import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import { addMonths, localDate } from '../clock';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import type { ReviewRun, ReviewSettings } from './shared/review.contract';
import { type RuleQueryContext, ruleAvailable, ruleQuery } from './review.queries';
import { REVIEW_RULES } from './shared/review.rules';
import { currentRun, hasReviewableCustomers, lastRunStart, readRun } from './review.runs';
import { getReviewSettings } from './review.settings';

/** The enabled rules that can run, with their parameters as a run records them. */
function rulesToRun(core: Core, s: ReviewSettings) {
  return REVIEW_RULES.filter((r) => s.rules[r.key].enabled && ruleAvailable(core, r.key)).map((def) => {
    const { enabled: _, ...params } = s.rules[def.key];
    return { def, params };
  });
}

/**
 * The candidate query: the union of the rules' queries, grouped per customer (each rule gives a
 * customer at most once, so the sum of the bits is their OR), kept to customers that may be
 * reviewed: active or frozen, not merged away, no deactivation scheduled, not kept until after today.
 */
function candidateSql(parts: { bit: number; sql: string }[]): string {
  const union = parts.map((p) => `SELECT customer_id, ${p.bit} AS bit FROM (${p.sql})`).join('\n UNION ALL ');
  return `INSERT INTO review_candidates
      (run_id, customer_id, rule_mask, rule_count, last_activity_at, contract_end_date, credit_rating_name)
    SELECT @runId, c.id, h.mask, h.hits, c.last_activity_at, c.contract_end_date, r.name
    FROM (SELECT customer_id, sum(bit) AS mask, count(*) AS hits FROM (${union}) GROUP BY customer_id) h
    JOIN customers c ON c.id = h.customer_id
    LEFT JOIN lookups r ON r.id = c.credit_rating_id
    WHERE c.status IN ('active', 'frozen') AND c.merged_into_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM customer_status_schedules s WHERE s.customer_id = c.id AND s.state = 'pending')
      AND NOT EXISTS (SELECT 1 FROM review_keeps k WHERE k.customer_id = c.id AND k.kept_until > @today)
`;
}

/**
 * The statement startRun executes: the rules' positional parameters in the order their parts
 * appear, then the named ones (also for EXPLAIN QUERY PLAN in tests and the bench).
 */
export function candidateQuery(core: Core, runId: number) {
  const now = core.clock.now();
  const ctx: RuleQueryContext = { core, settings: getReviewSettings(core), now, today: localDate(now) };
  const rules = rulesToRun(core, ctx.settings);
  const parts = rules.map(({ def }) => ({ bit: def.bit, ...ruleQuery(def.key, ctx) }));
  return {
    rules,
    sql: parts.length ? candidateSql(parts) : null,
    params: [...parts.flatMap((p) => p.params), { runId, today: ctx.today }],
  };
}

/**
 * 开始审查: closes the current run (its undecided candidates go; the decided stay as its record),
 * then runs the enabled rules over all customers into a new run. One transaction.
 */
export function startRun(core: Core, actor: Actor): ReviewRun {
  return inTransaction(core, () => {
    const at = core.clock.now();
    const db = core.sqlite;
    const open = db.prepare(`SELECT id FROM review_runs WHERE state = 'open'`).pluck().all() as number[];
    for (const id of open) {
      db.prepare(`UPDATE review_runs SET state = 'closed' WHERE id = ?`).run(id);
      db.prepare('DELETE FROM review_candidates WHERE run_id = ? AND decision IS NULL').run(id);
    }
    const runId = Number(
      db
        .prepare(`INSERT INTO review_runs (started_at, started_by, rules, state) VALUES (?, ?, '[]', 'open')`)
        .run(at.toISOString(), actor.id).lastInsertRowid,
    );
    const q = candidateQuery(core, runId);
    const t0 = performance.now();
    const candidateCount = q.sql ? db.prepare(q.sql).run(...q.params).changes : 0;
    const durationMs = Math.round(performance.now() - t0);
    const rules = JSON.stringify(q.rules.map(({ def, params }) => ({ key: def.key, ...params })));
    db.prepare('UPDATE review_runs SET rules = ?, candidate_count = ?, duration_ms = ? WHERE id = ?').run(
      rules,
      candidateCount,
      durationMs,
      runId,
    );
    writeLog(core.db, at, actor, {
      entity: 'reviewRun',
      entityId: runId,
      action: 'start',
      changes: diffFields(null, { candidateCount }, ['candidateCount']),
    });
    return readRun(core, runId)!;
  });
}

/**
 * Whether a review is due (the sidebar badge): never without a schedule, nor while there is no
 * active or frozen customer to review (a new install); otherwise when there has been no run yet,
 * or the last one started `intervalMonths` months ago or more.
 */
export function reviewStatus(core: Core) {
  const { intervalMonths } = getReviewSettings(core);
  const now = core.clock.now();
  const lastRunAt = lastRunStart(core);
  const scheduled = intervalMonths !== 0 && hasReviewableCustomers(core);
  const nextDue = !scheduled ? null : lastRunAt ? addMonths(new Date(lastRunAt), intervalMonths) : now;
  return {
    due: nextDue != null && nextDue.getTime() <= now.getTime(),
    lastRunAt,
    nextDueAt: nextDue?.toISOString() ?? null,
    currentRun: currentRun(core),
  };
}
