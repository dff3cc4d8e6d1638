import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { InvalidField } from '../errors';
import { defineSetting } from '../settings/settings.store';
import { REVIEW_RULE_KEYS, type ReviewSettings, reviewSettingsSchema } from './shared/review.contract';
import { ruleAvailable } from './review.queries';
import { REVIEW_RULES } from './shared/review.rules';

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  rules: {
    inactivity: { enabled: true, days: 365 },
    contractEnded: { enabled: true, graceDays: 0 },
    creditRating: { enabled: false, ratingId: null },
    stocktakeMissing: { enabled: false },
    overdueReceivables: { enabled: false, days: 30 },
    overCreditLimit: { enabled: false },
  },
  keepDays: 180,
  intervalMonths: 3,
};

/** Settings key 'review': the stored value over the defaults (a rule added later starts with its defaults). */
const REVIEW_SETTINGS = defineSetting<ReviewSettings>({
  key: 'review',
  schema: reviewSettingsSchema,
  defaults: DEFAULT_REVIEW_SETTINGS,
  overDefaults: (value, d) => {
    const stored = (value ?? {}) as Partial<ReviewSettings>;
    const rules = Object.fromEntries(
      REVIEW_RULE_KEYS.map((k) => [k, { ...d.rules[k], ...(stored.rules?.[k] ?? {}) }]),
    ) as ReviewSettings['rules'];
    return { ...d, ...stored, rules };
  },
});

export function getReviewSettings(core: Core): ReviewSettings {
  return core.settings.get(REVIEW_SETTINGS);
}

/** Each rule: whether it can run now, and the reason a hit suggests. */
function reviewRuleStates(core: Core) {
  return REVIEW_RULES.map((r) => ({ key: r.key, available: ruleAvailable(core, r.key), reasonKey: r.reasonKey }));
}

export function reviewSettingsView(core: Core) {
  return { settings: getReviewSettings(core), rules: reviewRuleStates(core) };
}

function ratingName(core: Core, id: number | null): string | null {
  if (id == null) return null;
  return (
    (core.sqlite.prepare(`SELECT name FROM lookups WHERE id = ? AND kind = 'creditRating'`).pluck().get(id) as
      | string
      | undefined) ?? null
  );
}

/** Refuses a rule that cannot run yet, and a credit rule without a credit rating level. */
function assertValid(core: Core, s: ReviewSettings): void {
  const unavailable = REVIEW_RULES.filter((r) => s.rules[r.key].enabled && !ruleAvailable(core, r.key));
  if (unavailable.length) {
    throw InvalidField(
      unavailable.map((r) => `rules.${r.key}.enabled`),
      'review.errors.ruleUnavailable',
    );
  }
  const { enabled, ratingId } = s.rules.creditRating;
  if ((enabled && ratingId == null) || (ratingId != null && ratingName(core, ratingId) == null)) {
    throw InvalidField('rules.creditRating.ratingId', 'review.errors.ratingRequired');
  }
}

/** One flat record per version, for the operation log (the rating by name, as the customer log does). */
function loggable(core: Core, s: ReviewSettings) {
  const r = s.rules;
  return {
    inactivityEnabled: r.inactivity.enabled,
    inactivityDays: r.inactivity.days,
    contractEndedEnabled: r.contractEnded.enabled,
    contractEndedGraceDays: r.contractEnded.graceDays,
    creditRatingEnabled: r.creditRating.enabled,
    creditRatingLevel: ratingName(core, r.creditRating.ratingId),
    stocktakeMissingEnabled: r.stocktakeMissing.enabled,
    overdueReceivablesEnabled: r.overdueReceivables.enabled,
    overdueReceivablesDays: r.overdueReceivables.days,
    overCreditLimitEnabled: r.overCreditLimit.enabled,
    keepDays: s.keepDays,
    intervalMonths: s.intervalMonths,
  };
}

export function updateReviewSettings(core: Core, actor: Actor, next: ReviewSettings) {
  return inTransaction(core, () => {
    assertValid(core, next);
    const before = loggable(core, getReviewSettings(core));
    core.settings.put(REVIEW_SETTINGS, next, core.clock.now(), actor.id);
    const after = loggable(core, next);
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'settings',
      entityId: REVIEW_SETTINGS.key,
      action: 'update',
      changes: diffFields(before, after, Object.keys(after) as (keyof typeof after)[]),
    });
    return reviewSettingsView(core);
  });
}
