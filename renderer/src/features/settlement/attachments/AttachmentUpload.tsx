import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/apiErrors';
import { type SentFile, sendAttachment, tooLarge } from './attachmentTransfer';
import { sizeText } from './sizeText';

interface Props {
  value: SentFile[];
  onChange: (files: SentFile[]) => void;
  /** one file only (the invoice's) */
  single?: boolean;
  disabled?: boolean;
}

/**
 * 附件: picked files go up in pieces at once (settlement.uploadPart); the form sends their ids with
 * the voucher. A file too large is refused before it is sent.
 */
export function AttachmentUpload({ value, onChange, single, disabled }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const pick = async (files: FileList | null) => {
    setRefused(null);
    let next = single ? [] : [...value];
    for (const file of Array.from(files ?? [])) {
      if (tooLarge(file)) {
        setRefused(file.name);
        continue;
      }
      setSending(file.name);
      try {
        next = [...next, await sendAttachment(file)];
        onChange(next);
      } catch (error) {
        reportError(error);
      }
    }
    setSending(null);
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<UploadOutlined aria-hidden />}
          disabled={disabled || sending !== null}
          loading={sending !== null}
          onClick={() => input.current?.click()}
        >
          {single ? t('settlement.attachments.pickOne') : t('settlement.attachments.pick')}
        </Button>
        <Typography.Text type="secondary">
          {single ? t('settlement.attachments.invoiceHint') : t('settlement.attachments.hint')}
        </Typography.Text>
        <input
          ref={input}
          type="file"
          multiple={!single}
          style={{ display: 'none' }}
          data-testid="attachment-input"
          onChange={(e) => void pick(e.target.files)}
        />
      </Flex>
      {sending && (
        <Typography.Text type="secondary">{t('settlement.attachments.sending', { name: sending })}</Typography.Text>
      )}
      {refused && (
        <Typography.Text type="danger">{t('settlement.attachments.tooLarge', { name: refused })}</Typography.Text>
      )}
      {value.map((f) => (
        <Flex key={f.partsId} gap={8} align="center">
          <PaperClipOutlined aria-hidden />
          <span>{f.fileName}</span>
          <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
          <Button
            type="link"
            size="small"
            disabled={disabled}
            onClick={() => onChange(value.filter((x) => x.partsId !== f.partsId))}
          >
            {t('settlement.attachments.removeNew')}
          </Button>
        </Flex>
      ))}
    </Flex>
  );
}
