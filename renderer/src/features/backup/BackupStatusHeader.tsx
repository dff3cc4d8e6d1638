import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../electron/core/backup/shared/backup.contract';
import { formatMinute } from '../../shared/format';
import { ageText, hoursSince, isStale } from './backupFormat';

/**
 * The page's header: when the last good backup was made and how long ago, a warning when it is
 * too old, the second location's state in plain words, and the folder the backups are in.
 */
export function BackupStatusHeader({
  status,
  folder,
  now,
}: {
  status: BackupStatus | null;
  folder: string | undefined;
  now: number;
}) {
  const { t } = useTranslation();
  if (!status) return null;
  const stale = isStale(status, now);
  const second = status.secondLocation;
  const lastGood = status.lastGoodAt
    ? t('backup.header.lastGoodValue', {
        time: formatMinute(status.lastGoodAt),
        age: ageText(hoursSince(status.lastGoodAt, now)),
      })
    : t('backup.header.none');
  const secondText = !second
    ? t('backup.header.secondNone')
    : second.reachable
      ? second.lastCheckedAt
        ? t('backup.header.secondOkChecked', { time: formatMinute(second.lastCheckedAt) })
        : t('backup.header.secondOk')
      : t('backup.header.secondUnreachable');
  return (
    <Flex vertical gap={12}>
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="backup-stale"
          title={
            status.lastGoodAt
              ? t('backup.header.stale', { days: status.warnAfterDays })
              : t('backup.header.staleNone')
          }
        />
      )}
      {second && !second.reachable && (
        <Alert
          type="error"
          showIcon
          data-testid="backup-second-unreachable"
          title={t('backup.header.secondUnreachableText', { path: second.path })}
          description={second.error ? t('backup.header.osSays', { error: second.error }) : undefined}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'last',
            label: t('backup.header.lastGood'),
            children: (
              <Typography.Text type={stale ? 'warning' : undefined} strong data-testid="backup-last-good">
                {lastGood}
              </Typography.Text>
            ),
          },
          {
            key: 'second',
            label: t('backup.header.second'),
            children: (
              <Typography.Text type={second && !second.reachable ? 'danger' : undefined}>
                {second ? (
                  <>
                    <Typography.Text code>{second.path}</Typography.Text> {secondText}
                  </>
                ) : (
                  secondText
                )}
              </Typography.Text>
            ),
          },
          ...(folder
            ? [
                {
                  key: 'folder',
                  label: t('backup.header.folder'),
                  children: (
                    <Typography.Text code copyable>
                      {folder}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
