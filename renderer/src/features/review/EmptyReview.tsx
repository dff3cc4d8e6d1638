import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRuleKey } from '../../../../electron/core/review/shared/review.contract';
import { ruleName } from './ruleText';

interface Props {
  /** the rules enabled now (null while unknown) */
  enabledRules: ReviewRuleKey[] | null;
  canStart: boolean;
  starting: boolean;
  onStart(): void;
}

/** No run yet: what a review does, and 开始审查. */
export function EmptyReview({ enabledRules, canStart, starting, onStart }: Props) {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ paddingBlock: 32 }}
      description={
        <Flex vertical gap={8} align="center" style={{ maxWidth: 560, marginInline: 'auto' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('review.empty.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('review.empty.text')}</Typography.Text>
          {enabledRules && (
            <Typography.Text>
              {enabledRules.length
                ? t('review.empty.rulesNow', { rules: enabledRules.map(ruleName).join(t('common.listSeparator')) })
                : t('review.empty.noRules')}
            </Typography.Text>
          )}
        </Flex>
      }
    >
      {canStart && (
        <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} loading={starting} onClick={onStart}>
          {t('review.start.button')}
        </Button>
      )}
    </Empty>
  );
}
