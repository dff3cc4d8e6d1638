// antd's prebuilt styles of every component the sign-in screen does not use (build/antd-css.mts)
import 'virtual:antd-rest.css';
import { Collapse, Descriptions, Flex, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageFault } from '../../../electron/core/system/shared/system.contract';
import { LanguageSwitch } from './LanguageSwitch';
import { currentLocale } from './locale';
import { RestoreOffer } from './RestoreOffer';
import { loadFeatureTexts } from './texts';

const NO_BACKUP = { movedTo: null, newest: null };

/** After a restore the core serves again: a fresh start asks it and shows sign-in. */
const reloadApp = () => window.location.reload();

/**
 * Shown instead of signing in when the data cannot be used (full disk, read-only folder, damaged
 * file): what happened, where the data is, what to do, and SQLite's own words for whoever helps.
 */
export function StorageFaultPage({ fault }: { fault: StorageFault }) {
  const { t } = useTranslation();
  const { kind } = fault;
  // a damaged file the core set aside, with (or without) a backup to restore
  // (none: the core found no backup that passed its check, and left the file where it was)
  const offer = kind === 'corrupt' ? (fault.restore ?? NO_BACKUP) : null;
  const what = offer?.movedTo ? t('fault.restore.movedWhat') : t(`fault.${kind}.what`);
  // a refused restore names its reason with the backup feature's texts (backup.*)
  useEffect(() => {
    if (offer) void loadFeatureTexts(currentLocale());
  }, [offer]);
  const todo = offer?.newest ? t('fault.restore.todo') : t(`fault.${kind}.todo`);
  const path = (p: string) => (
    <Typography.Text code copyable>
      {p}
    </Typography.Text>
  );
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '16px 24px' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Result
        status={kind === 'corrupt' ? 'error' : 'warning'}
        title={t(`fault.${kind}.title`)}
        style={{ width: '100%', maxWidth: 880, paddingTop: 8 }}
      >
        <Descriptions
          column={1}
          bordered
          size="small"
          styles={{ label: { width: 132, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'what', label: t('fault.whatHappened'), children: what },
            { key: 'folder', label: t('fault.folder'), children: path(fault.dataDir) },
            { key: 'file', label: t('fault.file'), children: path(fault.file) },
            ...(offer?.movedTo ? [{ key: 'moved', label: t('fault.restore.movedTo'), children: path(offer.movedTo) }] : []),
            { key: 'todo', label: t('fault.whatToDo'), children: <Typography.Text strong>{todo}</Typography.Text> },
          ]}
        />
        {offer && <RestoreOffer offer={offer} onRestored={reloadApp} />}
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 12 }}
          items={[{ key: 'detail', label: t('fault.detail'), children: <Typography.Text code>{fault.detail}</Typography.Text> }]}
        />
      </Result>
    </Flex>
  );
}
