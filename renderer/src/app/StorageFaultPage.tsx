// antd's prebuilt styles of every component the sign-in screen does not use (build/antd-css.mts)
import 'virtual:antd-rest.css';
import { Collapse, Descriptions, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StorageFault } from '../../../electron/core/system/shared/system.contract';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Shown instead of signing in when the data cannot be used (full disk, read-only folder, damaged
 * file): what happened, where the data is, what to do, and SQLite's own words for whoever helps.
 */
export function StorageFaultPage({ fault }: { fault: StorageFault }) {
  const { t } = useTranslation();
  const { kind } = fault;
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
            { key: 'what', label: t('fault.whatHappened'), children: t(`fault.${kind}.what`) },
            { key: 'folder', label: t('fault.folder'), children: path(fault.dataDir) },
            { key: 'file', label: t('fault.file'), children: path(fault.file) },
            { key: 'todo', label: t('fault.whatToDo'), children: <Typography.Text strong>{t(`fault.${kind}.todo`)}</Typography.Text> },
          ]}
        />
        {/* The restore offer goes here once backups exist (a later issue fills fault.restore). */}
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
