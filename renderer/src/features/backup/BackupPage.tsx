import { CloudUploadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../electron/core/backup/shared/backup.contract';
import { call } from '../../api';
import { useMinuteClock } from '../../app/BackupStatusBar';
import { useAction, useCall } from '../../shared/useCall';
import { BackupProgressBar } from './BackupProgressBar';
import { BackupSettingsForm } from './BackupSettingsForm';
import { useBackupStatus } from './backupStatusStore';
import { BackupStatusHeader } from './BackupStatusHeader';
import { BackupTable } from './BackupTable';
import { ExportModal } from './ExportModal';
import { RestoreFileModal } from './RestoreFileModal';
import { RestoreModal } from './RestoreModal';

/** 备份与恢复: the status, 立即备份 with its progress, the backups (export, restore), restore another file, the settings. */
export function BackupPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const now = useMinuteClock();
  const status = useBackupStatus((s) => s.status);
  const progress = useBackupStatus((s) => s.progress);
  const list = useCall('backup.list', {});
  const running = useAction();
  const [exporting, setExporting] = useState<BackupEntry | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [restoringFile, setRestoringFile] = useState(false);
  // a backup runs: this page's (立即备份) or another's (a timer, another administrator)
  const busy = running.busy || status?.running != null;

  const runNow = () =>
    running.run(async () => {
      useBackupStatus.getState().setProgress(null);
      try {
        const made = await call('backup.run', {});
        if (made.check === 'ok') void message.success(t('backup.run.done'));
        else modal.warning({ title: t('backup.run.failedCheck', { detail: made.checkDetail ?? '' }) });
      } finally {
        useBackupStatus.getState().setProgress(null);
        void list.reload();
        void useBackupStatus.getState().refresh();
      }
    });

  const backupsTab = (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} loading={busy} onClick={() => void runNow()}>
          {t('backup.run.button')}
        </Button>
        <Button icon={<FolderOpenOutlined aria-hidden />} disabled={busy} onClick={() => setRestoringFile(true)}>
          {t('backup.list.restoreFile')}
        </Button>
      </Flex>
      {busy && <BackupProgressBar progress={progress} />}
      <BackupTable
        backups={list.data?.backups ?? []}
        loading={list.loading}
        onExport={setExporting}
        onRestore={setRestoring}
      />
    </Flex>
  );

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('backup.title')}
      </Typography.Title>
      <BackupStatusHeader status={status} folder={list.data?.folder} now={now} />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          { key: 'backups', label: t('backup.tabs.backups'), children: backupsTab },
          { key: 'settings', label: t('backup.tabs.settings'), children: <BackupSettingsForm /> },
        ]}
      />
      <ExportModal backup={exporting} folder={list.data?.folder ?? ''} onClose={() => setExporting(null)} />
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
      <RestoreFileModal open={restoringFile} onClose={() => setRestoringFile(false)} />
    </Card>
  );
}
