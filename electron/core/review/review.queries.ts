import { addDays } from '../clock';
import type { Core } from '../core';
import type { ReviewRuleKey, ReviewSettings } from './shared/review.contract';

/** What a rule's query may use: the settings of the run, its instant and local date. */
export interface RuleQueryContext {
  core: Core;
  settings: ReviewSettings;
  now: Date;
  /** local calendar date of `now` */
  today: string;
}

/**
 * One set-based query: `SELECT <customer id> AS customer_id ...`, at most one row per customer.
 * It only says who the rule hits; which customers may be candidates at all (state, merges,
 * schedules, keeps) is decided once around the union of all rules.
 */
interface RuleQuery {
  sql: string;
  params: unknown[];
}

export interface RuleQuerySource {
  /** extra condition for availability (e.g. a table a feature creates); absent = available */
  available?(core: Core): boolean;
  build(ctx: RuleQueryContext): RuleQuery;
}

/** Whether the rule can run: one of the core's features gives its query, and the data it reads exists. */
export function ruleAvailable(core: Core, key: ReviewRuleKey): boolean {
  const s = core.assembly.reviewRules.get(key);
  return !!s && (s.available?.(core) ?? true);
}

export function ruleQuery(key: ReviewRuleKey, ctx: RuleQueryContext): RuleQuery {
  const s = ctx.core.assembly.reviewRules.get(key);
  if (!s) throw new Error(`review rule ${key} has no query`);
  return s.build(ctx);
}

const DAY_MS = 86_400_000;

/**
 * The queries of the rules that read the customer archive itself (the review feature gives
 * them); stocktake and settlement give theirs (stocktakeMissing, overdueReceivables,
 * overCreditLimit) from their own feature modules (Feature.reviewRules).
 */
export const archiveRuleQueries: Readonly<Partial<Record<ReviewRuleKey, RuleQuerySource>>> = {
  // no activity for `days` days: last_activity_at (UTC ISO) before now − days (index customers_last_activity)
  inactivity: {
    build: ({ settings, now }) => ({
      sql: 'SELECT id AS customer_id FROM customers WHERE last_activity_at < ?',
      params: [new Date(now.getTime() - settings.rules.inactivity.days * DAY_MS).toISOString()],
    }),
  },

  // contract ended more than graceDays days ago: end date before today − graceDays (partial index customers_contract_end)
  contractEnded: {
    build: ({ settings, today }) => ({
      sql: 'SELECT id AS customer_id FROM customers WHERE contract_end_date < ?',
      params: [addDays(today, -settings.rules.contractEnded.graceDays)],
    }),
  },

  // credit rating at or below a level: the creditRating items listed at or after it (index customers_rating)
  creditRating: {
    build: ({ settings }) => ({
      sql: `SELECT id AS customer_id FROM customers WHERE credit_rating_id IN (
        SELECT l.id FROM lookups l WHERE l.kind = 'creditRating'
          AND l.sort >= (SELECT x.sort FROM lookups x WHERE x.id = ? AND x.kind = 'creditRating'))`,
      params: [settings.rules.creditRating.ratingId],
    }),
  },
};
