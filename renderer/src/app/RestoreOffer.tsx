import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageFault } from '../../../electron/core/system/shared/system.contract';
import { call } from '../api';
import { ageText } from '../features/backup/backupFormat';
import { errorText } from '../shared/apiErrors';
import { formatMinute } from '../shared/format';

type Offer = NonNullable<StorageFault['restore']>;

/**
 * The damaged file's way back: restore the newest backup that passed its check (its time and age
 * said first), then the page reloads into sign-in. Without such a backup it says so (what to do
 * stands above it). Never a way to delete anything.
 */
export function RestoreOffer({ offer, onRestored }: { offer: Offer; onRestored: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'working' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const newest = offer.newest;

  if (!newest) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="restore-offer"
        style={{ marginTop: 16, textAlign: 'start' }}
        title={t('fault.restore.noneTitle')}
        description={t('fault.restore.none')}
      />
    );
  }

  const restore = async () => {
    setState('working');
    setError(null);
    try {
      await call('backup.restoreDamaged', { fileName: newest.fileName });
      setState('done');
      onRestored();
    } catch (e) {
      setError(errorText(e));
      setState('idle');
    }
  };

  return (
    <Alert
      type="info"
      showIcon
      data-testid="restore-offer"
      style={{ marginTop: 16, textAlign: 'start' }}
      title={t('fault.restore.offerTitle')}
      description={
        <Flex vertical gap={12} align="flex-start">
          <span>{t('fault.restore.offer', { time: formatMinute(newest.at), age: ageText(newest.ageHours) })}</span>
          <Button type="primary" loading={state === 'working'} disabled={state === 'done'} onClick={() => void restore()}>
            {t('fault.restore.button')}
          </Button>
          {state === 'working' && <Typography.Text type="secondary">{t('fault.restore.working')}</Typography.Text>}
          {state === 'done' && <Typography.Text type="success">{t('fault.restore.done')}</Typography.Text>}
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Flex>
      }
    />
  );
}
