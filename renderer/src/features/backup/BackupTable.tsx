import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../electron/core/backup/shared/backup.contract';
import { formatDateTime } from '../../shared/format';
import { formatBytes, formatDuration } from './backupFormat';

const SECOND_COLOR = { ok: 'green', failed: 'red', pending: 'gold', none: undefined } as const;

/** Only a backup whose file is still there and whose check passed may be restored. */
export const restorable = (b: BackupEntry) => b.present && b.check === 'ok';

/** The check's result; a failed one tells, on hover, what SQLite found. */
function CheckTag({ backup }: { backup: BackupEntry }) {
  const { t } = useTranslation();
  if (backup.check === 'ok') return <Tag color="green">{t('backup.list.checkOk')}</Tag>;
  const hint = t('backup.list.checkFailedHint');
  return (
    <Tooltip title={backup.checkDetail ? `${hint} ${backup.checkDetail}` : hint}>
      <Tag color="red" data-testid="check-failed">
        {t('backup.list.checkFailed')}
      </Tag>
    </Tooltip>
  );
}

/** The backups, newest first: time, trigger, size, duration, check, where; 导出 and 恢复 per row. */
export function BackupTable({
  backups,
  loading,
  onExport,
  onRestore,
}: {
  backups: BackupEntry[];
  loading: boolean;
  onExport: (b: BackupEntry) => void;
  onRestore: (b: BackupEntry) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BackupEntry> = [
    { key: 'at', title: t('backup.list.at'), render: (_, b) => formatDateTime(b.at), width: 170 },
    {
      key: 'trigger',
      title: t('backup.list.trigger'),
      render: (_, b) => (
        <Flex vertical>
          <span>{t(`backup.trigger.${b.trigger}`)}</span>
          {b.byUserName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('backup.list.by', { name: b.byUserName })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'size', title: t('backup.list.size'), align: 'right', render: (_, b) => formatBytes(b.sizeBytes) },
    { key: 'duration', title: t('backup.list.duration'), align: 'right', render: (_, b) => formatDuration(b.durationMs) },
    {
      key: 'check',
      title: t('backup.list.check'),
      render: (_, b) => <CheckTag backup={b} />,
    },
    {
      key: 'where',
      // what the file names say (they are what the user sees in the backups folder)
      title: (
        <Flex align="center" gap={4}>
          <span>{t('backup.list.where')}</span>
          <Tooltip title={t('backup.list.whereHint')}>
            <QuestionCircleOutlined aria-label={t('backup.list.whereHint')} style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Flex>
      ),
      render: (_, b) => (
        <Flex vertical gap={2}>
          <Typography.Text delete={!b.present} type={b.present ? undefined : 'secondary'} style={{ fontSize: 12 }}>
            {b.fileName}
          </Typography.Text>
          {b.present ? (
            b.secondCopy !== 'none' && (
              <span>
                <Tag color={SECOND_COLOR[b.secondCopy]}>{t(`backup.second.${b.secondCopy}`)}</Tag>
              </span>
            )
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('backup.list.pruned')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, b) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={!b.present} onClick={() => onExport(b)}>
            {t('backup.list.export')}
          </Button>
          <Tooltip title={restorable(b) ? undefined : t('backup.list.notRestorable')}>
            <Button type="link" size="small" danger disabled={!restorable(b)} onClick={() => onRestore(b)}>
              {t('backup.list.restore')}
            </Button>
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <Table<BackupEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={backups}
      loading={loading}
      pagination={backups.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('backup.list.empty') }}
      onRow={(b) => ({ 'data-file': b.fileName, 'data-trigger': b.trigger }) as HTMLAttributes<HTMLElement>}
    />
  );
}
