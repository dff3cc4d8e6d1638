import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Radio, Space, Statistic, Tabs, Typography } from 'antd';
import i18n from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/index';
import { useAction } from '../../shared/useCall';
import { downloadFile } from './fileTransfer';
import { IssuesTable } from './IssuesTable';
import type { ValueMapEntry } from '../../../../electron/core/import/shared/import.contract';
import type { ImportMode, Mapping, Upload, Validation } from './types';

interface Props {
  upload: Upload;
  mapping: Mapping;
  valueMap: ValueMapEntry[];
  validation: Validation;
  busy: boolean;
  onBack(): void;
  onRun(mode: ImportMode): void;
}

/** The message templates (placeholders kept) the error file's reasons are written with. */
function errorFileTexts(keys: string[]): Record<string, string> {
  const texts: Record<string, string> = {};
  const raw = (key: string) => {
    const v = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('zh-CN', 'translation', key);
    return typeof v === 'string' ? v : undefined;
  };
  for (const key of [...keys, 'import.errorsFile.row', 'import.errorsFile.reasons', 'import.errorsFile.fileSuffix']) {
    const v = raw(key) ?? raw(key.startsWith('validation.') ? 'validation.invalid' : 'errors.internal');
    if (v) texts[key] = v;
  }
  return texts;
}

/** Step 4: what the check found, the error list (downloadable), and how to import. */
export function CheckStep({ upload, mapping, valueMap, validation: v, busy, onBack, onRun }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ImportMode>('allOrNothing');
  const { busy: fetching, run } = useAction();
  const blocked = mode === 'allOrNothing' && v.invalidRows > 0;

  const errorsFile = () =>
    run(async () => {
      const texts = errorFileTexts(v.messageKeys);
      await downloadFile(await call('customer.importErrorsFile', { uploadId: upload.uploadId, mapping, valueMap, texts }));
    });

  return (
    <Flex vertical gap={16}>
      <Space size={48} wrap>
        <Statistic title={t('import.check.total')} value={v.total} />
        <Statistic title={t('import.check.valid')} value={v.validRows} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('import.check.invalid')} value={v.invalidRows} styles={v.invalidRows ? { content: { color: '#cf1322' } } : undefined} />
        <Statistic title={t('import.check.warnings')} value={v.warningRows} />
      </Space>
      {v.invalidRows === 0 ? (
        <Alert type="success" showIcon title={t('import.check.allValid', { count: v.total })} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('import.check.hasErrors', { rows: v.invalidRows, count: v.errorCount })}
          action={
            <Button size="small" icon={<DownloadOutlined />} loading={fetching} onClick={errorsFile}>
              {t('import.check.downloadErrors')}
            </Button>
          }
        />
      )}
      <Tabs
        items={[
          {
            key: 'errors',
            label: t('import.check.errorsTab', { count: v.errorCount }),
            children: <IssuesTable uploadId={upload.uploadId} kind="error" first={v.errors} total={v.errorCount} />,
          },
          {
            key: 'warnings',
            label: t('import.check.warningsTab', { count: v.warningCount }),
            children: (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{t('import.check.warningsHint')}</Typography.Text>
                <IssuesTable uploadId={upload.uploadId} kind="warning" first={v.warnings} total={v.warningCount} />
              </Flex>
            ),
          },
        ]}
      />
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('import.check.mode')}</Typography.Text>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
          <Space orientation="vertical">
            <Radio value="allOrNothing">{t('import.check.allOrNothing')}</Radio>
            <Radio value="validOnly">{t('import.check.validOnly', { count: v.validRows })}</Radio>
          </Space>
        </Radio.Group>
        {blocked && <Alert type="warning" showIcon title={t('import.check.blocked')} />}
      </Flex>
      <Space>
        <Button onClick={onBack} disabled={busy}>
          {t('import.back')}
        </Button>
        <Button type="primary" disabled={blocked || v.validRows === 0} loading={busy} onClick={() => onRun(mode)}>
          {t('import.check.run', { count: mode === 'validOnly' ? v.validRows : v.total })}
        </Button>
      </Space>
    </Flex>
  );
}
