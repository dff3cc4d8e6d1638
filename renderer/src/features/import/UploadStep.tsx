import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../electron/core/import/shared/import.contract';
import { call } from '../../api/index';
import { useAction } from '../../shared/useCall';
import { downloadFile } from './fileTransfer';

interface Props {
  busy: boolean;
  onFile(file: File): void;
}

/** Step 1: the template to fill in, and the file to import (.xlsx or .csv). */
export function UploadStep({ busy, onFile }: Props) {
  const { t } = useTranslation();
  const { busy: fetching, run } = useAction();
  const template = () => run(async () => downloadFile(await call('customer.importTemplate', {})));

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text>{t('import.upload.templateHint')}</Typography.Text>
        <Button icon={<DownloadOutlined />} loading={fetching} onClick={template}>
          {t('import.upload.template')}
        </Button>
      </Flex>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.upload.drop')}</p>
        <p className="ant-upload-hint">{t('import.upload.hint', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
      </Upload.Dragger>
    </Flex>
  );
}

