import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRun } from '../../../../../electron/core/review/shared/review.contract';
import { formatMinute } from '../../../shared/format';
import { RuleNameTags } from '../RuleTags';
import type { ReviewStatus } from '../reviewStatusStore';
import { localDate } from '../ruleText';
import { openCount } from '../runCounts';

interface Props {
  run: ReviewRun;
  status: ReviewStatus | null;
  canStart: boolean;
  starting: boolean;
  onStart(): void;
  onReload(): void;
  onBackToCurrent(): void;
}

/** The run shown: when, by whom, how many candidates and how far along; 开始审查 for the current one. */
export function RunHeader({ run, status, canStart, starting, onStart, onReload, onBackToCurrent }: Props) {
  const { t } = useTranslation();
  const open = openCount(run);
  const at = formatMinute(run.startedAt) ?? t('common.empty');
  return (
    <Flex vertical gap={12} style={{ marginBottom: 12 }}>
      {!run.open && (
        <Alert
          type="warning"
          showIcon
          title={t('review.run.viewingOld', { at })}
          action={
            <Button size="small" onClick={onBackToCurrent}>
              {t('review.run.backToCurrent')}
            </Button>
          }
        />
      )}
      {run.open && status?.due && <Alert type="info" showIcon title={t('review.run.due')} />}
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={6}>
          <Flex align="center" gap={8} wrap>
            {run.open && <Tag color="blue">{t('review.run.current')}</Tag>}
            <Typography.Text strong>
              {t('review.run.summary', {
                at,
                by: run.startedByName ?? t('review.run.unknownUser'),
                count: run.candidateCount,
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('review.run.progress', { open, done: run.candidateCount - open })}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={6} wrap>
            <Typography.Text type="secondary">{t('review.run.rules')}</Typography.Text>
            <RuleNameTags rules={run.rules} />
          </Flex>
        </Flex>
        <Space size={8} wrap>
          {run.open && status?.nextDueAt && (
            <Typography.Text type="secondary">
              {t('review.run.nextDue', { date: localDate(status.nextDueAt) })}
            </Typography.Text>
          )}
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('common.refresh')} onClick={onReload} />
          </Tooltip>
          {canStart && (
            <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} loading={starting} onClick={onStart}>
              {t('review.start.button')}
            </Button>
          )}
        </Space>
      </Flex>
    </Flex>
  );
}
