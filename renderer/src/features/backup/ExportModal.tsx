import { App, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { backupContract, type BackupEntry } from '../../../../electron/core/backup/shared/backup.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
import { formatMinute } from '../../shared/format';
import { zodRule } from '../../shared/zodRule';
import { formatBytes } from './backupFormat';

const pathSchema = backupContract['backup.export'].input.shape.path;

/**
 * A suggested place for an exported backup: beside the backups folder (the data folder), named
 * with its local time. The user usually types a USB disk's folder over it; a file dialog is the
 * Electron shell's to add.
 */
export function suggestedExportPath(folder: string, fileName: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const trimmed = folder.replace(/[\\/]+$/, '');
  const parent = trimmed.includes(sep) ? trimmed.slice(0, trimmed.lastIndexOf(sep)) : trimmed;
  return `${parent}${sep}${fileName}`;
}

/** 导出: copies a listed backup to a path the user gives (on this computer). */
export function ExportModal({
  backup,
  folder,
  onClose,
}: {
  backup: BackupEntry | null;
  folder: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (!backup) return null;
  const stamp = dayjs(backup.at).format('YYYYMMDD-HHmm');
  return (
    <FormModal<{ path: string }>
      open
      title={t('backup.export.title')}
      intro={<p>{t('backup.export.intro', { time: formatMinute(backup.at) })}</p>}
      okText={t('backup.export.ok')}
      fields={['path']}
      initialValues={{ path: suggestedExportPath(folder, t('backup.export.fileName', { stamp })) }}
      width={640}
      submitOnEnter
      onCancel={onClose}
      onSubmit={async ({ path }) => {
        const done = await call('backup.export', { id: backup.id, path });
        void message.success(t('backup.export.done', { path: done.path, size: formatBytes(done.sizeBytes) }));
        onClose();
      }}
    >
      <Form.Item name="path" label={t('backup.export.path')} rules={[zodRule(pathSchema)]}>
        <Input autoFocus />
      </Form.Item>
    </FormModal>
  );
}
