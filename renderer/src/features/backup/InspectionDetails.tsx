import { Alert, Descriptions, Typography } from 'antd';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupInspection } from '../../../../electron/core/backup/shared/backup.contract';
import { formatDateTime } from '../../shared/format';
import { translateKey, translateOr } from '../../shared/translate';
import { formatBytes } from './backupFormat';

/** Rows of a database's main tables in words: "客户 1,203 条、用户 3 条". */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, count]) =>
      i18n.t('backup.table.count', { name: translateOr('backup.table', table), n: count.toLocaleString() }),
    )
    .join(i18n.t('common.listSeparator'));
}

/** What a chosen file is, as backup.inspect found it: may it be restored (or why not), and what it holds. */
export function InspectionDetails({ inspection }: { inspection: BackupInspection }) {
  const { t } = useTranslation();
  const refused = inspection.refusal !== null;
  const version = inspection.schemaVersion
    ? inspection.needsMigration
      ? t('backup.inspect.needsMigration', { version: inspection.schemaVersion })
      : inspection.schemaVersion
    : t('backup.inspect.unknown');
  return (
    <>
      <Alert
        type={refused ? 'error' : 'success'}
        showIcon
        data-testid="inspection-result"
        style={{ marginBottom: 12 }}
        title={refused ? t('backup.inspect.refused') : t('backup.inspect.ok')}
        description={
          refused ? (
            <>
              <div>{translateKey(inspection.refusal ?? '')}</div>
              {inspection.detail && <Typography.Text code>{inspection.detail}</Typography.Text>}
            </>
          ) : undefined
        }
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'size', label: t('backup.inspect.size'), children: formatBytes(inspection.sizeBytes) },
          { key: 'schema', label: t('backup.inspect.schema'), children: version },
          {
            key: 'lastChange',
            label: t('backup.inspect.lastChange'),
            children: formatDateTime(inspection.lastChangeAt) ?? t('backup.inspect.unknown'),
          },
          {
            key: 'counts',
            label: t('backup.inspect.counts'),
            children: Object.keys(inspection.counts).length
              ? countsText(inspection.counts)
              : t('backup.inspect.unknown'),
          },
        ]}
      />
    </>
  );
}
