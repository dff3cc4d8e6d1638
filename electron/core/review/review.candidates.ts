import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import { addDays, localDate } from '../clock';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Refused } from '../errors';
import type { ReviewCandidate, reviewContract } from './shared/review.contract';
import { reviewRule, rulesOfMask, suggestedReasonKey } from './shared/review.rules';
import { currentRun, readRun } from './review.runs';
import { getReviewSettings } from './review.settings';

type CandidatesInput = z.output<(typeof reviewContract)['review.candidates']['input']>;
type KeepInput = z.output<(typeof reviewContract)['review.keep']['input']>;

const noRun = () => Refused('NOT_FOUND', 'review.errors.noRun');

const SORT_COLUMNS = {
  code: 'c.code',
  name: 'c.name',
  ruleCount: 'rc.rule_count',
  lastActivityAt: 'rc.last_activity_at',
  contractEndDate: 'rc.contract_end_date',
} as const;

interface CandidateRow {
  customer_id: number;
  code: string;
  name: string;
  status: ReviewCandidate['status'];
  rule_mask: number;
  last_activity_at: string | null;
  contract_end_date: string | null;
  credit_rating_name: string | null;
  decision: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
  note: string | null;
}

const toCandidate = (r: CandidateRow): ReviewCandidate => ({
  customerId: r.customer_id,
  code: r.code,
  name: r.name,
  status: r.status,
  rules: rulesOfMask(r.rule_mask),
  lastActivityAt: r.last_activity_at,
  contractEndDate: r.contract_end_date,
  creditRatingName: r.credit_rating_name,
  suggestedReasonKey: suggestedReasonKey(r.rule_mask),
  decision: r.decision,
  decidedAt: r.decided_at,
  decidedByName: r.decided_by_name,
  note: r.note,
});

/** Candidates of a run (default: the current one), filtered by rule and decision, sorted, paged. */
export function listCandidates(core: Core, input: CandidatesInput) {
  const run = input.runId ? readRun(core, input.runId) : currentRun(core);
  if (!run) {
    if (input.runId) throw noRun();
    return { run: null, items: [], total: 0 };
  }
  const where = ['rc.run_id = @runId'];
  if (input.rule) where.push('(rc.rule_mask & @bit) <> 0');
  if (input.decision === 'open') where.push('rc.decision IS NULL');
  if (input.decision === 'decided') where.push('rc.decision IS NOT NULL');
  const params = { runId: run.id, bit: input.rule ? reviewRule(input.rule).bit : 0 };
  const filter = where.join(' AND ');
  const total = core.sqlite
    .prepare(`SELECT count(*) FROM review_candidates rc WHERE ${filter}`)
    .pluck()
    .get(params) as number;
  // most rules hit first, by default; ties in creation order. The page is picked from the
  // candidates alone (joined to customers only to sort by code or name), then completed.
  const sort = input.sort ?? { field: 'ruleCount', order: 'desc' };
  const key = SORT_COLUMNS[sort.field];
  const byCustomer = key.startsWith('c.');
  const order = `k ${sort.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, customer_id ASC`;
  const rows = core.sqlite
    .prepare(
      `SELECT rc.customer_id, c.code, c.name, c.status, rc.rule_mask, rc.last_activity_at, rc.contract_end_date,
         rc.credit_rating_name, rc.decision, rc.decided_at, u.display_name AS decided_by_name, rc.note
       FROM (
         SELECT rc.customer_id, ${key} AS k FROM review_candidates rc
         ${byCustomer ? 'JOIN customers c ON c.id = rc.customer_id' : ''}
         WHERE ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset
       ) p
       JOIN review_candidates rc ON rc.run_id = @runId AND rc.customer_id = p.customer_id
       JOIN customers c ON c.id = p.customer_id
       LEFT JOIN users u ON u.id = rc.decided_by
       ORDER BY ${order.replace('customer_id', 'p.customer_id')}`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as CandidateRow[];
  return { run, items: rows.map(toCandidate), total };
}

/**
 * 保留: the customers were reviewed and stay; they are not proposed again until today + keepDays
 * (local dates). All or none: every customer must be an undecided (or kept) candidate of the open run.
 */
export function keepCandidates(core: Core, actor: Actor, input: KeepInput) {
  return inTransaction(core, () => {
    const run = core.sqlite.prepare('SELECT id, state FROM review_runs WHERE id = ?').get(input.runId) as
      | { id: number; state: string }
      | undefined;
    if (!run) throw noRun();
    if (run.state !== 'open') throw Refused('INVALID_TRANSITION', 'review.errors.runClosed');
    const ids = JSON.stringify(input.customerIds);
    const found = core.sqlite
      .prepare(
        `SELECT j.value AS id, c.code, c.name, rc.customer_id AS candidate, rc.decision, k.kept_until
         FROM json_each(?) j
         LEFT JOIN customers c ON c.id = j.value
         LEFT JOIN review_candidates rc ON rc.run_id = ? AND rc.customer_id = j.value
         LEFT JOIN review_keeps k ON k.customer_id = j.value`,
      )
      .all(ids, run.id) as {
      id: number;
      code: string | null;
      name: string | null;
      candidate: number | null;
      decision: string | null;
      kept_until: string | null;
    }[];
    for (const f of found) {
      const who = f.code == null ? undefined : { code: f.code, name: f.name ?? '' };
      if (f.candidate == null) throw Refused('NOT_FOUND', 'review.errors.notCandidate', who);
      if (f.decision != null && f.decision !== 'kept') {
        throw Refused('INVALID_TRANSITION', 'review.errors.alreadyDecided', who);
      }
    }
    const now = core.clock.now();
    const at = now.toISOString();
    const keptUntil = addDays(localDate(now), getReviewSettings(core).keepDays);
    const keep = core.sqlite.prepare(
      `INSERT INTO review_keeps (customer_id, kept_until, note, run_id, at, by) VALUES (@id, @keptUntil, @note, @runId, @at, @by)
       ON CONFLICT (customer_id) DO UPDATE SET kept_until = excluded.kept_until, note = excluded.note,
         run_id = excluded.run_id, at = excluded.at, by = excluded.by`,
    );
    const decide = core.sqlite.prepare(
      `UPDATE review_candidates SET decision = 'kept', decided_at = @at, decided_by = @by, note = @note
       WHERE run_id = @runId AND customer_id = @id`,
    );
    for (const f of found) {
      const row = { id: f.id, keptUntil, note: input.note, runId: run.id, at, by: actor.id };
      keep.run(row);
      decide.run(row);
      writeLog(core.db, now, actor, {
        entity: 'customer',
        entityId: f.id,
        action: 'reviewKeep',
        changes: { keptUntil: { before: f.kept_until, after: keptUntil } },
        reason: input.note,
      });
    }
    return { kept: found.length, keptUntil };
  });
}
