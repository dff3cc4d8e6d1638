import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupInspection } from '../../../../electron/core/backup/shared/backup.contract';
import { formatDateTime } from '../../shared/format';
import { translateKey } from '../../shared/translate';
import { countsText, formatBytes } from './backupFormat';

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
              <div>{translateKey(inspection.refusal ?? '', { file: inspection.path })}</div>
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
