import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type BulkAction = 'deactivate' | 'freeze' | 'keep';

interface Props {
  count: number;
  /** the actions this user may take */
  actions: readonly BulkAction[];
  onAction(action: BulkAction): void;
  onClear(): void;
}

/** The selected candidates' actions: 停用, 冻结, 保留. */
export function BulkBar({ count, actions, onAction, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Typography.Text type={count ? undefined : 'secondary'} aria-live="polite">
        {count ? t('review.bulk.selected', { count }) : t('review.bulk.none')}
      </Typography.Text>
      <Space size={8} wrap>
        {actions.map((action) => (
          <Button
            key={action}
            danger={action === 'deactivate'}
            type={action === 'keep' ? 'default' : 'primary'}
            ghost={action !== 'keep'}
            disabled={count === 0}
            onClick={() => onAction(action)}
          >
            {t(`review.bulk.${action}`)}
          </Button>
        ))}
        {count > 0 && (
          <Button type="link" onClick={onClear}>
            {t('review.bulk.clear')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
