import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { backupContract, type BackupEntry } from '../../../../electron/core/backup/shared/backup.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
import { formatMinute } from '../../shared/format';
import { zodRule } from '../../shared/zodRule';
import { afterRestore } from './restoreDone';
import { RestoreWarnings } from './RestoreWarnings';

export const reasonSchema = backupContract['backup.restore'].input.shape.reason;

/** The reason field of a restore (optional, logged with it). */
export function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={t('backup.restore.reason')} rules={[zodRule(reasonSchema)]}>
      <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('backup.restore.reasonPlaceholder')} />
    </Form.Item>
  );
}

/** 恢复 of a listed backup: says what will happen, takes an optional reason, then restores. */
export function RestoreModal({ backup, onClose }: { backup: BackupEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!backup) return null;
  return (
    <FormModal<{ reason?: string }>
      open
      danger
      title={t('backup.restore.title')}
      intro={<RestoreWarnings intro={t('backup.restore.intro', { time: formatMinute(backup.at), file: backup.fileName })} />}
      okText={t('backup.restore.ok')}
      fields={['reason']}
      width={600}
      onCancel={onClose}
      onSubmit={async ({ reason }) => {
        await call('backup.restore', { source: { kind: 'listed', id: backup.id }, reason: reason?.trim() || undefined });
        afterRestore();
      }}
    >
      <ReasonField />
    </FormModal>
  );
}
