import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../electron/core/import/shared/import.contract';

/** A progress bar fed by the core's progress events; the phase named above it. */
export function ProgressBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useTranslation();
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <Flex vertical gap={4} style={{ maxWidth: 560 }}>
      <Typography.Text type="secondary">
        {progress
          ? t(`import.progress.${progress.phase}`, { done: progress.done, total: progress.total })
          : t('import.progress.starting')}
      </Typography.Text>
      <Progress percent={percent} status="active" aria-label={t('import.progress.label')} />
    </Flex>
  );
}
