import type { ReviewRuleKey } from './review.contract';

/**
 * The review's rules as data: the bit a hit sets in a candidate's rule_mask, the deactivation
 * reason (lookup key) it suggests, and the feature whose data it reads. The SQL of each rule is
 * core-side (review.queries.ts); this file is contract-side, so the renderer may read it too.
 */
interface ReviewRuleDef {
  key: ReviewRuleKey;
  /** bit in review_candidates.rule_mask: stored, so never renumbered */
  bit: number;
  /** deactivationReason lookup key a hit suggests */
  reasonKey: 'inactive' | 'contractEnded' | 'creditRisk';
  /** the feature the rule reads, when it is not the customer archive itself */
  needs: 'stocktake' | 'settlement' | null;
}

export const REVIEW_RULES: readonly ReviewRuleDef[] = [
  { key: 'inactivity', bit: 1, reasonKey: 'inactive', needs: null },
  { key: 'contractEnded', bit: 2, reasonKey: 'contractEnded', needs: null },
  { key: 'creditRating', bit: 4, reasonKey: 'creditRisk', needs: null },
  { key: 'stocktakeMissing', bit: 8, reasonKey: 'inactive', needs: 'stocktake' },
  { key: 'overdueReceivables', bit: 16, reasonKey: 'creditRisk', needs: 'settlement' },
  { key: 'overCreditLimit', bit: 32, reasonKey: 'creditRisk', needs: 'settlement' },
];

export function reviewRule(key: ReviewRuleKey): ReviewRuleDef {
  const r = REVIEW_RULES.find((x) => x.key === key);
  if (!r) throw new Error(`unknown review rule ${key}`);
  return r;
}

/** The rules whose bits are set, in registry order. */
export function rulesOfMask(mask: number): ReviewRuleKey[] {
  return REVIEW_RULES.filter((r) => (mask & r.bit) !== 0).map((r) => r.key);
}

/** The reason to prefill for a candidate: that of the first rule (registry order) that hit. */
export function suggestedReasonKey(mask: number): string {
  return REVIEW_RULES.find((r) => (mask & r.bit) !== 0)?.reasonKey ?? 'other';
}
