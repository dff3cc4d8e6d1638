import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../../electron/core/backup/shared/backup.contract';
import { progressPercent } from './backupProgress';

/** The bar of a backup being made: copy → check → second location, fed by backup.progress events. */
export function BackupProgressBar({ progress }: { progress: BackupProgress | null }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ maxWidth: 560 }} data-testid="backup-progress">
      <Typography.Text type="secondary">
        {progress
          ? t(`backup.progress.${progress.phase}`, { done: progress.done, total: progress.total })
          : t('backup.progress.starting')}
      </Typography.Text>
      <Progress percent={progressPercent(progress)} status="active" aria-label={t('backup.progress.label')} />
    </Flex>
  );
}
