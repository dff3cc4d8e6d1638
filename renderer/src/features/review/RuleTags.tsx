import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewCandidate, ReviewRuleKey } from '../../../../electron/core/review/shared/review.contract';
import { RULE_COLORS, ruleFact, ruleName } from './ruleText';

/** The rules that hit a candidate, each with the facts behind it. */
export function CandidateRuleTags({
  candidate,
  runStartedAt,
}: {
  candidate: ReviewCandidate;
  runStartedAt: string | null;
}) {
  useTranslation();
  return (
    <Flex wrap gap={4}>
      {candidate.rules.map((rule) => (
        <Tag key={rule} color={RULE_COLORS[rule]} style={{ marginInlineEnd: 0 }}>
          {ruleFact(rule, candidate, runStartedAt)}
        </Tag>
      ))}
    </Flex>
  );
}

/** Rule names as tags (a run's rules). */
export function RuleNameTags({ rules }: { rules: readonly ReviewRuleKey[] }) {
  useTranslation();
  return (
    <Flex wrap gap={4}>
      {rules.map((rule) => (
        <Tag key={rule} color={RULE_COLORS[rule]} variant="outlined" style={{ marginInlineEnd: 0 }}>
          {ruleName(rule)}
        </Tag>
      ))}
    </Flex>
  );
}
