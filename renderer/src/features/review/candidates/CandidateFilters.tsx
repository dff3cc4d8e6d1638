import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRuleKey } from '../../../../../electron/core/review/shared/review.contract';
import { ruleName } from '../ruleText';
import type { DecisionFilter } from './useCandidates';

const DECISIONS: readonly DecisionFilter[] = ['open', 'decided', 'all'];

interface Props {
  rules: readonly ReviewRuleKey[];
  rule: ReviewRuleKey | null;
  decision: DecisionFilter;
  onRule(rule: ReviewRuleKey | null): void;
  onDecision(decision: DecisionFilter): void;
}

/** Filter the candidates by the rule that hit and by decision (待处理 / 已处理 / 全部). */
export function CandidateFilters({ rules, rule, decision, onRule, onDecision }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Segmented<DecisionFilter>
        aria-label={t('review.filters.decision')}
        value={decision}
        onChange={onDecision}
        options={DECISIONS.map((d) => ({ value: d, label: t(`review.filters.${d}`) }))}
      />
      <Select<ReviewRuleKey>
        aria-label={t('review.filters.rule')}
        placeholder={t('review.filters.allRules')}
        allowClear
        value={rule ?? undefined}
        onChange={(v) => onRule(v ?? null)}
        options={rules.map((r) => ({ value: r, label: ruleName(r) }))}
        style={{ width: 200 }}
      />
    </Flex>
  );
}
