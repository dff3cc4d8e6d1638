import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a restore does, said before it is confirmed: current data backed up first, later changes gone, everyone signed out. */
export function RestoreWarnings({ intro }: { intro?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={intro}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>{t('backup.restore.before')}</li>
          <li>{t('backup.restore.lost')}</li>
          <li>{t('backup.restore.signOut')}</li>
        </ul>
      }
    />
  );
}
