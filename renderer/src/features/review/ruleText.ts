import dayjs from 'dayjs';
import i18n from 'i18next';
import type { ReviewCandidate, ReviewRuleKey } from '../../../../electron/core/review/shared/review.contract';

/** Tag colours of the rules (the same rule looks the same everywhere). */
export const RULE_COLORS: Record<ReviewRuleKey, string> = {
  inactivity: 'gold',
  contractEnded: 'volcano',
  creditRating: 'red',
  stocktakeMissing: 'purple',
  overdueReceivables: 'magenta',
  overCreditLimit: 'orange',
};

/** The rule's name (长期无交易, 合同到期 …). */
export function ruleName(rule: ReviewRuleKey): string {
  return i18n.t(`review.rule.${rule}`);
}

/** A local calendar date of a UTC instant. */
export function localDate(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : null;
}

/**
 * What a rule found for a candidate, as facts at run time ("合同到期 2025-06-30",
 * "无交易 420 天（最后 2025-09-01）", "信用等级 D"); the rule's name when it has no facts.
 */
export function ruleFact(rule: ReviewRuleKey, c: ReviewCandidate, runStartedAt: string | null): string {
  switch (rule) {
    case 'inactivity':
      if (c.lastActivityAt && runStartedAt) {
        const days = dayjs(runStartedAt).diff(dayjs(c.lastActivityAt), 'day');
        return i18n.t('review.fact.inactivity', { days, date: localDate(c.lastActivityAt) });
      }
      break;
    case 'contractEnded':
      if (c.contractEndDate) return i18n.t('review.fact.contractEnded', { date: c.contractEndDate });
      break;
    case 'creditRating':
      if (c.creditRatingName) return i18n.t('review.fact.creditRating', { rating: c.creditRatingName });
      break;
  }
  return ruleName(rule);
}
