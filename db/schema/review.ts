import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { customers } from './customers';

/**
 * 停用审查: each run of the periodic status review. The rules and their parameters live in
 * settings (key 'review'); a run copies the ones it used into `rules` (JSON).
 */
export const reviewRuns = sqliteTable(
  'review_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAt: text('started_at').notNull(),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    /** JSON: the rules and parameters this run applied */
    rules: text('rules').notNull(),
    candidateCount: integer('candidate_count').notNull().default(0),
    /** how long the candidate query took, in ms */
    durationMs: integer('duration_ms').notNull().default(0),
    /** open (the current one) | closed (a later run replaced it) */
    state: text('state').notNull().default('open'),
  },
  (t) => [index('review_runs_started').on(t.startedAt)],
);

/** The customers a run proposed, the rules that hit and the decision taken on each. */
export const reviewCandidates = sqliteTable(
  'review_candidates',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => reviewRuns.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** bit set of the rules that hit (bit positions in review.rules.ts) */
    ruleMask: integer('rule_mask').notNull(),
    ruleCount: integer('rule_count').notNull(),
    /** facts at run time: last activity, contract end, credit rating name */
    lastActivityAt: text('last_activity_at'),
    contractEndDate: text('contract_end_date'),
    creditRatingName: text('credit_rating_name'),
    /** null (open) | deactivated | scheduled | frozen | kept */
    decision: text('decision'),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.customerId] }), index('review_candidates_customer').on(t.customerId)],
);

/** "Keep": a customer reviewed and kept is not proposed again until `keptUntil`. */
export const reviewKeeps = sqliteTable('review_keeps', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  /** local calendar date 'YYYY-MM-DD' (exclusive: proposed again on that date) */
  keptUntil: text('kept_until').notNull(),
  note: text('note').notNull(),
  runId: integer('run_id').references(() => reviewRuns.id),
  at: text('at').notNull(),
  by: integer('by')
    .notNull()
    .references(() => users.id),
});
